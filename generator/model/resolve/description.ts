/**
 * A member's description: the table's, else the first DTO source's (sources.ts). Others that read
 * differently are noted (SS074); descriptions are compared with white space collapsed.
 */
import type { DiagnosticBag } from '../../diagnostics.js';
import type { MemberFacts } from '../facts.js';
import { RANKING, strongest } from '../sources.js';
import { at } from './at.js';

export function resolveDescription(label: string, m: MemberFacts, bag: DiagnosticBag): string | undefined {
  const chosen = strongest(m.description, RANKING.description);
  if (!chosen) return undefined;
  for (const d of m.description)
    if (d.value !== chosen.value) bag.info('SS074', d.loc, `'${label}' is described differently at ${at(chosen.loc)}; using that description`);
  return chosen.value;
}
