/**
 * Route variables and required-ness (ServiceStack's routes: a request DTO may have several, and
 * a variable chooses the route). Given the routes a C# DTO declares, want each member's
 * required-ness and the note that explains it.
 */
import { describe, expect, it } from 'vitest';
import { fieldOf, modelOf } from '../helpers.js';
import { languageTabPage } from '../read/html-fixtures.js';

function helloWith(routes: string[], nameRequired = false) {
  const source = [
    'namespace Demo',
    '{',
    ...routes.map((r) => `    [Route("${r}")]`),
    '    public class Hello : IReturn<HelloResponse>',
    '    {',
    ...(nameRequired ? ['        [ApiMember(IsRequired=true)]'] : []),
    '        public string Name { get; set; }',
    '        public string Title { get; set; }',
    '    }',
    '    public class HelloResponse',
    '    {',
    '        public string Result { get; set; }',
    '    }',
    '}',
  ].join('\n');
  return modelOf([languageTabPage('Hello.csharp.html', 'Hello', 'csharp', source)]);
}

const notes = (m: ReturnType<typeof modelOf>) => m.diagnostics.filter((d) => ['SS055', 'SS056', 'SS069'].includes(d.code)).map((d) => `${d.code} ${d.message}`);

describe('route variables', () => {
  it.each([
    {
      name: 'in every route: required, whatever the docs say',
      routes: ['/hello/{Name}', '/hi/{Name}'],
      want: { Name: true, Title: false },
      notes: ["SS056 'Hello.Name' is a route variable of 'Hello' (/hello/{Name}), so it is required although the docs mark it optional"],
    },
    {
      name: 'in only some routes: stays optional',
      routes: ['/hello', '/hello/{Name}'],
      want: { Name: false, Title: false },
      notes: ["SS069 'Hello.Name' is a route variable of 'Hello' in /hello/{Name} only, not in every route; it stays optional"],
    },
    {
      name: 'in only some routes, but required by the docs: required',
      routes: ['/hello', '/hello/{Name}'],
      required: true,
      want: { Name: true, Title: false },
      notes: [],
    },
    {
      name: 'matching no member: reported',
      routes: ['/hello/{Nickname}'],
      want: { Name: false, Title: false },
      notes: ["SS055 route variable {Nickname} of 'Hello' matches no member of 'Hello'"],
    },
  ])('$name', ({ routes, required, want, notes: wantNotes }) => {
    const model = helloWith(routes, required);
    expect({ Name: fieldOf(model, 'Hello', 'Name').required, Title: fieldOf(model, 'Hello', 'Title').required }).toEqual(want);
    expect(notes(model)).toEqual(wantNotes);
  });

  it('a variable in only some routes travels in the path of the route that has it, and is no path parameter of the first', () => {
    const model = helloWith(['/hello', '/hello/{Name}']);
    const op = model.operations.find((o) => o.name === 'Hello')!;
    expect(op.routes.map((r) => r.pathVariables)).toEqual([[], ['Name']]);
    expect(op.parameters.find((p) => p.name === 'name')).toMatchObject({ required: false });
  });
});

describe('"All Verbs" routes', () => {
  const page = (requestLine: string) =>
    modelOf([
      {
        file: 'Hello.txt',
        text: [
          '| All Verbs | /hello/{Name} | ||',
          '|---|',
          '| Name | Parameter | Data Type | Required | Description |',
          '|---|---|---|---|---|',
          '| Name | path | string | No | |',
          '| Title | query | string | No | |',
          'To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json',
          'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.',
          requestLine,
          'Host: localhost',
          'Accept: application/json',
          'HTTP/1.1 200 OK Content-Type: application/json Content-Length: length {"result":"String"}',
        ].join('\n'),
      },
    ]);

  it('is its own value: the client sends the verb a sample request on its path uses', () => {
    const op = page('GET /hello/World HTTP/1.1').operations[0]!;
    expect(op.routes.map((r) => [r.verbs, r.allVerbs])).toEqual([[[], { send: 'GET', from: 'sample' }]]);
    // Sent as GET, the other members travel in the query string.
    expect(op.parameters.map((p) => `${p.name} ${p.in}`)).toEqual(['name path', 'title query']);
  });

  it('else POST, as ServiceStack sends it; a sample on the predefined route says nothing of it', () => {
    const op = page('POST /json/reply/Hello HTTP/1.1').operations[0]!;
    expect(op.routes.map((r) => r.allVerbs)).toEqual([{ send: 'POST', from: 'default' }]);
    expect(op.parameters.map((p) => `${p.name} ${p.in}`)).toEqual(['name path', 'title query']);
  });
});
