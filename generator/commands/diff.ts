/**
 * `booster-codegen diff`: the CLI over the API's `diff` (generator/api/diff.ts): what changed in
 * the API since a previous model, as text, Markdown or JSON on stdout.
 */
import type { Argv } from 'yargs';
import type { DiffFormat, DiffOptions } from '../api/diff.js';
import { guarded, inputOptions } from './shared.js';

const FORMATS = ['text', 'markdown', 'json'] as const satisfies readonly DiffFormat[];
const FAIL_ON = ['breaking', 'any'] as const;

interface DiffArgs extends Omit<DiffOptions, 'config'> {
  config?: string;
  format?: DiffFormat;
  failOn?: (typeof FAIL_ON)[number];
}

async function run(args: DiffArgs): Promise<number> {
  // Loaded on use, so that other commands start fast.
  const { diff, formatDiff } = await import('../api/diff.js');
  const result = await diff(args);
  if (result.unusable) {
    process.stderr.write(`booster-codegen: ${result.unusable}\n`);
    return 2;
  }
  process.stdout.write(formatDiff(result, args.format ?? 'text', { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
  if (args.failOn === 'any' && result.changes.length) return 1;
  return args.failOn === 'breaking' && result.counts.breaking ? 1 : 0;
}

export function registerDiff(y: Argv): Argv {
  return y.command(
    'diff',
    'report how the API changed since a previous model: breaking, non-breaking, documentation',
    (c) =>
      c.options({
        ...inputOptions,
        base: { type: 'string', describe: 'an api-model.json file, or a git revision at which <out>/api-model.json is read (default: HEAD)' },
        format: { choices: FORMATS, default: 'text' as const, describe: 'text for a terminal, markdown for a pull request comment, json for tools' },
        'fail-on': { choices: FAIL_ON, describe: 'exit 1 when there are breaking changes, or any change' },
      }),
    (args) => guarded(() => run(args as DiffArgs)),
  );
}
