/**
 * Pass "resolve types": one TypeDef per type from its facts, each attribute decided by its own
 * resolver (resolve/): enum members, base, type parameters, namespace, description, and per member its name,
 * type, required-ness, description and wire name. Gaps are reported here: a type used but never
 * described (SS070), known only from samples (SS071), a generic type known only from its uses
 * (SS084), or a generic base whose arguments do not fit it (SS065).
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { Field, TypeDef, TypeRef } from './api-model.js';
import { extractExamples } from './description.js';
import type { Fact, MemberFacts, SampleValue, TypeFact, TypeFacts } from './facts.js';
import type { LoweredTypes } from './lower-types.js';
import { resolveDescription } from './resolve/description.js';
import { resolveEnum } from './resolve/enum-members.js';
import { reportUntabledMembers } from './resolve/membership.js';
import { resolveMemberName } from './resolve/member-name.js';
import { resolveMemberType } from './resolve/member-type.js';
import { resolveNamespace } from './resolve/namespace.js';
import { resolveRequired } from './resolve/required.js';
import { typeParametersOf, type TypeParameters } from './resolve/type-parameters.js';
import { resolveWireName } from './resolve/wire-name.js';
import { formatTypeRef, isValueType } from './type-ref.js';

export function resolveTypes(lowered: LoweredTypes, baseOf: ReadonlyMap<string, string>, bag: DiagnosticBag): TypeDef[] {
  const types = [...lowered.store.types.values()];
  const enums = new Set(types.filter((t) => t.enumLists.length).map((t) => t.name));
  const parameters = new Map(types.map((t) => [t.name, t.enumLists.length ? { names: [] } : typeParametersOf(t, lowered)]));
  const normalise = (f: TypeFact) => f.value && (f.source === 'csharp' ? withoutReferenceNullability(f.value, enums) : f.value);
  const sampled = new Map<string, Fact<SampleValue>[]>();
  const objects = new Map<string, TypeDef>();
  for (const t of types) {
    if (t.enumLists.length) continue;
    const hasTables = lowered.sources.get(t.name)!.tables.length > 0;
    reportUntabledMembers(t, hasTables, bag);
    const fields = [...t.members.values()].flatMap((m) => resolveField(t.name, m, normalise, bag).map((f) => noteEnumSample(f, m, enums, sampled)));
    const own = parameters.get(t.name)!;
    reportInferred(t.name, own, bag);
    const base = baseOf.get(t.name);
    const baseArgs = base === undefined ? undefined : resolveBaseArgs(t, base, parameters.get(base)?.names ?? [], bag);
    objects.set(t.name, objectType(t, fields, { base, baseArgs, typeParameters: own.names }, bag));
  }
  return types.map((t) => objects.get(t.name) ?? enumType(t, sampled.get(t.name) ?? [], bag));
}

function enumType(t: TypeFacts, sampled: readonly Fact<SampleValue>[], bag: DiagnosticBag): TypeDef {
  return { name: t.name, kind: 'enum', fields: [], ...resolveEnum(t, sampled, bag), rules: [], sources: t.describedAt };
}

/** Keeps the JSON and JSV samples' placeholders of a member typed as an enum: they show how the enum travels. */
function noteEnumSample(f: Field, m: MemberFacts, enums: ReadonlySet<string>, sampled: Map<string, Fact<SampleValue>[]>): Field {
  if (f.type.kind !== 'ref' || !enums.has(f.type.name)) return f;
  for (const s of m.sample) {
    if (s.source !== 'json' && s.source !== 'jsv') continue;
    const list = sampled.get(f.type.name);
    if (list) list.push(s);
    else sampled.set(f.type.name, [s]);
  }
  return f;
}

/** The type arguments of the base the type extends, as the source that names that base gives them; none when they do not fit it (SS065). */
function resolveBaseArgs(t: TypeFacts, base: string, baseParameters: readonly string[], bag: DiagnosticBag): TypeRef[] | undefined {
  const fact = t.baseArgs.find((f) => f.value.base === base);
  if (!fact) return undefined;
  if (fact.value.args.length === baseParameters.length) return fact.value.args;
  const written = formatTypeRef({ kind: 'ref', name: base, nullable: false, args: fact.value.args });
  const has = baseParameters.length ? `<${baseParameters.join(', ')}>` : 'no type parameters';
  bag.warn('SS065', fact.loc, `'${t.name}' extends '${written}' but '${base}' has ${has}: its type arguments are dropped`);
  return undefined;
}

