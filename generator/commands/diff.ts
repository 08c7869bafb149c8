/**
 * `booster-codegen diff`: what changed in the API between the current docs and a previous model
 * (by default the api-model.json committed at HEAD), classified as the package's users feel it.
 */
import path from 'node:path';
import type { Argv } from 'yargs';
import { resolveRun, type RunOptions } from '../config.js';
import { guarded, inputOptions } from './shared.js';

const FORMATS = ['text', 'markdown', 'json'] as const;
const FAIL_ON = ['breaking', 'any'] as const;

interface DiffArgs extends RunOptions {
  base?: string;
  format?: (typeof FORMATS)[number];
  failOn?: (typeof FAIL_ON)[number];
}

async function diff(args: DiffArgs): Promise<number> {
  // Loaded on use, so that other commands start fast.
  const [{ runModel }, { loadBase }, { diffModels, renamesOf }, report] = await Promise.all([
    import('../generate.js'),
    import('../diff/base.js'),
    import('../diff/compare.js'),
    import('../diff/report.js'),
  ]);
  const cwd = process.cwd();
  // A base that cannot be read is bad usage: say so before reading the docs.
  const base = await loadBase(args.base, (await resolveRun(args)).outDir, cwd);
  const run = await runModel(args);
  if (run.unusable) {
    process.stderr.write(`booster-codegen: ${run.unusable}\n`);
    return 2;
  }
  const changes = diffModels(base.model, run.model, renamesOf(run.config));
  const options = {
    base: base.label,
    inputDir: path.relative(cwd, run.inputDir).split(path.sep).join('/'),
    configFile: run.configFile,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
  const format = args.format ?? 'text';
  process.stdout.write(
    format === 'json'
      ? report.formatJson(changes, options)
      : format === 'markdown'
        ? report.formatMarkdown(changes, options)
        : report.formatText(changes, options),
  );
  if (args.failOn === 'any' && changes.length) return 1;
  return args.failOn === 'breaking' && changes.some((c) => c.impact === 'breaking') ? 1 : 0;
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
    (args) => guarded(() => diff(args as DiffArgs)),
  );
}
