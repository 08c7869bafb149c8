import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { authFromTitle, isIndexHtml, readHtmlIndex } from '../../generator/read/html-index.js';
import { readPages, type InputFile } from '../../generator/read/input.js';
import { modelOf, opOf } from '../helpers.js';
import { fixture, HTML_FIXTURES } from './html-fixtures.js';

const INDEX = fixture('orders/metadata.html');

function orderFiles(filter: (name: string) => boolean): InputFile[] {
  const dir = path.join(HTML_FIXTURES, 'orders');
  return readdirSync(dir)
    .filter(filter)
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));
}

describe('readHtmlIndex', () => {
  const bag = new DiagnosticBag();
  const index = readHtmlIndex('metadata.html', INDEX, bag);

  it('lists every operation with its tags, auth marker and links per format', () => {
    expect(index.serviceName?.value).toBe('Acme.Orders.PublicApi');
    expect(index.operations.map((o) => [o.name, o.tags, o.auth])).toEqual([
      ['CreateOrder', ['orders', 'sales'], { roles: ['Sales'], permissions: ['orders:write', 'orders:read'] }],
      ['DeleteOrder', ['orders'], { roles: [], permissions: ['orders:delete'] }],
      ['GetOrderLine', ['orders'], { roles: [], permissions: [] }],
      ['GetOrders', ['orders'], undefined],
    ]);
    expect(index.operations[0]!.links).toEqual(
      ['XML', 'JSON', 'JSV', 'CSV'].map((format) => ({ format, href: `http://orders.example.test/${format.toLowerCase()}/metadata?op=CreateOrder` })),
    );
    const line = INDEX.slice(0, INDEX.indexOf('<tr><th data-tags')).split('\n').length;
    expect(index.operations.every((o) => o.loc.line === line && o.loc.column! > 1)).toBe(true);
    expect(bag.items).toEqual([]);
  });

  it('tells the index from an operation page', () => {
    expect(isIndexHtml(INDEX)).toBe(true);
    expect(isIndexHtml(fixture('orders/GetOrders.json.html'))).toBe(false);
  });

  it('reads the lock icon title in all its forms', () => {
    expect(authFromTitle('Requires Authentication')).toEqual({ roles: [], permissions: [] });
    expect(authFromTitle('Requires Roles: Admin, Sales?')).toEqual({ roles: ['Admin', 'Sales'], permissions: [] });
    expect(authFromTitle('Requires Roles: a.b. Requires Permissions: p1, p2?')).toEqual({ roles: ['a.b'], permissions: ['p1', 'p2'] });
  });

  it('reports rows it cannot read and operations listed twice', () => {
    const b = new DiagnosticBag();
    const html =
      '<h1>S</h1>\n<div class="operations"><table><tbody>\n<tr><th data-tags=""></th><td>XML</td></tr>\n<tr><th>Op</th><td>JSON</td></tr>\n<tr><th>Op</th></tr>\n</tbody></table></div>';
    const i = readHtmlIndex('m.html', html, b);
    expect(i.operations.map((o) => [o.name, o.links, o.auth])).toEqual([['Op', [], undefined]]);
    expect(b.items.map((d) => `${d.code}:${d.loc?.line}`)).toEqual(['SS121:3', 'SS122:5']);
    const empty = new DiagnosticBag();
    expect(readHtmlIndex('e.html', '<div class="operations"></div>', empty).operations).toEqual([]);
    expect(empty.items.map((d) => d.code)).toEqual(['SS120']);
  });

  it('comes out of readPages as an index page, not an operation', () => {
    const pages = readPages([{ file: 'metadata.html', text: INDEX }], new DiagnosticBag());
    expect(pages.map((p) => [p.form, p.operationName, p.index?.operations.length])).toEqual([['html-index', undefined, 4]]);
  });
});

describe('the model with an index page', () => {
  const withIndex = modelOf(orderFiles((f) => f.endsWith('.html')));

  it('merges the index tags and auth into the operations', () => {
    expect(opOf(withIndex, 'CreateOrder').auth).toEqual({ required: true, roles: ['Sales'], permissions: ['orders:read', 'orders:write'] });
    expect(opOf(withIndex, 'GetOrders').auth.required).toBe(false);
    expect(opOf(withIndex, 'CreateOrder').tags).toEqual(['orders', 'sales']);
    expect(withIndex.service.name).toBe('Acme.Orders.PublicApi');
  });

  it('warns about an operation the index lists but no page describes', () => {
    expect(withIndex.operations.map((o) => o.name)).toEqual(['CreateOrder', 'GetOrderLine', 'GetOrders']);
    const missing = withIndex.diagnostics.filter((d) => d.code === 'SS140');
    expect(missing.map((d) => [d.severity, d.loc?.file, d.message.split(' ')[0]])).toEqual([['warning', 'metadata.html', "'DeleteOrder'"]]);
  });

  it('is settled by the metadata JSON, which describes that operation', () => {
    const full = modelOf(orderFiles(() => true));
    expect(opOf(full, 'DeleteOrder')).toMatchObject({ auth: { required: true, permissions: ['orders:delete'] }, response: { kind: 'none' } });
    expect(full.diagnostics.filter((d) => d.code === 'SS140')).toEqual([]);
  });

  it('states auth for pipe dumps (no SS052), and reports an index that disagrees with a page', () => {
    const index = INDEX.replace(
      '<th data-tags="orders"><a href=\'ui/GetOrders\'>',
      '<th data-tags="orders"><span class="icons"><i class="auth" title="Requires Authentication"></i></span><a href=\'ui/GetOrders\'>',
    );
    const model = modelOf([...orderFiles((f) => f.startsWith('GetOrders.')), { file: 'metadata.html', text: index }]);
    expect(opOf(model, 'GetOrders').auth.required).toBe(true);
    expect(model.diagnostics.filter((d) => d.code === 'SS141').map((d) => d.loc?.file)).toEqual(['metadata.html']);
    expect(model.diagnostics.filter((d) => d.code === 'SS052')).toEqual([]);
  });
});
