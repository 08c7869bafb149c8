/** `booster-codegen inspect`: the CLI over the API's `inspect`: what was understood, for people or (--json) for tools. */
import type { Argv } from 'yargs';
import { guarded, inputOptions } from './shared.js';

async function run(args: { input?: string; out?: string; config?: string; json?: boolean }): Promise<number> {
  // Loaded on use, so that other commands start fast.
  const [{ inspect }, { GENERATE_COMMAND }, { emitModelJson }, { formatInspect }] = await Promise.all([
    import('../api/inspect.js'),
    import('../generate-command.js'),
    import('../emit/model-json.js'),
    import('../inspect.js'),
  ]);
  const result = await inspect(args);
  process.stdout.write(args.json ? emitModelJson(result.model, GENERATE_COMMAND) : formatInspect(result.model));
  return result.unusable ? 2 : 0;
}

export function registerInspect(y: Argv): Argv {
  return y.command(
    'inspect',
    'summarise what was understood from the docs',
    (c) => c.options({ ...inputOptions, json: { type: 'boolean', describe: 'print the model as JSON' } }),
    (args) => guarded(() => run(args)),
  );
}
