/**
 * The held-out corpus in `npm test`: a ratchet (each form × scope × API keeps at least the right
 * facts recorded in floor.json) and checks that the renderers write what ServiceStack writes, on
 * details checked by hand against ServiceStack's source and saved copies of its pages.
 */
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../generator/model/api-model.js';
import { modelOf } from '../helpers.js';
import { APIS, findOperation, type ApiSpec } from './apis.js';
import { compareFacts, expectedFacts } from './facts.js';
import { belowFloor, readFloor, writeFloor } from './floor.js';
import { camelCase } from './metadata.js';
import { measureAll, measurementKey } from './measure.js';
import { pageView } from './page.js';
import { renderApi, renderPage, type PageForm } from './render.js';

const api = (key: string): ApiSpec => APIS.find((a) => a.key === key)!;
const page = (key: string, op: string, form: PageForm) => renderPage(api(key), findOperation(api(key), op), form).text;
const captions = (html: string) => [...html.matchAll(/<caption><b>(.*?)<\/b> (Parameters|Enum):<\/caption>/g)].map((m) => `${m[1]} ${m[2]}`);

describe('held-out corpus ratchet', () => {
  const results = measureAll();
  if (process.env.UPDATE_CORPUS_FLOOR) writeFloor(results);
  const floor = readFloor();

  it.each(results.map((r) => [measurementKey(r), r] as const))('%s keeps its right facts', (_, result) => {
    const failure = belowFloor(result, floor);
    expect(failure, failure).toBeUndefined();
  });

  it('records no cell the corpus no longer measures', () => {
    const keys = new Set(results.map(measurementKey));
    expect(Object.keys(floor).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('counts every fact whatever the model holds, so that totals compare across forms', () => {
    const empty: ApiModel = { service: {}, operations: [], types: [], diagnostics: [] };
    for (const a of APIS) {
      const expected = expectedFacts(a);
      expect(compareFacts(empty, expected).total).toBe(compareFacts(modelOf(renderApi(a, 'html-xml')), expected).total);
      expect(compareFacts(empty, expected).right).toBe(0);
    }
  });

  it('fails a cell when a fact that was right goes wrong', () => {
    const hello = api('myapp-hello');
    const op = findOperation(hello, 'Hello');
    const model = modelOf([renderPage(hello, op, 'html-json')]);
    const before = compareFacts(model, expectedFacts(hello, [op]));
    model.types.find((t) => t.name === 'Hello')!.fields[0]!.required = false;
    const after = compareFacts(model, expectedFacts(hello, [op]));
    expect(after.right).toBe(before.right - 1);
    expect(after.wrong).toContain('Hello.Name: required is false, want true');
    const cell = { form: 'html-json', scope: 'each op', api: 'x', score: after } as const;
    expect(belowFloor(cell, { 'html-json|each op|x': { right: before.right, total: before.total } })).toMatch(/1 fewer/);
  });
});

describe('renderers write what ServiceStack writes', () => {
  it('captions and column headers (BaseMetadataHandler.AppendType)', () => {
    const html = page('techstacks', 'QueryPostComments', 'html-json');
    expect(html).toContain("<table class='params'><caption><b>QueryResponse&lt;PostComment&gt;</b> Parameters:</caption>");
    expect(html).toContain('<thead><tr><th>Name</th><th>Parameter</th><th>Data Type</th><th>Required</th><th>Description</th></tr></thead>');
    expect(page('techstacks', 'GetTechnology', 'html-xml')).toContain(
      "<table class='enum'><caption><b>TechnologyTier</b> Enum:</caption><tbody><tr><td>ProgrammingLanguage</td><td>Programming Languages</td></tr>",
    );
  });

  it('an AutoQuery page: request, its bases, the generic argument, then the response; QueryDb<T> has no own member, so no table', () => {
    expect(captions(page('techstacks', 'QueryPostComments', 'html-json'))).toEqual([
      'QueryPostComments Parameters',
      'QueryBase Parameters',
      'PostComment Parameters',
      'QueryResponse&lt;PostComment&gt; Parameters',
    ]);
  });

  it('inheritance shows as one table per class, own members only; a class without own members has none', () => {
    expect(captions(page('myapp-issues', 'GetFooDtos', 'html-xml'))).toEqual([
      'GetFooDtos Parameters',
      'PagedAndOrderedRequest Parameters',
      'PagedRequest Parameters',
      'PagedResult&lt;FooDto&gt; Parameters',
      'FooDto Parameters',
    ]);
    expect(captions(page('techstacks', 'GetConfig', 'html-json'))).toEqual(['GetConfigResponse Parameters', 'Option Parameters', 'TechnologyTier Enum']);
    expect(captions(page('techstacks', 'CreateTechnology', 'html-json'))).toEqual([
      'CreateTechnology Parameters',
      'TechnologyTier Enum',
      'CreateTechnologyResponse Parameters',
      'TechnologyBase Parameters',
    ]);
  });

  it('the Parameter column: path for route variables, body or query for the request own rows, form elsewhere, ApiMember wins', () => {
    const rows = (key: string, op: string) =>
      pageView(api(key), findOperation(api(key), op), 'json').tables.flatMap((t) =>
        t.kind === 'params' ? t.rows.map((r) => `${t.caption}.${r.name}=${r.parameter}`) : [],
      );
    expect(rows('myapp-hello', 'HelloVeryLongOperationNameVersions')).toEqual([
      'HelloVeryLongOperationNameVersions.Name=path',
      'HelloVeryLongOperationNameVersions.Names=body',
      'HelloVeryLongOperationNameVersions.Ids=body',
      'HelloResponse.Result=form',
      'HelloResponse.ResponseStatus=form',
    ]);
    expect(rows('myapp-issues', 'GetFooDtos').slice(0, 3)).toEqual([
      'GetFooDtos.Query=query',
      'PagedAndOrderedRequest.OrderBy=query',
      'PagedRequest.Page=form',
    ]);
    expect(rows('myapp-tests', 'HelloWithEnumMap')[0]).toBe('HelloWithEnumMap.EnumProp=query');
  });

  it('Data Type: aliases at the top, `T?` for nullable value types, CLR names inside nested generic arguments', () => {
    const dump = page('myapp-tests', 'HelloWithEnumMap', 'pipe-leading');
    expect(dump).toContain('| NullableEnumProp | query | Dictionary<Nullable<EnumType>, Nullable<EnumType>> | Yes | |');
    expect(dump).toContain('| EnumProp | query | Dictionary<EnumType, EnumType> | Yes | |');
    expect(page('techstacks', 'GetConfig', 'squashed')).toContain('ValueformTechnologyTier?No');
  });

  it('the three enum shapes of a pipe dump: headerless, Name | Value with EnumMember values, [Flags] with numbers', () => {
    const dump = page('myapp-tests', 'HelloWithEnumMap', 'pipe-leading').split('\n');
    const at = (line: string) => dump.indexOf(line);
    expect(dump.slice(at('| Value1 | |'), at('| Value1 | |') + 3)).toEqual(['| Value1 | |', '| Value2 | |', '| Value3 |']);
    expect(dump.slice(at('| None | None | |') - 2, at('| None | None | |') + 3)).toEqual([
      '| Name | Value | |',
      '|---|---|---|',
      '| None | None | |',
      '| Value1 | Member 1 | |',
      '| Value2 | Value2 | Member 2 |',
    ]);
    expect(dump).toContain('| Value3 | 4 | |');
    expect(dump).toContain('| Value123 | 7 |');
    expect(page('myapp-tests', 'HelloWithEnumMap', 'pipe-no-leading').split('\n')).toContain('Value123 | 7 |');
  });

  it('route rows: All Verbs, a separator after the first row, the last row losing its empty cells', () => {
    const dump = page('northwind', 'GetOrders', 'pipe-leading').split('\n');
    expect(dump.slice(0, 4)).toEqual([
      '| All Verbs | /orders | ||',
      '|---|---|---|---|',
      '| All Verbs | /orders/page/{Page} | ||',
      '| All Verbs | /customers/{CustomerId}/orders | ',
    ]);
    expect(page('myapp-tests', 'ThrowValidation', 'pipe-no-leading').split('\n').slice(0, 2)).toEqual(['All Verbs | /throwvalidation |', '---|']);
    expect(page('myapp-hello', 'Hello', 'squashed')).toContain(
      'The following routes are available for this service:\nAll Verbs/hello\nAll Verbs/hello/{Name}\n',
    );
  });

  it('samples: placeholders, JSON names and dates, XML order and namespaces, one-way pages', () => {
    const json = pageView(api('myapp-tests'), findOperation(api('myapp-tests'), 'HelloWithEnumMap'), 'json');
    expect(json.request).toMatchObject({ line: 'POST /json/oneway/HelloWithEnumMap HTTP/1.1' });
    expect(json.request.body).toBe(
      '{"enumProp":{"Value1":"Value1"},"enumWithValues":{"None":"None"},"nullableEnumProp":{"Value1":"Value1"},"enumFlags":{"0":0},"enumStyle":{"lower":"lower"}}',
    );
    expect(json.response).toBeUndefined();
    const query = pageView(api('techstacks'), findOperation(api('techstacks'), 'QueryPostComments'), 'xml');
    expect(query.request).toEqual({ line: 'GET /posts/comment HTTP/1.1', headers: ['Host: techstacks.io', 'Accept: application/xml'] });
    expect(query.response).toMatch(
      /^<QueryResponseOfPostComment\w{8} xmlns:i="http:\/\/www.w3.org\/2001\/XMLSchema-instance" xmlns="http:\/\/schemas.servicestack.net\/types">\n {2}<Offset>0<\/Offset>/,
    );
    expect(query.response).toContain(
      '  <Results xmlns:d2p1="http://schemas.datacontract.org/2004/07/TechStacks.ServiceModel.Types">\n    <d2p1:PostComment>\n      <d2p1:Content>String</d2p1:Content>',
    );
    const customers = pageView(api('northwind'), findOperation(api('northwind'), 'QueryCustomers'), 'xml').request.body!;
    expect(customers).toContain(
      '  <Skip xmlns="http://schemas.servicestack.net/types">0</Skip>\n  <Take xmlns="http://schemas.servicestack.net/types">0</Take>',
    );
    const hello = pageView(api('myapp-hello'), findOperation(api('myapp-hello'), 'Hello'), 'json');
    expect(hello.request.line).toBe('POST /hello HTTP/1.1');
    expect(hello.response).toMatch(
      /^\{"result":"String","responseStatus":\{"errorCode":"String","message":"String","stackTrace":"String","errors":\[\{"errorCode":"String","fieldName":"String","message":"String","meta":\{"String":"String"\}\}\],"meta":\{"String":"String"\}\}\}$/,
    );
    expect(pageView(api('techstacks'), findOperation(api('techstacks'), 'GetTechnology'), 'json').response).toContain(
      '"created":"0001-01-01T00:00:00.0000000"',
    );
    expect(pageView(api('northwind'), findOperation(api('northwind'), 'GetOrders'), 'json').response).toContain(
      '"orderDate":"\\/Date(-62135596800000-0000)\\/"',
    );
  });

  it('the squashed dump keeps captions, runs cells together and keeps the samples as in <pre>', () => {
    const text = page('myapp-hello', 'HelloSecure', 'squashed');
    expect(
      text.startsWith(
        'My App\n\n<back to all web services\n\nHelloSecure\n\nRequires Authentication\nThe following routes are available for this service:\nPUT/hellosecure/{Name}\nHelloSecure Parameters:\nNameParameterData TypeRequiredDescription\nNamepathstringYes\n',
      ),
    ).toBe(true);
    expect(text).toContain(
      '\n\nHTTP + XML\n\nThe following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.\n\nPUT /hellosecure/{Name} HTTP/1.1 \nHost: localhost:5001 \n',
    );
  });

  it('a language tab: its source in <pre><code class="language-…">, its link, its nav link active, no tables (BaseMetadataHandler)', () => {
    const html = page('techstacks', 'GetConfig', 'tab-kotlin-html');
    expect(html).toContain('<a  class="active" href="?op=GetConfig&lang=kotlin">Kotlin</a>');
    expect(html).toContain('<pre style="padding-left:1rem;"><code class="language-kotlin" lang="kotlin">import java.math.*');
    expect(html).toContain('<p><a href="https://techstacks.io/types/kotlin?IncludeTypes=GetConfig.*">Kotlin GetConfig DTOs</a></p>');
    expect(captions(html)).toEqual([]);
    const text = page('techstacks', 'GetConfig', 'tab-kotlin-text').split('\n');
    expect(text.slice(text.indexOf('Metadata'), text.indexOf('Metadata') + 3)).toEqual(['Metadata', 'C#', 'JavaScript']);
    expect(text).toContain('Kotlin GetConfig DTOs');
  });

  it("each generator's own forms: Kotlin's DataMember name, Swift's Codable subclass, Dart's required collection, VB's namespaces, F#'s 'T, JavaScript's erased generics", () => {
    const kotlin = page('techstacks', 'GetConfig', 'tab-kotlin-text');
    expect(kotlin).toContain('    @DataMember(Name="name")\n    @SerializedName("name")\n    open var name:String? = null');
    expect(kotlin).toContain('enum class TechnologyTier\n{\n    ProgrammingLanguage,');
    const swift = page('myapp-issues', 'GetFooDtos', 'tab-swift-text');
    expect(swift).toContain('public class GetFooDtos : PagedAndOrderedRequest\n{\n    public var query:String\n\n    required public init(){ super.init() }');
    expect(swift).toContain('public class PagedResult<T : Codable> : Codable');
    expect(page('northwind', 'GetCustomerDetails', 'tab-dart-text')).toContain('    List<CustomerOrder> orders = [];');
    const vb = page('techstacks', 'GetTechnology', 'tab-vbnet-text');
    expect(vb.indexOf('    Namespace TechStacks.ServiceModel.Types')).toBeGreaterThan(vb.indexOf('    Namespace TechStacks.ServiceModel\n'));
    expect(page('myapp-issues', 'GetFooDtos', 'tab-fsharp-text')).toContain("        member val Results:ResizeArray<'T> = null with get,set");
    const mjs = page('techstacks', 'QueryPostComments', 'tab-mjs-text');
    expect(mjs).toContain('export class QueryPostComments extends QueryDb {');
    expect(page('myapp-issues', 'GetFooDtos', 'tab-mjs-text')).toContain('/** @typedef T {any} */\nexport class PagedResult {');
  });

  it("ServiceStack's camelCase", () => {
    expect(['Id', 'ID', 'ULong', 'ContactBySMSFlag', 'SMSFlag', 'PostId'].map(camelCase)).toEqual([
      'id',
      'id',
      'uLong',
      'contactBySMSFlag',
      'smsFlag',
      'postId',
    ]);
  });
});
