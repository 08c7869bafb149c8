/**
 * `/jsv/` metadata pages of public ServiceStack DTOs (the held-out corpus's APIs), written as
 * ServiceStack renders them (test/corpus/page.ts with JSV samples) in every page form: their
 * JSV samples are evidence just as the JSON page's samples are.
 */
import { describe, expect, it } from 'vitest';
import { APIS, findOperation, type ApiSpec } from '../corpus/apis.js';
import { compareFacts, expectedFacts } from '../corpus/facts.js';
import { pageView, type Format, type PageView } from '../corpus/page.js';
import { pipePage, squashedPage } from '../corpus/render-dumps.js';
import { htmlPage } from '../corpus/render-html.js';
import { fieldOf, modelOf, opOf } from '../helpers.js';

const WRITERS: Record<string, (p: PageView) => string> = {
  html: htmlPage,
  'pipe, leading |': (p) => pipePage(p, true),
  'pipe, no leading |': (p) => pipePage(p, false),
  squashed: squashedPage,
};

function pagesOf(api: ApiSpec, format: Format, write: (p: PageView) => string, change: (p: PageView) => PageView = (p) => p) {
  return api.operations.map((op) => ({ file: `${api.key}/${op.name}.${format}.txt`, text: write(change(pageView(api, op, format))) }));
}

describe('JSV pages', () => {
  for (const [form, write] of Object.entries(WRITERS))
    it(`${form}: every API's JSV pages give the facts its JSON pages give, without a warning per token`, () => {
      for (const api of APIS) {
        const jsv = modelOf(pagesOf(api, 'jsv', write));
        const json = modelOf(pagesOf(api, 'json', write));
        const expected = expectedFacts(api);
        expect(compareFacts(jsv, expected).right, api.key).toBe(compareFacts(json, expected).right);
        expect(
          jsv.diagnostics.filter((d) => d.code === 'SS042' || d.code === 'SS043'),
          api.key,
        ).toEqual([]);
      }
    });

  it('a page whose tables are gone (a language tab not read) takes members, wire names and placeholder types from its JSV samples', () => {
    const northwind = APIS.find((a) => a.key === 'northwind')!;
    const op = findOperation(northwind, 'GetOrders');
    for (const [form, write] of Object.entries(WRITERS)) {
      if (form.startsWith('pipe')) continue; // a pipe dump without tables names nothing but its route
      const model = modelOf([{ file: `GetOrders.${form}.txt`, text: write({ ...pageView(northwind, op, 'jsv'), tables: [] }) }]);
      // The sample does not name the response type: ServiceStack's {Op}Response convention does (SS057).
      expect(opOf(model, 'GetOrders').response, form).toEqual({ kind: 'typed', type: 'GetOrdersResponse' });
      expect(fieldOf(model, 'GetOrders', 'customerId'), form).toMatchObject({
        wireName: 'customerId',
        wireNameFrom: 'jsv-sample',
        type: { kind: 'primitive', name: 'string' },
      });
      expect(fieldOf(model, 'GetOrders', 'page'), form).toMatchObject({ wireName: 'page', type: { kind: 'primitive', name: 'int' } });
      expect(fieldOf(model, 'GetOrdersResponse', 'results'), form).toMatchObject({ wireName: 'results', wireNameFrom: 'jsv-sample' });
    }
  });
});
