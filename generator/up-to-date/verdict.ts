/**
 * What `generate` says when nothing changed, and the exit code the diagnostics give: shared by the
 * full run (api/generate.ts) and the fast path (answer.ts), so that both print the same bytes.
 */

export interface DiagnosticCounts {
  error: number;
  warning: number;
}

/** The line of a run whose docs, config and generator have not changed (`outRel` as the user names the output folder). */
export function upToDateMessage(outRel: string, { error, warning }: DiagnosticCounts): string {
  return `${outRel}/ is up to date: the docs, config and generator have not changed (${error} error(s), ${warning} warning(s) last time; --force regenerates)`;
}

/** 1 when the docs gave errors, or warnings under `strict`, with the line that says so; else 0. */
export function diagnosticsVerdict({ error, warning }: DiagnosticCounts, strict: boolean): { exitCode: 0 | 1; message?: string } {
  if (strict && warning + error) return { exitCode: 1, message: `booster-codegen: --strict: ${warning + error} warning(s) and error(s)` };
  if (error) return { exitCode: 1, message: `booster-codegen: ${error} error(s) in the docs` };
  return { exitCode: 0 };
}
