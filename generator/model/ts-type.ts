/**
 * TypeScript DTO types read as .NET types. A TypeScript type is a *weaker fact*: `number` is every
 * .NET number, `string` also a date, a Guid or a TimeSpan; it is checked against a stronger
 * source's type (`tsAgrees`) and read alone as leniently as it allows (`fromTs`: `number` → double).
 */
import type { TsType } from '../read/fragments.js';
import type { TypeRef } from './api-model.js';

const TS_PRIMITIVES: Record<string, TypeRef> = {
  string: { kind: 'primitive', name: 'string', nullable: false },
  String: { kind: 'primitive', name: 'string', nullable: false },
  boolean: { kind: 'primitive', name: 'bool', nullable: false },
  Boolean: { kind: 'primitive', name: 'bool', nullable: false },
  // `number` is every .NET number: read alone it is the most lenient, a double.
  number: { kind: 'primitive', name: 'double', nullable: false },
  Number: { kind: 'primitive', name: 'double', nullable: false },
  any: { kind: 'primitive', name: 'object', nullable: false },
  unknown: { kind: 'primitive', name: 'object', nullable: false },
  object: { kind: 'primitive', name: 'object', nullable: false },
  Object: { kind: 'primitive', name: 'object', nullable: false },
  // ServiceStack writes byte[] and Stream as `string`, a binary response as `Blob`.
  Blob: { kind: 'primitive', name: 'object', nullable: false },
};

/** The most lenient .NET reading of a TypeScript type: `number` → double. */
export function fromTs(t: TsType): TypeRef | undefined {
  switch (t.kind) {
    case 'nullable':
      return fromTs(t.of);
    case 'array': {
      const of = fromTs(t.of);
      return of && { kind: 'list', of };
    }
    case 'dict': {
      const key = fromTs(t.key);
      const value = fromTs(t.value);
      return (
        key &&
        value && {
          kind: 'dictionary',
          key: key.kind === 'primitive' && key.name === 'double' ? { kind: 'primitive', name: 'string', nullable: false } : key,
          value,
        }
      );
    }
    case 'literal':
      return { kind: 'primitive', name: 'string', nullable: false };
    case 'name': {
      if (Object.hasOwn(TS_PRIMITIVES, t.name) && !t.args.length) return TS_PRIMITIVES[t.name];
      // A generic DTO keeps its arguments (`QueryResponse<Customer>`), unless one has no .NET reading.
      const args = t.args.map(fromTs);
      const readable = args.length > 0 && args.every((a) => a !== undefined);
      return { kind: 'ref', name: t.name, nullable: false, ...(readable ? { args: args as TypeRef[] } : {}) };
    }
  }
}

/** Whether a TypeScript type holds `number` (whose integer-ness it cannot tell). */
export function tsHasNumber(t: TsType): boolean {
  switch (t.kind) {
    case 'nullable':
    case 'array':
      return tsHasNumber(t.of);
    case 'dict':
      return tsHasNumber(t.value);
    case 'literal':
      return false;
    case 'name':
      return t.name === 'number' || t.name === 'Number';
  }
}

const TS_STRING_TYPES = new Set(['string', 'char', 'Guid', 'Uri', 'DateTime', 'DateTimeOffset', 'DateOnly', 'TimeOnly', 'TimeSpan']);
const TS_NUMBER_TYPES = new Set(['byte', 'sbyte', 'short', 'ushort', 'int', 'uint', 'long', 'ulong', 'float', 'double', 'decimal']);

/**
 * Whether the TypeScript type is what ServiceStack's TypeScriptGenerator writes for the .NET type
 * `t`: `number` for every number, `string` for strings, dates, Guids, TimeSpans (and `byte[]`),
 * `T[]` for lists, `{ [index:string]: T; }` for dictionaries, the name for DTOs and enums.
 * `any` agrees with everything: it says nothing.
 */
export function tsAgrees(ts: TsType, t: TypeRef): boolean {
  if (ts.kind === 'nullable') return tsAgrees(ts.of, t);
  if (ts.kind === 'name' && ['any', 'unknown', 'Object', 'object'].includes(ts.name) && !ts.args.length) return true;
  switch (t.kind) {
    case 'primitive':
      if (ts.kind !== 'name') return ts.kind === 'literal' && TS_STRING_TYPES.has(t.name);
      if (ts.name === 'number' || ts.name === 'Number') return TS_NUMBER_TYPES.has(t.name);
      if (ts.name === 'string' || ts.name === 'String') return TS_STRING_TYPES.has(t.name);
      if (ts.name === 'boolean' || ts.name === 'Boolean') return t.name === 'bool';
      return false;
    case 'list':
      if (ts.kind === 'array') return tsAgrees(ts.of, t.of);
      // byte[] is written `string`.
      return ts.kind === 'name' && ts.name === 'string' && t.of.kind === 'primitive' && t.of.name === 'byte';
    case 'dictionary':
      return ts.kind === 'dict' && tsAgrees(ts.value, t.value) && (tsAgrees(ts.key, t.key) || (ts.key.kind === 'name' && ts.key.name === 'string'));
    case 'ref':
      return ts.kind === 'name' && ts.name === t.name && (!ts.args.length || !t.args || argsAgree(ts.args, t.args));
    case 'parameter':
      return ts.kind === 'name' && ts.name === t.name;
  }
}

function argsAgree(ts: readonly TsType[], args: readonly TypeRef[]): boolean {
  return ts.length === args.length && ts.every((a, i) => tsAgrees(a, args[i]!));
}
