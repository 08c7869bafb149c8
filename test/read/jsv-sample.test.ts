import { describe, expect, it } from 'vitest';
import { APIS } from '../corpus/apis.js';
import { ApiTypes } from '../corpus/metadata.js';
import { jsonSample } from '../corpus/sample-json.js';
import { formatJsv, jsvSample } from '../corpus/sample-jsv.js';
import { populate } from '../corpus/sample-values.js';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import type { JsonNode, SourceLine } from '../../generator/read/fragments.js';
import { readJsonSample } from '../../generator/read/json-sample.js';
import { readJsvSample } from '../../generator/read/jsv-sample.js';

function linesOf(text: string, first = 1): SourceLine[] {
  return text.split('\n').map((t, i) => ({ text: t, line: first + i }));
}

function read(text: string, first = 1) {
  const bag = new DiagnosticBag();
  const node = readJsvSample('page.txt', linesOf(text, first), bag);
  return { node, bag };
}

/** The tree as plain data: what the model reads of it. */
function plain(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.members.map((m) => [m.key, plain(m.value)]));
    case 'array':
      return node.items.map(plain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

describe('readJsvSample: the shapes JSV pages show', () => {
  it('reads the multi-line layout JsvFormatter writes (tabs, a key alone on its line, capitalised False)', () => {
    const text = ['{', '\tServices: ', '\t[', '\t\t{ Name: String, Enabled: False, Types: null }', '\t],', '\tErrorMessage: String', '}'].join('\n');
    const { node, bag } = read(text, 40);
    expect(bag.items).toEqual([]);
    expect(plain(node)).toEqual({ Services: [{ Name: 'String', Enabled: false, Types: null }], ErrorMessage: 'String' });
    const services = node?.kind === 'object' ? node.members[0]! : undefined;
    expect(services?.loc).toEqual({ file: 'page.txt', line: 41, column: 2 });
    expect(services?.value.loc).toEqual({ file: 'page.txt', line: 42, column: 2 });
  });

  it('reads the same squashed onto one line, and an empty request', () => {
    const { node, bag } = read(
      '{ custom: String, responseStatus: { errorCode: String, message: String, errors: [ { fieldName: String } ], meta: { String: String } } }',
    );
    expect(bag.items).toEqual([]);
    expect(plain(node)).toEqual({
      custom: 'String',
      responseStatus: { errorCode: 'String', message: 'String', errors: [{ fieldName: 'String' }], meta: { String: 'String' } },
    });
    expect(plain(read('{\n\t\n}').node)).toEqual({});
  });

  it('types bare words as a JSON writer would: a Guid of 32 zeros and a date stay strings, numbers and booleans do not', () => {
    const { node } = read('{id:00000000000000000000000000000000,at:0001-01-01T00:00:00,n:0,d:-1.5,b:True,e:Value1,flags:{ 0: 0 }}');
    expect(plain(node)).toEqual({ id: '00000000000000000000000000000000', at: '0001-01-01T00:00:00', n: 0, d: -1.5, b: true, e: 'Value1', flags: { '0': 0 } });
  });

  it('unquotes "…" keys and values (quotes doubled inside), as old hosts mix them with bare ones', () => {
    const { node, bag } = read('{"Name":String,Title:"a, ""b"" {c}","Tags":[x,"y:z"]}');
    expect(bag.items).toEqual([]);
    expect(plain(node)).toEqual({ Name: 'String', Title: 'a, "b" {c}', Tags: ['x', 'y:z'] });
  });

  it('reads an empty value as null, and empty maps and lists after a key', () => {
    expect(plain(read('{\n\tTypes: ,\n\tMeta: {},\n\tIds: [],\n\tLast: \n}').node)).toEqual({ Types: null, Meta: {}, Ids: [], Last: null });
  });

  it('gives one SS043 per unreadable sample, where reading stopped, and no tree', () => {
    for (const text of ['{ a: String, b c }', '{ a: [1, 2 }', '{ a: "open }', '{ a: 1 } trailing', '{ : 1 }', '{ a: 1']) {
      const { node, bag } = read(text, 7);
      expect(node, text).toBeUndefined();
      expect(
        bag.items.map((d) => [d.code, d.loc?.line]),
        text,
      ).toEqual([['SS043', 7]]);
    }
    expect(read('   ').bag.items.map((d) => d.message)).toEqual(['empty JSV sample']);
    expect(read(`${'['.repeat(100)}${']'.repeat(100)}`).bag.items[0]!.message).toMatch(/nested more than 64 levels/);
  });
});

describe('readJsvSample: the tree the JSON reader gives, for the samples of public ServiceStack DTOs', () => {
  /** The tree with what JSON and JSV print differently left out: placeholder strings (dates) and null list items. */
  const comparable = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.filter((v) => v !== null).map(comparable);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
    return typeof value === 'string' ? 'a string' : value;
  };

  for (const api of APIS)
    it(`${api.key}: every request and response, one-line and formatted`, () => {
      const types = new ApiTypes(api);
      const names = [...new Set(api.operations.flatMap((op) => [op.name, ...(op.response ? [op.response] : [])]))];
      for (const name of names) {
        const sample = populate(types, types.resolveName(name)!);
        const bag = new DiagnosticBag();
        const json = plain(readJsonSample('page.txt', linesOf(jsonSample(api, sample)), bag));
        const jsv = jsvSample(api, sample);
        for (const text of [jsv, formatJsv(jsv)]) {
          expect(comparable(plain(readJsvSample('page.txt', linesOf(text), bag))), `${name}: ${text}`).toEqual(comparable(json));
        }
        expect(bag.items, name).toEqual([]);
      }
    });
});
