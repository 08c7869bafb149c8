import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableStringify, writeStableJson } from '../../generator/emit/model-json.js';

/** The plain way: a sorted copy of every object (what the replacer list must reproduce). */
const reference = (value: unknown) =>
  JSON.stringify(
    value,
    (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v),
    2,
  );

describe('stableStringify', () => {
  it('sorts the keys of every object, nested and in arrays, index-like keys first as objects enumerate them', () => {
    const value = { b: 1, a: [{ z: 1, y: { d: 2, c: 3 } }], 10: 'ten', 2: 'two', c: undefined, e: null };
    const text = stableStringify(value);
    expect(text).toBe(reference(value));
    expect(Object.keys(JSON.parse(text))).toEqual(['2', '10', 'a', 'b', 'e']);
  });

  it('writes what JSON.stringify writes of a sorted copy, for any JSON value (undefined members and array items too)', () => {
    const { value } = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.constant(undefined), tie('value')),
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), fc.array(tie('any')), fc.dictionary(fc.string(), tie('any'))),
    }));
    fc.assert(
      fc.property(value, (v) => stableStringify(v) === reference(v)),
      { numRuns: 300, seed: 42 },
    );
  });

  it('sorts each object by its own keys when many share a shape, or one is a prefix of another', () => {
    const value = [{ b: 1, a: 2 }, { b: 3 }, { b: 4, a: 5, c: 6 }, { a: 7, b: 8 }, { b: 9, a: 10 }, {}, { b: { a: 1 } }];
    expect(stableStringify(value)).toBe(reference(value));
  });

  it('keeps keys that Object.prototype also has to the objects that own them', () => {
    const value = JSON.parse('{"b": {"__proto__": {"x": 1}, "constructor": "c"}, "a": {"toString": 1}, "z": {}}');
    const text = stableStringify(value);
    expect(text).toBe(reference(value));
    expect(JSON.parse(text).z).toEqual({});
  });
});

describe('writeStableJson', () => {
  it('writes in pieces what stableStringify returns, toJSON values included, as JSON.stringify does', () => {
    const value = { when: new Date(0), b: [undefined, () => 1, { toJSON: () => undefined }], a: { toJSON: (key: string) => `key ${key}` } };
    const pieces: string[] = [];
    writeStableJson(value, (p) => pieces.push(p));
    expect(pieces.join('')).toBe(reference(value));
    expect(stableStringify(value)).toBe(reference(value));
  });

  it('hands a large value over in many pieces', () => {
    const value = Array.from({ length: 5000 }, (_, i) => ({ name: `member${i}`, z: i, a: [i] }));
    const pieces: string[] = [];
    writeStableJson(value, (p) => pieces.push(p));
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(reference(value));
  });
});
