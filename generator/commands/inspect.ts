/** `booster-codegen inspect`: what was understood from the docs, for people or (--json) for tools. */
import type { Argv } from 'yargs';
import type { RunOptions } from '../config.js';
import { guarded, inputOptions } from './shared.js';

async function inspect(args: RunOptions & { json?: boolean }): Promise<number> {
  // Loaded on use, so that other commands start fast.
  const [{ GENERATE_COMMAND, runModel }, { emitModelJson }, { formatInspect }] = await Promise.all([
    import('../generate.js'),
    import('../emit/model-json.js'),
    import('../inspect.js'),
  ]);
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
