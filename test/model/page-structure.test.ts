/**
 * Page structure from evidence: which table is the request, its bases, the types it uses, the
 * response. Given a page, want its types, bases and the operation's response.
 */
import { describe, expect, it } from 'vitest';
import { modelOf, opOf, typeOf } from '../helpers.js';

/** A ServiceStack HTML operation page: captioned parameter tables (name, Data Type, Required), no samples unless given. */
function htmlPage(op: string, tables: [caption: string, rows: [string, string, string?][]][], sample = ''): { file: string; text: string } {
  const table = ([caption, rows]: (typeof tables)[number]) =>
    `<table class='params'><caption><b>${caption.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</b> Parameters:</caption>` +
    '<thead><tr><th>Name</th><th>Parameter</th><th>Data Type</th><th>Required</th><th>Description</th></tr></thead><tbody>' +
    rows
      .map(([n, t, r]) => `<tr><td>${n}</td><td>form</td><td>${t.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</td><td>${r ?? 'No'}</td><td></td></tr>`)
      .join('') +
    '</tbody></table>';
  return {
    file: `${op}.json.html`,
    text: `<!DOCTYPE html>\n<html><body><h1>Svc</h1><div class="operation"><h2>${op}</h2>\n<table class='routes'><caption>The following routes are available for this service:</caption><tbody><tr><th>GET</th><th>/${op.toLowerCase()}</th><td></td><td></td></tr></tbody></table>\n${tables.map(table).join('\n')}\n${sample}</div></body></html>\n`,
  };
}

describe('a response table is never a base of the request', () => {
  it('without samples: the table captioned {Op}Response is the response', () => {
    const model = modelOf([
      htmlPage('GetTechnology', [
        ['GetTechnology', [['Slug', 'string', 'Yes']]],
        [
          'GetTechnologyResponse',
          [
            ['Created', 'DateTime'],
            ['Technology', 'Technology'],
          ],
        ],
        [
          'Technology',
          [
            ['Id', 'long'],
            ['Name', 'string'],
          ],
        ],
      ]),
    ]);
    expect(typeOf(model, 'GetTechnology').base).toBeUndefined();
    expect(typeOf(model, 'GetTechnology').fields.map((f) => f.name)).toEqual(['Slug']);
    expect(opOf(model, 'GetTechnology').response).toEqual({ kind: 'typed', type: 'GetTechnologyResponse' });
    expect(opOf(model, 'GetTechnology').parameters.map((p) => p.name)).toEqual(['slug']);
    expect(typeOf(model, 'Technology').fields.map((f) => f.name)).toEqual(['Id', 'Name']);
  });
});

describe('bases of the types a request or response uses', () => {
  const response: [string, [string, string, string?][]] = [
    'GetTechnologyResponse',
    [
      ['Technology', 'Technology'],
      ['Stacks', 'List<TechnologyStack>'],
    ],
  ];
  const stack: [string, [string, string, string?][]] = [
    'TechnologyStack',
    [
      ['Id', 'long'],
      ['Name', 'string'],
    ],
  ];

  it("a titled table right after a used type's own, that nothing uses, is its base (Technology : TechnologyBase)", () => {
    const model = modelOf([
      htmlPage('GetTechnology', [
        ['GetTechnology', [['Slug', 'string', 'Yes']]],
        response,
        ['Technology', [['LogoUrl', 'string']]],
        [
          'TechnologyBase',
          [
            ['Id', 'long'],
            ['Name', 'string'],
          ],
        ],
        stack,
      ]),
    ]);
    expect(typeOf(model, 'Technology').base).toBe('TechnologyBase');
    expect(typeOf(model, 'TechnologyBase').base).toBeUndefined();
    expect(typeOf(model, 'TechnologyStack').fields.map((f) => f.name)).toEqual(['Id', 'Name']);
  });

  it('a titled table of a type something else uses is never a base', () => {
    const model = modelOf([
      htmlPage('GetTechnology', [['GetTechnology', [['Slug', 'string', 'Yes']]], response, ['Technology', [['LogoUrl', 'string']]], stack]),
    ]);
    expect(typeOf(model, 'Technology').base).toBeUndefined();
    expect(typeOf(model, 'TechnologyStack').base).toBeUndefined();
  });
});

