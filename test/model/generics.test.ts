/**
 * Generic types as generics: a generic type is one TypeDef with `typeParameters` whose members
 * use `{ kind: 'parameter' }`; a use is a ref with `args`. AutoQuery's page set (fixtures/autoquery:
 * the metadata page's tables in ServiceStack's order, and the C# tab), a user's own generic, a
 * generic with two parameters, and a nested argument.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import type { ApiModel, TypeRef } from '../../generator/model/api-model.js';
import type { InputFile } from '../../generator/read/input.js';
import { fieldOf, modelOf, opOf, typeOf } from '../helpers.js';
import { languageTabPage } from '../read/html-fixtures.js';
import { AUTOQUERY_PAGES } from './autoquery-pages.js';

const ref = (name: string, args?: TypeRef[]): TypeRef => ({ kind: 'ref', name, nullable: false, ...(args ? { args } : {}) });
const T: TypeRef = { kind: 'parameter', name: 'T' };
const codes = (m: ApiModel, code: string) => m.diagnostics.filter((d) => d.code === code);

/** An operation page of tables only, each `[caption, rows]` with rows `Name type`. */
function tablesPage(file: string, op: string, tables: [string, string[]][]): InputFile {
  const esc = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const table = ([caption, rows]: [string, string[]]) =>
    `<table class='params'><caption><b>${esc(caption)}</b> Parameters:</caption><thead><tr><th>Name</th><th>Parameter</th><th>Data Type</th><th>Required</th><th>Description</th></tr></thead><tbody>\n` +
    rows
      .map((r) => {
        const [name, type] = r.split(' ');
        return `<tr><td>${name}</td><td>form</td><td>${esc(type!)}</td><td>No</td><td></td></tr>\n`;
      })
      .join('') +
    '</tbody></table>\n';
  return { file, text: `<!DOCTYPE html>\n<html><body>\n<h1>Svc</h1>\n<h2>${op}</h2>\n${tables.map(table).join('')}</body></html>\n` };
}

describe('AutoQuery: QueryPostComments : QueryDb<PostComment>, IReturn<QueryResponse<PostComment>>', () => {
  it.each([
    ['the metadata page and the C# tab', AUTOQUERY_PAGES],
    ['the C# tab alone', AUTOQUERY_PAGES.slice(1)],
  ])('from %s', (_, pages) => {
    const model = modelOf(pages);
    expect(typeOf(model, 'QueryPostComments')).toMatchObject({ base: 'QueryDb', baseArgs: [ref('PostComment')] });
    expect(typeOf(model, 'QueryDb')).toMatchObject({ base: 'QueryBase', typeParameters: ['T'], fields: [] });
    expect(opOf(model, 'QueryPostComments').response).toEqual({ kind: 'typed', type: 'QueryResponse', args: [ref('PostComment')] });
    expect(typeOf(model, 'QueryResponse').typeParameters).toEqual(['T']);
    expect(fieldOf(model, 'QueryResponse', 'Results').type).toEqual({ kind: 'list', of: T });
    expect(fieldOf(model, 'QueryResponse', 'ResponseStatus').type).toEqual(ref('ResponseStatus'));
    expect(typeOf(model, 'QueryBase').fields.map((f) => f.name)).toEqual(['Skip', 'Take', 'OrderBy', 'OrderByDesc', 'Include', 'Fields', 'Meta']);
    // ServiceStack's own declaration names the parameter: nothing inferred, nothing dropped, no type `T`.
    expect([...codes(model, 'SS084'), ...codes(model, 'SS065'), ...codes(model, 'SS072')]).toEqual([]);
    expect(model.types.map((t) => t.name)).not.toContain('T');
    expect(model.types.map((t) => t.name)).not.toContain('QueryResponse<PostComment>');
  });

  it('a configured rename reaches the type arguments', () => {
    const model = modelOf(AUTOQUERY_PAGES, parseConfig({ rename: { types: { PostComment: 'Comment' } } }, 'codegen.config.json'));
    expect(typeOf(model, 'QueryPostComments').baseArgs).toEqual([ref('Comment')]);
    expect(opOf(model, 'QueryPostComments').response).toEqual({ kind: 'typed', type: 'QueryResponse', args: [ref('Comment')] });
  });

  it('the table captioned QueryResponse<PostComment> is evidence of QueryResponse: its rows are its members, PostComment in place of T', () => {
    const model = modelOf(AUTOQUERY_PAGES);
    const results = fieldOf(model, 'QueryResponse', 'Results');
    expect(results.sources.map((l) => l.file)).toEqual(['QueryPostComments.json.html']);
    expect(typeOf(model, 'QueryResponse').sources.map((l) => l.file)).toEqual(['QueryPostComments.json.html']);
  });
});

