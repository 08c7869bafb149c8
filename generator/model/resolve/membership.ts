/**
 * Which members a type has: those of its tables where it has any. A DTO source member no table
 * of the type lists is reported (SS076), once per source language, and still kept.
 */
import type { DiagnosticBag } from '../../diagnostics.js';
import type { TypeFacts } from '../facts.js';
import { DECLARED_BY, isDeclaredLang } from '../sources.js';

export function reportUntabledMembers(t: TypeFacts, hasTables: boolean, bag: DiagnosticBag): void {
  if (!hasTables) return;
  for (const m of t.members.values()) {
    if (m.required.some((f) => f.source === 'table')) continue;
    const langs = new Set(m.required.flatMap((f) => (isDeclaredLang(f.source) ? [f.source] : [])));
    for (const lang of langs) {
      const stated = m.required.find((f) => f.source === lang)!;
      const written = m.wireName.find((f) => f.source === lang && f.loc === stated.loc) ?? m.name.find((f) => f.source === lang && f.loc === stated.loc);
      bag.warn('SS076', stated.loc, `'${t.name}.${written?.value}' is in ${DECLARED_BY[lang]} but in no table of '${t.name}'`);
    }
  }
}