describe('untitled enum tables of a pipe dump are named by first use in the Data Type column', () => {
  const page = [
    '| GET | /styles | Get styles | |',
    '|---|',
    '| Name | Parameter | Data Type | Required | Description |',
    '|---|---|---|---|---|',
    '| Style | query | Nullable<EnumStyle> | No | The style |',
    '| Types | query | Dictionary<EnumType, EnumType> | No | The types |',
    '| Value1 | |',
    '|---|',
    '| Value2 | |',
    '| Value3 |',
    '| Name | Value | |',
    '|---|---|---|',
    '| Lower | lower | |',
    '| Upper | UPPER | Upper case |',
    '',
  ].join('\n');

  it('the first untitled enum table is the first enum used, the second the second', () => {
    const model = modelOf([{ file: 'styles.txt', text: page }]);
    const members = (name: string) => typeOf(model, name).enumMembers.map((m) => (m.wire !== m.name ? `${m.name}=${m.wire}` : m.name));
    expect(typeOf(model, 'EnumStyle').kind).toBe('enum');
    expect(members('EnumStyle')).toEqual(['Value1', 'Value2', 'Value3']);
    expect(members('EnumType')).toEqual(['Lower=lower', 'Upper=UPPER']);
    expect(model.diagnostics.filter((d) => ['SS012', 'SS062', 'SS070'].includes(d.code))).toEqual([]);
  });

  it("a JSON sample's dictionary of enums is no instance of the enum: the tables stay the enums'", () => {
    const sample = [
      'To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json',
      'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.',
      'GET /styles HTTP/1.1',
      'Host: localhost',
      'HTTP/1.1 200 OK Content-Type: application/json Content-Length: length {"style":"Value1","types":{"Lower":"Lower"}}',
    ];
    const model = modelOf([{ file: 'styles.txt', text: [page.trimEnd(), ...sample].join('\n') }]);
    expect(typeOf(model, 'EnumStyle').kind).toBe('enum');
    expect(typeOf(model, 'EnumType').kind).toBe('enum');
    expect(typeOf(model, 'EnumType').enumMembers.map((m) => m.name)).toEqual(['Lower', 'Upper']);
  });
});

describe('a pipe dump without captions or samples', () => {
  const page = [
    '| GET | /items | Find items | |',
    '|---|',
    '| Name | Parameter | Data Type | Required | Description |',
    '|---|---|---|---|---|',
    '| Query | query | string | No | Search text |',
    '| Name | Parameter | Data Type | Required | Description |',
    '|---|---|---|---|---|',
    '| Results | form | List<Item> | Yes | The items |',
    '| Total | form | int | Yes | |',
    '| Name | Parameter | Data Type | Required | Description |',
    '|---|---|---|---|---|',
    '| Id | form | long | Yes | |',
    '| Label | form | string | No | |',
    '',
  ].join('\n');

  it('the table after the request group is the response, and what it uses follows it', () => {
    const model = modelOf([{ file: 'items.txt', text: page }]);
    expect(opOf(model, 'FindItems').response).toEqual({ kind: 'typed', type: 'FindItemsResponse' });
    expect(typeOf(model, 'FindItems').fields.map((f) => f.name)).toEqual(['Query']);
    expect(typeOf(model, 'FindItems').base).toBeUndefined();
    expect(typeOf(model, 'FindItemsResponse').fields.map((f) => f.name)).toEqual(['Results', 'Total']);
    expect(typeOf(model, 'Item').fields.map((f) => f.name)).toEqual(['Id', 'Label']);
    expect(model.diagnostics.filter((d) => ['SS061', 'SS070'].includes(d.code))).toEqual([]);
  });
});

