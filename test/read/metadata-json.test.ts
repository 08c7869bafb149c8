import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import type { ApiModel } from '../../generator/model/api-model.js';
import type { MetadataFragments } from '../../generator/read/fragments.js';
import { readPages } from '../../generator/read/input.js';
import { readMetadataJson } from '../../generator/read/metadata-json.js';
import { modelOf } from '../helpers.js';
import { fixture, HTML_FIXTURES } from './html-fixtures.js';

/** As ServiceStack serves it: one line. */
const MINIFIED = fixture('orders/types-metadata.json');
/** As `crawl` saves it: indented, so that each fact has its own line. */
const INDENTED = `${JSON.stringify(JSON.parse(MINIFIED), null, 2)}\n`;

function read(text: string, file = 'types-metadata.json'): { metadata: MetadataFragments | undefined; bag: DiagnosticBag } {
  const bag = new DiagnosticBag();
  return { metadata: readMetadataJson(file, text, bag), bag };
}

const op = (metadata: MetadataFragments | undefined, name: string) => metadata!.operations.find((o) => o.name.value === name)!;
const rows = (metadata: MetadataFragments | undefined, caption: string) =>
  metadata!.tables.find((t) => t.caption === caption)!.rows.map((r) => `${r.name}|${r.parameter}|${r.dataType}|${r.required ? 'Yes' : 'No'}|${r.description}`);

describe('readMetadataJson', () => {
  const { metadata, bag } = read(INDENTED);

  it('gives every operation, with routes, auth, tags and the stated response', () => {
    expect(bag.items).toEqual([]);
    expect(metadata!.operations.map((o) => [o.name.value, o.response?.type ?? (o.response ? 'void' : '-')])).toEqual([
      ['CreateOrder', 'CreateOrderResponse'],
      ['DeleteOrder', 'void'],
      ['GetOrderLine', 'GetOrderLineResponse'],
      ['GetOrders', 'GetOrdersResponse'],
    ]);
    const create = op(metadata, 'CreateOrder');
    expect(create.routes).toEqual([{ verbs: ['POST'], path: '/orders', summary: 'Create order', notes: 'Creates a pending order', loc: expect.anything() }]);
    expect(create.auth).toMatchObject({ required: true, roles: ['Sales'], permissions: ['orders:write', 'orders:read'] });
    expect(create.tags.map((t) => t.value)).toEqual(['orders', 'sales']);
    expect(create.description?.value).toBe('Creates an order for a customer.\nThe order starts as Pending.');
    expect(op(metadata, 'GetOrders').auth).toBeUndefined();
  });

  it('gives each class with own properties a table under its name, with the .NET display types and Parameter column of its page', () => {
    expect(metadata!.tables.map((t) => t.caption)).toEqual(
      expect.arrayContaining(['CreateOrder', 'OrderRequestBase', 'NewOrderLine', 'CreateOrderResponse', 'ResponseStatus', 'ResponseError']),
    );
    expect(metadata!.enums.map((e) => [e.name, e.members.map((m) => `${m.name}=${m.value ?? ''}`).join(',')]).sort()).toEqual([
      ['Channel', 'Web=,Store=,Phone='],
      ['OrderStatus', 'Pending=0,Paid=1,Shipped=2,Cancelled=3'],
    ]);
    expect(rows(metadata, 'CreateOrder')).toEqual([
      'CustomerId|body|int|Yes|Customer placing the order',
      'Lines|body|List<NewOrderLine>|Yes|Order lines',
      'Notes|body|string|No|Free text & notes for the warehouse',
    ]);
    expect(rows(metadata, 'OrderRequestBase')).toEqual([
      'Channel|form|Channel|Yes|Sales channel',
      'Metadata|form|Dictionary<string,string>|No|Free-form key/values',
    ]);
    expect(rows(metadata, 'NewOrderLine')[1]).toBe('Quantity|form|int|Yes|Quantity Valid Range: 1 - 999');
    expect(rows(metadata, 'GetOrders')).toEqual([
      'CustomerId|query|int|Yes|Customer whose orders to list',
      'Status|query|OrderStatus?|No|Only orders in this status',
      'Page|query|int?|No|Page number Valid Range: 1 - 1000',
      'SortBy|query|string|No|Sort order Allowable Values: date, total',
    ]);
    // ServiceStack's rule when the DTO sets no ParameterType: route variables are path, GET-only members query.
    expect(rows(metadata, 'GetOrderLine').map((r) => r.split('|')[1])).toEqual(['path', 'path']);
  });

  it('states each base as the JSON does (`inherits`), whether or not the JSON describes the base', () => {
    expect(metadata!.bases.map((b) => `${b.type} : ${b.base}`)).toEqual(
      expect.arrayContaining(['CreateOrder : OrderRequestBase', 'OrderRequestBase : RequestBase']),
    );
  });

  it('locates every fact in the JSON: lines when indented, columns when minified', () => {
    const create = op(metadata, 'CreateOrder');
    const lineOf = (needle: string) => INDENTED.slice(0, INDENTED.indexOf(needle)).split('\n').length;
    expect(create.name.loc.line).toBe(lineOf('"name": "CreateOrder"'));
    const table = (m: MetadataFragments | undefined) => m!.tables.find((t) => t.caption === 'CreateOrder')!;
    const lines = table(metadata).rows.map((r) => r.loc.line);
    expect(new Set(lines).size).toBe(3);
    const cols = table(read(MINIFIED).metadata).rows.map((r) => r.loc);
    expect(cols.every((l) => l.line === 1)).toBe(true);
    expect(cols[0]!.column).toBe(MINIFIED.indexOf('{"name":"CustomerId"') + 1);
  });

  it('reads CRLF as LF', () => {
    expect(read(INDENTED.replace(/\n/g, '\r\n')).metadata).toEqual(metadata);
  });

  it('skips other JSON with a note, reports malformed JSON, never throws', () => {
    const other = read('{"name": "not metadata"}', 'package.json');
    expect([other.metadata, other.bag.items.map((d) => `${d.code} ${d.severity}`)]).toEqual([undefined, ['SS131 info']]);
    const broken = read(MINIFIED.slice(0, 2000));
    expect(broken.bag.items.map((d) => d.code)).toContain('SS130');
    const odd = read('{"operations":[{"request":{}},{"request":{"name":"A","properties":[{"name":"x"},{"type":"String"}]}}]}');
    expect(odd.metadata!.operations.map((o) => o.name.value)).toEqual(['A']);
    expect(odd.bag.items.map((d) => d.code)).toEqual(['SS132', 'SS133', 'SS133']);
    for (const junk of ['', '[]', 'null', '{"operations": 3}', '{"operations":[null, 1, "x"]}']) expect(() => read(junk)).not.toThrow();
  });

  it('is read from the input folder, and the crawl manifest is not', () => {
    const files = [
      { file: 'types-metadata.json', text: MINIFIED },
      { file: 'crawl-manifest.json', text: '{"generatedBy":"booster-codegen crawl","baseUrl":"x","files":[]}' },
    ];
    const b = new DiagnosticBag();
    expect(readPages(files, b).map((p) => [p.form, p.metadata?.operations.map((o) => o.name.value)])).toEqual([
      ['metadata-json', ['CreateOrder', 'DeleteOrder', 'GetOrderLine', 'GetOrders']],
    ]);
    expect(b.items).toEqual([]);
  });
});

