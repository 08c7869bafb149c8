/**
 * booster-codegen: generate a typed package from ServiceStack metadata pages.
 * Exit codes: 0 ok; 1 stale output under --check, or warnings under --strict; 2 bad usage or unusable input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ConfigError } from './config.js';
import { formatDiagnostic } from './diagnostics.js';
import { emitModelJson } from './emit/model-json.js';
import { countBySeverity, GENERATE_COMMAND, InputError, renderFiles, runModel, type ModelRun, type RunOptions } from './generate.js';
import { formatInspect } from './inspect.js';
import { staleFiles, writeOutput } from './write-output.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Prints diagnostics with paths as the user typed them (the model keeps them relative to the input folder). */
function report(run: ModelRun, verbose: boolean): void {
  const diagnostics = run.model.diagnostics;
  const inputRel = path.relative(process.cwd(), run.inputDir);
  const shown = diagnostics.filter((d) => verbose || d.severity !== 'info');
  for (const d of shown) {
    const loc = d.loc && d.loc.file !== run.configFile ? { ...d.loc, file: path.join(inputRel, d.loc.file).split(path.sep).join('/') } : d.loc;
    process.stderr.write(`${formatDiagnostic({ ...d, ...(loc ? { loc } : {}) })}\n`);
  }
  const c = countBySeverity(diagnostics);
  const hidden = diagnostics.length - shown.length;
  process.stderr.write(`${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)${hidden ? ` (${hidden} notes hidden; --verbose shows them)` : ''}\n`);
}

/** Runs `fn`, turning bad config or input into exit code 2 with a one-line message. */
async function guarded(fn: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await fn();
  } catch (e) {
    if (e instanceof ConfigError || e instanceof InputError) {
      process.stderr.write(`booster-codegen: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}

interface GenerateArgs extends RunOptions {
  check?: boolean;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

async function generate(args: GenerateArgs): Promise<number> {
  const run = await runModel(args);
  const diagnostics = run.model.diagnostics;
  if (!args.quiet || run.unusable) report(run, Boolean(args.verbose));
  if (run.unusable) {
    process.stderr.write(`booster-codegen: ${run.unusable}; nothing written\n`);
    return 2;
  }
  const files = await renderFiles(run);
  const outRel = path.relative(process.cwd(), run.outDir) || '.';
  if (args.check) {
    const stale = await staleFiles(run.outDir, files);
    if (stale.length) {
      process.stderr.write(`Generated files are stale; run \`${GENERATE_COMMAND}\`:\n${stale.map((f) => `  ${outRel}/${f}\n`).join('')}`);
      return 1;
    }
    if (!args.quiet) process.stderr.write(`${outRel}/ is up to date\n`);
  } else {
    const written = await writeOutput(run.outDir, files);
    if (!args.quiet) process.stderr.write(written.length ? `wrote ${written.map((f) => `${outRel}/${f}`).join(', ')}\n` : `${outRel}/ is up to date\n`);
  }
  const warnings = countBySeverity(diagnostics).warning + countBySeverity(diagnostics).error;
  if (args.strict && warnings) {
    process.stderr.write(`booster-codegen: --strict: ${warnings} warning(s) and error(s)\n`);
    return 1;
  }
  return 0;
}

async function inspect(args: RunOptions & { json?: boolean }): Promise<number> {
  const run = await runModel(args);
  process.stdout.write(args.json ? emitModelJson(run.model, GENERATE_COMMAND) : formatInspect(run.model));
  return run.unusable ? 2 : 0;
}

const common = {
  input: { type: 'string', describe: 'folder of saved ServiceStack pages (default: config "input", else input/)' },
  out: { type: 'string', describe: 'folder of the generated package (default: config "out", else output/)' },
  config: { type: 'string', describe: 'config file (default: codegen.config.json if present)' },
} as const;

await yargs(hideBin(process.argv))
  .scriptName('booster-codegen')
  .version(version)
  .command(
    'generate',
    'read the docs and write the generated package',
    (y) =>
      y.options({
        ...common,
        check: { type: 'boolean', describe: 'write nothing; exit 1 when the output on disk is stale' },
        strict: { type: 'boolean', describe: 'exit 1 when the docs give warnings' },
        quiet: { type: 'boolean', describe: 'print only problems' },
        verbose: { type: 'boolean', describe: 'also print notes' },
      }),
    (args) => guarded(() => generate(args)),
  )
  .command(
    'inspect',
    'summarise what was understood from the docs',
    (y) => y.options({ ...common, json: { type: 'boolean', describe: 'print the model as JSON' } }),
    (args) => guarded(() => inspect(args)),
  )
  .demandCommand(1, 'name a command: generate or inspect')
  .strict()
  .fail((message, error) => {
    if (error) throw error;
    process.stderr.write(`booster-codegen: ${message}\nRun booster-codegen --help for usage.\n`);
    process.exit(2);
  })
  .help()
  .parseAsync();
