/**
 * The TypeScript and C# DTO sources as sources of the model: merged with the tables, Python DTOs
 * and samples into one entry per operation and type; C# states the .NET type exactly, TypeScript
 * is a weaker fact that never overrides a stronger one; every disagreement is a diagnostic.
 */
import { formatTypeRef } from '../../generator/model/type-ref.js';
import { describe, expect, it } from 'vitest';
import type { ApiModel, TypeRef } from '../../generator/model/api-model.js';
import type { InputFile } from '../../generator/read/input.js';
import { fieldOf, modelOf, opOf, seedFiles, typeOf } from '../helpers.js';
import { dtoSource, fixture, languageTabPage, seed003WithSource } from '../read/html-fixtures.js';

const html = (name: string, text = fixture(name)): InputFile => ({ file: name.split('/').pop()!, text });
const BOOSTER_TS = html('booster/ExportCustomer.typescript.html');
const BOOSTER_CS = html('booster/ExportCustomer.csharp.html');

/** A file with one edit, which must apply. */
function edited(file: InputFile, from: string, to: string): InputFile {
  if (!file.text.includes(from)) throw new Error(`not in ${file.file}: ${from}`);
  return { ...file, text: file.text.replace(from, to) };
}

const codes = (m: ApiModel, code: string) => m.diagnostics.filter((d) => d.code === code);
const warnings = (m: ApiModel) => m.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.message}`);
const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in fixture: ${needle}`);
  return text.slice(0, at).split('\n').length;
};

/** Line of `needle` in a languageTabPage's file. */
const tabLine = (page: InputFile, needle: string) => lineOf(page.text.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), needle);

describe('seed 003 with its TypeScript and C# tabs (HTML) and its text dump', () => {
  const seeds = seedFiles();
  const model = modelOf([...seeds, BOOSTER_TS, BOOSTER_CS]);

  it('is one operation, with sources from the dump and both tabs', () => {
    expect(model.operations.filter((o) => o.name === 'ExportCustomer')).toHaveLength(1);
    const op = opOf(model, 'ExportCustomer');
    expect(new Set(op.sources.map((s) => s.file))).toEqual(
      new Set(['003_54bf65ec9057eb7c.txt', 'ExportCustomer.typescript.html', 'ExportCustomer.csharp.html']),
    );
    expect(op.routes).toHaveLength(1);
    // The route table of each page and the Route attribute of each source.
    expect(op.routes[0]!.sources.map((s) => s.file).sort()).toEqual([
      '003_54bf65ec9057eb7c.txt',
      'ExportCustomer.csharp.html',
      'ExportCustomer.csharp.html',
      'ExportCustomer.typescript.html',
      'ExportCustomer.typescript.html',
    ]);
    expect(op.response).toEqual({ kind: 'typed', type: 'ExportCustomerResponse' });
  });

  it('defines each type once, with sources from all three, and the namespaces C# and the XML sample agree on', () => {
    for (const name of ['ExportCustomer', 'SearchCustomer', 'ProductCategory', 'ExportCustomerResponse']) {
      expect(model.types.filter((t) => t.name === name)).toHaveLength(1);
      expect(new Set(typeOf(model, name).sources.map((s) => s.file))).toEqual(
        new Set(['003_54bf65ec9057eb7c.txt', 'ExportCustomer.typescript.html', 'ExportCustomer.csharp.html']),
      );
    }
    expect(typeOf(model, 'ExportCustomer').base).toBe('SearchCustomer');
    expect(typeOf(model, 'ProductCategory').namespace).toBe('Richemont.Booster2.PublicApi.Common.ServiceModel');
    expect(typeOf(model, 'SearchCustomer').namespace).toBe('Richemont.Booster2.PublicApi.CRM.ServiceModel');
    expect(fieldOf(model, 'SearchCustomer', 'brand').sources.map((s) => s.file)).toEqual([
      '003_54bf65ec9057eb7c.txt',
      'ExportCustomer.csharp.html',
      'ExportCustomer.typescript.html',
    ]);
  });

  it("keeps the table's types: TypeScript's number never overrides an int (or a double)", () => {
    expect(fieldOf(model, 'SearchCustomer', 'birthdateMonths').type).toEqual({ kind: 'list', of: { kind: 'primitive', name: 'int', nullable: false } });
    expect(fieldOf(model, 'SearchCustomer', 'boosterCustomerIds').type).toEqual({ kind: 'list', of: { kind: 'primitive', name: 'int', nullable: false } });
    expect(fieldOf(model, 'SearchCustomer', 'clientSpendingFrom').type).toEqual({ kind: 'primitive', name: 'double', nullable: true });
    expect(fieldOf(model, 'ExportCustomerResponse', 'asyncTaskId').type).toEqual({ kind: 'primitive', name: 'Guid', nullable: false });
    expect(codes(model, 'SS090')).toEqual([]);
  });

  it('adds no warning to those of the seeds alone', () => {
    const seedOnly = new Set(warnings(modelOf(seeds)));
    expect(warnings(model).filter((w) => !seedOnly.has(w))).toEqual([]);
  });

  it('gives the same types when the TypeScript tab is a text dump instead', () => {
    const dump = {
      file: '003_typescript.txt',
      text: seed003WithSource(
        seeds.find((f) => f.file.startsWith('003'))!.text,
        dtoSource('booster/ExportCustomer.typescript.html'),
        'TypeScript ExportCustomer DTOs',
      ),
    };
    const fromDump = modelOf([...seeds, dump, BOOSTER_CS]);
    const shape = (m: ApiModel) =>
      m.types.map((t) => ({ name: t.name, base: t.base, namespace: t.namespace, fields: t.fields.map((f) => [f.name, f.wireName, f.type, f.required]) }));
    expect(shape(fromDump)).toEqual(shape(model));
    expect(fromDump.operations.filter((o) => o.name === 'ExportCustomer')).toHaveLength(1);
    expect(new Set(fieldOf(fromDump, 'SearchCustomer', 'brand').sources.map((s) => s.file))).toEqual(
      new Set(['003_54bf65ec9057eb7c.txt', '003_typescript.txt', 'ExportCustomer.csharp.html']),
    );
  });
});

