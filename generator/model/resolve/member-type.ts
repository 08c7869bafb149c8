/**
 * A member's type. The strongest source that states one wins (sources.ts: the table, then C#,
 * VB.NET and F# — the .NET type exactly — then Kotlin and Java, then Python, Swift and Dart, by
 * family: `int` for every integer). Every other source is checked against it, each by what it can
 * tell: the .NET sources exactly (SS072, or SS077 where only nullability differs), the mapping ones
 * by family and, where they tell it, value-type nullability; TypeScript and JavaScript only whether
 * ServiceStack could have written it for that type (`number` is every .NET number). Their type is
 * taken only where nothing stronger states one, as leniently as it reads (`number` → double,
 * SS090). A sample's placeholder is no type where anything states one.
 */
import type { DiagnosticBag } from '../../diagnostics.js';
import type { TypeRef } from '../api-model.js';
import { tsAgrees, tsHasNumber } from '../ts-type.js';
import type { MemberFacts, SourceKind, TypeFact } from '../facts.js';
import { RANKING, STATED_BY, strongest, WEAK_TYPE_SOURCES } from '../sources.js';
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

/** A .NET source (C#, VB.NET, F#): exactly (SS072, or SS077 where only nullability differs). */
const exact = (lang: SourceKind): Check => ({
  disagrees: (_f, type, stated) =>
    formatTypeRef(type) === formatTypeRef(stated.type) ? undefined : withoutNullability(type) === withoutNullability(stated.type) ? 'SS077' : 'SS072',
  message: (label, f, _t, stated) => `${said(label, stated)} ${from(stated)} but ${f.written} in ${STATED_BY[lang]}; using ${STATED_BY[stated.fact.source]}`,
});

/**
 * A source that maps .NET types to its own (Python, Kotlin, Java, Swift, Dart): by family, and by
 * value-type nullability where it tells it (Python's `Optional`, Dart's `int?`).
 */
const byFamily = (lang: SourceKind, tellsNullability: (f: TypeFact) => boolean): Check => ({
  disagrees: (f, type, { type: t }) =>
    !sameTypeFamily(t, type)
      ? 'SS072'
      : tellsNullability(f) && t.kind === 'primitive' && isValueType(t.name) && isNullable(t) !== isNullable(type)
        ? 'SS077'
        : undefined,
  message: (label, f, type, stated) =>
    `${said(label, stated)}${sameTypeFamily(stated.type, type) ? '' : ` ${from(stated)}`} but ${f.written} in ${STATED_BY[lang]}; using ${STATED_BY[stated.fact.source]}`,
});

/** TypeScript, JavaScript: only whether ServiceStack could have written it for that type (`number` is every .NET number). */
const weak = (lang: SourceKind): Check => ({
  disagrees: (f, _t, stated) => (f.ts && !tsAgrees(f.ts, stated.type) ? 'SS072' : undefined),
  message: (label, f, _t, stated) =>
    `${said(label, stated)} ${from(stated)} but ${f.written} in ${STATED_BY[lang]}, which cannot be that type; using ${STATED_BY[stated.fact.source]}`,
});

/** Dart writes `?` on a value type only for a nullable one. */
const DART_VALUE_TYPE = /^(int|double|bool|num)\??$/;

const CHECKS: Partial<Record<SourceKind, Check>> = {
  table: {
    disagrees: (_f, type, stated) => (formatTypeRef(type) !== formatTypeRef(stated.type) ? 'SS072' : undefined),
    message: (label, f, type, stated) => `'${label}' is ${formatTypeRef(type)} here but ${formatTypeRef(stated.type)} at ${at(stated.fact.loc)}`,
  },
  csharp: exact('csharp'),
  vbnet: exact('vbnet'),
  fsharp: exact('fsharp'),
  python: byFamily('python', () => true),
  dart: byFamily('dart', (f) => DART_VALUE_TYPE.test(f.written)),
  kotlin: byFamily('kotlin', () => false),
  java: byFamily('java', () => false),
  swift: byFamily('swift', () => false),
  typescript: weak('typescript'),
  javascript: weak('javascript'),
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
  const tsOnly = stated ? undefined : m.type.find((f) => WEAK_TYPE_SOURCES.includes(f.source) && f.value);
  if (tsOnly?.ts && tsHasNumber(tsOnly.ts))
    bag.warn(
      'SS090',
      tsOnly.loc,
      `'${label}' is known only from ${STATED_BY[tsOnly.source]}, whose '${tsOnly.written}' does not tell an integer from a fraction: taken as double (the C# or Python DTOs, or the metadata page, would tell)`,
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
    if (f === stated.fact || !check || (!type && !WEAK_TYPE_SOURCES.includes(f.source))) continue;
    const code = check.disagrees(f, type!, stated);
    if (code) bag.warn(code, f.loc, check.message(label, f, type!, stated));
  }
}

/** TypeScript and JavaScript DTOs alone: they must agree with each other. */
function checkTypeScriptAlone(label: string, m: MemberFacts, bag: DiagnosticBag): void {
  const ts = m.type.filter((f) => WEAK_TYPE_SOURCES.includes(f.source) && f.ts);
  const first = ts[0];
  for (const f of ts.slice(1))
    if (f.value && first?.value && formatTypeRef(f.value) !== formatTypeRef(first.value))
      bag.warn('SS072', f.loc, `'${label}' is ${f.written} here but ${first.written} at ${at(first.loc)} (both TypeScript or JavaScript DTOs)`);
}

function withoutNullability(t: TypeRef): string {
  return formatTypeRef(t).replace(/\?/g, '');
}