describe('user generics', () => {
  const paged = languageTabPage(
    'posts.csharp.html',
    'GetPosts',
    'csharp',
    [
      'public class GetPosts : IReturn<Paged<PostComment>> { public int Page { get; set; } }',
      'public class Paged<T> { public List<T> Items { get; set; } public int Total { get; set; } public Paged<T> Next { get; set; } }',
      'public class PostComment { public int Id { get; set; } public DateTime At { get; set; } }',
    ].join('\n'),
  );

  it('Paged<T> with Items: List<T>, used as Paged<PostComment>', () => {
    const model = modelOf([paged]);
    expect(typeOf(model, 'Paged').typeParameters).toEqual(['T']);
    expect(fieldOf(model, 'Paged', 'Items').type).toEqual({ kind: 'list', of: T });
    expect(fieldOf(model, 'Paged', 'Next').type).toEqual(ref('Paged', [T]));
    expect(opOf(model, 'GetPosts').response).toEqual({ kind: 'typed', type: 'Paged', args: [ref('PostComment')] });
  });

  it('known only from a table captioned as its use: the definition is inferred, its argument taken as the parameter, and said (SS084)', () => {
    const page = tablesPage('posts.html', 'GetPosts', [
      ['GetPosts', ['Page int']],
      ['PostComment', ['Id int', 'Text string']],
      ['Paged<PostComment>', ['Items List<PostComment>', 'Total int', 'First PostComment', 'Pages Dictionary<string,List<PostComment>>']],
    ]);
    const model = modelOf([page]);
    expect(typeOf(model, 'Paged').typeParameters).toEqual(['T']);
    expect(typeOf(model, 'Paged').fields.map((f) => [f.name, f.type])).toEqual([
      ['Items', { kind: 'list', of: T }],
      ['Total', { kind: 'primitive', name: 'int', nullable: false }],
      ['First', T],
      ['Pages', { kind: 'dictionary', key: { kind: 'primitive', name: 'string', nullable: false }, value: { kind: 'list', of: T } }],
    ]);
    expect(codes(model, 'SS084').map((d) => [d.severity, d.loc?.line, d.message])).toEqual([
      [
        'info',
        page.text.split('\n').findIndex((l) => l.includes('Paged&lt;PostComment&gt;')) + 1,
        "no source declares 'Paged'; read as 'Paged<T>' from the table of 'Paged<PostComment>' (its arguments' places in the members are the parameters)",
      ],
    ]);
  });

  it('a table captioned with the parameters (Paged<T>) is the definition itself', () => {
    const page = tablesPage('posts.html', 'GetPosts', [['Paged<T>', ['Items List<T>', 'Total int']]]);
    const model = modelOf([page]);
    expect(typeOf(model, 'Paged').typeParameters).toEqual(['T']);
    expect(fieldOf(model, 'Paged', 'Items').type).toEqual({ kind: 'list', of: T });
    expect(model.types.map((t) => t.name)).not.toContain('T');
    expect(codes(model, 'SS084')).toEqual([]);
  });

  it('a known definition decides which occurrences are the parameter: a member of the argument type that is no T stays', () => {
    const cs = languageTabPage(
      'w.csharp.html',
      'GetWrapped',
      'csharp',
      [
        'public class GetWrapped : IReturn<Wrapper<Item>> { }',
        'public class Wrapper<T> { public T Value { get; set; } public Item Default { get; set; } }',
        'public class Item { public int Id { get; set; } }',
      ].join('\n'),
    );
    const page = tablesPage('w.html', 'GetWrapped', [
      ['Wrapper<Item>', ['Value Item', 'Default Item']],
      ['Item', ['Id int']],
    ]);
    const model = modelOf([page, cs]);
    expect(fieldOf(model, 'Wrapper', 'Value').type).toEqual(T);
    expect(fieldOf(model, 'Wrapper', 'Default').type).toEqual(ref('Item'));
    expect(codes(model, 'SS072')).toEqual([]);
  });
});