describe('disagreements with the C# source are reported', () => {
  it("a .NET type other than the table's (SS072), a nullability (SS077), a required-ness (SS073); the table wins", () => {
    let cs = edited(BOOSTER_CS, 'public virtual Nullable&lt;double&gt; clientSpendingFrom', 'public virtual Nullable&lt;int&gt; clientSpendingFrom');
    cs = edited(cs, 'public virtual Nullable&lt;double&gt; clientSpendingTo', 'public virtual double clientSpendingTo');
    cs = edited(cs, '[ApiMember(Description="Brand", IsRequired=true)]', '[ApiMember(Description="Brand")]');
    const model = modelOf([...seedFiles(), cs]);
    const line = (needle: string) => lineOf(cs.text, needle);
    expect(codes(model, 'SS072').map((d) => [d.loc?.file, d.loc?.line, d.message])).toEqual([
      [
        'ExportCustomer.csharp.html',
        line('Nullable&lt;int&gt; clientSpendingFrom'),
        "'SearchCustomer.clientSpendingFrom' is double? in the table (003_54bf65ec9057eb7c.txt:21) but Nullable<int> in the C# DTO; using the table",
      ],
    ]);
    expect(codes(model, 'SS077').map((d) => [d.loc?.line, d.message])).toEqual([
      [
        line('double clientSpendingTo'),
        "'SearchCustomer.clientSpendingTo' is double? in the table (003_54bf65ec9057eb7c.txt:22) but double in the C# DTO; using the table",
      ],
    ]);
    expect(codes(model, 'SS073').map((d) => [d.loc?.file, d.message])).toEqual([
      [
        'ExportCustomer.csharp.html',
        "'SearchCustomer.brand' is optional by the C# DTO but required by the table at 003_54bf65ec9057eb7c.txt:15; taken as required",
      ],
    ]);
    expect(fieldOf(model, 'SearchCustomer', 'clientSpendingFrom').type).toEqual({ kind: 'primitive', name: 'double', nullable: true });
    expect(fieldOf(model, 'SearchCustomer', 'brand').required).toBe(true);
  });

  it("a namespace other than the XML sample's (SS079)", () => {
    const cs = edited(
      BOOSTER_CS,
      'namespace Richemont.Booster2.PublicApi.Common.ServiceModel\n',
      'namespace Richemont.Booster2.PublicApi.Other.ServiceModel\n',
    );
    const model = modelOf([...seedFiles(), cs]);
    expect(codes(model, 'SS079').map((d) => d.message)).toEqual([
      `'ProductCategory' is in namespace 'Richemont.Booster2.PublicApi.Common.ServiceModel' by its XML sample here but 'Richemont.Booster2.PublicApi.Other.ServiceModel' by the C# DTO at ExportCustomer.csharp.html:${lineOf(cs.text, 'public partial class ProductCategory')}; using the latter`,
    ]);
    expect(typeOf(model, 'ProductCategory').namespace).toBe('Richemont.Booster2.PublicApi.Other.ServiceModel');
  });

  it("a TypeScript type that cannot be the table's (SS072): reported, the table wins", () => {
    const ts = edited(BOOSTER_TS, 'public brand: string;', 'public brand: number;');
    const model = modelOf([...seedFiles(), ts]);
    expect(codes(model, 'SS072').map((d) => [d.loc?.line, d.message])).toEqual([
      [
        lineOf(ts.text, 'public brand: number;'),
        "'SearchCustomer.brand' is string in the table (003_54bf65ec9057eb7c.txt:15) but number in the TypeScript DTO, which cannot be that type; using the table",
      ],
    ]);
    expect(fieldOf(model, 'SearchCustomer', 'brand').type).toEqual({ kind: 'primitive', name: 'string', nullable: false });
    expect(codes(model, 'SS090')).toEqual([]);
  });
});

