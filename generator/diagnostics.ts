import type { DiagnosticCode } from './diagnostic-codes.js';

/** Where a fact was read: a path relative to the input folder, 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A compiler-style message about the input; `code` is stable across releases (SS001…, see diagnostic-codes.ts). */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  loc?: SourceLocation;
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '<input>';
  return `${loc.file}:${loc.line}${loc.column ? `:${loc.column}` : ''}`;
}

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** One line, whatever the docs hold: control characters (terminal escapes, NUL, line breaks) are shown as `\uXXXX`. */
export function formatDiagnostic(d: Diagnostic): string {
  const line = `${formatLocation(d.loc)} ${d.severity}: ${d.message} [${d.code}]`;
  return line.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function compareLocations(a: SourceLocation | undefined, b: SourceLocation | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

/** Sorted like compiler output: by file, line, column, then code and message; duplicates removed. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = list.filter((d) => {
    const key = formatDiagnostic(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      compareLocations(a.loc, b.loc) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Collects diagnostics while a reader or a model pass runs. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  error(code: DiagnosticCode, loc: SourceLocation | undefined, message: string): void {
    this.items.push({ code, severity: 'error', message, ...(loc ? { loc } : {}) });
  }
  warn(code: DiagnosticCode, loc: SourceLocation | undefined, message: string): void {
    this.items.push({ code, severity: 'warning', message, ...(loc ? { loc } : {}) });
  }
  info(code: DiagnosticCode, loc: SourceLocation | undefined, message: string): void {
    this.items.push({ code, severity: 'info', message, ...(loc ? { loc } : {}) });
  }
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
