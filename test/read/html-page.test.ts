import path from 'node:path';
import { parseDotNetType } from '../../generator/read/dotnet-type.js';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import type { PageFragments } from '../../generator/read/fragments.js';
import { readHtmlPage } from '../../generator/read/html-page.js';
import { readPages } from '../../generator/read/input.js';
import { fieldOf, modelOf, opOf, seedFiles, typeOf } from '../helpers.js';
import { fixture } from './html-fixtures.js';

function read(name: string, text = fixture(name)): { page: PageFragments; bag: DiagnosticBag } {
  const bag = new DiagnosticBag();
  return { page: readHtmlPage(path.basename(name), text, bag), bag };
}

/** 1-based line and column where `needle` first occurs in `text`. */
function where(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in fixture: ${needle}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const rows = (p: PageFragments, caption: string) => p.tables.find((t) => t.caption === caption)!.rows;

describe('readHtmlPage: a JSON page as ServiceStack writes it (tables on one long line)', () => {
  const text = fixture('orders/CreateOrder.json.html');
  const { page, bag } = read('orders/CreateOrder.json.html', text);

  it('reads service, operation, description, tags, with their lines', () => {
    expect(page.form).toBe('html');
    expect(page.serviceName).toMatchObject({ value: 'Acme.Orders.PublicApi', loc: { line: where(text, '<h1>').line } });
    expect(page.operationName).toMatchObject({ value: 'CreateOrder', loc: { line: where(text, '<h2>').line } });
    expect(page.description?.value).toBe('Creates an order for a customer.\nThe order starts as Pending.');
    expect(page.tags.map((t) => t.value)).toEqual(['orders', 'sales']);
  });

  it('reads authentication with its roles and permissions', () => {
    expect(page.auth).toMatchObject({ required: true, roles: ['Sales'], permissions: ['orders:write', 'orders:read'] });
    expect(page.auth!.loc.line).toBe(where(text, "<table class='authentication'>").line);
  });

  it('reads the route, ignoring the extra <tbody>', () => {
    expect(page.routes).toHaveLength(1);
    expect(page.routes[0]).toMatchObject({ verbs: ['POST'], path: '/orders', summary: 'Create order', notes: 'Creates a pending order' });
  });

  it('reads every table under its caption, in page order, rows located by line and column', () => {
    expect(page.tables.map((t) => t.caption)).toEqual([
      'CreateOrder',
      'OrderRequestBase',
      'NewOrderLine',
      'CreateOrderResponse',
      'ResponseStatus',
      'ResponseError',
    ]);
    expect(rows(page, 'CreateOrder')[0]).toEqual({
      name: 'CustomerId',
      parameter: 'body',
      dataType: 'int',
      type: parseDotNetType('int'),
      required: true,
      description: 'Customer placing the order',
      loc: { file: 'CreateOrder.json.html', ...where(text, '<tr><td>CustomerId</td>') },
    });
    expect(rows(page, 'CreateOrder')[2]!.description).toBe('Free text & notes for the warehouse');
    expect(rows(page, 'OrderRequestBase').map((r) => `${r.name}:${r.dataType}`)).toEqual(['Channel:Channel', 'Metadata:Dictionary<string,string>']);
    expect(rows(page, 'NewOrderLine')[1]!.description).toBe('Quantity Valid Range: 1 - 999');
    expect(rows(page, 'ResponseStatus').map((r) => r.name)).toEqual(['ErrorCode', 'Message', 'StackTrace', 'Errors', 'Meta']);
  });

  it('reads enums with and without a Name/Value header', () => {
    expect(page.enums.map((e) => [e.name, e.members.map((m) => `${m.name}=${m.value ?? ''}`)])).toEqual([
      ['Channel', ['Web=', 'Store=', 'Phone=']],
      ['OrderStatus', ['Pending=0', 'Paid=1', 'Shipped=2', 'Cancelled=3']],
    ]);
  });

  it('reads the call-info format and the HTML-encoded samples at their lines', () => {
    expect(page.formatHint?.value).toBe('json');
    const [request, response] = page.samples;
    expect(request).toMatchObject({ direction: 'request', verb: 'POST', path: '/orders', loc: { line: where(text, 'POST /orders HTTP/1.1').line } });
    expect(request!.headers.find((h) => h.name === 'Content-Length')?.value).toBe('length');
    expect(request!.body?.format).toBe('json');
    const body = request!.body?.format === 'json' ? request!.body.value : undefined;
    expect(body?.kind === 'object' && body.members.map((m) => m.key)).toEqual(['customerId', 'lines', 'notes', 'channel', 'metadata']);
    expect(response).toMatchObject({ direction: 'response', status: 200, body: { format: 'json' } });
    expect(bag.items).toEqual([]);
  });
});

describe('readHtmlPage: other formats and layouts', () => {
  it('reads a re-indented page: GET with query parameters, Allowable Values and Valid Range, no auth', () => {
    const text = fixture('orders/GetOrders.json.html');
    const { page, bag } = read('orders/GetOrders.json.html', text);
    expect(page.auth).toBeUndefined();
    expect(page.routes[0]).toMatchObject({ verbs: ['GET'], path: '/orders', summary: 'List orders', notes: 'Newest first' });
    expect(rows(page, 'GetOrders').map((r) => [r.name, r.parameter, r.dataType, r.required, r.description, r.loc.line])).toEqual([
      ['CustomerId', 'query', 'int', true, 'Customer whose orders to list', where(text, '<td>CustomerId').line],
      ['Status', 'query', 'OrderStatus?', false, 'Only orders in this status', where(text, '<td>Status').line],
      ['Page', 'query', 'int?', false, 'Page number Valid Range: 1 - 1000', where(text, '<td>Page').line],
      ['SortBy', 'query', 'string', false, 'Sort order Allowable Values: date, total', where(text, '<td>SortBy').line],
    ]);
    expect(page.samples.map((s) => [s.direction, s.verb ?? s.status, s.body?.format])).toEqual([
      ['request', 'GET', undefined],
      ['response', 200, 'json'],
    ]);
    expect(bag.items).toEqual([]);
  });

  it('reads an XML page: two path variables, auth without roles, XML samples', () => {
    const { page, bag } = read('orders/GetOrderLine.xml.html');
    expect(page.auth).toMatchObject({ required: true, roles: [], permissions: [] });
    expect(page.routes[0]!.path).toBe('/orders/{OrderId}/lines/{LineId}');
    expect(rows(page, 'GetOrderLine').map((r) => `${r.name}:${r.parameter}:${r.required}`)).toEqual(['OrderId:path:false', 'LineId:path:true']);
    expect(page.formatHint?.value).toBe('xml');
    const response = page.samples.find((s) => s.direction === 'response');
    expect(response?.body?.format === 'xml' && response.body.root.localName).toBe('GetOrderLineResponse');
    expect(bag.items).toEqual([]);
  });

  it('reads the Python tab: DTO classes with the file lines, and no tables', () => {
    const text = fixture('orders/CreateOrder.python.html');
    const { page, bag } = read('orders/CreateOrder.python.html', text);
    expect(page.tables).toEqual([]);
    expect(page.pythonClasses.map((c) => `${c.name}(${c.bases.join(',')}):${c.fields.length}`)).toEqual([
      'Channel(str,Enum):0',
      'RequestBase():0',
      'OrderRequestBase(RequestBase):2',
      'NewOrderLine():2',
      'OrderStatus(IntEnum):0',
      'CreateOrderResponse():3',
      'CreateOrder(OrderRequestBase,IReturn[CreateOrderResponse]):3',
    ]);
    const createOrder = page.pythonClasses.at(-1)!;
    expect(createOrder.fields[0]).toMatchObject({ name: 'customer_id', required: true, loc: { line: where(text, 'customer_id: int').line } });
    expect(createOrder.fields[2]!.description).toBe('Free text & notes for the warehouse');
    expect(page.pythonClasses[0]!.enumMembers.map((m) => `${m.name}=${m.value}`)).toEqual(['WEB=Web', 'STORE=Store', 'PHONE=Phone']);
    expect(page.samples).toHaveLength(2);
    expect(bag.items).toEqual([]);
  });

  it('reads the TypeScript and C# tabs: DTO source instead of tables, and the rest of the page', () => {
    for (const name of ['orders/CreateOrder.typescript.html', 'orders/CreateOrder.csharp.html']) {
      const { page, bag } = read(name);
      expect(bag.items).toEqual([]);
      expect(page.tables).toEqual([]);
      expect(page.pythonClasses).toEqual([]);
      expect(
        page.dtoTypes
          .filter((t) => t.kind !== 'interface')
          .map((t) => t.name)
          .sort(),
      ).toEqual(
        [
          ...(name.includes('typescript') ? ['ResponseError', 'ResponseStatus'] : []),
          'Channel',
          'CreateOrder',
          'CreateOrderResponse',
          'NewOrderLine',
          'OrderRequestBase',
          'OrderStatus',
          'RequestBase',
        ].sort(),
      );
      expect(page.dtoTypes.every((t) => t.lang === (name.includes('typescript') ? 'typescript' : 'csharp'))).toBe(true);
      expect(page.operationName?.value).toBe('CreateOrder');
      expect(page.routes).toHaveLength(1);
      expect(page.samples).toHaveLength(2);
    }
  });

  it('notes a ServiceStack tab it does not read (SS097) once, and reads the rest of the page', () => {
    const text = fixture('orders/CreateOrder.typescript.html').replaceAll('language-typescript', 'language-php').replaceAll('lang="typescript"', 'lang="php"');
    const { page, bag } = read('CreateOrder.php.html', text);
    expect(bag.items.map((d) => `${d.code} ${d.severity} ${d.loc?.line}`)).toEqual([`SS097 info ${where(text, '<code class="language-php"').line}`]);
    expect(page.dtoTypes).toEqual([]);
    expect([page.operationName?.value, page.routes.length, page.samples.length]).toEqual(['CreateOrder', 1, 2]);
  });

  it('reads DTO source whose class names no tab by its syntax; notes it (SS105) where that tells nothing either', () => {
    const cobol = fixture('orders/CreateOrder.typescript.html')
      .replaceAll('language-typescript', 'language-cobol')
      .replaceAll('lang="typescript"', 'lang="cobol"')
      .replaceAll('&lang=typescript', '&lang=cobol');
    const sniffed = read('CreateOrder.cobol.html', cobol);
    expect(sniffed.bag.items).toEqual([]);
    expect(sniffed.page.dtoTypes.map((t) => t.lang)).toContain('typescript');
    const text = cobol.replace(/(<code class="language-cobol"[^>]*>)[\s\S]*?<\/code>/, '$1IDENTIFICATION DIVISION.\nPROGRAM-ID. HELLO.</code>');
    const { page, bag } = read('CreateOrder.cobol.html', text);
    expect(bag.items.map((d) => `${d.code} ${d.severity} ${d.loc?.line}`)).toEqual([`SS105 info ${where(text, '<code class="language-cobol"').line}`]);
    expect(page.dtoTypes).toEqual([]);
    expect(page.samples).toHaveLength(2);
  });

  it('reads a CRLF file exactly as its LF twin', () => {
    for (const name of [
      'orders/CreateOrder.json.html',
      'orders/GetOrders.python.html',
      'booster/ExportCustomer.xml.html',
      'orders/GetOrderLine.typescript.html',
      'orders/GetOrders.csharp.html',
    ]) {
      const lf = read(name);
      const crlf = read(name, fixture(name).replace(/\n/g, '\r\n'));
      expect(crlf.page).toEqual(lf.page);
      expect(crlf.bag.items).toEqual(lf.bag.items);
    }
  });

  it('reads a CSV page (ServiceStack shows JSON there) and a JSV page (its samples read as JSV)', () => {
    const json = fixture('orders/CreateOrder.json.html');
    const csv = read(
      'CreateOrder.csv.html',
      json.replaceAll('application/json', 'text/csv').replace('HTTP + JSON', 'HTTP + CSV').replaceAll('format=json', 'format=csv'),
    );
    expect(csv.page.formatHint?.value).toBe('csv');
    expect(csv.page.samples.map((s) => s.body?.format)).toEqual(['json', 'json']);
    const jsv = read('CreateOrder.jsv.html', json.replaceAll('application/json', 'text/jsv').replace('HTTP + JSON', 'HTTP + JSV'));
    expect(jsv.page.samples.map((s) => s.body?.format)).toEqual(['jsv', 'jsv']);
    expect(jsv.bag.items).toEqual([]);
    expect(jsv.page.tables).toHaveLength(6);
  });
});

describe('readHtmlPage: pages it has not seen', () => {
  const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;

  it('reports what does not fit, and keeps what does', () => {
    const { page: p, bag } = read(
      'odd.html',
      page(
        [
          '<h1>Svc</h1>',
          "<table class='authentication'><caption>Requires Authentication</caption><tr><td>Requires a tea:</td><td>green</td></tr></table>",
          "<table class='routes'><tr><th>FETCH ME</th><th>orders</th></tr><tr><th>GET, PUT</th><th>/x/{Id}</th><td>Get</td><td><i></i></td></tr></table>",
          "<table class='params'><caption><b>X</b> Parameters:</caption><tr><td>Id</td><td>path</td><td>int</td><td>Yes</td><td>Id</td></tr><tr><td>Bad</td><td>nowhere</td><td>int</td><td>Maybe</td><td></td></tr></table>",
          "<table class='params'><caption>Untitled</caption><tr><td>Name</td><td>form</td><td>List&lt;string&gt;</td><td>No</td><td>a<br/>b</td></tr></table>",
          "<table class='enum'><caption><b>E</b> Enum:</caption><tr><td></td><td></td></tr><tr><td>A</td><td></td></tr></table>",
          '<div class="call-info"><p>To override the Content-type, use the Accept header</p></div>',
        ].join('\n'),
      ),
    );
    expect(bag.items.map((d) => `${d.code}:${d.loc?.line}`)).toEqual(['SS100:1', 'SS108:4', 'SS101:5', 'SS102:6', 'SS103:7', 'SS104:8', 'SS106:9']);
    expect(p.routes).toEqual([{ verbs: ['GET', 'PUT'], path: '/x/{Id}', summary: 'Get', loc: expect.objectContaining({ line: 5 }) }]);
    expect(p.tables.map((t) => [t.caption, t.rows.map((r) => `${r.name}:${r.dataType}:${r.description}`)])).toEqual([
      ['X', ['Id:int:Id']],
      [undefined, ['Name:List<string>:a b']],
    ]);
    expect(p.enums[0]!.members.map((m) => m.name)).toEqual(['A']);
  });

  it("reads an enum table's descriptions: the second column without values, the third under a Name/Value header", () => {
    const { page: p, bag } = read(
      'enums.html',
      page(
        [
          "<table class='enum'><caption><b>Plain</b> Enum:</caption><tbody><tr><td>A</td><td>First</td></tr><tr><td>B</td><td></td></tr></tbody></table>",
          "<table class='enum'><caption><b>Valued</b> Enum:</caption><thead><tr><th>Name</th><th>Value</th><th></th></tr></thead>" +
            '<tbody><tr><td>Value1</td><td>value1</td><td></td></tr><tr><td>Value2</td><td>Value2</td><td>Member 2</td></tr></tbody></table>',
        ].join('\n'),
      ),
    );
    expect(bag.items.filter((d) => d.code !== 'SS100')).toEqual([]);
    expect(p.enums.map((e) => [e.name, e.members.map(({ loc: _loc, ...m }) => m)])).toEqual([
      ['Plain', [{ name: 'A', description: 'First' }, { name: 'B' }]],
      [
        'Valued',
        [
          { name: 'Value1', value: 'value1' },
          { name: 'Value2', value: 'Value2', description: 'Member 2' },
        ],
      ],
    ]);
  });

  it('reads columns by their header when a page orders them differently', () => {
    const { page: p } = read(
      'reordered.html',
      page(
        "<h2>Op</h2><table class='params'><caption>Op Parameters:</caption><thead><tr><th>Required</th><th>Name</th><th>Description</th><th>Data Type</th><th>Parameter</th></tr></thead>" +
          '<tbody><tr><td>Yes</td><td>Id</td><td>the id</td><td>Guid</td><td>query</td></tr></tbody></table>',
      ),
    );
    expect(p.tables[0]!.rows[0]).toMatchObject({
      name: 'Id',
      parameter: 'query',
      dataType: 'Guid',
      type: parseDotNetType('Guid'),
      required: true,
      description: 'the id',
    });
  });

  it('reads sample lines decoded, at the lines of the file, whether the block is text alone or holds tags or a line-break entity', () => {
    const sample = (body: string) => page(`<h2>Op</h2>\n<div class="example"><pre>HTTP/1.1 200 OK\nContent-Type: application/json\n\n${body}</pre></div>`);
    const json = '{\n  &quot;id&quot;: 1,\n  &quot;name&quot;: &quot;a &amp; b&quot;,\n  &quot;note&quot;: &quot;x&quot;\n}';
    const plain = read('s.html', sample(json)).page.samples;
    const body = plain[0]!.body;
    expect(body?.format === 'json' && body.value.kind === 'object' && body.value.members.map((m) => [m.key, m.loc.line])).toEqual([
      ['id', 8],
      ['name', 9],
      ['note', 10],
    ]);
    expect(read('s.html', sample(json.replace('1,', '<b>1</b>,'))).page.samples).toEqual(plain);
    // `&#10;` is a line break in the text but not in the file: the lines after it keep the file's numbers.
    const broken = read('s.html', sample(json.replace('&quot;x&quot;', '&quot;x&#10;y&quot;'))).page.samples[0]!.body;
    expect(broken?.format === 'json' && broken.value.kind === 'object' && broken.value.members.map((m) => [m.key, m.loc.line])).toEqual([
      ['id', 8],
      ['name', 9],
      ['note', 10],
    ]);
  });

  it('never throws, whatever it is given', () => {
    for (const text of [
      '',
      '<html>',
      '<<<>>>&&&;',
      '\u0000\uFFFD',
      '<table class="params"><tr><td>',
      '<div class="example"><pre>GET / HTTP/1.1\n{"a":</pre></div>',
    ])
      expect(() => read('junk.html', text)).not.toThrow();
  });
});

describe('the same operation from an HTML page and from a text dump', () => {
  const html = { file: 'ExportCustomer.xml.html', text: fixture('booster/ExportCustomer.xml.html') };
  const model = modelOf([...seedFiles(), html]);

  it('routes the HTML file to the HTML reader', () => {
    const pages = readPages([html], new DiagnosticBag());
    expect(pages.map((p) => [p.form, p.operationName?.value])).toEqual([['html', 'ExportCustomer']]);
  });

  it('is one operation and one set of types, with sources from both files', () => {
    expect(model.operations.filter((o) => o.name === 'ExportCustomer')).toHaveLength(1);
    const op = opOf(model, 'ExportCustomer');
    expect(new Set(op.sources.map((s) => s.file))).toEqual(new Set(['003_54bf65ec9057eb7c.txt', 'ExportCustomer.xml.html']));
    expect(op.routes).toHaveLength(1);
    expect(new Set(op.routes[0]!.sources.map((s) => s.file))).toEqual(new Set(['003_54bf65ec9057eb7c.txt', 'ExportCustomer.xml.html']));
    expect(op.auth.required).toBe(true);
    expect(typeOf(model, 'ExportCustomer').base).toBe('SearchCustomer');
    expect(new Set(typeOf(model, 'SearchCustomer').sources.map((s) => s.file))).toEqual(new Set(['003_54bf65ec9057eb7c.txt', 'ExportCustomer.xml.html']));
    expect(model.types.filter((t) => t.name === 'SearchCustomer')).toHaveLength(1);
  });

  it('reports where they disagree (the fixture marks searchKey required; the dump does not)', () => {
    expect(fieldOf(model, 'SearchCustomer', 'searchKey').required).toBe(true);
    const conflicts = model.diagnostics.filter((d) => d.code === 'SS073' && d.message.includes('searchKey'));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.loc?.file).toBe('003_54bf65ec9057eb7c.txt');
    expect(conflicts[0]!.message).toContain('ExportCustomer.xml.html');
  });

  it('adds no other warning to those of the seeds alone', () => {
    const key = (d: { code: string; message: string }) => `${d.code} ${d.message}`;
    const seedOnly = new Set(
      modelOf(seedFiles())
        .diagnostics.filter((d) => d.severity !== 'info')
        .map(key),
    );
    const added = model.diagnostics.filter((d) => d.severity !== 'info' && !seedOnly.has(key(d)));
    expect(added.map((d) => d.code)).toEqual(['SS073']);
  });
});
