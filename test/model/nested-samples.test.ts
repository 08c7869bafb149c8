/**
 * Samples as typed evidence, nested all the way down: pages whose tables are gone (a language tab
 * not read, a copy cut short) keep their API in their samples. Written as ServiceStack renders
 * them (test/corpus/page.ts) from public ServiceStack DTOs — its Check test services
 * (MetadataTest.cs), NorthwindAuto's AllCollectionTypes, Northwind — in every page form and every
 * sample format (JSON, JSV, XML), and by hand for the shapes real pages showed.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../generator/model/api-model.js';
import { formatTypeRef } from '../../generator/model/type-ref.js';
import type { InputFile } from '../../generator/read/input.js';
import { APIS, findOperation, type ApiSpec } from '../corpus/apis.js';
import type { Format, PageView } from '../corpus/page.js';
import { renderApi } from '../corpus/render.js';
import { strictDiagnostics } from '../emit/compile.js';
import { fieldOf, modelOf, opOf, typeOf } from '../helpers.js';
import { importGenerated, renderAll, sourcesOf, writeTree } from '../hostile/harness.js';
import { languageTabPage } from '../read/html-fixtures.js';
import { PAGE_FORMS, pageFile } from './page-forms.js';

const api = (key: string): ApiSpec => APIS.find((a) => a.key === key)!;
const FORMATS: readonly Format[] = ['json', 'jsv', 'xml'];
const withoutTables = (p: PageView): PageView => ({ ...p, tables: [] });

/** The pages of `ops` in one form and format, their tables left out. */
function sampleOnly(key: string, ops: readonly string[], format: Format, form: string): InputFile[] {
  return ops.map((op) => pageFile(api(key), findOperation(api(key), op), format, form, withoutTables));
}

/** `name: Type` of each member, `?` where optional, as the generated interface reads them. */
function members(model: ApiModel, type: string): string[] {
  return typeOf(model, type).fields.map((f) => `${f.name}${f.required ? '' : '?'}: ${formatTypeRef(f.type)}`);
}

const codes = (model: ApiModel, code: string) => model.diagnostics.filter((d) => d.code === code).map((d) => d.message);

/** In JSON and JSV a member is its wire name; in XML its .NET name. */
const named = (format: Format, wire: string) => (format === 'xml' ? wire[0]!.toUpperCase() + wire.slice(1) : wire);

