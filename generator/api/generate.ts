/**
 * `generate`: read the docs, write the package (or, with `check`, compare), and return what was
 * done. When nothing it depends on changed since the last run, it says so without reading the
 * docs; the model, templates and formatter are only loaded when there is work to do.
 * Nothing is printed unless a `log` is given, and nothing exits: the CLI is a layer over this.
 */
import path from 'node:path';
import { CONFIG_OBJECT, resolveRun, type RunOptions } from '../config.js';
import { countBySeverity, type Diagnostic, type Severity } from '../diagnostics.js';
import type { Release } from '../diff/release.js';
import { GENERATE_COMMAND } from '../generate-command.js';
import type { FileContent } from '../file-content.js';
import type { ModelRun } from '../generate.js';
import { collectAfterPhase, LARGE_RUN } from '../heap.js';
import { inputHash, type InputHash } from '../incremental.js';
import type { ApiModel } from '../model/api-model.js';
import type { PassTiming } from '../model/build-model.js';
import { diagnosticsVerdict, upToDateMessage } from '../up-to-date/verdict.js';
import { writeUpToDateRecord } from '../up-to-date/write-record.js';
import {
  manifestIntact,
  readManifest,
  StagedWrite,
  StaleCheck,
  unfinishedWrite,
  unfinishedWriteMessage,
  waitForWriters,
  withSettledOutput,
  type Committed,
  type FileSink,
  type Manifest,
} from '../write-output.js';
import { formatReport } from './report.js';

export interface GenerateOptions extends RunOptions {
  /** Write nothing; `stale` lists the files on disk that differ from what would be written (exit code 1). */
  check?: boolean;
  /** Warnings count as failures: exit code 1, and nothing is written. */
  strict?: boolean;
  /** Regenerate even when the docs, config and generator have not changed. */
  force?: boolean;
  /** Bump the version and prepend to CHANGELOG.md when the API changed (default true). */
  bump?: boolean;
  /** The git revision of the last release, which the version and CHANGELOG are computed against (default HEAD, when the output is committed there). */
  base?: string;
  /**
   * Receives each message the CLI prints on stderr (diagnostics, files written, the version),
   * without a final newline. Nothing is printed when absent.
   */
  log?: (text: string) => void;
  /** Only problems reach `log`. */
  quiet?: boolean;
  /** Notes and the time of each pass reach `log` too. */
  verbose?: boolean;
  /** Called with each diagnostic of a run that read the docs, at the level the config gives it (notes included). */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /**
   * Abandons the run when aborted: before the journal is written, the output stays the previous
   * run's (what was staged is removed); once it is, the moves are finished. The promise then
   * rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

export type GenerateOutcome =
  /** Files were written (or were already as they would be written). */
  | 'written'
  /** Nothing changed since the last run: the docs were not read (`model` is absent). */
  | 'unchanged'
  /** `check`: the output on disk is what would be written. */
  | 'fresh'
  /** `check`: some files differ (`stale`), or the output holds an unfinished write. */
  | 'stale'
  /** `strict` and the docs gave warnings or errors: nothing written. */
  | 'strict-failure'
  /** No readable page or no operation: nothing written. */
  | 'unusable';

export interface GenerateResult {
  outcome: GenerateOutcome;
  /** The CLI's exit code: 0 ok; 1 stale (`check`), errors in the docs, or warnings under `strict`; 2 unusable input. */
  exitCode: 0 | 1 | 2;
  /** The model built from the docs; absent when they were not read (`unchanged`, or an unfinished write under `check`). */
  model?: ApiModel;
  /** The docs' diagnostics at their configured levels; empty when the docs were not read. */
  diagnostics: Diagnostic[];
  /** Diagnostics by severity (for `unchanged`, those of the run that wrote the output). */
  counts: Record<Severity, number>;
  /** The version and CHANGELOG.md decided from the API diff; absent when the docs were not read or nothing is written. */
  release?: Release;
  /** Paths relative to the output folder that this run wrote, and removed. */
  written: string[];
  removed: string[];
  /** `check`: paths relative to the output folder whose content on disk is stale. */
  stale: string[];
  /** Set for `unusable`: why. */
  unusable?: string;
  /** Wall time of loading, reading and each model pass (empty when the docs were not read). */
  timings: PassTiming[];
  inputDir: string;
  outDir: string;
  /** The config file as diagnostics name it (relative to the working folder). */
  configFile: string;
}

/** Where a run reads and writes, as resolved from the options and the config. */
interface Target {
  /** When the run began (Date.now()), before it read anything. */
  startedAt: number;
  configText?: string;
  inputDir: string;
  outDir: string;
  cwd: string;
  /** The output folder as messages name it. */
  outRel: string;
}

type Outcome = Omit<GenerateResult, 'inputDir' | 'outDir' | 'configFile' | 'timings'> & { timings?: PassTiming[] };

const NO_FILES = { written: [], removed: [], stale: [] };

/** Reads the docs and writes the generated package, or compares it (`check`); see GenerateOptions. */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const startedAt = Date.now();
  const { configFile, configText, inputDir, outDir } = await resolveRun(options);
  const cwd = options.cwd ?? process.cwd();
  const target: Target = { startedAt, ...(configText !== undefined ? { configText } : {}), inputDir, outDir, cwd, outRel: path.relative(cwd, outDir) || '.' };
  const configName = configFile === CONFIG_OBJECT ? configFile : path.relative(cwd, configFile).split(path.sep).join('/');
  const done = ({ timings = [], ...o }: Outcome): GenerateResult => ({ ...o, timings, inputDir, outDir, configFile: configName });
  if (options.check) {
    // A check compares what is on disk: not while another run is moving its output into place.
    await waitForWriters(outDir);
    if (await unfinishedWrite(outDir)) {
      options.log?.(`booster-codegen: ${unfinishedWriteMessage(target.outRel, GENERATE_COMMAND)}`);
      return done({ outcome: 'stale', exitCode: 1, diagnostics: [], counts: { error: 0, warning: 0, info: 0 }, ...NO_FILES });
    }
    return done(await produce(options, target));
  }
  // Recovery first, under the lock, before anything in output/ is read: a version planned from an
  // output half moved into place would lose the bump the interrupted run's files carry.
  return done(await withSettledOutput(outDir, () => produce(options, target)));
}

