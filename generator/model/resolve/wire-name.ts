/**
 * A member's wire name (the JSON key): what a JSON or JSV sample shows, else what a DTO source states
 * (a C# `[DataMember(Name=…)]`, TypeScript's name, Python's camelCase), else ServiceStack's
 * camelCase of the .NET name. Samples that disagree with each other, and DTO sources that
 * disagree with the chosen name, are reported (SS075), each source and name once.
 */
import type { DiagnosticBag } from '../../diagnostics.js';
import type { Field } from '../api-model.js';
import type { Fact, MemberFacts } from '../facts.js';
import { serviceStackCamelCase } from '../naming.js';
import { DECLARED_BY, isDeclaredLang, isKeyedSample, RANKING, STATED_BY, strongest, type Ranking } from '../sources.js';
import { at } from './at.js';

export function resolveWireName(label: string, name: string, m: MemberFacts, bag: DiagnosticBag): Pick<Field, 'wireName' | 'wireNameFrom'> {
  const top = strongest(m.wireName, RANKING.wireName);
  if (!top) return { wireName: serviceStackCamelCase(name), wireNameFrom: 'convention' };
  // Most members travel under one name in every source: nothing to report.
  if (m.wireName.some((f) => f.value !== top.value)) reportDisagreements(label, top, m, bag);
  return { wireName: top.value, wireNameFrom: isKeyedSample(top.source) ? `${top.source}-sample` : (top.source as Field['wireNameFrom']) };
}

function reportDisagreements(label: string, top: Fact<string>, m: MemberFacts, bag: DiagnosticBag): void {
  const samples = m.wireName.filter((f) => isKeyedSample(f.source));
  const shown = [...new Set(samples.map((f) => f.value))];
  if (shown.length > 1)
    bag.warn('SS075', samples[1]!.loc, `'${label}' travels as ${shown.map((n) => `'${n}'`).join(' and ')} in different samples; using '${shown[0]}'`);
  const what = isKeyedSample(top.source) ? STATED_BY[top.source] : `${STATED_BY[top.source]} (${at(top.loc)})`;
  const using = isKeyedSample(top.source) ? 'the sample' : STATED_BY[top.source];
  const reported = new Set<string>();
  for (const tier of RANKING.wireName as Ranking)
    for (const f of m.wireName) {
      const key = `${f.source}\0${f.value}`;
      if (!tier.includes(f.source) || !isDeclaredLang(f.source) || f.value === top.value || reported.has(key)) continue;
      reported.add(key);
      bag.warn('SS075', f.loc, `'${label}' travels as '${top.value}' in ${what} but '${f.value}' by ${DECLARED_BY[f.source]}; using ${using}`);
    }
}