describe('nested sample values become members of named types', () => {
  for (const form of Object.keys(PAGE_FORMS))
    for (const format of FORMATS)
      it(`${form}, ${format}: Check's MetadataTest — a list of items holding a list, named by the XML elements, else by the member (a recursive type)`, () => {
        const model = modelOf(sampleOnly('check', ['MetadataTest'], format, form));
        if (format === 'xml') {
          // DataContractSerializer names each item after its type.
          expect(members(model, 'MetadataTestResponse')).toEqual(['Id?: int', 'Results?: List<MetadataTestChild>']);
          expect(members(model, 'MetadataTestChild')).toEqual(['Name?: string', 'Results?: List<MetadataTestNestedChild>']);
          expect(members(model, 'MetadataTestNestedChild')).toEqual(['Name?: string']);
          expect(typeOf(model, 'MetadataTestNestedChild').namespace).toBe('Check.ServiceModel');
          expect(codes(model, 'SS094')).toEqual([]);
          return;
        }
        // `{"id":0,"results":[{"name":"String","results":[{"name":"String"}]}]}`: the inner items are
        // named as the outer ones (`results` → Result), which ends the walk in a recursive type.
        expect(opOf(model, 'MetadataTest').response).toEqual({ kind: 'typed', type: 'MetadataTestResponse' });
        expect(members(model, 'MetadataTestResponse')).toEqual(['id?: int', 'results?: List<Result>']);
        expect(members(model, 'Result')).toEqual(['name?: string', 'results?: List<Result>']);
        expect(codes(model, 'SS094')).toEqual([
          "'MetadataTestResponse.results': no table or DTO names the type of the sample's value; named 'Result' after 'results' by ServiceStack's convention (a collection member's name, singular)",
          "'Result.results': no table or DTO names the type of the sample's value; named 'Result' after 'results' by ServiceStack's convention (a collection member's name, singular), the type it is nested in (a recursive type)",
        ]);
        expect(model.diagnostics.find((d) => d.code === 'SS094')!.severity).toBe('info');
      });

  for (const format of FORMATS)
    it(`${format}: Check's GetExample — objects nested three deep named after their members; ResponseStatus and ResponseError from ServiceStack's own declaration`, () => {
      const model = modelOf(sampleOnly('check', ['GetExample'], format, 'html'));
      const m = (wire: string) => named(format, wire);
      expect(members(model, 'GetExampleResponse')).toEqual([`${m('responseStatus')}?: ResponseStatus`, `${m('menuExample1')}?: MenuExample1`]);
      expect(members(model, 'MenuExample1')).toEqual([`${m('menuItemExample1')}?: MenuItemExample1`]);
      // XML writes a plain class's members alphabetically.
      expect(members(model, 'MenuItemExample1').sort()).toEqual([`${m('menuItemExampleItem')}?: MenuItemExampleItem`, `${m('name1')}?: string`].sort());
      expect(members(model, 'MenuItemExampleItem')).toEqual([`${m('name1')}?: string`]);
      // Not re-inferred from the sample: ServiceStack's declaration (ErrorCode required, Errors a list of ResponseError).
      expect(members(model, 'ResponseStatus')).toEqual([
        'ErrorCode: string',
        'Message?: string',
        'StackTrace?: string',
        'Errors?: List<ResponseError>',
        'Meta?: Dictionary<string,string>',
      ]);
      expect(members(model, 'ResponseError')).toEqual(['ErrorCode: string', 'FieldName: string', 'Message: string', 'Meta?: Dictionary<string,string>']);
      expect(codes(model, 'SS068').sort()).toEqual([
        "'ResponseError' is ServiceStack's own type and no page describes it: defined as ServiceStack declares it",
        "'ResponseStatus' is ServiceStack's own type and no page describes it: defined as ServiceStack declares it",
      ]);
      expect(codes(model, 'SS094').filter((message) => /Response(Status|Error)/.test(message))).toEqual([]);
      expect(codes(model, 'SS071').filter((message) => /Response(Status|Error)/.test(message))).toEqual([]);
    });

  for (const form of Object.keys(PAGE_FORMS))
    it(`${form}: NorthwindAuto's AllCollectionTypes — DataContract's collections read by their names (ArrayOfX, KeyValueOfKV, Arrays items)`, () => {
      const model = modelOf(sampleOnly('myapp-tests', ['AllCollectionTypes'], 'xml', form));
      expect(members(model, 'AllCollectionTypes')).toEqual([
        'DecimalList?: List<decimal>',
        'DoubleList?: List<double>',
        'FloatArray?: List<float>',
        'IntArray?: List<int>',
        'IntList?: List<int>',
        'PocoArray?: List<Poco>',
        'PocoList?: List<Poco>',
        'PocoLookup?: Dictionary<string,List<Poco>>',
        'PocoLookupMap?: Dictionary<string,List<Dictionary<string,Poco>>>',
        'StringArray?: List<string>',
        'StringList?: List<string>',
      ]);
      expect(members(model, 'Poco')).toEqual(['Name?: string']);
    });

  for (const format of ['json', 'jsv'] as const)
    it(`${format}: AllCollectionTypes — lists, and dictionaries keyed by placeholders; the items named after the collection member (pocoArray → Poco)`, () => {
      const model = modelOf(sampleOnly('myapp-tests', ['AllCollectionTypes'], format, 'html'));
      expect(members(model, 'AllCollectionTypes')).toEqual([
        'intArray?: List<int>',
        'intList?: List<int>',
        'stringArray?: List<string>',
        'stringList?: List<string>',
        // A placeholder `0` shows no fraction: only a table or DTO source tells a float.
        'floatArray?: List<int>',
        'doubleList?: List<int>',
        'decimalList?: List<int>',
        'pocoArray?: List<Poco>',
        'pocoList?: List<Poco>',
        'pocoLookup?: Dictionary<string,List<Poco>>',
        'pocoLookupMap?: Dictionary<string,List<Dictionary<string,Poco>>>',
      ]);
      expect(members(model, 'Poco')).toEqual(['name?: string']);
      expect(codes(model, 'SS094')).toContain(
        "'AllCollectionTypes.pocoList': no table or DTO names the type of the sample's value; taken as 'Poco', whose members it shows (1 of the 1 member of 'Poco')",
      );
    });

  it('XML: a nested object\'s members in another namespace (`<Customer xmlns:d2p1="…Types"><d2p1:Address>`) are the nested type\'s, in that namespace', () => {
    const model = modelOf(sampleOnly('northwind', ['GetCustomerDetails'], 'xml', 'html'));
    expect(members(model, 'CustomerDetailsResponse')).toEqual(['Customer?: Customer', 'Orders?: List<CustomerOrder>', 'ResponseStatus?: ResponseStatus']);
    expect(typeOf(model, 'Customer').namespace).toBe('Northwind.ServiceModel.Types');
    expect(members(model, 'Customer')).toHaveLength(11);
    expect(members(model, 'CustomerOrder')).toEqual(['Order?: Order', 'OrderDetails?: List<OrderDetail>']);
    expect(typeOf(model, 'Order').namespace).toBe('Northwind.ServiceModel.Types');
  });
});

