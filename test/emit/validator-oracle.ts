/**
 * What the generated validators accept, written out a second time straight from the model, as the
 * oracle of test/emit/validators-property.test.ts: any change to the generated guards or to their
 * runtime (templates/runtime/checks.ts) that changes what they accept makes that test fail. The
 * date, Guid, duration and time patterns are copies of the regular expressions the runtime used
 * when this oracle was written; the runtime may check them otherwise, never accept otherwise.
 */
import { STRING_FORMATS } from '../../generator/config.js';
import type { ApiModel, Field, PrimitiveName, TypeDef, TypeRef } from '../../generator/model/api-model.js';
import { chainOf, effectiveMembers } from '../../generator/model/chain.js';

export const DATE =
  /^(?:\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?|\/Date\(-?\d+(?:[+-]\d{4})?\)\/)$/;
export const GUID = /^(?:[\da-fA-F]{32}|[\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12})$/;
const DURATION =
  /^(?:-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?|-?(?:\d+\.)?\d{1,2}:[0-5]\d(?::[0-5]\d(?:\.\d{1,7})?)?)$/;
const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,7})?)?$/;

const SAFE = Number.MAX_SAFE_INTEGER;
export const INTEGER_RANGES: Partial<Record<PrimitiveName, [number, number]>> = {
  byte: [0, 255],
  sbyte: [-128, 127],
  short: [-32768, 32767],
  ushort: [0, 65535],
  int: [-2147483648, 2147483647],
  uint: [0, 4294967295],
  long: [-SAFE, SAFE],
  ulong: [0, SAFE],
};
const MAX_DEPTH = 64;

const objectLike = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (v: Record<string, unknown>, key: string): unknown => (Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined);
const textual = (s: unknown, re: RegExp) => typeof s === 'string' && re.test(s);

/** Whether a non-null `x` is a `name`; `object` and unknown names take anything. */
function primitiveAccepts(name: PrimitiveName, x: unknown): boolean {
  const range = INTEGER_RANGES[name];
  if (range) return typeof x === 'number' && Number.isInteger(x) && x >= range[0] && x <= range[1];
  if (name === 'float' || name === 'double' || name === 'decimal') return Number.isFinite(x);
  if (name === 'bool') return typeof x === 'boolean';
  if (name === 'char') return typeof x === 'string' && x.length === 1;
  if (name === 'DateTime' || name === 'DateTimeOffset' || name === 'DateOnly') return textual(x, DATE);
  if (name === 'TimeOnly') return textual(x, TIME_OF_DAY);
  if (name === 'TimeSpan') return textual(x, DURATION);
  if (name === 'Guid') return textual(x, GUID);
  return name === 'object' || typeof x === 'string';
}

function enumAccepts(t: TypeDef, x: unknown): boolean {
  if (t.enumWire !== 'flags') return t.enumMembers.some((m) => m.wire === x);
  const mask = t.enumMembers.reduce((bits, m) => bits | Number(m.wire), 0);
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && (x | mask) === mask;
}

/** `accepts(type, value, strict)`: whether the validators of `model` accept `value` as a `type`. */
export function oracleOf(model: ApiModel): (typeName: string, value: unknown, strict: boolean) => boolean {
  const types = new Map(model.types.map((t) => [t.name, t]));

  const element = (ref: TypeRef, e: unknown, strict: boolean, d: number) =>
    (e === null && (ref.kind === 'primitive' || ref.kind === 'ref') && ref.nullable) || value(ref, e, strict, d);

  /** `x` (not null for a member) as a `ref`, in an object `d` levels deep. */
  function value(ref: TypeRef, x: unknown, strict: boolean, d: number): boolean {
    if (ref.kind === 'primitive') return primitiveAccepts(ref.name, x);
    if (ref.kind === 'list') return Array.isArray(x) && x.every((e) => element(ref.of, e, strict, d));
    if (ref.kind === 'dictionary') return objectLike(x) && Object.keys(x).every((k) => element(ref.value, x[k], strict, d));
    if (ref.kind === 'parameter') return true; // unbound: `unknown`
    const t = types.get(ref.name);
    if (!t) return true; // not in the model: `unknown`
    return t.kind === 'enum' ? enumAccepts(t, x) : object(ref.name, ref.args, x, strict, d + 1);
  }

  /** A member's closed examples, then its configured pattern, apply to string-typed primitives only. */
  function member(f: Field, x: unknown, strict: boolean, d: number): boolean {
    if (x == null) return !f.required;
    const stringTyped = f.type.kind === 'primitive' && jsonKind(f.type.name) === 'string';
    if (stringTyped && f.closed && f.examples.length) return f.examples.includes(x as string);
    const pattern = f.pattern ?? (f.format ? STRING_FORMATS[f.format] : undefined);
    if (stringTyped && pattern && !textual(x, new RegExp(pattern, 'u'))) return false;
    return value(f.type, x, strict, d);
  }

  function object(name: string, args: TypeRef[] | undefined, x: unknown, strict: boolean, d: number): boolean {
    if (!objectLike(x) || d > MAX_DEPTH) return false;
    const chain = chainOf(name, args, types);
    if (chain[0]?.def.incomplete) return true;
    const members = effectiveMembers(chain);
    for (const { field } of members.values()) if (!member(field, own(x, field.wireName), strict, d)) return false;
    for (const r of chain.flatMap((link) => link.def.rules)) {
      // A number or boolean compares with the rule's value by its text.
      const when = members.get(r.when.field)?.field.type;
      const byText = when?.kind === 'primitive' && ['number', 'boolean'].includes(jsonKind(when.name));
      const seen = byText ? String(own(x, r.when.field)) : own(x, r.when.field);
      if (seen === r.when.equals && own(x, r.field) == null) return false;
    }
    return !strict || Object.keys(x).every((k) => members.has(k));
  }

  return (typeName, v, strict) => object(typeName, undefined, v, strict, 0);
}

/** The JSON type a primitive travels as. */
function jsonKind(name: PrimitiveName): 'number' | 'boolean' | 'string' | 'any' {
  if (INTEGER_RANGES[name] || name === 'float' || name === 'double' || name === 'decimal') return 'number';
  if (name === 'bool') return 'boolean';
  return name === 'object' ? 'any' : 'string';
}