/** 1 when the docs gave errors, or warnings under strict (saying so), else 0. */
function diagnosticsFailure(counts: Record<Severity, number>, options: GenerateOptions): 0 | 1 {
  const { exitCode, message } = diagnosticsVerdict(counts, Boolean(options.strict));
  if (message) options.log?.(message);
  return exitCode;
}

/** The incremental check, then (when something changed) the model, the release, and the files written or compared. */
async function produce(options: GenerateOptions, target: Target): Promise<Outcome> {
  const info = (text: string) => (options.quiet ? undefined : options.log?.(text));
  const previous = await readManifest(target.outDir);
  const preread = new Map<string, Buffer>();
  const hashed = await inputHash(target.inputDir, target.configText, previous?.inputs, preread);
  const { hash, inputs } = hashed;
  const unchanged = await unchangedOutcome(options, target, options.force ? undefined : previous, hash);
  if (unchanged) {
    if (!options.check) await recordUpToDate(target, hashed, previous!);
    return unchanged;
  }

  options.signal?.throwIfAborted();
  const { emitFiles, runModel } = await import('../generate.js');
  const run = await runModel(options, preread); // takes the docs as read by the hash out of `preread`
  const large = run.model.operations.length >= LARGE_RUN;
  collectAfterPhase(large); // what the passes held is released (heap.ts)
  options.signal?.throwIfAborted();
  const counts = countBySeverity(run.diagnostics);
  report(options, run, target.cwd);
  const read = { model: run.model, diagnostics: run.diagnostics, counts, timings: run.timings };
  const refused = refusal(options, run, read);
  if (refused) return refused;
  const release = await releaseOf(options, target, run);
  // Each file goes to disk (or is compared) as soon as it is rendered: at 10,000 operations they are 150 MB.
  const emitAll = async (sink: FileSink) => {
    const put = async (rel: string, content: FileContent) => {
      options.signal?.throwIfAborted();
      await sink.put(rel, content);
      collectAfterPhase(large);
    };
    await emitFiles({ ...run, config: { ...run.config, packageVersion: release.version } }, { put });
    if (release.changelog !== undefined) await put('CHANGELOG.md', release.changelog);
  };
  if (options.check) {
    const stale = await compare(options, target, emitAll);
    return {
      outcome: stale.length ? 'stale' : 'fresh',
      exitCode: stale.length ? 1 : diagnosticsFailure(counts, options),
      ...read,
      release,
      ...NO_FILES,
      stale,
    };
  }
  const { written, removed, manifest } = await writeStaged(options, target, emitAll, { inputHash: hash, inputs, diagnostics: counts });
  await recordUpToDate(target, hashed, manifest);
  const changes = [...written.map((f) => `wrote ${target.outRel}/${f}`), ...removed.map((f) => `removed ${target.outRel}/${f}`)];
  info(changes.length ? changes.join('\n') : `${target.outRel}/ is up to date`);
  if (release.version !== release.previous)
    info(
      `version ${release.previous} -> ${release.version}: ${release.changes.length} API change(s) since ${release.base}, listed in ${target.outRel}/CHANGELOG.md`,
    );
  return { outcome: 'written', exitCode: diagnosticsFailure(counts, options), ...read, release, written, removed, stale: [] };
}