describe('where other sources name the nested types', () => {
  it("a page's own tables name them: no type is inferred", () => {
    for (const a of APIS)
      for (const form of ['html-json', 'html-xml', 'pipe-leading', 'squashed'] as const) {
        const model = modelOf(renderApi(a, form));
        expect(codes(model, 'SS094'), `${a.key} ${form}`).toEqual([]);
        expect(codes(model, 'SS095'), `${a.key} ${form}`).toEqual([]);
      }
  });

  it('another page describing the parent names them (its captioned table); the known type whose members an item shows names it', () => {
    const northwind = api('northwind');
    const described = pageFile(northwind, findOperation(northwind, 'GetCustomerDetails'), 'json', 'html');
    for (const format of ['json', 'jsv'] as const) {
      const model = modelOf([described, ...sampleOnly('northwind', ['GetOrders'], format, 'html')]);
      // GetOrders' sample-only response holds items whose members are CustomerOrder's, which the other page describes.
      expect(members(model, 'GetOrdersResponse')).toEqual(['results?: List<CustomerOrder>', 'responseStatus?: ResponseStatus']);
      expect(codes(model, 'SS094')).toEqual([
        "'GetOrdersResponse.results': no table or DTO names the type of the sample's value; taken as 'CustomerOrder', whose members it shows (2 of the 2 members of 'CustomerOrder')",
      ]);
      expect(model.types.map((t) => t.name)).not.toContain('Result');
      expect(fieldOf(model, 'CustomerOrder', 'Order').type).toEqual({ kind: 'ref', name: 'Order', nullable: false });
    }
  });

  it('a placeholder is never a type where a table states one; a type only the sample names is dropped where the table names another', () => {
    const northwind = api('northwind');
    // A sample of another version of the page: its items are `<Order>`s, the table says CustomerOrder.
    const page = pageFile(northwind, findOperation(northwind, 'GetOrders'), 'xml', 'pipe, leading |', (p) => ({
      ...p,
      response: p.response!.replace(/<(\/?d2p1:)CustomerOrder>/g, '<$1LegacyOrder>'),
    }));
    expect(page.text).toContain('<d2p1:LegacyOrder>');
    const model = modelOf([page]);
    expect(fieldOf(model, 'OrdersResponse', 'Results').type).toEqual({ kind: 'list', of: { kind: 'ref', name: 'CustomerOrder', nullable: false } });
    expect(model.types.map((t) => t.name)).not.toContain('LegacyOrder');
    // The table's decimal, not the placeholder's `0`.
    expect(fieldOf(model, 'Order', 'Freight').type).toEqual({ kind: 'primitive', name: 'decimal', nullable: false });
  });
});

/** A text dump of a JSON page's sample section: the request and response bodies as given. */
function jsonPage(file: string, op: string, request: string, response: string): InputFile {
  const headers = 'Host: api.example.org\nAccept: application/json\nContent-Type: application/json\nContent-Length: length\n';
  return {
    file,
    text: `The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.\nPOST /json/reply/${op} HTTP/1.1\n${headers}\n${request}\nHTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: length\n\n${response}\n`,
  };
}

