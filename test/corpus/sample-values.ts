/**
 * The example instance a metadata page serializes: `AutoMappingUtils.PopulateWith(new T())`
 * (ServiceStack.Text/src/ServiceStack.Text/AutoMappingUtils.cs, `CreateDefaultValue`): a string
 * is its type name "String", an enum its first value, a value type its default, a list or array
 * one populated element, a dictionary one populated entry, an abstract class null, and a type
 * nested in itself more than two levels deep null. A nullable value type gets its underlying
 * default, as the seeds' samples show (`<birthDate>0001-01-01T00:00:00</birthDate>` for `DateTime?`).
 */
import type { EnumMemberSpec } from './apis.js';
import { csharp, elementOf, isDictionary, isList, isPrimitive, type NetType } from './dotnet.js';
import type { ApiTypes, ResolvedMember, ResolvedType } from './metadata.js';

export type Sample =
  | { kind: 'null' }
  | { kind: 'scalar'; type: NetType; enumValue?: { type: ResolvedType; member: EnumMemberSpec } }
  | { kind: 'object'; type: ResolvedType; fields: SampleField[] }
  | { kind: 'list'; element: NetType; items: Sample[] }
  | { kind: 'dict'; key: NetType; value: NetType; entries: [Sample, Sample][] };

export interface SampleField {
  member: ResolvedMember;
  /** The class in the hierarchy that declares the member. */
  owner: ResolvedType;
  value: Sample;
}

const MAX_RECURSION = 2;

/** The populated instance of a request or response DTO. */
export function populate(types: ApiTypes, type: ResolvedType): Sample {
  return populateObject(types, type, new Map());
}

function populateObject(types: ApiTypes, type: ResolvedType, depth: Map<string, number>): Sample {
  const fields = types.hierarchy(type).flatMap((owner) => owner.members.map((member) => ({ member, owner, value: createDefault(types, member.type, depth) })));
  return { kind: 'object', type, fields };
}

function createDefault(types: ApiTypes, t: NetType, depth: Map<string, number>): Sample {
  const resolved = types.resolve({ ...t, nullable: false });
  if (resolved?.spec.enum) {
    const first = [...resolved.spec.enum.members].sort((a, b) => a.value - b.value)[0]!;
    return { kind: 'scalar', type: t, enumValue: { type: resolved, member: first } };
  }
  if (t.name === 'string' && !t.arrayRank) return { kind: 'scalar', type: t };
  if (resolved?.spec.abstract) return { kind: 'null' };
  const key = csharp(t);
  const level = depth.get(key) ?? 0;
  if (level > MAX_RECURSION) return { kind: 'null' };
  depth.set(key, level + 1);
  try {
    if (isList(t)) return { kind: 'list', element: elementOf(t), items: [createDefault(types, elementOf(t), depth)] };
    if (isDictionary(t)) {
      const [k, v] = t.args as [NetType, NetType];
      return { kind: 'dict', key: k, value: v, entries: [[createDefault(types, k, depth), createDefault(types, v, depth)]] };
    }
    if (isPrimitive(t)) return { kind: 'scalar', type: { ...t, nullable: false } };
    return resolved ? populateObject(types, resolved, depth) : { kind: 'null' };
  } finally {
    depth.set(key, level);
  }
}
