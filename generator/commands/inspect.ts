/** `booster-codegen inspect`: what was understood from the docs, for people or (--json) for tools. */
import type { Argv } from 'yargs';
import { emitModelJson } from '../emit/model-json.js';
import { GENERATE_COMMAND, runModel, type RunOptions } from '../generate.js';
import { formatInspect } from '../inspect.js';
import { guarded, inputOptions } from './shared.js';

async function inspect(args: RunOptions & { json?: boolean }): Promise<number> {
  const run = await runModel(args);
  process.stdout.write(args.json ? emitModelJson(run.model, GENERATE_COMMAND) : formatInspect(run.model));
  return run.unusable ? 2 : 0;
}

export function registerInspect(y: Argv): Argv {
  return y.command(
    'inspect',
    'summarise what was understood from the docs',
    (c) => c.options({ ...inputOptions, json: { type: 'boolean', describe: 'print the model as JSON' } }),
    (args) => guarded(() => inspect(args)),
  );
}
