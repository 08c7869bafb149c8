/** What every CLI command shares: option definitions, printing on stderr, and exit-code handling. */
import { ConfigError } from '../config.js';
import { UsageError } from '../errors.js';
import { InputError } from '../read/input-files.js';
import { OutputBusyError } from '../write-output.js';

export { UsageError };

export const inputOptions = {
  input: { type: 'string', describe: 'folder of saved ServiceStack pages (default: config "input", else input/)' },
  out: { type: 'string', describe: 'folder of the generated package (default: config "out", else output/)' },
  config: { type: 'string', describe: 'config file (default: codegen.config.json if present)' },
} as const;

/** The API's `log` for the CLI: every message on stderr, one per line. */
export const stderrLog = (text: string): void => void process.stderr.write(`${text}\n`);

/** Runs a command body, turning bad config, input or usage, or a busy output folder, into exit code 2 with a one-line message. */
export async function guarded(fn: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await fn();
  } catch (e) {
    if (e instanceof ConfigError || e instanceof InputError || e instanceof UsageError || e instanceof OutputBusyError) {
      process.stderr.write(`booster-codegen: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}
