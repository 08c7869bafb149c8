/**
 * `booster-codegen generate`: the CLI over the API's `generate` (generator/api/generate.ts), which
 * prints its messages on stderr and gives its exit code; `--watch` runs it again on every change.
 */
import type { Argv } from 'yargs';
import { generate, type GenerateOptions } from '../api/generate.js';
import { guarded, inputOptions, stderrLog, UsageError } from './shared.js';

interface GenerateArgs extends Omit<GenerateOptions, 'log' | 'config'> {
  config?: string;
  watch?: boolean;
}

async function run(args: GenerateArgs): Promise<number> {
  const options: GenerateOptions = { ...args, log: stderrLog };
  if (!args.watch) return (await generate(options)).exitCode;
  if (args.check) throw new UsageError('--watch writes the output on every change; it cannot be combined with --check');
  const { watchUntilInterrupted } = await import('./generate-watch.js');
  return watchUntilInterrupted(options);
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
        watch: { type: 'boolean', describe: 'stay running: generate again whenever the docs or the config change (Ctrl-C ends)' },
        quiet: { type: 'boolean', describe: 'print only problems' },
        verbose: { type: 'boolean', describe: 'also print notes' },
      }),
    (args) => guarded(() => run(args)),
  );
}
