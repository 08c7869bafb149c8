/**
 * The fast path of `generate` when nothing changed. bin/booster-codegen.js runs it (bundled alone
 * as dist/generator/up-to-date.cjs) before it loads the generator's 1.5 MB bundle: it reads the
 * record the last run left (record.ts), checks that every path it names still has the stamp it
 * had, and then prints what the full run would print and gives its exit code. At the least doubt
 * (another command line, a path changed or gone, a lock, a journal, another config) it answers
 * nothing and the full run decides; it never writes.
 */
import { readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { STATE_DIR } from '../write-output.js';
import { quickArgs, type QuickArgs } from './args.js';
import { decodeRecord, RECORD_FILE, STAMP_LENGTH, stampNumbers } from './record.js';
import { diagnosticsVerdict, upToDateMessage, type DiagnosticCounts } from './verdict.js';

/** Where the running generator is installed: a record made by another installation does not count. */
export interface Installation {
  generatorDir: string;
  templatesDir: string;
}

/** The messages go to stderr, as the full run's do. */
const toStderr = (text: string): void => {
  try {
    writeSync(2, text);
  } catch (e) {
    // A reader that closed the pipe gets nothing more, as in the full run (cli.ts).
    if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
  }
};

/**
 * Prints what `generate` would print for `args` (the command line after the script) and returns its
 * exit code, when the output is certainly up to date; otherwise prints nothing and returns undefined.
 */
export function answerUpToDate(args: readonly string[], cwd: string, installation: Installation, print = toStderr): number | undefined {
  const quick = quickArgs(args);
  if (!quick) return undefined;
  let found: { outRel: string; counts: DiagnosticCounts } | undefined;
  try {
    found = unchangedSince(quick, cwd, installation);
  } catch (e) {
    // A path that cannot be read or stat'ed is the full run's to report.
    if (typeof (e as NodeJS.ErrnoException).code === 'string') return undefined;
    throw e;
  }
  if (!found) return undefined;
  const { exitCode, message } = diagnosticsVerdict(found.counts, quick.strict);
  const lines = [...(quick.quiet ? [] : [upToDateMessage(found.outRel, found.counts)]), ...(message ? [message] : [])];
  if (lines.length) print(`${lines.join('\n')}\n`);
  return exitCode;
}

/** The folders and config text the full run would resolve (config.ts resolveRun), or undefined when that takes its judgement. */
function resolveTarget(quick: QuickArgs, cwd: string): { inputDir: string; outDir: string; configText: string | null } | undefined {
  let configText: string | null = null;
  try {
    configText = readFileSync(path.resolve(cwd, quick.config ?? 'codegen.config.json'), 'utf8');
  } catch (e) {
    if (quick.config !== undefined || (e as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  let config: { input?: unknown; out?: unknown } = {};
  if (configText !== null && (quick.input === undefined || quick.out === undefined)) {
    try {
      config = JSON.parse(configText) as typeof config;
    } catch {
      return undefined;
    }
    if (typeof config !== 'object' || config === null) return undefined;
  }
  // A config that is not valid never matches a record: only a run that accepted its text wrote one.
  const input = quick.input ?? config.input ?? 'input';
  const out = quick.out ?? config.out ?? 'output';
  if (typeof input !== 'string' || typeof out !== 'string') return undefined;
  return { inputDir: path.resolve(cwd, input), outDir: path.resolve(cwd, out), configText };
}

/** The output folder as messages name it, and the counts of the run that wrote it, when nothing changed since; else undefined. */
function unchangedSince(quick: QuickArgs, cwd: string, installation: Installation): { outRel: string; counts: DiagnosticCounts } | undefined {
  const target = resolveTarget(quick, cwd);
  if (!target) return undefined;
  const stateDir = path.join(target.outDir, STATE_DIR);
  const record = decodeRecord(readFileSync(path.join(stateDir, RECORD_FILE)));
  const header = record?.header;
  if (
    !record ||
    !header ||
    header.generatorDir !== installation.generatorDir ||
    header.templatesDir !== installation.templatesDir ||
    header.inputDir !== target.inputDir ||
    header.configText !== target.configText ||
    !stampsHold(record.paths, record.stamps) ||
    // Last, so that a run that wrote meanwhile is seen: by its lock while it runs, by the manifest it replaced once done.
    !stateSettled(stateDir, header.manifest)
  )
    return undefined;
  return { outRel: path.relative(cwd, target.outDir) || '.', counts: header.diagnostics };
}

const IF_PRESENT = { throwIfNoEntry: false } as const;

/** True when every path still has its recorded stamp. One synchronous stat after another: at 11,000 paths, callbacks through the thread pool cost twice as much. */
function stampsHold(paths: readonly string[], stamps: Float64Array): boolean {
  for (let i = 0, at = 0; i < paths.length; i++, at += STAMP_LENGTH) {
    const s = statSync(paths[i]!, IF_PRESENT);
    if (!s || s.size !== stamps[at] || s.mtimeMs !== stamps[at + 1] || s.ctimeMs !== stamps[at + 2] || s.ino !== stamps[at + 3]) return false;
  }
  return true;
}

/** True when the state folder holds the manifest with its recorded stamp and the record, and nothing else: no lock, journal or staging. */
function stateSettled(stateDir: string, manifestStamp: readonly number[]): boolean {
  const names = readdirSync(stateDir);
  if (names.length !== 2 || !names.includes('manifest.json') || !names.includes(RECORD_FILE)) return false;
  const manifest = stampNumbers(statSync(path.join(stateDir, 'manifest.json')));
  return manifest.every((n, i) => n === manifestStamp[i]);
}
