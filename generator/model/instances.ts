/**
 * The uses of generic types that need code of their own: a validator checks `QueryResponse<PostComment>`'s
 * `results` as PostComments, and OpenAPI has a schema for it. Only uses whose type's members
 * (own or inherited) depend on the arguments count; `QueryDb<PostComment>`, whose members do
 * not, is checked as `QueryDb` is. Found from the non-generic types, the operations' responses,
 * and then the members of each use found, within bounds (a type whose member uses it with a
 * bigger argument, `Node<T>` with `Node<List<T>>`, would never end).
 */
import type { ApiModel, TypeDef, TypeRef } from './api-model.js';
import { bindingsOf, instanceKey, mentionsParameter, substitute } from './generics.js';

export interface Instance {
  key: string;
  type: string;
  args: TypeRef[];
}

const MAX_INSTANCES = 1000;
const MAX_KEY = 200;

export function genericInstances(model: Pick<ApiModel, 'types' | 'operations'>): Instance[] {
  const types = new Map(model.types.map((t) => [t.name, t]));
  const found = new Map<string, Instance>();
  const pending: Instance[] = [];
  const use = (t: TypeRef) => {
    for (const ref of uses(t)) {
      const def = types.get(ref.name);
      if (!def || !isInstance(ref, def, types) || found.size >= MAX_INSTANCES) continue;
      const key = instanceKey(ref.name, ref.args!);
      if (found.has(key) || key.length > MAX_KEY) continue;
      const instance = { key, type: ref.name, args: ref.args! };
      found.set(key, instance);
      pending.push(instance);
    }
  };
  for (const t of model.types) if (!t.typeParameters) for (const r of ownUses(t)) use(r);
  for (const op of model.operations) if (op.response.kind === 'typed' && op.response.args) use(responseRef(op.response.type, op.response.args));
  for (let i = pending.shift(); i; i = pending.shift()) {
    const bindings = bindingsOf(types.get(i.type)!.typeParameters, i.args);
    for (const r of ownUses(types.get(i.type)!)) use(substitute(r, bindings));
  }
  return [...found.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function responseRef(type: string, args: TypeRef[] | undefined): TypeRef {
  return { kind: 'ref', name: type, nullable: false, ...(args ? { args } : {}) };
}

/** What a type's members and base use, as type references. */
function ownUses(t: TypeDef): TypeRef[] {
  const base: TypeRef[] = t.base && t.baseArgs ? [{ kind: 'ref', name: t.base, nullable: false, args: t.baseArgs }] : [];
  return [...base, ...t.fields.map((f) => f.type)];
}

type Ref = Extract<TypeRef, { kind: 'ref' }>;

/** The generic references in a type (the list's items, the dictionary's values, not the arguments of a use). */
function uses(t: TypeRef): Ref[] {
  switch (t.kind) {
    case 'list':
      return uses(t.of);
    case 'dictionary':
      return uses(t.value);
    case 'ref':
      return t.args ? [t] : [];
    default:
      return [];
  }
}

/** A use with arguments that fit the type, none of them a parameter, of a type whose members depend on them. */
export function isInstance(ref: TypeRef, def: TypeDef, types: ReadonlyMap<string, TypeDef>): boolean {
  if (ref.kind !== 'ref' || !ref.args || ref.args.length !== def.typeParameters?.length) return false;
  return !ref.args.some(mentionsParameter) && dependsOnArguments(def, types, new Set());
}

/** Whether a generic type's members, own or inherited through a base given its parameters, use them. */
export function dependsOnArguments(def: TypeDef, types: ReadonlyMap<string, TypeDef>, seen: Set<string>): boolean {
  if (!def.typeParameters || seen.has(def.name)) return false;
  seen.add(def.name);
  if (def.fields.some((f) => mentionsParameter(f.type))) return true;
  const base = def.base === undefined ? undefined : types.get(def.base);
  return Boolean(base && def.baseArgs?.some(mentionsParameter) && dependsOnArguments(base, types, seen));
}
