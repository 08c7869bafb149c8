/**
 * Each type's base class: what the page's structure shows (a base table after the type's own),
 * else what its DTO class declares. A source naming another base is reported (SS078).
 */
import type { DiagnosticBag } from '../../diagnostics.js';
import type { FactStore } from '../facts.js';
import { RANKING, strongest } from '../sources.js';
import { at } from './at.js';

export function resolveBases(store: FactStore, bag: DiagnosticBag): Map<string, string> {
  const baseOf = new Map<string, string>();
  for (const t of store.types.values()) {
    const chosen = strongest(t.base, RANKING.base);
    if (!chosen) continue;
    baseOf.set(t.name, chosen.value);
    for (const other of t.base)
      if (other.value !== chosen.value)
        bag.warn('SS078', other.loc, `'${t.name}' extends '${chosen.value}' at ${at(chosen.loc)} but '${other.value}' here; using '${chosen.value}'`);
  }
  return baseOf;
}