/** The sample section of an HTML JSON page: a POST request with `request`'s JSON, the response's JSON. */
function jsonSamples(op: string, request: object, response: object): string {
  const enc = (v: object) => JSON.stringify(v).replace(/"/g, '&quot;');
  return (
    `<div class="example"><div class="request"><pre>\nPOST /json/reply/${op} HTTP/1.1 \nHost: example.test \nContent-Type: application/json\nContent-Length: length\n\n${enc(request)}\n</pre></div>\n` +
    `<div class="response"><pre>\nHTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: length\n\n${enc(response)}\n</pre></div></div>`
  );
}

describe('the response the sample shows', () => {
  it('is the titled table its keys explain, though it is not named {Op}Response (Greet returns HelloResponse)', () => {
    const page = htmlPage(
      'Greet',
      [
        ['Greet', [['Name', 'string', 'Yes']]],
        ['HelloResponse', [['Result', 'string', 'Yes']]],
      ],
      jsonSamples('Greet', { name: 'String' }, { result: 'String' }),
    );
    const model = modelOf([page]);
    expect(opOf(model, 'Greet').response).toEqual({ kind: 'typed', type: 'HelloResponse' });
    expect(typeOf(model, 'Greet').base).toBeUndefined();
    expect(model.types.map((t) => t.name)).not.toContain('GreetResponse');
  });
});

describe("ServiceStack's own types end a base chain where their declaration does", () => {
  it('QueryBase has no base, so the next titled table (what QueryDb<Post> uses) is not one', () => {
    const page = htmlPage(
      'QueryPosts',
      // The request's sample shows an `id` no table of its chain has, which Post has too.
      [
        ['QueryPosts', [['Title', 'string']]],
        [
          'QueryBase',
          [
            ['Skip', 'int?'],
            ['Take', 'int?'],
            ['OrderBy', 'string'],
          ],
        ],
        [
          'Post',
          [
            ['Id', 'long'],
            ['Title', 'string'],
            ['Body', 'string'],
          ],
        ],
      ],
      jsonSamples(
        'QueryPosts',
        { id: 0, title: 'String', skip: 0, take: 0, orderBy: 'String' },
        { offset: 0, total: 0, results: [{ id: 0, title: 'String', body: 'String' }] },
      ),
    );
    const model = modelOf([page]);
    expect(typeOf(model, 'QueryPosts').base).toBe('QueryBase');
    expect(typeOf(model, 'QueryBase').base).toBeUndefined();
    expect(typeOf(model, 'Post').base).toBeUndefined();
  });
});

describe('a generic response the sample shows', () => {
  it('keeps the type arguments of the titled table its keys explain (QueryResponse<Post>)', () => {
    const page = htmlPage(
      'QueryPosts',
      [
        ['QueryPosts', [['Title', 'string']]],
        [
          'Post',
          [
            ['Id', 'long'],
            ['Title', 'string'],
          ],
        ],
        [
          'QueryResponse<Post>',
          [
            ['Offset', 'int'],
            ['Total', 'int'],
            ['Results', 'List<Post>'],
          ],
        ],
      ],
      jsonSamples('QueryPosts', { title: 'String' }, { offset: 0, total: 0, results: [{ id: 0, title: 'String' }] }),
    );
    const model = modelOf([page]);
    expect(opOf(model, 'QueryPosts').response).toEqual({ kind: 'typed', type: 'QueryResponse', args: [{ kind: 'ref', name: 'Post', nullable: false }] });
  });
});

describe('a request without members has no table', () => {
  it("a GET page's first untitled table is the response's when the response sample shows its members (pipe dumps of TechStacks' GetConfig, Check's GetExample)", async () => {
    const { APIS, findOperation } = await import('../corpus/apis.js');
    const { renderPage } = await import('../corpus/render.js');
    for (const [key, op, response, members] of [
      ['techstacks', 'GetConfig', 'GetConfigResponse', ['AllTiers', 'AllPostTypes', 'AllFlagTypes']],
      ['check', 'GetExample', 'GetExampleResponse', ['ResponseStatus', 'MenuExample1']],
    ] as const) {
      const api = APIS.find((a) => a.key === key)!;
      const model = modelOf([renderPage(api, findOperation(api, op), 'pipe-leading')]);
      expect(typeOf(model, op).fields, op).toEqual([]);
      expect(opOf(model, op).response, op).toEqual({ kind: 'typed', type: response });
      expect(
        typeOf(model, response).fields.map((f) => f.name),
        op,
      ).toEqual(members);
    }
  });
});