describe('the model from the metadata JSON', () => {
  const dir = path.join(HTML_FIXTURES, 'orders');
  const files = (filter: (f: string) => boolean) =>
    readdirSync(dir)
      .filter(filter)
      .sort()
      .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));
  const fromJson = modelOf(files((f) => f === 'types-metadata.json'));
  const fromPages = modelOf(files((f) => f.endsWith('.json.html') || f.endsWith('.python.html')));
  const fromAll = modelOf(files(() => true));

  /** What the generated package depends on, without the sources (and formats: JSON metadata is no page format). */
  const shape = (m: ApiModel, ops: string[]) => ({
    operations: m.operations
      .filter((o) => ops.includes(o.name))
      .map(({ sources: _s, description: _d, formats: _f, routes, ...o }) => ({ ...o, routes: routes.map(({ sources: _r, ...r }) => r) })),
    types: m.types
      .filter((t) => !['RequestBase', 'DeleteOrder'].includes(t.name)) // RequestBase: Python only; DeleteOrder: JSON only
      .map((t) => ({
        name: t.name,
        kind: t.kind,
        fields: t.fields.map((f) => [f.name, f.wireName, f.type, f.required]),
        members: t.enumMembers.map((e) => e.name),
      })),
  });

  it('alone gives the operations and types the HTML pages give', () => {
    const ops = ['CreateOrder', 'GetOrderLine', 'GetOrders'];
    expect(shape(fromJson, ops)).toEqual(shape(fromPages, ops));
    // The JSON says OrderRequestBase inherits RequestBase but does not describe it (the Python pages do).
    expect(fromJson.types.find((t) => t.name === 'OrderRequestBase')?.base).toBe('RequestBase');
    expect(fromJson.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.message}`)).toEqual([
      "SS070 type 'RequestBase' is used but no page describes it (a class without own members gets no table); emitted as an open object",
    ]);
  });

  it('is one more source of the same facts when merged with the pages', () => {
    const ops = ['CreateOrder', 'GetOrderLine', 'GetOrders'];
    expect(shape(fromAll, ops).types).toEqual(shape(fromPages, ops).types);
    const createOrder = fromAll.types.find((t) => t.name === 'CreateOrder')!;
    expect(new Set(createOrder.sources.map((s) => s.file))).toEqual(
      new Set(['CreateOrder.csharp.html', 'CreateOrder.json.html', 'CreateOrder.python.html', 'CreateOrder.typescript.html', 'types-metadata.json']),
    );
    expect(fromAll.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
