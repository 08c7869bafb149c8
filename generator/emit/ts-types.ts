/** How model types read in TypeScript; shared by every emitter that writes TypeScript. */
import type { ApiModel, Field, PrimitiveName, ResponseShape, SymbolNames, TypeRef } from '../model/api-model.js';
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
}

export function tsTypeContext(model: ApiModel): TsTypeContext {
  const names = namesOf(model);
  return { names, shadowsRecord: model.types.some((t) => typeId(names, t.name) === 'Record') };
}

function parenthesise(t: string): string {
  return /[|&]/.test(t) ? `(${t})` : t;
}

export function tsType(ref: TypeRef, ctx: TsTypeContext): string {
  switch (ref.kind) {
    case 'primitive':
      return `${tsPrimitive(ref.name)}${ref.nullable && ref.name !== 'object' ? ' | null' : ''}`;
    case 'ref':
      return `${typeId(ctx.names, ref.name)}${ref.nullable ? ' | null' : ''}`;
    case 'list':
      return `${parenthesise(tsType(ref.of, ctx))}[]`;
    case 'dictionary': {
      const value = tsType(ref.value, ctx);
      // A DTO named Record would shadow the utility type.
      return ctx.shadowsRecord ? `{ [key: string]: ${value} }` : `Record<string, ${value}>`;
    }
  }
}

/** A member's type: the union of its examples when config declares them a closed set. */
export function tsFieldType(field: Field, ctx: TsTypeContext): string {
  if (field.closed && field.examples.length && field.type.kind === 'primitive' && tsPrimitive(field.type.name) === 'string')
    return `${field.examples.map(jsString).join(' | ')}${field.type.nullable ? ' | null' : ''}`;
  return tsType(field.type, ctx);
}

export function tsResponseType(shape: ResponseShape, names: SymbolNames): string {
  return shape.kind === 'typed' ? typeId(names, shape.type) : shape.kind === 'untyped' ? 'unknown' : 'void';
}
