/**
 * Writes the up-to-date record (record.ts) at the end of a run that found or left the output up to
 * date, holding the lock: the fast path then answers the next run alike without loading the
 * generator. A stamp goes in only when the full run would trust it too: the one its manifest
 * holds (a page or generated file it did not read again), or one older than the run, so that any
 * change made since it was read moves it; otherwise no record is written (the next run is a full one).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { GeneratorFiles } from '../incremental.js';
import { STATE_DIR, stampOf, writeAtomic, type FileHashes, type Manifest } from '../write-output.js';
import { encodeRecord, RECORD_FILE, STAMP_LENGTH, stampNumbers } from './record.js';

/**
 * How much older than the run a stamp the manifest does not hold must be. A change made after a
 * file was read, in the same tick of its clock, would keep its stamp; file systems tick every few
 * milliseconds, some every second or two (FAT).
 */
export const RACY_MS = 2000;

export interface RecordedRun {
  outDir: string;
  inputDir: string;
  /** The config's text as read; undefined for the defaults. */
  configText?: string;
  /** The pages, with the stamps this run saw, and the folders listed to find them (relative to `inputDir`). */
  inputs: FileHashes;
  folders: readonly string[];
  generator: GeneratorFiles;
  /** The manifest now on disk: its stamps are those the full run trusts. */
  manifest: Manifest;
  /** When the run began (Date.now()), before it listed or read anything. */
  startedAt: number;
}

/** Writes the record for `run`; returns false (writing nothing) when a stamp cannot be trusted or a path is gone. */
export async function writeUpToDateRecord(run: RecordedRun): Promise<boolean> {
  try {
    return await writeRecord(run);
  } catch (e) {
    // A path gone or out of reach since the run read it: the next run is a full one, which reports it.
    if (typeof (e as NodeJS.ErrnoException).code === 'string') return false;
    throw e;
  }
}

async function writeRecord(run: RecordedRun): Promise<boolean> {
  const paths: string[] = [];
  const stamps: number[] = [];
  /** Adds `file` with its stamp now; false when that stamp is neither `trusted` nor older than `readAfter` by RACY_MS. */
  const add = (file: string, readAfter: number, trusted?: string): boolean => {
    const s = statSync(file);
    if (stampOf(s) !== trusted && !(s.mtimeMs < readAfter - RACY_MS && s.ctimeMs < readAfter - RACY_MS)) return false;
    paths.push(file);
    for (const n of stampNumbers(s)) stamps.push(n);
    return true;
  };
  const { generator, manifest, startedAt } = run;
  // The generator was read when it was listed (once per process); the docs and output during this run.
  const complete =
    [...generator.folders, ...generator.files].every((f) => add(f, generator.listedAt)) &&
    run.folders.every((f) => add(path.join(run.inputDir, f), startedAt)) &&
    Object.entries(run.inputs).every(([f, { stamp }]) =>
      add(path.join(run.inputDir, f), startedAt, manifest.inputs?.[f]?.stamp === stamp ? stamp : undefined),
    ) &&
    Object.keys(manifest.files).every((rel) => add(path.join(run.outDir, rel), startedAt, manifest.stamps?.[rel]));
  // The record is a list of lines: a path with a line break in it is left to the full run.
  if (!complete || paths.some((p) => p.includes('\n'))) return false;
  const stateDir = path.join(run.outDir, STATE_DIR);
  const header = {
    generatorDir: generator.generatorDir,
    templatesDir: generator.templatesDir,
    inputDir: run.inputDir,
    configText: run.configText ?? null,
    manifest: stampNumbers(statSync(path.join(stateDir, 'manifest.json'))),
    diagnostics: { error: manifest.diagnostics.error, warning: manifest.diagnostics.warning },
  };
  const numbers = Float64Array.from(stamps);
  if (numbers.length !== paths.length * STAMP_LENGTH) throw new Error('up-to-date record: one stamp per path');
  await writeAtomic(path.join(stateDir, RECORD_FILE), encodeRecord({ header, paths, stamps: numbers }));
  return true;
}
