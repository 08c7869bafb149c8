/**
 * The facts a page with each language tab must give (types, members, member types, nullability,
 * wire names, required-ness, routes, the response its `IReturn<T>` names), read from the HTML page
 * and from its text copy alike: test/read/tab-pages.ts. Each language tells what its generator
 * keeps of the .NET declaration (model/lang-type.ts); the table says which.
 */
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../generator/model/api-model.js';
import { formatTypeRef } from '../../generator/model/type-ref.js';
import { modelOf } from '../helpers.js';
import { FIXTURE_TABS, QUERY_CUSTOMERS, tabHtmlPage, tabSource, tabTextPage } from '../read/tab-pages.js';

interface Want {
  /** `Type.wireName` → its type. */
  types: Record<string, string>;
  /** GetCustomer's required members, by wire name. */
  required: string[];
  /** Warnings besides the notes: codes. */
  warnings?: string[];
  namespaces?: Record<string, string>;
}

const REQUEST = ['id', 'age', 'tags', 'meta', 'cust_ref', 'type'];
const request = (id: string, age: string) => ({
  'GetCustomer.id': id,
  'GetCustomer.age': age,
  'GetCustomer.tags': 'List<string>',
  'GetCustomer.meta': 'Dictionary<string,string>',
  'GetCustomer.cust_ref': 'string',
  'GetCustomer.type': 'CustomerType',
});
const customer = (id: string, balance: string, created: string, key: string) => ({
  'Customer.id': id,
  'Customer.name': 'string',
  'Customer.balance': balance,
  'Customer.created': created,
  'Customer.key': key,
});

const WANT: Record<string, Want> = {
  // Kotlin and Java keep the .NET integer widths, decimal, Guid; not nullability.
  kotlin: { types: { ...request('int', 'int'), ...customer('long', 'decimal', 'DateTime', 'Guid') }, required: ['id', 'tags'] },
  java: { types: { ...request('int', 'int'), ...customer('long', 'decimal', 'DateTime', 'Guid') }, required: ['id', 'tags'] },
  // Swift: one `Int` (read as long), `Double` for decimal, `String` for Guid; no nullability.
  swift: { types: { ...request('long', 'long'), ...customer('long', 'double', 'DateTime', 'string') }, required: ['id', 'tags'] },
  // Dart: like Swift, but `int?` is a nullable value type and a collection without `?` is required.
  dart: { types: { ...request('long', 'long?'), ...customer('long', 'double', 'DateTime', 'string') }, required: ['id', 'tags'] },
  // VB.NET and F#: the .NET types exactly; VB's `Namespace` blocks are the types' namespaces.
  vbnet: {
    types: { ...request('int', 'int?'), ...customer('long', 'decimal', 'DateTime', 'Guid') },
    required: ['id', 'tags'],
    namespaces: { GetCustomer: 'MyApp.ServiceModel', Customer: 'MyApp.ServiceModel.Types' },
  },
  fsharp: { types: { ...request('int', 'int?'), ...customer('long', 'decimal', 'DateTime', 'Guid') }, required: ['id', 'tags'] },
  // JavaScript: TypeScript's types in JSDoc, read leniently (`number` → double, SS090); no attributes (`id` is
  // required as a variable of every route).
  mjs: { types: { ...request('double', 'double'), ...customer('double', 'double', 'string', 'string') }, required: ['id'], warnings: ['SS090'] },
};

function facts(model: ApiModel) {
  const field = (key: string) => {
    const [type, wire] = key.split('.');
    return model.types.find((t) => t.name === type)?.fields.find((f) => f.wireName === wire);
  };
  return { field };
}

describe.each(FIXTURE_TABS)('the $label tab', ({ key, label }) => {
  const want = WANT[key]!;
  const source = tabSource(key);
  describe.each([
    ['HTML page', { file: `GetCustomer.${key}.html`, text: tabHtmlPage(key, label, source) }],
    ['text copy', { file: `GetCustomer.${key}.txt`, text: tabTextPage(label, source) }],
  ])('%s', (_form, page) => {
    const model = modelOf([page]);
    const { field } = facts(model);

    it('gives the operation its routes and the response its IReturn<T> names', () => {
      const op = model.operations.find((o) => o.name === 'GetCustomer')!;
      expect(op.routes.map((r) => `${r.verbs.join(',')} ${r.path}`)).toEqual(['GET /customers/{Id}', 'GET /customers/{Id}/profile']);
      expect(op.response).toEqual({ kind: 'typed', type: 'GetCustomerResponse' });
    });

    it('gives every type its members, with their types and wire names', () => {
      expect(model.types.map((t) => t.name).sort()).toEqual([
        'Customer',
        'CustomerType',
        'GetCustomer',
        'GetCustomerResponse',
        'ResponseError',
        'ResponseStatus',
      ]);
      expect(model.types.find((t) => t.name === 'GetCustomer')!.fields.map((f) => f.wireName)).toEqual(REQUEST);
      expect(model.types.find((t) => t.name === 'GetCustomerResponse')!.fields.map((f) => [f.wireName, formatTypeRef(f.type)])).toEqual([
        ['result', 'Customer'],
        ['responseStatus', 'ResponseStatus'],
      ]);
      expect(Object.fromEntries(Object.keys(want.types).map((k) => [k, field(k) && formatTypeRef(field(k)!.type)]))).toEqual(want.types);
    });

    it('says which members are required', () => {
      const fields = model.types.find((t) => t.name === 'GetCustomer')!.fields;
      expect(fields.filter((f) => f.required).map((f) => f.wireName)).toEqual(want.required);
    });

    it('reads the enum with its values', () => {
      const e = model.types.find((t) => t.name === 'CustomerType')!;
      expect(e.enumMembers?.map((m) => [m.name, m.value])).toEqual([
        ['Private', '1'],
        ['Company', '2'],
      ]);
    });

    it('takes the namespaces its source states (only VB.NET states them: F# writes one for all types)', () => {
      const stated = model.types.flatMap((t) => (t.namespace && (t.name === 'GetCustomer' || t.name === 'Customer') ? [[t.name, t.namespace] as const] : []));
      expect(Object.fromEntries(stated)).toEqual(want.namespaces ?? {});
    });

    it('reports nothing but what the language cannot tell', () => {
      const warnings = model.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);
      expect([...new Set(warnings)]).toEqual(want.warnings ?? []);
    });
  });
});

