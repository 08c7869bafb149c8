/** What every CLI command shares: option definitions, diagnostics printing, and exit-code handling. */
import path from 'node:path';
import { ConfigError } from '../config.js';
import { countBySeverity, formatDiagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import type { ModelRun } from '../generate.js';
import { InputError } from '../read/input-files.js';
import { OutputBusyError } from '../write-output.js';

export { UsageError };

export const inputOptions = {
  input: { type: 'string', describe: 'folder of saved ServiceStack pages (default: config "input", else input/)' },
  out: { type: 'string', describe: 'folder of the generated package (default: config "out", else output/)' },
  config: { type: 'string', describe: 'config file (default: codegen.config.json if present)' },
} as const;

/** Prints diagnostics with paths as the user typed them (the model keeps them relative to the input folder). */
export function report(run: ModelRun, verbose: boolean): void {
  const diagnostics = run.diagnostics;
  const inputRel = path.relative(process.cwd(), run.inputDir);
  const shown = diagnostics.filter((d) => verbose || d.severity !== 'info');
  for (const d of shown) {
    const loc = d.loc && d.loc.file !== run.configFile ? { ...d.loc, file: path.join(inputRel, d.loc.file).split(path.sep).join('/') } : d.loc;
    process.stderr.write(`${formatDiagnostic({ ...d, ...(loc ? { loc } : {}) })}\n`);
  }
  const c = countBySeverity(diagnostics);
  const hidden = diagnostics.length - shown.length;
  process.stderr.write(`${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)${hidden ? ` (${hidden} notes hidden; --verbose shows them)` : ''}\n`);
  if (verbose) process.stderr.write(`${formatTimings(run.timings)}\n`);
}

/** `time: load 1.2 ms, read 8.0 ms, lower metadata 0.0 ms, …` */
export function formatTimings(timings: readonly { pass: string; ms: number }[]): string {
  return `time: ${timings.map((t) => `${t.pass} ${t.ms.toFixed(1)} ms`).join(', ')}`;
}

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
