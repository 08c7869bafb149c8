/**
 * Members a subtype redeclares with a type its base's member does not admit: `id` is `int?` in
 * the subtype and `int` in the base, or optional in one and required in the other. .NET allows it
 * (a `new` property); a TypeScript interface that extends the base does not (TS2430). The
 * generated interface then leaves those members of its base out (`extends Omit<Base, 'id'>`), and
 * pass "redeclarations" says so (SS083). Judged on what travels: every number is one, dates and
 * Guids are strings, an enum is a string.
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { ApiModel, Field, PrimitiveName, TypeDef, TypeRef } from './api-model.js';
import { chainOf, effectiveMembers } from './chain.js';
import { formatTypeRef } from './type-ref.js';

/** The type's own members that its base (as it is extended, with its arguments) declares otherwise. */
export function membersOmittedFromBase(t: TypeDef, types: ReadonlyMap<string, TypeDef>): Field[] {
  if (t.base === undefined || !t.fields.length) return [];
  const chain = chainOf(t.name, undefined, types);
  const inherited = effectiveMembers(chain.slice(1));
  return t.fields.filter((f) => {
    const base = inherited.get(f.wireName)?.field;
    return base !== undefined && !admits(base, f, types);
  });
}

/** Pass "redeclarations": one warning per member a generated interface must leave out of its base. */
export function reportRedeclarations(model: ApiModel, bag: DiagnosticBag): void {
  const types = new Map(model.types.map((t) => [t.name, t]));
  for (const t of model.types) {
    const omitted = t.kind === 'object' ? membersOmittedFromBase(t, types) : [];
    if (!omitted.length) continue;
    const inherited = effectiveMembers(chainOf(t.name, undefined, types).slice(1));
    for (const f of omitted) {
      const { field, declaredIn } = inherited.get(f.wireName)!;
      bag.warn(
        'SS083',
        f.sources[0] ?? t.sources[0],
        `'${t.name}.${f.name}' is ${describe(f)} but ${describe(field)} in its base '${declaredIn}'; the generated '${t.name}' leaves the base's '${f.wireName}' out`,
      );
    }
  }
}

function describe(f: Field): string {
  return `${formatTypeRef(f.type)}${f.required ? '' : ' (optional)'}`;
}

/** Whether a value of the subtype's member is always one of the base's: required where it is, a type it admits. */
function admits(base: Field, sub: Field, types: ReadonlyMap<string, TypeDef>): boolean {
  return (sub.required || !base.required) && typeAdmits(base.type, sub.type, types);
}

function typeAdmits(base: TypeRef, sub: TypeRef, types: ReadonlyMap<string, TypeDef>): boolean {
  if (base.kind === 'primitive' && base.name === 'object') return true;
  if (sub.kind === 'ref' && types.get(sub.name)?.kind === 'enum' && base.kind === 'primitive')
    return wire(base.name) === 'string' && (base.nullable || !sub.nullable);
  switch (base.kind) {
    case 'primitive':
      return sub.kind === 'primitive' && wire(sub.name) === wire(base.name) && (base.nullable || !sub.nullable);
    case 'ref':
      return sub.kind === 'ref' && sub.name === base.name && (base.nullable || !sub.nullable) && (!base.args || formatArgs(base) === formatArgs(sub));
    case 'parameter':
      return sub.kind === 'parameter' && sub.name === base.name;
    case 'list':
      return sub.kind === 'list' && typeAdmits(base.of, sub.of, types);
    case 'dictionary':
      return sub.kind === 'dictionary' && typeAdmits(base.value, sub.value, types);
  }
}

const formatArgs = (t: TypeRef) => (t.kind === 'ref' ? (t.args ?? []).map(formatTypeRef).join(',') : '');

const NUMBERS = new Set<PrimitiveName>(['byte', 'sbyte', 'short', 'ushort', 'int', 'uint', 'long', 'ulong', 'float', 'double', 'decimal']);

/** What a primitive is on the wire (and in TypeScript). */
function wire(name: PrimitiveName): string {
  return NUMBERS.has(name) ? 'number' : name === 'bool' ? 'boolean' : name === 'object' ? 'unknown' : 'string';
}