describe('the shapes real pages showed', () => {
  it('`"additionalInfo":[{"propertyName":"String","propertyValue":"String"}]`: a type named after the member (SS094), or the DTO class whose members it shows', () => {
    const body = '{"id":0,"additionalInfo":[{"propertyName":"String","propertyValue":"String"}]}';
    const alone = modelOf([jsonPage('update.txt', 'UpdateCustomer', body, '{"result":"String"}')]);
    expect(members(alone, 'UpdateCustomer')).toEqual(['id?: int', 'additionalInfo?: List<AdditionalInfo>']);
    expect(members(alone, 'AdditionalInfo')).toEqual(['propertyName?: string', 'propertyValue?: string']);
    expect(alone.diagnostics.filter((d) => d.code === 'SS094').map((d) => [d.severity, d.loc?.line])).toEqual([['info', 8]]);
    // Another page's C# DTO declares the type the items are: it names them.
    const dto = languageTabPage(
      'GetInfo.csharp.html',
      'GetInfo',
      'csharp',
      `public class GetInfo : IReturn<GetInfoResponse> { }
public class CustomProperty { public string PropertyName { get; set; } public string PropertyValue { get; set; } }
public class GetInfoResponse { public List<CustomProperty> Properties { get; set; } }`,
    );
    const model = modelOf([jsonPage('update.txt', 'UpdateCustomer', body, '{"result":"String"}'), dto]);
    expect(members(model, 'UpdateCustomer')).toEqual(['id?: int', 'additionalInfo?: List<CustomProperty>']);
    expect(members(model, 'CustomProperty')).toEqual(['PropertyName?: string', 'PropertyValue?: string']);
    expect(model.types.map((t) => t.name)).not.toContain('AdditionalInfo');
  });

  it('a type name the convention gives that another type has: prefixed by its parent', () => {
    const model = modelOf([
      jsonPage('a.txt', 'GetTree', '{"id":0}', '{"results":[{"name":"String","results":[{"name":"String"}]}]}'),
      jsonPage('b.txt', 'GetScores', '{"id":0}', '{"results":[{"score":0,"level":0}]}'),
    ]);
    expect(members(model, 'GetTreeResponse')).toEqual(['results?: List<Result>']);
    expect(members(model, 'GetScoresResponse')).toEqual(['results?: List<GetScoresResponseResult>']);
    expect(members(model, 'GetScoresResponseResult')).toEqual(['score?: int', 'level?: int']);
    expect(codes(model, 'SS094')).toContain(
      "'GetScoresResponse.results': no table or DTO names the type of the sample's value; named 'GetScoresResponseResult' after 'results' by ServiceStack's convention (a collection member's name, singular), 'Result' being another type",
    );
  });

  it('JSV, squashed after the headers: `responseStatus: { errorCode: String, errors: [ { … } ], meta: { String: String } }`', () => {
    const text = `The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.
POST /jsv/reply/CustomHttpError HTTP/1.1
Host: api.example.org
Content-Type: text/jsv
Content-Length: length

{ statusCode: 0, statusDescription: String }
HTTP/1.1 200 OK Content-Type: text/jsv Content-Length: length { custom: String, tags: [ String ], responseStatus: { errorCode: String, message: String, errors: [ { errorCode: String, fieldName: String, message: String, meta: { String: String } } ], meta: { String: String } } }
`;
    const model = modelOf([{ file: 'CustomHttpError.jsv.txt', text }]);
    expect(members(model, 'CustomHttpErrorResponse')).toEqual(['custom?: string', 'tags?: List<string>', 'responseStatus?: ResponseStatus']);
    expect(fieldOf(model, 'ResponseStatus', 'Errors').type).toEqual({ kind: 'list', of: { kind: 'ref', name: 'ResponseError', nullable: false } });
    expect(fieldOf(model, 'ResponseStatus', 'ErrorCode').wireName).toBe('errorCode');
    expect(codes(model, 'SS094')).toEqual([]);
  });

  it("a row of the page holding a primitive or a type parameter under the member's name names no nested type", () => {
    const samples = jsonPage('x.txt', 'GetPage', '{"id":0}', '{"items":[{"name":"String"}],"details":{"size":0}}').text;
    const source = `public class GetPage : IReturn<GetPageResponse> { public string Details { get; set; } }
public class Page<T> { public List<T> Items { get; set; } }
C# GetPage DTOs
`;
    const model = modelOf([{ file: 'GetPage.txt', text: `GetPage\n${source}${samples}` }]);
    expect(members(model, 'GetPageResponse')).toEqual(['items?: List<Item>', 'details?: Details']);
    expect(members(model, 'Item')).toEqual(['name?: string']);
    expect(members(model, 'Details')).toEqual(['size?: int']);
  });

  it('XML items without children: an enum value is a placeholder unless the page names the enum, an empty item is an instance of its type, an empty ArrayOfX a list', () => {
    const text = `The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.
POST /xml/reply/GetWeek HTTP/1.1
Host: api.example.org
Content-Type: application/xml
Content-Length: length

<GetWeek xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Acme">
  <Days xmlns:d2p1="http://schemas.datacontract.org/2004/07/System">
    <d2p1:DayOfWeek>Sunday</d2p1:DayOfWeek>
  </Days>
  <Grid xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">
    <d2p1:ArrayOfstring />
  </Grid>
  <Slots>
    <Slot />
  </Slots>
  <Note i:nil="true" />
</GetWeek>
`;
    const model = modelOf([{ file: 'GetWeek.xml.txt', text }]);
    expect(members(model, 'GetWeek')).toEqual(['Days?: List<string>', 'Grid?: List<List<string>>', 'Slots?: List<Slot>', 'Note?: object']);
    expect(typeOf(model, 'Slot').fields).toEqual([]);
    expect(codes(model, 'SS095')).toEqual([
      "'GetWeek.Note' is typed unknown: its sample shows null and no table or DTO states its type (add the page's tables or DTOs)",
    ]);
  });

  it('a value showing nothing to type (`[]`, `{}`, `null`) where nothing states a type: unknown, and SS095 says so', () => {
    const model = modelOf([jsonPage('x.txt', 'Probe', '{"id":0}', '{"tags":[],"extra":{},"note":null,"more":[null]}')]);
    expect(members(model, 'ProbeResponse')).toEqual(['tags?: List<object>', 'extra?: object', 'note?: object', 'more?: List<object>']);
    expect(model.diagnostics.filter((d) => d.code === 'SS095').map((d) => [d.severity, d.message])).toEqual([
      ['warning', "'ProbeResponse.tags' is typed unknown: its sample shows [] and no table or DTO states its type (add the page's tables or DTOs)"],
      ['warning', "'ProbeResponse.extra' is typed unknown: its sample shows {} and no table or DTO states its type (add the page's tables or DTOs)"],
      ['warning', "'ProbeResponse.note' is typed unknown: its sample shows null and no table or DTO states its type (add the page's tables or DTOs)"],
      ['warning', "'ProbeResponse.more' is typed unknown: its sample shows [null] and no table or DTO states its type (add the page's tables or DTOs)"],
    ]);
  });
});