function reportInferred(name: string, parameters: TypeParameters, bag: DiagnosticBag): void {
  const inferred = parameters.inferred;
  if (!inferred) return;
  const use = formatTypeRef({ kind: 'ref', name, nullable: false, args: inferred.caption });
  const definition = `${name}<${parameters.names.join(', ')}>`;
  bag.info(
    'SS084',
    inferred.loc,
    `no source declares '${name}'; read as '${definition}' from the table of '${use}' (its arguments' places in the members are the parameters)`,
  );
}

interface Structure {
  base: string | undefined;
  baseArgs: TypeRef[] | undefined;
  typeParameters: string[];
}

function objectType(t: TypeFacts, fields: Field[], { base, baseArgs, typeParameters }: Structure, bag: DiagnosticBag): TypeDef {
  const shown = !t.described && !t.builtin && t.shown;
  if (shown) bag.warn('SS071', t.shownAt[0], `'${t.name}' is known only from a sample; its member types are guessed from placeholder values`);
  if (t.builtin && !t.described)
    bag.info(
      'SS068',
      t.referencedAt[0] ?? t.shownAt[0],
      `'${t.name}' is ServiceStack's own type and no page describes it: defined as ServiceStack declares it`,
    );
  const incomplete = !t.described && !t.builtin && !shown;
  if (incomplete && t.referencedAt.length)
    bag.warn(
      'SS070',
      t.referencedAt[0],
      `type '${t.name}' is used but no page describes it (a class without own members gets no table); emitted as an open object`,
    );
  const description = t.description[0]?.value;
  const namespace = resolveNamespace(t, bag);
  return {
    name: t.name,
    kind: 'object',
    ...(namespace ? { namespace } : {}),
    ...(base ? { base } : {}),
    ...(baseArgs ? { baseArgs } : {}),
    ...(typeParameters.length ? { typeParameters } : {}),
    ...(description ? { description } : {}),
    fields,
    enumMembers: [],
    rules: [],
    ...(incomplete ? { incomplete: true } : {}),
    sources: t.describedAt.length ? t.describedAt : [...t.shownAt.slice(0, 1), ...t.referencedAt.slice(0, 1)],
  };
}

function resolveField(typeName: string, m: MemberFacts, normalise: (f: TypeFact) => TypeRef | undefined, bag: DiagnosticBag): Field[] {
  const name = resolveMemberName(m);
  if (!name) return [];
  const label = `${typeName}.${name}`;
  const type = resolveMemberType(label, m, normalise, bag);
  const required = resolveRequired(label, m, bag);
  const description = resolveDescription(label, m, bag);
  const parameter = m.parameter[0]?.value;
  return [
    {
      name,
      ...resolveWireName(label, name, m, bag),
      type,
      required,
      ...(parameter ? { parameter } : {}),
      ...(description ? { description } : {}),
      examples: description ? extractExamples(description) : [],
      sources: m.statedAt,
    },
  ];
}

/** C# writes `string?`, `Email?` for reference types (nullable annotations): on the wire they are the same type. */
function withoutReferenceNullability(t: TypeRef, enums: ReadonlySet<string>): TypeRef {
  switch (t.kind) {
    case 'list':
      return { kind: 'list', of: withoutReferenceNullability(t.of, enums) };
    case 'dictionary':
      return { kind: 'dictionary', key: withoutReferenceNullability(t.key, enums), value: withoutReferenceNullability(t.value, enums) };
    case 'primitive':
      return t.nullable && !isValueType(t.name) ? { ...t, nullable: false } : t;
    case 'ref': {
      const nullable = t.nullable && enums.has(t.name);
      if (!t.args) return nullable === t.nullable ? t : { ...t, nullable };
      return { ...t, nullable, args: t.args.map((a) => withoutReferenceNullability(a, enums)) };
    }
    case 'parameter':
      return t;
  }
}
