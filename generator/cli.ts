/**
 * booster-codegen: generate a typed package from ServiceStack metadata pages.
 * Exit codes: 0 ok; 1 stale output under --check, warnings under --strict, or a release refused; 2 bad usage or unusable input.
 * bin/booster-codegen.js calls `main` (in the bundle that `npm run build:generator` makes of this module).
 */
import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { registerCrawl } from './commands/crawl.js';
import { registerDiff } from './commands/diff.js';
import { registerGenerate } from './commands/generate.js';
import { registerInspect } from './commands/inspect.js';
import { registerRelease } from './commands/release.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Each command lives in generator/commands/ and registers itself here. */
const commands: ((y: Argv) => Argv)[] = [registerGenerate, registerInspect, registerCrawl, registerDiff, registerRelease];

/**
 * A reader that stops early (`inspect --json | head`) closes the pipe: what is left to print has
 * nowhere to go, so the run ends there, quietly, as other command-line tools do.
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
}

/** Runs the command that `args` (the command line after `node booster-codegen.js`) names. */
export async function main(args: string[]): Promise<void> {
  endQuietlyOnClosedPipe();
  await commands
    .reduce((y, register) => register(y), yargs(args).scriptName('booster-codegen').version(version) as Argv)
    .demandCommand(1, 'name a command: generate, inspect, crawl, diff or release')
    .strict()
    .fail((message, error) => {
      if (error) throw error;
      process.stderr.write(`booster-codegen: ${message}\nRun booster-codegen --help for usage.\n`);
      process.exit(2);
    })
    .help()
    .parseAsync();
}