describe('the package generated from sample-only pages', () => {
  it('compiles under tsc --strict, every API, every form and format', async () => {
    const sources: string[] = [];
    const dirs: string[] = [];
    try {
      for (const a of APIS)
        for (const format of FORMATS) {
          const { files } = await renderAll(a.operations.map((op) => pageFile(a, op, format, 'html', withoutTables)));
          const dir = writeTree(files, 'booster-nested-');
          dirs.push(dir);
          sources.push(...sourcesOf(dir));
        }
      expect(strictDiagnostics(sources)).toEqual([]);
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('accepts each JSON response sample it was read from, nested values included (strict: no member left out)', async () => {
    for (const key of ['check', 'northwind', 'myapp-tests']) {
      const a = api(key);
      const pages = a.operations.map((op) => pageFile(a, op, 'json', 'html', withoutTables));
      const { model, files } = await renderAll(pages);
      const dir = writeTree(files, 'booster-nested-');
      try {
        const generated = await importGenerated(dir);
        for (const op of model.operations) {
          if (op.response.kind !== 'typed') continue;
          const sample = /HTTP\/1\.1 200 OK[\s\S]*?\n\n(\{.*\})\n<\/pre>/.exec(
            pages.find((p) => p.file.includes(`/${op.name}.`))!.text.replace(/&quot;/g, '"'),
          );
          if (!sample) continue;
          const schema = generated[`${op.response.type}Schema`] as { validate(v: unknown, o?: { strict: boolean }): unknown[] };
          expect(schema.validate(JSON.parse(sample[1]!), { strict: true }), `${key} ${op.name}`).toEqual([]);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 120_000);
});