describe('ServiceStack generics by arity', () => {
  it('QueryDb<From, Into> is the two-parameter QueryDb, returning QueryResponse<Into>', () => {
    const page = languageTabPage(
      'q.csharp.html',
      'QueryComments',
      'csharp',
      [
        'public class QueryComments : QueryDb<PostComment, CommentView>, IReturn<QueryResponse<CommentView>> { }',
        'public class PostComment { public int Id { get; set; } }',
        'public class CommentView { public string Text { get; set; } }',
      ].join('\n'),
    );
    const model = modelOf([page]);
    expect(typeOf(model, 'QueryDb')).toMatchObject({ base: 'QueryBase', typeParameters: ['From', 'Into'] });
    expect(typeOf(model, 'QueryComments').baseArgs).toEqual([ref('PostComment'), ref('CommentView')]);
    expect(opOf(model, 'QueryComments').response).toEqual({ kind: 'typed', type: 'QueryResponse', args: [ref('CommentView')] });
    expect(codes(model, 'SS065')).toEqual([]);
  });
});

describe('a nested generic argument', () => {
  it('Paged<Dictionary<string, List<PostComment>>> keeps the whole argument', () => {
    const page = languageTabPage(
      'g.csharp.html',
      'GetGrouped',
      'csharp',
      [
        'public class GetGrouped : IReturn<Paged<Dictionary<string, List<PostComment>>>> { }',
        'public class Paged<T> { public List<T> Items { get; set; } }',
        'public class PostComment { public int Id { get; set; } }',
      ].join('\n'),
    );
    const model = modelOf([page]);
    const grouped = { kind: 'dictionary', key: { kind: 'primitive', name: 'string', nullable: false }, value: { kind: 'list', of: ref('PostComment') } };
    expect(opOf(model, 'GetGrouped').response).toEqual({ kind: 'typed', type: 'Paged', args: [grouped] });
    expect([...model.names!.instances.keys()]).toEqual(['Paged<Dictionary<string,List<PostComment>>>']);
    expect(model.names!.instances.get('Paged<Dictionary<string,List<PostComment>>>')!.schema).toBe('Paged_Dictionary_string_List_PostCommentSchema');
  });
});

