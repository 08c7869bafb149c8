/** `booster-codegen generate`: read the docs, write the package (or, with --check, compare). */
import path from 'node:path';
import type { Argv } from 'yargs';
import { countBySeverity, GENERATE_COMMAND, renderFiles, runModel, type RunOptions } from '../generate.js';
import { staleFiles, writeOutput } from '../write-output.js';
import { guarded, inputOptions, report } from './shared.js';

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
  const counts = countBySeverity(diagnostics);
  if (args.strict && counts.warning + counts.error) {
    process.stderr.write(`booster-codegen: --strict: ${counts.warning + counts.error} warning(s) and error(s)\n`);
    return 1;
  }
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
        quiet: { type: 'boolean', describe: 'print only problems' },
        verbose: { type: 'boolean', describe: 'also print notes' },
      }),
    (args) => guarded(() => generate(args)),
  );
}
