import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import type { JsonNode, SourceLine } from '../../generator/read/fragments.js';
import { readJsonSample } from '../../generator/read/json-sample.js';

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
