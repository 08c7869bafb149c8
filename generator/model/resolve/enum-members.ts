/**
 * An enum's members: every member any source lists (enum tables, then DTO enums), by memberKey —
 * Python writes the .NET member `Pending` as `PENDING`. Each source already names a member by what
 * travels (a string value, C#'s EnumMember); an int value stays a value. A source that lacks
 * members another lists is reported (SS066), naming what it lacks and where that is listed.
 */
import type { DiagnosticBag } from '../../diagnostics.js';
import type { EnumMember } from '../api-model.js';
import type { EnumListFact, TypeFacts } from '../facts.js';
import { memberKey } from '../naming.js';
import { at } from './at.js';

export function resolveEnumMembers(t: TypeFacts, bag: DiagnosticBag): EnumMember[] {
  const members = new Map<string, EnumMember>();
  for (const m of t.enumLists.flatMap((l) => l.members)) {
    const existing = members.get(memberKey(m.name));
    if (existing) existing.sources.push(m.loc);
    else members.set(memberKey(m.name), { name: m.name, ...(m.value !== undefined ? { value: m.value } : {}), sources: [m.loc] });
  }
  reportMissing(t.name, t.enumLists, bag);
  return [...members.values()];
}

function reportMissing(name: string, lists: readonly EnumListFact[], bag: DiagnosticBag): void {
  if (lists.length < 2) return;
  const listed = new Map<string, { name: string; loc: EnumListFact['loc'] }>();
  for (const l of lists) for (const m of l.members) if (!listed.has(memberKey(m.name))) listed.set(memberKey(m.name), m);
  for (const l of lists) {
    const own = new Set(l.members.map((m) => memberKey(m.name)));
    const missing = [...listed].filter(([k]) => !own.has(k)).map(([, m]) => m);
    if (!missing.length) continue;
    const shown =
      missing
        .slice(0, 5)
        .map((m) => `'${m.name}' (${at(m.loc)})`)
        .join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
    bag.warn('SS066', l.loc, `enum '${name}': ${l.what} here lacks ${shown}, which other sources list; the enum has them all`);
  }
}