describe('AutoQuery shown by tables and an XML sample alone (a pipe dump)', () => {
  const pipe = (rows: string[]) => ['| Name | Parameter | Data Type | Required | Description |', '|---|---|---|---|---|', ...rows];
  const page: InputFile = {
    file: 'QueryCustomers.txt',
    text: [
      '| All Verbs | /query/customers | ',
      '|---|',
      ...pipe(['| CountryStartsWith | query | string | No |']),
      ...pipe([
        '| Skip | form | int? | No | |',
        '| Take | form | int? | No | |',
        '| OrderBy | form | string | No | |',
        '| OrderByDesc | form | string | No | |',
        '| Include | form | string | No | |',
        '| Fields | form | string | No | |',
        '| Meta | form | Dictionary<string, string> | No |',
      ]),
      ...pipe(['| Id | form | string | No | |', '| CompanyName | form | string | No |']),
      'To override the Content-type in your clients, use the HTTP Accept Header, append the .xml suffix or ?format=xml',
      'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.',
      'POST /xml/reply/QueryCustomers HTTP/1.1',
      'Host: localhost',
      'Content-Type: application/xml',
      '<QueryCustomers xmlns="http://schemas.datacontract.org/2004/07/Northwind"><Skip>0</Skip><Take>0</Take><OrderBy>String</OrderBy><OrderByDesc>String</OrderByDesc><Include>String</Include><Fields>String</Fields><Meta /><CountryStartsWith>String</CountryStartsWith></QueryCustomers>',
      'HTTP/1.1 200 OK Content-Type: application/xml Content-Length: length <QueryResponseOfCustomerhtFHNyBe xmlns="http://schemas.servicestack.net/types"><Offset>0</Offset><Total>0</Total><Results><Customer><Id>String</Id><CompanyName>String</CompanyName></Customer></Results></QueryResponseOfCustomerhtFHNyBe>',
    ].join('\n'),
  };
  const model = modelOf([page]);

  it('reads the DataContract name QueryResponseOfCustomer… as QueryResponse<Customer>', () => {
    expect(opOf(model, 'QueryCustomers').response).toEqual({
      kind: 'typed',
      type: 'QueryResponse',
      args: [{ kind: 'ref', name: 'Customer', nullable: false }],
    });
    expect(model.types.map((t) => t.name)).not.toContain('QueryResponseOfCustomerhtFHNyBe');
  });

  it('takes QueryBase under the request as QueryDb<Customer>, with a note', () => {
    const request = typeOf(model, 'QueryCustomers');
    expect([request.base, request.baseArgs]).toEqual(['QueryDb', [{ kind: 'ref', name: 'Customer', nullable: false }]]);
    expect(typeOf(model, 'QueryDb')).toMatchObject({ base: 'QueryBase', typeParameters: ['T'] });
    expect(model.diagnostics.filter((d) => d.code === 'SS093').map((d) => d.message)).toEqual([
      "'QueryCustomers' extends QueryBase and returns QueryResponse<Customer>: read as AutoQuery's QueryDb<Customer> (no source names its base; QueryData<Customer> would show the same tables)",
    ]);
  });
});

describe('AutoQuery on a GET page of a pipe dump: no request sample, the item table before the response', () => {
  const pipe = (rows: string[]) => ['| Name | Parameter | Data Type | Required | Description |', '|---|---|---|---|---|', ...rows];
  const queryBase = [
    'Skip | form | int?',
    'Take | form | int?',
    'OrderBy | form | string',
    'OrderByDesc | form | string',
    'Include | form | string',
    'Fields | form | string',
  ];
  const model = modelOf([
    {
      file: 'QueryPostComments.txt',
      text: [
        '| GET | /posts/comment | ',
        '|---|',
        ...pipe(['| PostId | query | long? | No | |', '| ContentContains | query | string | No |']),
        ...pipe([...queryBase.map((r) => `| ${r} | No | |`), '| Meta | form | Dictionary<string, string> | No |']),
        ...pipe(['| Id | form | long | No | |', '| PostId | form | long | No | |', '| Content | form | string | No |']),
        ...pipe([
          '| Offset | form | int | No | |',
          '| Total | form | int | No | |',
          '| Results | form | List<PostComment> | No | |',
          '| Meta | form | Dictionary<string, string> | No | |',
          '| ResponseStatus | form | ResponseStatus | No |',
        ]),
        'To override the Content-type in your clients, use the HTTP Accept Header, append the .xml suffix or ?format=xml',
        'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.',
        'GET /posts/comment HTTP/1.1',
        'Host: localhost',
        'Accept: application/xml',
        'HTTP/1.1 200 OK Content-Type: application/xml Content-Length: length <QueryResponseOfPostCommenttlJ4_P31p xmlns="http://schemas.servicestack.net/types"><Offset>0</Offset><Total>0</Total><Results><PostComment><Id>0</Id><PostId>0</PostId><Content>String</Content></PostComment></Results></QueryResponseOfPostCommenttlJ4_P31p>',
      ].join('\n'),
    },
  ]);
  const op = model.operations[0]!;

  it('takes the table of exactly QueryBase as the base though no sample shows the request', () => {
    expect([typeOf(model, op.request).base, typeOf(model, op.request).baseArgs]).toEqual(['QueryDb', [{ kind: 'ref', name: 'PostComment', nullable: false }]]);
  });

  it("names the item's table by the members the response sample shows for it", () => {
    expect(typeOf(model, 'PostComment').fields.map((f) => f.name)).toEqual(['Id', 'PostId', 'Content']);
    expect(model.diagnostics.filter((d) => d.code === 'SS061' || d.code === 'SS071')).toEqual([]);
  });
});
