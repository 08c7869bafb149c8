/**
 * Type parameters and type arguments. A generic type is one TypeDef with `typeParameters`
 * (`QueryResponse<T>`), whose members use `{ kind: 'parameter' }`; a use of it is a ref with
 * `args` (`QueryResponse<PostComment>`). These helpers move between the two.
 */
import type { TypeRef } from './api-model.js';
import { formatTypeRef } from './type-ref.js';

/** Refs named like one of `params` (without arguments of their own) are those parameters. */
export function withParameters(t: TypeRef, params: readonly string[]): TypeRef {
  if (!params.length) return t;
  switch (t.kind) {
    case 'list':
      return { kind: 'list', of: withParameters(t.of, params) };
    case 'dictionary':
      return { kind: 'dictionary', key: withParameters(t.key, params), value: withParameters(t.value, params) };
    case 'ref':
      if (!t.args && params.includes(t.name)) return { kind: 'parameter', name: t.name };
      return t.args ? { ...t, args: t.args.map((a) => withParameters(a, params)) } : t;
    default:
      return t;
  }
}

/** `t` with each parameter replaced by its argument (`List<T>` with T = PostComment: `List<PostComment>`). */
export function substitute(t: TypeRef, bindings: ReadonlyMap<string, TypeRef>): TypeRef {
  if (!bindings.size) return t;
  switch (t.kind) {
    case 'parameter':
      return bindings.get(t.name) ?? t;
    case 'list':
      return { kind: 'list', of: substitute(t.of, bindings) };
    case 'dictionary':
      return { kind: 'dictionary', key: substitute(t.key, bindings), value: substitute(t.value, bindings) };
    case 'ref':
      return t.args ? { ...t, args: t.args.map((a) => substitute(a, bindings)) } : t;
    default:
      return t;
  }
}

/** Parameter → argument, for a generic type's use; empty when the counts differ. */
export function bindingsOf(params: readonly string[] | undefined, args: readonly TypeRef[] | undefined): Map<string, TypeRef> {
  if (!params?.length || params.length !== args?.length) return new Map();
  return new Map(params.map((p, i) => [p, args[i]!]));
}

export function mentionsParameter(t: TypeRef): boolean {
  switch (t.kind) {
    case 'parameter':
      return true;
    case 'list':
      return mentionsParameter(t.of);
    case 'dictionary':
      return mentionsParameter(t.key) || mentionsParameter(t.value);
    case 'ref':
      return t.args?.some(mentionsParameter) ?? false;
    default:
      return false;
  }
}

const same = (a: TypeRef, b: TypeRef) => formatTypeRef(a) === formatTypeRef(b);

/**
 * A member type of a table captioned as an instantiation (`QueryResponse<PostComment>`: `List<PostComment>`)
 * read as the definition's (`List<T>`). `known`, the definition's own type for the member, says
 * where its parameters are; without it every argument's occurrence is taken as the parameter,
 * except a primitive argument at the top (`Total int` of `Paged<int>` stays an int).
 */
export function generalize(t: TypeRef, args: readonly TypeRef[], params: readonly string[], known?: TypeRef): TypeRef {
  if (known) return alongKnown(t, known, bindingsOf(params, args));
  const at = args.findIndex((a) => same(a, t));
  if (at >= 0 && args[at]!.kind !== 'primitive') return { kind: 'parameter', name: params[at]! };
  return inside(t, args, params);
}

function inside(t: TypeRef, args: readonly TypeRef[], params: readonly string[]): TypeRef {
  const nested = (x: TypeRef): TypeRef => {
    const at = args.findIndex((a) => same(a, x));
    return at >= 0 ? { kind: 'parameter', name: params[at]! } : inside(x, args, params);
  };
  switch (t.kind) {
    case 'list':
      return { kind: 'list', of: nested(t.of) };
    case 'dictionary':
      return { kind: 'dictionary', key: t.key, value: nested(t.value) };
    case 'ref':
      return t.args ? { ...t, args: t.args.map(nested) } : t;
    default:
      return t;
  }
}

/** `t` with a parameter wherever `known` has one and `t` has that parameter's argument; elsewhere `t` as it is. */
function alongKnown(t: TypeRef, known: TypeRef, bindings: ReadonlyMap<string, TypeRef>): TypeRef {
  if (known.kind === 'parameter') {
    const arg = bindings.get(known.name);
    return arg && same(arg, t) ? known : t;
  }
  if (t.kind === 'list' && known.kind === 'list') return { kind: 'list', of: alongKnown(t.of, known.of, bindings) };
  if (t.kind === 'dictionary' && known.kind === 'dictionary')
    return { kind: 'dictionary', key: alongKnown(t.key, known.key, bindings), value: alongKnown(t.value, known.value, bindings) };
  if (t.kind === 'ref' && known.kind === 'ref' && t.name === known.name && t.args && t.args.length === known.args?.length) {
    const knownArgs = known.args;
    return { ...t, args: t.args.map((a, i) => alongKnown(a, knownArgs[i]!, bindings)) };
  }
  return t;
}

/** The names the model gives the parameters of a generic type it knows only from uses: `T`, else `T1`, `T2`… */
export function inferredParameters(arity: number): string[] {
  return arity === 1 ? ['T'] : Array.from({ length: arity }, (_, i) => `T${i + 1}`);
}

/** How a use of a generic type is known across the model: `QueryResponse<PostComment>` (nullability aside). */
export function instanceKey(name: string, args: readonly TypeRef[]): string {
  return formatTypeRef({ kind: 'ref', name, nullable: false, args: [...args] });
}
