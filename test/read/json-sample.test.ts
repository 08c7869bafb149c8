import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import type { JsonNode, SourceLine } from '../../generator/read/fragments.js';
import { offsetLocator, readJsonSample, readStrictJson, readTolerantJson } from '../../generator/read/json-sample.js';

/** Numbers the fixture lines from `first` (as if cut from a page). */
function linesOf(text: string, first = 1): SourceLine[] {
  return text.split('\n').map((t, i) => ({ text: t, line: first + i }));
}

function read(text: string, first = 1) {
  const bag = new DiagnosticBag();
  const node = readJsonSample('page.txt', linesOf(text, first), bag);
  return { node, bag };
}

function members(node: JsonNode | undefined) {
  if (node?.kind !== 'object') throw new Error(`expected an object, got ${node?.kind}`);
  return node.members;
}

describe('readJsonSample', () => {
  it('reads every kind of value, keys in order', () => {
    const { node, bag } = read('{"s":"String","n":-1.5,"b":false,"z":null,"a":[1,{"x":true}],"o":{}}');
    expect(bag.items).toEqual([]);
    expect(members(node).map((m) => m.key)).toEqual(['s', 'n', 'b', 'z', 'a', 'o']);
    const [s, n, b, z, a, o] = members(node).map((m) => m.value);
    expect(s).toMatchObject({ kind: 'string', value: 'String' });
    expect(n).toMatchObject({ kind: 'number', value: -1.5 });
    expect(b).toMatchObject({ kind: 'boolean', value: false });
    expect(z).toMatchObject({ kind: 'null' });
    expect(a).toMatchObject({ kind: 'array', items: [{ kind: 'number', value: 1 }, { kind: 'object' }] });
    expect(o).toMatchObject({ kind: 'object', members: [] });
  });

  it('unescapes strings (ServiceStack dates are written "\\/Date(…)\\/")', () => {
    const { node } = read(String.raw`{"birthDate":"\/Date(-62135596800000-0000)\/","q":"a\"b\u00e9"}`);
    expect(members(node).map((m) => m.value)).toMatchObject([
      { kind: 'string', value: '/Date(-62135596800000-0000)/' },
      { kind: 'string', value: 'a"bé' },
    ]);
  });

  it('gives keys and values the line and column of the page', () => {
    const { node } = read('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}', 40);
    expect(node?.loc).toEqual({ file: 'page.txt', line: 40, column: 1 });
    const [a, b] = members(node);
    expect(a!.loc).toEqual({ file: 'page.txt', line: 41, column: 3 });
    expect(a!.value.loc).toEqual({ file: 'page.txt', line: 41, column: 8 });
    expect(b!.loc).toEqual({ file: 'page.txt', line: 42, column: 3 });
    expect(b!.value.kind === 'array' && b!.value.items[0]!.loc).toEqual({ file: 'page.txt', line: 43, column: 5 });
  });

  it('keeps the column of a body that starts mid-line (padded by the caller)', () => {
    const { node } = read('          {"boosterCustomerId":0}', 9);
    expect(members(node)[0]!.loc).toEqual({ file: 'page.txt', line: 9, column: 12 });
  });

  it.each([
    ['truncated object', '{"a":1,"b":'],
    ['truncated array', '[1,2'],
    ['missing comma', '{"a":1 "b":2}'],
    ['trailing comma', '{"a":1,}'],
    ['comment', '{"a":1 /* x */}'],
    ['garbage', '}}]]::'],
    ['bare word', 'String'],
  ])('reports %s with SS042 and does not throw', (_, text) => {
    const { bag } = read(text);
    expect(bag.items.length).toBeGreaterThan(0);
    expect(bag.items.every((d) => d.code === 'SS042' && d.severity === 'warning')).toBe(true);
  });

  it('keeps what it could read from a broken object', () => {
    const { node, bag } = read('{"a":1,"b":}', 3);
    expect(members(node).map((m) => m.key)).toEqual(['a']);
    expect(bag.items[0]).toMatchObject({ code: 'SS042', loc: { line: 3, column: 12 } });
  });

  it('reports an empty body and returns undefined', () => {
    const { node, bag } = read('  \n ');
    expect(node).toBeUndefined();
    expect(bag.items).toMatchObject([{ code: 'SS042', severity: 'warning' }]);
  });
});

describe('readStrictJson (the one-pass reading of well-formed samples)', () => {
  const at = offsetLocator('page.txt', linesOf('x'.repeat(5000)));
  // Any JSON value, laid out with any of JSON's whitespace between tokens, strings with escapes.
  const layout = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n    ');
  const anyJson = fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.array(layout, { minLength: 1, maxLength: 8 })).map(([value, spaces]) => {
    let n = 0;
    const text = JSON.stringify(value, null, 1).replace(/\n */g, () => spaces[n++ % spaces.length]!);
    return n % 2 ? `${spaces[0]}${text}${spaces.at(-1)}` : text;
  });

  it('gives jsonc-parser’s tree, locations included, for any well-formed JSON', () => {
    fc.assert(
      fc.property(anyJson, (text) => {
        const tolerant = readTolerantJson(text, at);
        expect(tolerant.errors).toEqual([]);
        expect(readStrictJson(text, at)).toEqual(tolerant.tree);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('leaves anything else to jsonc-parser: it accepts nothing that parser finds a problem in', () => {
    const broken = fc
      .tuple(anyJson, fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', '\u0001', '01', '-', 'tru', '/* c */', '\u00a0', '\ufeff'))
      .map(([text, at, piece]) => text.slice(0, at % (text.length + 1)) + piece + text.slice(at % (text.length + 1)));
    fc.assert(
      fc.property(fc.oneof(broken, fc.string()), (text) => {
        const strict = readStrictJson(text, at);
        if (strict) {
          const tolerant = readTolerantJson(text, at);
          expect(tolerant.errors).toEqual([]);
          expect(strict).toEqual(tolerant.tree);
        }
      }),
      { numRuns: 1000, seed: 12 },
    );
  });

  it('reads duplicate keys, escapes and number forms as jsonc-parser does', () => {
    for (const text of ['{"a":1,"a":2}', '{"":-0}', '["\\u00e9\\n\\/","\\ud800"]', '[1e5,-2.5E-3,0.0]', 'null', '"x"', '[]', '{}'])
      expect(readStrictJson(text, at)).toEqual(readTolerantJson(text, at).tree);
  });
});
