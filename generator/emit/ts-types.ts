/** How model types read in TypeScript; shared by every emitter that writes TypeScript. */
import type { ApiModel, Field, PrimitiveName, ResponseShape, SymbolNames, TypeRef } from '../model/api-model.js';
import { responseRef } from '../model/instances.js';
import { jsString } from './escape.js';
import { namesOf, typeId } from './symbols.js';

const NUMBERS = new Set<PrimitiveName>(['byte', 'sbyte', 'short', 'ushort', 'int', 'uint', 'long', 'ulong', 'float', 'double', 'decimal']);

export function tsPrimitive(name: PrimitiveName): string {
  if (NUMBERS.has(name)) return 'number';
  if (name === 'bool') return 'boolean';
  if (name === 'object') return 'unknown';
  return 'string';
}

export interface TsTypeContext {
  names: SymbolNames;
  /** A DTO named `Record` shadows TypeScript's own. */
  shadowsRecord: boolean;
  /** What type names are written after: `Types.` in validators.ts, `T.` in client.ts, nothing in types.ts. */
  qualify?: string;
  /** Inside a generic type's declaration: its parameters' identifiers. Elsewhere a parameter is `unknown`. */
  parameters?: ReadonlyMap<string, string>;
}

export function tsTypeContext(model: ApiModel, qualify?: string): TsTypeContext {
  const names = namesOf(model);
  return { names, shadowsRecord: model.types.some((t) => typeId(names, t.name) === 'Record'), ...(qualify ? { qualify } : {}) };
}

/** The context inside a generic type's declaration, whose parameters are its own. */
export function withinType(ctx: TsTypeContext, model: readonly string[] | undefined, ids: readonly string[] | undefined): TsTypeContext {
  if (!model?.length || !ids) return ctx;
  return { ...ctx, parameters: new Map(model.map((p, i) => [p, ids[i] ?? 'unknown'])) };
}

function parenthesise(t: string): string {
  return /[|&]/.test(t) ? `(${t})` : t;
}

export function tsType(ref: TypeRef, ctx: TsTypeContext): string {
  switch (ref.kind) {
    case 'primitive':
      return `${tsPrimitive(ref.name)}${ref.nullable && ref.name !== 'object' ? ' | null' : ''}`;
    case 'ref':
      return `${tsRefName(ref.name, ref.args, ctx)}${ref.nullable ? ' | null' : ''}`;
    case 'parameter':
      return ctx.parameters?.get(ref.name) ?? 'unknown';
    case 'list':
      return `${parenthesise(tsType(ref.of, ctx))}[]`;
    case 'dictionary': {
      const value = tsType(ref.value, ctx);
      // A DTO named Record would shadow the utility type.
      return ctx.shadowsRecord ? `{ [key: string]: ${value} }` : `Record<string, ${value}>`;
    }
  }
}

/**
 * `QueryResponse<PostComment>`; the bare name when the type has not that many parameters (its
 * parameters default to `unknown`, so the bare name always compiles).
 */
export function tsRefName(name: string, args: readonly TypeRef[] | undefined, ctx: TsTypeContext): string {
  const symbols = ctx.names.types.get(name);
  const id = `${ctx.qualify ?? ''}${typeId(ctx.names, name)}`;
  if (!args?.length || args.length !== symbols?.parameters?.length) return id;
  return `${id}<${args.map((a) => tsType(a, ctx)).join(', ')}>`;
}

/** A member's type: the union of its examples when config declares them a closed set. */
export function tsFieldType(field: Field, ctx: TsTypeContext): string {
  if (field.closed && field.examples.length && field.type.kind === 'primitive' && tsPrimitive(field.type.name) === 'string')
    return `${field.examples.map(jsString).join(' | ')}${field.type.nullable ? ' | null' : ''}`;
  return tsType(field.type, ctx);
}

export function tsResponseType(shape: ResponseShape, ctx: TsTypeContext): string {
  return shape.kind === 'typed' ? tsType(responseRef(shape.type, shape.args), ctx) : shape.kind === 'untyped' ? 'unknown' : 'void';
}
