/**
 * `booster-codegen generate`: read the docs, write the package (or, with --check, compare).
 * When nothing it depends on changed since the last run, it says so without reading the docs;
 * the model, templates and formatter are only loaded when there is work to do.
 */
import path from 'node:path';
import type { Argv } from 'yargs';
import { resolveRun, type RunOptions } from '../config.js';
import { countBySeverity, type Severity } from '../diagnostics.js';
import { GENERATE_COMMAND } from '../generate-command.js';
import { inputHash } from '../incremental.js';
import {
  manifestIntact,
  readManifest,
  StagedWrite,
  StaleCheck,
  unfinishedWrite,
  unfinishedWriteMessage,
  waitForWriters,
  withSettledOutput,
  type FileSink,
} from '../write-output.js';
import { guarded, inputOptions, report } from './shared.js';

interface GenerateArgs extends RunOptions {
  check?: boolean;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  force?: boolean;
  bump?: boolean;
  base?: string;
}

/** 1 when the docs gave errors, or warnings under --strict (saying so), else 0. */
function diagnosticsFailure(counts: Record<Severity, number>, strict: boolean | undefined): number {
  if (strict && counts.warning + counts.error) {
    process.stderr.write(`booster-codegen: --strict: ${counts.warning + counts.error} warning(s) and error(s)\n`);
    return 1;
  }
  if (!counts.error) return 0;
  process.stderr.write(`booster-codegen: ${counts.error} error(s) in the docs\n`);
  return 1;
}

/** Where a run reads and writes, as resolved from the flags and the config. */
interface Target {
  configFile: string;
  inputDir: string;
  outDir: string;
  /** The output folder as messages name it. */
  outRel: string;
}

async function generate(args: GenerateArgs): Promise<number> {
  const { configFile, inputDir, outDir } = await resolveRun(args);
  const target: Target = { configFile, inputDir, outDir, outRel: path.relative(process.cwd(), outDir) || '.' };
  if (args.check) {
    // A check compares what is on disk: not while another run is moving its output into place.
    await waitForWriters(outDir);
    if (await unfinishedWrite(outDir)) {
      process.stderr.write(`booster-codegen: ${unfinishedWriteMessage(target.outRel, GENERATE_COMMAND)}\n`);
      return 1;
    }
    return produce(args, target);
  }
  // Recovery first, under the lock, before anything in output/ is read: a version planned from an
  // output half moved into place would lose the bump the interrupted run's files carry.
  return withSettledOutput(outDir, () => produce(args, target));
}

/** The incremental check, then (when something changed) the model, the release, and the files written or compared. */
async function produce(args: GenerateArgs, target: Target): Promise<number> {
  const previous = await readManifest(target.outDir);
  const preread = new Map<string, Buffer>();
  const { hash, inputs } = await inputHash(target.inputDir, target.configFile, previous?.inputs, preread);
  const manifest = args.force ? undefined : previous;
  if (manifest?.inputHash === hash && (await manifestIntact(target.outDir, manifest))) {
    const { error, warning } = manifest.diagnostics;
    if (!args.quiet)
      process.stderr.write(
        `${target.outRel}/ is up to date: the docs, config and generator have not changed (${error} error(s), ${warning} warning(s) last time; --force regenerates)\n`,
      );
    return diagnosticsFailure(manifest.diagnostics, args.strict);
  }

  const { emitFiles, runModel } = await import('../generate.js');
  const run = await runModel(args, preread);
  preread.clear(); // the docs as read by the hash: the model holds what it needs of them
  const counts = countBySeverity(run.diagnostics);
  if (!args.quiet || run.unusable) report(run, Boolean(args.verbose));
  if (run.unusable) {
    process.stderr.write(`booster-codegen: ${run.unusable}; nothing written\n`);
    return 2;
  }
  if (args.strict && counts.warning + counts.error) {
    process.stderr.write(`booster-codegen: --strict: ${counts.warning + counts.error} warning(s) and error(s); nothing written\n`);
    return 1;
  }
  // The version comes from the API diff against the model on disk; emitters read it from the config.
  const { planRelease } = await import('../diff/release.js');
  const inputRel = path.relative(process.cwd(), run.inputDir).split(path.sep).join('/');
  const release = await planRelease(target.outDir, run.model, run.config, args.bump !== false, { inputDir: inputRel, configFile: run.configFile }, args.base);
  // Each file goes to disk (or is compared) as soon as it is rendered: at 10,000 operations they are 150 MB.
  const emitAll = async (sink: FileSink) => {
    await emitFiles({ ...run, config: { ...run.config, packageVersion: release.version } }, sink);
    if (release.changelog !== undefined) await sink.put('CHANGELOG.md', release.changelog);
  };
  if (args.check) return (await compare(args, target, emitAll)) || diagnosticsFailure(counts, args.strict);
  const stage = await StagedWrite.begin(target.outDir);
  const { written, removed } = await emitAll(stage).then(
    () => stage.commit({ inputHash: hash, inputs, diagnostics: counts }),
    async (error: unknown) => {
      await stage.discard();
      throw error;
    },
  );
  const changes = [...written.map((f) => `wrote ${target.outRel}/${f}`), ...removed.map((f) => `removed ${target.outRel}/${f}`)];
  if (!args.quiet) process.stderr.write(changes.length ? `${changes.join('\n')}\n` : `${target.outRel}/ is up to date\n`);
  if (!args.quiet && release.version !== release.previous)
    process.stderr.write(
      `version ${release.previous} -> ${release.version}: ${release.changes.length} API change(s) since ${release.base}, listed in ${target.outRel}/CHANGELOG.md\n`,
    );
  return diagnosticsFailure(counts, args.strict);
}

/** `--check`: 1 listing the files on disk that differ from what would be written. */
async function compare(args: GenerateArgs, target: Target, emitAll: (sink: FileSink) => Promise<void>): Promise<number> {
  const check = new StaleCheck(target.outDir);
  await emitAll(check);
  const stale = check.stale();
  if (stale.length) {
    process.stderr.write(`Generated files are stale; run \`${GENERATE_COMMAND}\`:\n${stale.map((f) => `  ${target.outRel}/${f}\n`).join('')}`);
    return 1;
  }
  if (!args.quiet) process.stderr.write(`${target.outRel}/ is up to date\n`);
  return 0;
}

export function registerGenerate(y: Argv): Argv {
  return y.command(
    'generate',
    'read the docs and write the generated package',
    (c) =>
      c.options({
        ...inputOptions,
        check: { type: 'boolean', describe: 'write nothing; exit 1 when the output on disk is stale' },
        strict: { type: 'boolean', describe: 'exit 1 when the docs give warnings' },
        force: { type: 'boolean', describe: 'regenerate even when nothing changed since the last run' },
        base: {
          type: 'string',
          describe:
            'the git revision of the last release, which the version and CHANGELOG are computed against (default: HEAD, when the output is committed there)',
        },
        bump: {
          type: 'boolean',
          default: true,
          describe: 'bump the package version and prepend to CHANGELOG.md when the API changed (--no-bump: keep the version)',
        },
        quiet: { type: 'boolean', describe: 'print only problems' },
        verbose: { type: 'boolean', describe: 'also print notes' },
      }),
    (args) => guarded(() => generate(args)),
  );
}
