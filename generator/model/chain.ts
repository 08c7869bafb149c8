/**
 * A type and its bases with the type arguments each is used with: `QueryPostComments` extends
 * `QueryDb<PostComment>`, so in its chain `QueryDb`'s `T` is PostComment; in `Paged<int>`'s,
 * `Paged`'s is int. Members read through a link have the arguments in place of the parameters.
 */
import type { Field, Rule, TypeDef, TypeRef } from './api-model.js';
import { bindingsOf, substitute } from './generics.js';

export interface ChainLink {
  def: TypeDef;
  /** The type's parameters, bound to its arguments (none bound: they stay parameters). */
  bindings: ReadonlyMap<string, TypeRef>;
}

/** Bases are followed no deeper than this (a cycle stops sooner). */
const MAX_DEPTH = 32;

/** `name` used with `args`, then its bases, nearest first; stops at a cycle or a type not in the model. */
export function chainOf(name: string, args: readonly TypeRef[] | undefined, types: ReadonlyMap<string, TypeDef>): ChainLink[] {
  const chain: ChainLink[] = [];
  const seen = new Set<string>();
  let def = types.get(name);
  let bindings = bindingsOf(def?.typeParameters, args);
  while (def && !seen.has(def.name) && chain.length < MAX_DEPTH) {
    seen.add(def.name);
    chain.push({ def, bindings });
    const base: TypeDef | undefined = def.base === undefined ? undefined : types.get(def.base);
    const baseArgs = def.baseArgs?.map((a) => substitute(a, bindings));
    bindings = bindingsOf(base?.typeParameters, baseArgs);
    def = base;
  }
  return chain;
}

/** A link's own members, its arguments in place of its parameters. */
export function linkFields(link: ChainLink): Field[] {
  if (!link.bindings.size) return link.def.fields;
  return link.def.fields.map((f) => ({ ...f, type: substitute(f.type, link.bindings) }));
}

/** The base of a link as a reference: its name and its arguments (`QueryDb<PostComment>`). */
export function baseRef(link: ChainLink): TypeRef | undefined {
  const { def, bindings } = link;
  if (def.base === undefined) return undefined;
  return { kind: 'ref', name: def.base, nullable: false, ...(def.baseArgs ? { args: def.baseArgs.map((a) => substitute(a, bindings)) } : {}) };
}

/** Every member of a link's type by wire name, own and inherited (the nearest declaration wins), with the type declaring it. */
export function effectiveMembers(chain: readonly ChainLink[]): Map<string, { field: Field; declaredIn: string }> {
  const members = new Map<string, { field: Field; declaredIn: string }>();
  for (const link of chain) for (const f of linkFields(link)) if (!members.has(f.wireName)) members.set(f.wireName, { field: f, declaredIn: link.def.name });
  return members;
}

/**
 * The conditional rules a type's values must meet where its code states them all itself (a type
 * whose base is left out, SS083): its bases' (farthest first), then its own.
 */
export function chainRules(chain: readonly ChainLink[]): Rule[] {
  return [...chain].reverse().flatMap((link) => link.def.rules);
}
