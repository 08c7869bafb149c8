/** The diagnostics of a run as the CLI prints them: paths as the user typed them, a count line, notes only when verbose. */
import path from 'node:path';
import { countBySeverity, formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { ModelRun } from '../generate.js';

/** `time: load 1.2 ms, read 8.0 ms, lower metadata 0.0 ms, …` */
export function formatTimings(timings: readonly { pass: string; ms: number }[]): string {
  return `time: ${timings.map((t) => `${t.pass} ${t.ms.toFixed(1)} ms`).join(', ')}`;
}

/** One diagnostic, its file named from the working folder (the model keeps it relative to the input folder). */
export function locateDiagnostic(d: Diagnostic, run: Pick<ModelRun, 'inputDir' | 'configFile'>, cwd: string): Diagnostic {
  if (!d.loc || d.loc.file === run.configFile) return d;
  const inputRel = path.relative(cwd, run.inputDir);
  return { ...d, loc: { ...d.loc, file: path.join(inputRel, d.loc.file).split(path.sep).join('/') } };
}

/** The lines `generate` prints about the docs: each diagnostic (notes only when verbose), the counts, and with verbose the timings. */
export function formatReport(run: Pick<ModelRun, 'inputDir' | 'configFile' | 'diagnostics' | 'timings'>, verbose: boolean, cwd: string): string {
  const shown = run.diagnostics.filter((d) => verbose || d.severity !== 'info');
  const lines = shown.map((d) => formatDiagnostic(locateDiagnostic(d, run, cwd)));
  const c = countBySeverity(run.diagnostics);
  const hidden = run.diagnostics.length - shown.length;
  lines.push(`${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)${hidden ? ` (${hidden} notes hidden; --verbose shows them)` : ''}`);
  if (verbose) lines.push(formatTimings(run.timings));
  return lines.join('\n');
}
