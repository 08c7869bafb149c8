/**
 * The up-to-date record, `<out>/.booster-codegen/up-to-date`: what a run that found (or left) the
 * output up to date saw, for the fast path (answer.ts) to compare before the generator is loaded.
 * It names every path whose change could change the output (the generator's files and folders,
 * the input folders and pages, the generated files) with its stamp, the config's text, and the
 * diagnostic counts to report. Written by write-record.ts, with the manifest it vouches for.
 *
 * Layout, chosen by measurement (10,000 operations: JSON.parse of the stamps took 6 ms, this 3):
 * a JSON header line, the paths one per line (`pathBytes` bytes), then four float64 per path.
 */
import type { Stats } from 'node:fs';
import type { DiagnosticCounts } from './verdict.js';

export const RECORD_FILE = 'up-to-date';
const FORMAT = 'booster-codegen up-to-date 1';

/**
 * size, modification time, status-change time and inode: an edit (even to the same size), a file
 * replaced by a rename, a folder gaining or losing an entry all move one of them.
 */
export const STAMP_LENGTH = 4;

export function stampNumbers(s: Stats): [number, number, number, number] {
  return [s.size, s.mtimeMs, s.ctimeMs, s.ino];
}

export interface RecordHeader {
  /** The folders the generator ran from: another installation is another generator. */
  generatorDir: string;
  templatesDir: string;
  inputDir: string;
  /** The config file's text as read; null when the defaults applied (no file). */
  configText: string | null;
  /** The stamp of the manifest this record was written with. */
  manifest: number[];
  diagnostics: DiagnosticCounts;
}

export interface UpToDateRecord {
  header: RecordHeader;
  paths: string[];
  /** STAMP_LENGTH numbers per path, in order. */
  stamps: Float64Array;
}

interface StoredHeader extends RecordHeader {
  format: string;
  count: number;
  pathBytes: number;
}

export function encodeRecord({ header, paths, stamps }: UpToDateRecord): Buffer {
  const names = Buffer.from(paths.join('\n'));
  const stored: StoredHeader = { format: FORMAT, ...header, count: paths.length, pathBytes: names.length };
  return Buffer.concat([Buffer.from(`${JSON.stringify(stored)}\n`), names, Buffer.from(stamps.buffer, stamps.byteOffset, stamps.byteLength)]);
}

/** The record in `bytes`; undefined when it is not one of this format (another version wrote it, or it is damaged). */
export function decodeRecord(bytes: Buffer): UpToDateRecord | undefined {
  const end = bytes.indexOf(10);
  if (end < 0) return undefined;
  let stored: StoredHeader;
  try {
    stored = JSON.parse(bytes.toString('utf8', 0, end)) as StoredHeader;
  } catch {
    return undefined;
  }
  const { format, count, pathBytes, ...header } = stored;
  const from = end + 1 + pathBytes;
  if (format !== FORMAT || bytes.length !== from + count * STAMP_LENGTH * 8) return undefined;
  const paths = count ? bytes.toString('utf8', end + 1, from).split('\n') : [];
  if (paths.length !== count) return undefined;
  // Copied out: a Float64Array needs an aligned offset, which a file's bytes need not have.
  const stamps = new Float64Array(bytes.buffer.slice(bytes.byteOffset + from, bytes.byteOffset + bytes.length));
  return { header, paths, stamps };
}