describe.each(FIXTURE_TABS)('the $label tab of an AutoQuery operation with a generic type', ({ key, label }) => {
  const source = tabSource(key, 'QueryCustomers');
  // JavaScript erases generic arguments (`extends QueryDb`, `new QueryResponse()`): the response's come from its sample.
  const erased = key === 'mjs';
  const ids = { swift: 'List<long>', dart: 'List<long>', mjs: 'List<double>' }[key] ?? 'List<int>';
  describe.each([
    ['HTML page', { file: `QueryCustomers.${key}.html`, text: tabHtmlPage(key, label, source, key, QUERY_CUSTOMERS) }],
    ['text copy', { file: `QueryCustomers.${key}.txt`, text: tabTextPage(label, source, true, QUERY_CUSTOMERS) }],
  ])('%s', (_form, page) => {
    const model = modelOf([page]);
    const type = (name: string) => model.types.find((t) => t.name === name)!;

    it('returns QueryResponse<Customer>', () => {
      const op = model.operations.find((o) => o.name === 'QueryCustomers')!;
      expect(op.response).toEqual({ kind: 'typed', type: 'QueryResponse', args: [{ kind: 'ref', name: 'Customer', nullable: false }] });
      expect(op.routes.map((r) => `${r.verbs.join(',')} ${r.path}`)).toEqual(['GET /customers']);
    });

    it('extends QueryDb<Customer>', () => {
      const request = type('QueryCustomers');
      expect([request.base, request.baseArgs?.map(formatTypeRef)]).toEqual(['QueryDb', erased ? undefined : ['Customer']]);
      expect(request.fields.map((f) => [f.wireName, formatTypeRef(f.type)])).toEqual([['ids', ids]]);
    });

    it('reads a generic type with its parameter', () => {
      const generic = type('Page');
      expect(generic.typeParameters).toEqual(['T']);
      expect(generic.fields.map((f) => [f.wireName, formatTypeRef(f.type)])).toEqual([['items', 'List<T>']]);
    });
  });
});

describe("Kotlin's and Java's enums that travel as numbers", () => {
  it('read so from the @SerializedName("1") ServiceStack writes on each member of such an enum', () => {
    const source = tabSource('kotlin').replace(
      '    Private(1),\n    Company(2),',
      '    @SerializedName("1") Private(1),\n    @SerializedName("2") Company(2),',
    );
    const model = modelOf([{ file: 'GetCustomer.kotlin.txt', text: tabTextPage('Kotlin', source) }]);
    const e = model.types.find((t) => t.name === 'CustomerType')!;
    expect([e.enumWire, e.enumMembers?.map((m) => m.wire)]).toEqual(['integer', [1, 2]]);
  });
});

describe('a tab page whose copy lost the response sample', () => {
  // The tab of an operation page, as ServiceStack writes it there: no IReturn<T>.
  const source = tabSource('kotlin').replace(' : IReturn<GetCustomerResponse>', '');
  const withoutResponse = (text: string) => text.slice(0, text.indexOf('HTTP/1.1 200 OK'));

  it("takes the DTO source's {Operation}Response as the response, with a note (SS057)", () => {
    const model = modelOf([{ file: 'GetCustomer.kotlin.txt', text: withoutResponse(tabTextPage('Kotlin', source)) }]);
    expect(model.operations[0]!.response).toEqual({ kind: 'typed', type: 'GetCustomerResponse' });
    expect(model.diagnostics.filter((d) => d.code === 'SS057').map((d) => d.message)).toEqual([
      "the page shows no response sample but its DTO source declares 'GetCustomerResponse': taken as the response by ServiceStack's {Operation}Response convention",
    ]);
  });

  it('takes the operation as one-way where the source declares no such class', () => {
    const text = withoutResponse(tabTextPage('Kotlin', source.replaceAll('GetCustomerResponse', 'CustomerResult')));
    expect(modelOf([{ file: 'GetCustomer.kotlin.txt', text }]).operations[0]!.response).toEqual({ kind: 'none' });
  });
});