/** The outcome of a run that writes nothing for what it read: unusable input, or warnings under --strict. */
function refusal(options: GenerateOptions, run: ModelRun, read: Pick<Outcome, 'model' | 'diagnostics' | 'counts' | 'timings'>): Outcome | undefined {
  if (run.unusable) {
    options.log?.(`booster-codegen: ${run.unusable}; nothing written`);
    return { outcome: 'unusable', exitCode: 2, unusable: run.unusable, ...read, ...NO_FILES };
  }
  const problems = read.counts.warning + read.counts.error;
  if (options.strict && problems) {
    options.log?.(`booster-codegen: --strict: ${problems} warning(s) and error(s); nothing written`);
    return { outcome: 'strict-failure', exitCode: 1, ...read, ...NO_FILES };
  }
  return undefined;
}

/** The version and changelog, from the API diff against the last release; emitters read the version from the config. */
async function releaseOf(options: GenerateOptions, target: Target, run: ModelRun): Promise<Release> {
  const { planRelease } = await import('../diff/release.js');
  const inputRel = path.relative(target.cwd, run.inputDir).split(path.sep).join('/');
  return planRelease(target.outDir, run.model, run.config, options.bump !== false, { inputDir: inputRel, configFile: run.configFile }, options.base);
}

/** The outcome of a run whose docs, config and generator have not changed since `manifest`'s, with its output intact; else undefined. */
async function unchangedOutcome(options: GenerateOptions, target: Target, manifest: Manifest | undefined, hash: string): Promise<Outcome | undefined> {
  if (manifest?.inputHash !== hash || !(await manifestIntact(target.outDir, manifest))) return undefined;
  if (!options.quiet) options.log?.(upToDateMessage(target.outRel, manifest.diagnostics));
  const counts = { ...manifest.diagnostics };
  return { outcome: options.check ? 'fresh' : 'unchanged', exitCode: diagnosticsFailure(counts, options), diagnostics: [], counts, ...NO_FILES };
}

/** Leaves the record with which the next run, when nothing changed, is answered before the generator loads (up-to-date/answer.ts). */
async function recordUpToDate(target: Target, hashed: InputHash, manifest: Manifest): Promise<void> {
  const { inputs, folders, generator } = hashed;
  const { inputDir, outDir, configText, startedAt } = target;
  await writeUpToDateRecord({ outDir, inputDir, ...(configText !== undefined ? { configText } : {}), inputs, folders, generator, manifest, startedAt });
}

/** Stages every file as it is rendered, then moves them into place; a run abandoned before the journal leaves the output as it was. */
async function writeStaged(
  options: GenerateOptions,
  target: Target,
  emitAll: (sink: FileSink) => Promise<void>,
  manifest: Omit<Manifest, 'files' | 'stamps'>,
): Promise<Committed> {
  const stage = await StagedWrite.begin(target.outDir);
  try {
    await emitAll(stage);
    // The last moment to abandon: once the journal is written, the moves are finished.
    options.signal?.throwIfAborted();
  } catch (error) {
    await stage.discard();
    throw error;
  }
  return stage.commit(manifest);
}

/** Hands the diagnostics to `onDiagnostic`, and prints them (all of them when the input is unusable, whatever `quiet` says). */
function report(options: GenerateOptions, run: ModelRun, cwd: string): void {
  for (const d of run.diagnostics) options.onDiagnostic?.(d);
  if (!options.quiet || run.unusable) options.log?.(formatReport(run, Boolean(options.verbose), cwd));
}

/** `check`: the files on disk that differ from what would be written, listed through `log`. */
async function compare(options: GenerateOptions, target: Target, emitAll: (sink: FileSink) => Promise<void>): Promise<string[]> {
  const check = new StaleCheck(target.outDir);
  await emitAll(check);
  const stale = check.stale();
  if (stale.length) options.log?.(`Generated files are stale; run \`${GENERATE_COMMAND}\`:\n${stale.map((f) => `  ${target.outRel}/${f}`).join('\n')}`);
  else if (!options.quiet) options.log?.(`${target.outRel}/ is up to date`);
  return stale;
}
