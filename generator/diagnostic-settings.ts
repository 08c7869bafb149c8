/**
 * codegen.config.json's `diagnostics`: each diagnostic at the level the narrowest setting naming
 * its code gives it (its operation's, else its page's, else the code's), or as reported. A
 * diagnostic belongs to an operation when it is in one of the operation's pages.
 */
import type { DiagnosticLevel, DiagnosticLevels, DiagnosticSettings } from './config.js';
import type { Diagnostic, Severity } from './diagnostics.js';
import type { Operation } from './model/api-model.js';

const SEVERITY: Record<Exclude<DiagnosticLevel, 'off'>, Severity> = { note: 'info', warning: 'warning', error: 'error' };

/** The operations' settings by the page they apply to. */
function levelsByPage(operations: readonly Operation[], settings: DiagnosticSettings): Map<string, DiagnosticLevels[]> {
  const byPage = new Map<string, DiagnosticLevels[]>();
  for (const op of operations) {
    const levels = settings.operations[op.name];
    if (!levels) continue;
    const pages = new Set([...op.sources, ...op.routes.flatMap((r) => r.sources)].map((s) => s.file));
    for (const page of pages) byPage.set(page, [...(byPage.get(page) ?? []), levels]);
  }
  return byPage;
}

/** The diagnostics with their configured levels; those turned `off` are left out. */
export function applyDiagnosticSettings(diagnostics: readonly Diagnostic[], operations: readonly Operation[], settings: DiagnosticSettings): Diagnostic[] {
  const byPage = levelsByPage(operations, settings);
  const levelOf = (d: Diagnostic): DiagnosticLevel | undefined => {
    const page = d.loc?.file;
    for (const levels of (page !== undefined && byPage.get(page)) || []) if (levels[d.code]) return levels[d.code];
    return (page !== undefined ? settings.files[page]?.[d.code] : undefined) ?? settings.codes[d.code];
  };
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = levelOf(d);
    if (level !== 'off') kept.push(level ? { ...d, severity: SEVERITY[level] } : d);
  }
  return kept;
}
