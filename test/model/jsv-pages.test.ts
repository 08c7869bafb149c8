/**
 * `/jsv/` metadata pages of public ServiceStack DTOs (the held-out corpus's APIs), written as
 * ServiceStack renders them (test/corpus/page.ts with JSV samples) in every page form: their
 * JSV samples are evidence just as the JSON page's samples are.
 */
import { describe, expect, it } from 'vitest';
import { APIS, findOperation, type ApiSpec } from '../corpus/apis.js';
import { compareFacts, expectedFacts } from '../corpus/facts.js';
import type { Format } from '../corpus/page.js';
import { fieldOf, modelOf, opOf } from '../helpers.js';
import { PAGE_FORMS, pageFile } from './page-forms.js';

const pagesOf = (api: ApiSpec, format: Format, form: string) => api.operations.map((op) => pageFile(api, op, format, form));

describe('JSV pages', () => {
  for (const form of Object.keys(PAGE_FORMS))
    it(`${form}: every API's JSV pages give the facts its JSON pages give, without a warning per token`, () => {
      for (const api of APIS) {
        const jsv = modelOf(pagesOf(api, 'jsv', form));
        const json = modelOf(pagesOf(api, 'json', form));
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
    for (const form of Object.keys(PAGE_FORMS)) {
      if (form.startsWith('pipe')) continue; // a pipe dump without tables names nothing but its route
      const model = modelOf([pageFile(northwind, op, 'jsv', form, (p) => ({ ...p, tables: [] }))]);
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
