/**
 * fast-check arbitraries of payloads for the types of a model (mostly valid: every member of its
 * type, optional ones sometimes absent or null), of date and Guid strings in every accepted form,
 * and the mutations that make payloads invalid: a wrong type, null, a member removed, one
 * character of a string edited, an extra member (which only strict mode rejects).
 */
import fc from 'fast-check';
import type { ApiModel, PrimitiveName, TypeDef, TypeRef } from '../../generator/model/api-model.js';
import { chainOf, effectiveMembers } from '../../generator/model/chain.js';
import { INTEGER_RANGES } from './validator-oracle.js';

type Json = Record<string, unknown>;
/** Nested DTOs deeper than this are left out when optional and empty when required. */
const MAX_NESTING = 3;

const digits = (n: number, max = 10 ** n - 1) => fc.integer({ min: 0, max }).map((x) => String(x).padStart(n, '0'));
const between = (min: number, max: number) => fc.integer({ min, max }).map((x) => String(x).padStart(2, '0'));

/** ISO 8601 dates and date-times (every optional part on or off) and `/Date(ms[±hhmm])/`. */
export const dateText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      digits(4),
      between(1, 12),
      between(1, 31),
      fc.option(
        fc.tuple(
          between(0, 23),
          between(0, 59),
          fc.option(fc.tuple(between(0, 59), fc.option(fc.stringMatching(/^\d{1,9}$/)))),
          fc.option(
            fc.oneof(
              fc.constant('Z'),
              fc.tuple(fc.constantFrom('+', '-'), between(0, 23), fc.constantFrom(':', ''), between(0, 59)).map((p) => p.join('')),
            ),
          ),
        ),
      ),
    )
    .map(([y, m, d, time]) => {
      if (!time) return `${y}-${m}-${d}`;
      const [h, min, seconds, offset] = time;
      const s = seconds ? `:${seconds[0]}${seconds[1] ? `.${seconds[1]}` : ''}` : '';
      return `${y}-${m}-${d}T${h}:${min}${s}${offset ?? ''}`;
    }),
  fc
    .tuple(fc.constantFrom('', '-'), fc.stringMatching(/^\d{1,15}$/), fc.option(fc.tuple(fc.constantFrom('+', '-'), digits(4)).map((p) => p.join(''))))
    .map(([sign, ms, offset]) => `/Date(${sign}${ms}${offset ?? ''})/`),
);

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${n}}$`));
/** 32 hex digits, bare or in 8-4-4-4-12 groups. */
export const guidText: fc.Arbitrary<string> = fc.oneof(
  hex(32),
  fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((groups) => groups.join('-')),
);

/** The characters a single-character edit puts in: the grammar's own, and a few outside it. */
const EDIT_CHARACTERS = '0123456789-:TZ+./()Datefg F\u00e9\u0660';
/** A single-character edit: `c` replacing or inserted before the character at `at` (modulo the length), or that character deleted. */
const edit = fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'delete'), fc.constantFrom(...EDIT_CHARACTERS)).map(([at, how, c]) => (s: string) => {
  const i = at % (s.length + 1);
  return s.slice(0, i) + (how === 'delete' ? '' : c) + s.slice(how === 'insert' ? i : i + 1);
});
/** `s` with one character replaced, inserted or deleted. */
export const editedText = (s: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(s, edit).map(([text, change]) => change(text));

function primitiveValue(name: PrimitiveName): fc.Arbitrary<unknown> {
  const range = INTEGER_RANGES[name];
  if (range) return fc.integer({ min: Math.max(range[0], -(2 ** 31)), max: Math.min(range[1], 2 ** 31) });
  if (name === 'float' || name === 'double' || name === 'decimal') return fc.double({ noNaN: true, noDefaultInfinity: true });
  if (name === 'bool') return fc.boolean();
  if (name === 'char') return fc.constantFrom('a', 'Z', '1', '\u00e9');
  if (name === 'DateTime' || name === 'DateTimeOffset' || name === 'DateOnly') return dateText;
  if (name === 'Guid') return guidText;
  if (name === 'TimeSpan') return fc.constantFrom('PT1H30M', '-P1DT2H', '1.02:03:04.5', '00:30');
  if (name === 'TimeOnly') return fc.constantFrom('10:15', '23:59:59.1234567');
  if (name === 'object') return fc.constantFrom(1, 'x', { a: 1 }, [true]);
  return fc.string({ maxLength: 12 });
}

/** Payloads of the types of `model`: `payloadOf(name)`. */
export function payloadsOf(model: ApiModel): (typeName: string) => fc.Arbitrary<Json> {
  const types = new Map(model.types.map((t) => [t.name, t]));
  const cache = new Map<string, fc.Arbitrary<unknown>>();

  function valueOf(ref: TypeRef, depth: number): fc.Arbitrary<unknown> {
    if (ref.kind === 'primitive') return primitiveValue(ref.name);
    if (ref.kind === 'list') return depth > MAX_NESTING ? fc.constant([]) : fc.array(valueOf(ref.of, depth), { maxLength: 3 });
    if (ref.kind === 'dictionary')
      return depth > MAX_NESTING ? fc.constant({}) : fc.dictionary(fc.constantFrom('a', 'b', 'key'), valueOf(ref.value, depth), { maxKeys: 2 });
    if (ref.kind === 'parameter') return fc.constant('any');
    const t = types.get(ref.name);
    if (!t) return fc.constant({});
    return t.kind === 'enum' ? enumValue(t) : objectOf(ref.name, ref.args, depth + 1);
  }

  function objectOf(name: string, args: TypeRef[] | undefined, depth: number): fc.Arbitrary<Json> {
    const key = `${name}@${Math.min(depth, MAX_NESTING + 1)}`;
    if (cache.has(key)) return cache.get(key) as fc.Arbitrary<Json>;
    // Lazily: a recursive type refers to itself one level deeper.
    const arbitrary = fc.constant(null).chain(() => {
      if (depth > MAX_NESTING) return fc.constant({});
      const chain = chainOf(name, args, types);
      const members = [...effectiveMembers(chain).values()].map((m) => m.field);
      // The values conditional rules test for, often: so that the rules come into play.
      const ruleValues = (wireName: string) => chain.flatMap((link) => link.def.rules).flatMap((r) => (r.when.field === wireName ? [r.when.equals] : []));
      const record = Object.fromEntries(
        members.map((f) => {
          const closed = f.closed && f.examples.length ? fc.constantFrom(...f.examples) : undefined;
          const plain = closed ?? valueOf(f.type, depth);
          const tested = ruleValues(f.wireName);
          const v = tested.length ? fc.oneof(fc.constantFrom(...tested), plain) : plain;
          return [f.wireName, f.required ? v : fc.oneof({ weight: 4, arbitrary: v }, { weight: 1, arbitrary: fc.constant(null) })];
        }),
      );
      return fc.record(record, { requiredKeys: members.filter((f) => f.required).map((f) => f.wireName) });
    });
    cache.set(key, arbitrary);
    return arbitrary;
  }

  return (typeName) => objectOf(typeName, undefined, 0);
}

function enumValue(t: TypeDef): fc.Arbitrary<unknown> {
  if (t.enumWire === 'flags') return fc.subarray(t.enumMembers.map((m) => Number(m.wire))).map((bits) => bits.reduce((a, b) => a | b, 0));
  return t.enumMembers.length ? fc.constantFrom(...t.enumMembers.map((m) => m.wire)) : fc.constant('none');
}

/** A change at one place of a payload; `at` picks the place among every member and element. */
export interface Mutation {
  at: number;
  kind: 'wrongType' | 'null' | 'remove' | 'editString' | 'extraMember';
  junk: unknown;
  edit: (s: string) => string;
}

const JUNK = [0, 1, 1.5, -1, 2 ** 40, '', 'x', 'true', true, false, [], {}, [null], { a: 1 }, Number.POSITIVE_INFINITY];
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('wrongType', 'null', 'remove', 'editString', 'extraMember'),
  junk: fc.constantFrom(...JUNK),
  edit,
});

/** Every place of a payload: the object or array holding it, and its key. */
function places(value: unknown, into: [Json | unknown[], string | number][] = []): [Json | unknown[], string | number][] {
  if (typeof value !== 'object' || value === null) return into;
  for (const [k, e] of Object.entries(value)) {
    into.push(Array.isArray(value) ? [value, Number(k)] : [value as Json, k]);
    places(e, into);
  }
  return into;
}

/** A copy of `payload` with the mutation applied (to the payload itself when it has no place). */
export function mutate(payload: Json, m: Mutation): Json {
  const copy = structuredClone(payload);
  const all = places(copy);
  const [holder, key] = all.length ? all[m.at % all.length]! : [copy, 'extra'];
  const target = holder as Record<string | number, unknown>;
  if (m.kind === 'extraMember') {
    const object = typeof target[key] === 'object' && target[key] !== null && !Array.isArray(target[key]) ? (target[key] as Json) : copy;
    object.extraMember = m.junk;
  } else if (m.kind === 'remove' && !Array.isArray(holder)) delete target[key];
  else if (m.kind === 'editString' && typeof target[key] === 'string') target[key] = m.edit(target[key]);
  else target[key] = m.kind === 'null' ? null : m.junk;
  return copy;
}