describe('TypeScript alone: a weaker fact', () => {
  const ts = html('orders/GetOrderLine.typescript.html');
  const model = modelOf([ts]);

  it('reads number as double and says so for each member (SS090), at its TypeScript line', () => {
    expect(fieldOf(model, 'OrderLine', 'quantity').type).toEqual({ kind: 'primitive', name: 'double', nullable: false });
    expect(fieldOf(model, 'OrderLine', 'unitPrice').type).toEqual({ kind: 'primitive', name: 'double', nullable: false });
    expect(fieldOf(model, 'OrderLine', 'sku').type).toEqual({ kind: 'primitive', name: 'string', nullable: false });
    expect(fieldOf(model, 'OrderLine', 'attributes').type).toMatchObject({ kind: 'dictionary', value: { name: 'string' } });
    const ss090 = codes(model, 'SS090');
    expect(ss090.map((d) => [d.severity, d.loc?.line, d.message.split("'")[1]])).toEqual(
      [
        ['warning', lineOf(ts.text, 'public lineId: number'), 'OrderLine.lineId'],
        ['warning', lineOf(ts.text, 'public quantity: number'), 'OrderLine.quantity'],
        ['warning', lineOf(ts.text, 'public unitPrice: number'), 'OrderLine.unitPrice'],
        ['warning', lineOf(ts.text, 'public orderId: number'), 'GetOrderLine.orderId'],
        ['warning', lineOf(ts.text, 'public lineId: number;\n\n    public constructor(init?: Partial&lt;GetOrderLine'), 'GetOrderLine.lineId'],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    expect(ss090[0]!.message).toContain('does not tell an integer from a fraction: taken as double');
  });

  it('still gives the operation: route, path parameters, required-ness, response, wire names', () => {
    const op = opOf(model, 'GetOrderLine');
    expect(op.routes.map((r) => [r.verbs, r.path, r.pathVariables])).toEqual([[['GET'], '/orders/{OrderId}/lines/{LineId}', ['OrderId', 'LineId']]]);
    expect(op.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['orderId', 'path', true],
      ['lineId', 'path', true],
    ]);
    expect(op.response).toEqual({ kind: 'typed', type: 'GetOrderLineResponse' });
    expect(fieldOf(model, 'OrderLine', 'unitPrice')).toMatchObject({ wireName: 'unitPrice', wireNameFrom: 'json-sample' });
    expect(fieldOf(model, 'GetOrderLine', 'orderId')).toMatchObject({ wireName: 'orderId', wireNameFrom: 'typescript', description: 'Order id' });
    expect(codes(model, 'SS071')).toEqual([]);
  });

  it('gives way to C#: the same members become int and decimal, with no SS090', () => {
    const both = modelOf([ts, html('orders/GetOrderLine.csharp.html')]);
    expect(fieldOf(both, 'OrderLine', 'Quantity').type).toEqual({ kind: 'primitive', name: 'int', nullable: false });
    expect(fieldOf(both, 'OrderLine', 'UnitPrice').type).toEqual({ kind: 'primitive', name: 'decimal', nullable: false });
    expect(fieldOf(both, 'OrderLine', 'UnitPrice').wireName).toBe('unitPrice');
    expect(typeOf(both, 'OrderLine').fields).toHaveLength(5);
    expect(typeOf(both, 'OrderLine').namespace).toBe('Acme.Orders.ServiceModel');
    expect(codes(both, 'SS090')).toEqual([]);
    expect(warnings(both)).toEqual([]);
  });

  it('gives way to a table, and to Python: int stays int', () => {
    for (const other of ['orders/GetOrderLine.json.html', 'orders/GetOrderLine.python.html']) {
      const m = modelOf([ts, html(other)]);
      expect(fieldOf(m, 'OrderLine', other.includes('json') ? 'Quantity' : 'quantity').type).toEqual({ kind: 'primitive', name: 'int', nullable: false });
      expect(codes(m, 'SS090')).toEqual([]);
      expect(warnings(m)).toEqual([]);
    }
  });
});

describe('C# alone states the .NET types exactly', () => {
  const model = modelOf([html('orders/GetOrders.csharp.html')]);

  it('nullable value types and enums, decimal, DateTime; reference-type annotations (`string?`) are no nullability', () => {
    const type = (t: string, f: string) => fieldOf(model, t, f).type;
    expect(type('GetOrders', 'Page')).toEqual({ kind: 'primitive', name: 'int', nullable: true });
    expect(type('GetOrders', 'Status')).toEqual({ kind: 'ref', name: 'OrderStatus', nullable: true });
    expect(type('GetOrders', 'SortBy')).toEqual({ kind: 'primitive', name: 'string', nullable: false });
    expect(type('GetOrdersResponse', 'Orders')).toEqual({ kind: 'list', of: { kind: 'ref', name: 'OrderSummary', nullable: false } });
    expect(type('OrderSummary', 'Total')).toEqual({ kind: 'primitive', name: 'decimal', nullable: false });
    expect(type('OrderSummary', 'CreatedAt')).toEqual({ kind: 'primitive', name: 'DateTime', nullable: false });
    expect(typeOf(model, 'OrderStatus').enumMembers.map((m) => `${m.name}=${m.value}`)).toEqual(['Pending=0', 'Paid=1', 'Shipped=2', 'Cancelled=3']);
    expect(fieldOf(model, 'GetOrders', 'CustomerId')).toMatchObject({ required: true, wireName: 'customerId', wireNameFrom: 'convention' });
    expect(opOf(model, 'GetOrders').parameters.map((p) => `${p.name}:${p.in}`)).toEqual(['customerId:query', 'status:query', 'page:query', 'sortBy:query']);
    // C#'s `using ServiceStack;` declares ResponseStatus elsewhere: it is ServiceStack's own, defined as ServiceStack declares it.
    expect(warnings(model)).toEqual([]);
    expect(typeOf(model, 'ResponseStatus').fields.map((f) => `${f.wireName}:${formatTypeRef(f.type)}`)).toEqual([
      'errorCode:string',
      'message:string',
      'stackTrace:string',
      'errors:List<ResponseError>',
      'meta:Dictionary<string,string>',
    ]);
    expect(typeOf(model, 'ResponseError').incomplete).toBeUndefined();
    expect(model.diagnostics.filter((d) => d.code === 'SS068').map((d) => d.message.split("'")[1])).toEqual(['ResponseError', 'ResponseStatus']);
  });
});

describe('pages nobody has shown us', () => {
  it('a DataMember-renamed member is one member in C# and TypeScript, travelling by its DataMember name', () => {
    const cs = languageTabPage(
      'Rename.csharp.html',
      'Rename',
      'csharp',
      [
        'namespace Acme',
        '{',
        '    [Route("/rename/{CustomerId}", "PUT")]',
        '    public class Rename : IReturnVoid',
        '    {',
        '        [DataMember(Name="cust_id")]',
        '        public virtual int CustomerId { get; set; }',
        '        public virtual long Total { get; set; }',
        '    }',
        '}',
      ].join('\n'),
    );
    const ts = languageTabPage(
      'Rename.typescript.html',
      'Rename',
      'typescript',
      [
        '// @Route("/rename/{CustomerId}", "PUT")',
        'export class Rename implements IReturnVoid',
        '{',
        '    // @DataMember(Name="cust_id")',
        '    public cust_id: number;',
        '    public total: number;',
        '}',
      ].join('\n'),
    );
    const model = modelOf([cs, ts]);
    expect(typeOf(model, 'Rename').fields.map((f) => [f.name, f.wireName, f.wireNameFrom, f.type, f.sources.map((s) => s.file)])).toEqual([
      ['CustomerId', 'cust_id', 'csharp', { kind: 'primitive', name: 'int', nullable: false }, ['Rename.csharp.html', 'Rename.typescript.html']],
      ['Total', 'total', 'typescript', { kind: 'primitive', name: 'long', nullable: false }, ['Rename.csharp.html', 'Rename.typescript.html']],
    ]);
    const op = opOf(model, 'Rename');
    expect(op.response).toEqual({ kind: 'none' });
    expect(op.routes.map((r) => [r.verbs, r.path, r.sources.length])).toEqual([[['PUT'], '/rename/{CustomerId}', 2]]);
    expect(op.parameters.map((p) => `${p.name}:${p.in}:${p.required}`)).toEqual(['cust_id:path:true', 'total:body:false']);
    expect(warnings(model)).toEqual([]);
  });

  it('routes with two path variables and IReturn<T> from the C# source alone, with no tables, routes table or samples', () => {
    const page = languageTabPage(
      'GetPart.csharp.html',
      'GetPart',
      'csharp',
      [
        'namespace Acme;',
        '[Route("/things/{ThingId}/parts/{PartId}", "GET")]',
        'public class GetPart : IReturn<Part> { public int ThingId { get; set; } public int PartId { get; set; } }',
        'public class Part { public Dictionary<string,string> Labels { get; set; } public double Weight { get; set; } }',
      ].join('\n'),
    );
    const model = modelOf([page]);
    const op = opOf(model, 'GetPart');
    expect(op.routes[0]).toMatchObject({
      verbs: ['GET'],
      path: '/things/{ThingId}/parts/{PartId}',
      pathVariables: ['ThingId', 'PartId'],
      sources: [{ file: 'GetPart.csharp.html', line: tabLine(page, '[Route(') }],
    });
    expect(op.parameters.map((p) => `${p.name}:${p.in}:${p.required}`)).toEqual(['thingId:path:true', 'partId:path:true']);
    expect(op.response).toEqual({ kind: 'typed', type: 'Part' });
    expect(typeOf(model, 'Part').fields.map((f) => [f.wireName, f.wireNameFrom, f.type])).toEqual([
      [
        'labels',
        'convention',
        { kind: 'dictionary', key: { kind: 'primitive', name: 'string', nullable: false }, value: { kind: 'primitive', name: 'string', nullable: false } },
      ],
      ['weight', 'convention', { kind: 'primitive', name: 'double', nullable: false }],
    ]);
    expect(typeOf(model, 'Part').namespace).toBe('Acme');
  });

  it('generic classes: a member typed by a type parameter is that parameter; a generic DTO keeps its arguments; nothing dangles', () => {
    const ts = languageTabPage(
      'FindThings.typescript.html',
      'FindThings',
      'typescript',
      [
        'export class QueryResponse<T> { public offset: number; public results: T[]; public meta?: { [index:string]: T; }; }',
        'export class Thing { public id: string; }',
        'export class FindThings implements IReturn<QueryResponse<Thing>> { public page?: QueryResponse<Thing>; }',
      ].join('\n'),
    );
    const model = modelOf([ts]);
    expect(typeOf(model, 'QueryResponse').typeParameters).toEqual(['T']);
    expect(fieldOf(model, 'QueryResponse', 'results').type).toEqual({ kind: 'list', of: { kind: 'parameter', name: 'T' } });
    expect(fieldOf(model, 'QueryResponse', 'meta').type).toMatchObject({ kind: 'dictionary', value: { kind: 'parameter', name: 'T' } });
    expect(fieldOf(model, 'FindThings', 'page').type).toEqual({
      kind: 'ref',
      name: 'QueryResponse',
      nullable: false,
      args: [{ kind: 'ref', name: 'Thing', nullable: false }],
    });
    const names = new Set(model.types.map((t) => t.name));
    const refs = (t: TypeRef): string[] =>
      t.kind === 'ref' ? [t.name] : t.kind === 'list' ? refs(t.of) : t.kind === 'dictionary' ? [...refs(t.key), ...refs(t.value)] : [];
    expect(model.types.flatMap((t) => t.fields.flatMap((f) => refs(f.type))).filter((n) => !names.has(n))).toEqual([]);
    expect(names.has('T')).toBe(false);
  });

  it('reports a member the DTO source has and no table (SS076), per language', () => {
    const ts = edited(
      html('orders/GetOrderLine.typescript.html'),
      '    public lineId: number;\n\n    public constructor(init?: Partial&lt;GetOrderLine',
      '    public lineId: number;\n\n    public extra?: string;\n\n    public constructor(init?: Partial&lt;GetOrderLine',
    );
    const model = modelOf([html('orders/GetOrderLine.json.html'), ts]);
    expect(codes(model, 'SS076').map((d) => [d.loc?.line, d.message])).toEqual([
      [lineOf(ts.text, 'public extra?: string;'), "'GetOrderLine.extra' is in the TypeScript DTO but in no table of 'GetOrderLine'"],
    ]);
  });

  it('string unions and string enums travel by their values; C# EnumMember by its value', () => {
    const ts = languageTabPage(
      'Paint.typescript.html',
      'Paint',
      'typescript',
      [
        'export type Shade = "light-grey" | "dark";',
        "export enum Finish { Matt = 'matt', Gloss = 'gloss' }",
        'export class Paint { public shade: Shade; public finish?: Finish; }',
      ].join('\n'),
    );
    const cs = languageTabPage(
      'Paint.csharp.html',
      'Paint',
      'csharp',
      [
        'public enum Finish { [EnumMember(Value="matt")] Matt, [EnumMember(Value="gloss")] Gloss }',
        'public class Paint { public string Shade { get; set; } public Finish? Finish { get; set; } }',
      ].join('\n'),
    );
    const model = modelOf([ts, cs]);
    expect(typeOf(model, 'Shade').enumMembers.map((m) => m.wire)).toEqual(['light-grey', 'dark']);
    expect(typeOf(model, 'Finish').enumMembers.map((m) => [m.name, m.wire, m.sources.length])).toEqual([
      ['Matt', 'matt', 2],
      ['Gloss', 'gloss', 2],
    ]);
    // C# says string where TypeScript names an enum: a disagreement, the C# type is taken.
    expect(codes(model, 'SS072').map((d) => d.message)).toEqual([
      `'Paint.Shade' is string in the C# DTO (Paint.csharp.html:${tabLine(cs, 'public class Paint')}) but Shade in the TypeScript DTO, which cannot be that type; using the C# DTO`,
    ]);
    expect(fieldOf(model, 'Paint', 'Finish').type).toEqual({ kind: 'ref', name: 'Finish', nullable: true });
  });
});

describe('Python route comments', () => {
  const page = (routeLine: string, comment: string): InputFile => ({
    file: 'thing.txt',
    text: [
      'Svc.Api',
      '',
      '<back to all web services',
      '',
      'GetThing',
      '',
      ...(routeLine ? ['The following routes are available for this service:', routeLine] : []),
      'import datetime',
      '',
      comment,
      '@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)',
      '@dataclass',
      'class GetThing(IReturnVoid):',
      '    id: int = 0',
      '',
      'Python GetThing DTOs',
      '',
    ].join('\n'),
  });

  it('are a source of the routes, the only one when the page has no route table', () => {
    const alone = modelOf([page('', '# @Route("/things/{Id}", "GET")')]);
    expect(opOf(alone, 'GetThing').routes).toMatchObject([{ verbs: ['GET'], path: '/things/{Id}', sources: [{ file: 'thing.txt', line: 9 }] }]);
    const both = modelOf([page('GET/things/{Id}Get thing', '# @Route("/things/{Id}", "GET")')]);
    expect(opOf(both, 'GetThing').routes).toHaveLength(1);
    expect(opOf(both, 'GetThing').routes[0]!.sources.map((s) => s.line)).toEqual([8, 11]);
  });
});
