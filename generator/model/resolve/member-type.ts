/**
 * A member's type. The strongest source that states one wins (sources.ts: the table, then C# —
 * the .NET type exactly — then Python, by family: `int` for every integer). Every other source is
 * checked against it, each by what it can tell: C# exactly (SS072, or SS077 where only
 * nullability differs), Python by family and value-type nullability, TypeScript only whether
 * ServiceStack could have written it for that type (`number` is every .NET number). TypeScript's
 * type is taken only where nothing stronger states one, as leniently as it reads (`number` →
 * double, SS090). A sample's placeholder is no type where anything states one.
 */
import type { DiagnosticBag } from '../../diagnostics.js';
import type { TypeRef } from '../api-model.js';
import { tsAgrees, tsHasNumber } from '../ts-type.js';
import type { MemberFacts, SourceKind, TypeFact } from '../facts.js';
import { RANKING, STATED_BY, strongest } from '../sources.js';
import { formatTypeRef, fromSampleValue, isNullable, isValueType, sameTypeFamily } from '../type-ref.js';
import { at } from './at.js';

interface Stated {
  fact: TypeFact;
  type: TypeRef;
}

/** How each source is checked against the stated type: the diagnostic code when it disagrees, and how to say so. */
interface Check {
  disagrees(fact: TypeFact, type: TypeRef, stated: Stated): 'SS072' | 'SS077' | undefined;
  message(label: string, fact: TypeFact, type: TypeRef, stated: Stated): string;
}

const said = (label: string, stated: Stated) => `'${label}' is ${formatTypeRef(stated.type)} in ${STATED_BY[stated.fact.source]}`;
const from = (stated: Stated) => `(${at(stated.fact.loc)})`;

const CHECKS: Partial<Record<SourceKind, Check>> = {
  table: {
    disagrees: (_f, type, stated) => (formatTypeRef(type) !== formatTypeRef(stated.type) ? 'SS072' : undefined),
    message: (label, f, type, stated) => `'${label}' is ${formatTypeRef(type)} here but ${formatTypeRef(stated.type)} at ${at(stated.fact.loc)}`,
  },
  csharp: {
    disagrees: (_f, type, stated) =>
      formatTypeRef(type) === formatTypeRef(stated.type) ? undefined : withoutNullability(type) === withoutNullability(stated.type) ? 'SS077' : 'SS072',
    message: (label, f, _t, stated) => `${said(label, stated)} ${from(stated)} but ${f.written} in the C# DTO; using ${STATED_BY[stated.fact.source]}`,
  },
  python: {
    disagrees: (_f, type, { type: t }) =>
      !sameTypeFamily(t, type) ? 'SS072' : t.kind === 'primitive' && isValueType(t.name) && isNullable(t) !== isNullable(type) ? 'SS077' : undefined,
    message: (label, f, type, stated) =>
      `${said(label, stated)}${sameTypeFamily(stated.type, type) ? '' : ` ${from(stated)}`} but ${f.written} in the Python DTO; using ${STATED_BY[stated.fact.source]}`,
  },
  typescript: {
    disagrees: (f, _t, stated) => (f.ts && !tsAgrees(f.ts, stated.type) ? 'SS072' : undefined),
    message: (label, f, _t, stated) =>
      `${said(label, stated)} ${from(stated)} but ${f.written} in the TypeScript DTO, which cannot be that type; using ${STATED_BY[stated.fact.source]}`,
  },
};

/** `normalise`: C#'s reading of a fact's type (reference types' `?` is no nullability). */
export function resolveMemberType(label: string, m: MemberFacts, normalise: (f: TypeFact) => TypeRef | undefined, bag: DiagnosticBag): TypeRef {
  const fact = strongest(
    m.type.filter((f) => f.value),
    RANKING.type,
  );
  const stated = fact && { fact, type: normalise(fact)! };
  if (stated) checkAgainst(label, m, stated, normalise, bag);
  else checkTypeScriptAlone(label, m, bag);
  const tsOnly = stated ? undefined : m.type.find((f) => f.source === 'typescript' && f.value);
  if (tsOnly?.ts && tsHasNumber(tsOnly.ts))
    bag.warn(
      'SS090',
      tsOnly.loc,
      `'${label}' is known only from the TypeScript DTO, whose '${tsOnly.written}' does not tell an integer from a fraction: taken as double (the C# or Python DTOs, or the metadata page, would tell)`,
    );
  if (stated) return stated.type;
  if (tsOnly) return tsOnly.value!;
  return fromSamples(label, m, bag);
}

const UNKNOWN: TypeRef = { kind: 'primitive', name: 'object', nullable: false };

/**
 * Where nothing states a type, what the samples show: a structured value's type (a list, a
 * dictionary, a nested type, named as SS094 says where that was inferred), else a placeholder's
 * type, else — the samples showing only `[]`, `{}` or `null` — unknown (SS095).
 */
function fromSamples(label: string, m: MemberFacts, bag: DiagnosticBag): TypeRef {
  const shown = m.sampleType.find((f) => f.value.empty === undefined);
  if (shown) {
    if (shown.value.inferred) bag.info('SS094', shown.loc, `'${label}': no table or DTO names the type of the sample's value; ${shown.value.inferred}`);
    return shown.value.type;
  }
  const placeholder = m.sample.find((f) => f.value !== null);
  if (placeholder) return fromSampleValue(placeholder.value);
  const empty = m.sampleType[0];
  const loc = empty?.loc ?? m.sample[0]?.loc;
  if (!loc) return UNKNOWN;
  const what = empty?.value.empty ?? 'null';
  bag.warn('SS095', loc, `'${label}' is typed unknown: its sample shows ${what} and no table or DTO states its type (add the page's tables or DTOs)`);
  return empty?.value.type ?? UNKNOWN;
}

function checkAgainst(label: string, m: MemberFacts, stated: Stated, normalise: (f: TypeFact) => TypeRef | undefined, bag: DiagnosticBag): void {
  for (const f of m.type) {
    const check = CHECKS[f.source];
    const type = f.value && normalise(f);
    if (f === stated.fact || !check || (!type && f.source !== 'typescript')) continue;
    const code = check.disagrees(f, type!, stated);
    if (code) bag.warn(code, f.loc, check.message(label, f, type!, stated));
  }
}

/** TypeScript DTOs alone: they must agree with each other. */
function checkTypeScriptAlone(label: string, m: MemberFacts, bag: DiagnosticBag): void {
  const ts = m.type.filter((f) => f.source === 'typescript' && f.ts);
  const first = ts[0];
  for (const f of ts.slice(1))
    if (f.value && first?.value && formatTypeRef(f.value) !== formatTypeRef(first.value))
      bag.warn('SS072', f.loc, `'${label}' is ${f.written} here but ${first.written} at ${at(first.loc)} (both TypeScript DTOs)`);
}

function withoutNullability(t: TypeRef): string {
  return formatTypeRef(t).replace(/\?/g, '');
}
