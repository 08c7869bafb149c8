/**
 * The sample request line as evidence (model/request-line.ts, name-operations.ts), on pages of
 * public ServiceStack DTOs (the held-out corpus's APIs) rendered as ServiceStack renders them, in
 * every page form: `/{format}/reply|oneway/{Op}` names the operation (and `oneway` says it has no
 * response); any other path is a user route where the page lists none.
 */
import { describe, expect, it } from 'vitest';
import { APIS, findOperation } from '../corpus/apis.js';
import type { Format, PageView } from '../corpus/page.js';
import { modelOf, opOf } from '../helpers.js';
import { PAGE_FORMS, pageFile } from './page-forms.js';
import { requestLineOf } from '../../generator/model/request-line.js';
import type { PageFragments } from '../../generator/read/fragments.js';

const api = (key: string) => APIS.find((a) => a.key === key)!;
const FORMATS: readonly Format[] = ['json', 'xml', 'jsv'];
const codes = (model: ReturnType<typeof modelOf>, code: string) => model.diagnostics.filter((d) => d.code === code);

/** Each form and format of one operation's page, after `change`. */
function* pagesOf(key: string, operation: string, change?: (p: PageView) => PageView) {
  const op = findOperation(api(key), operation);
  for (const form of Object.keys(PAGE_FORMS))
    for (const format of FORMATS) yield { where: `${form}, ${format}`, model: modelOf([pageFile(api(key), op, format, form, change)]) };
}

describe('the request line names the operation: /{format}/reply|oneway/{Op}', () => {
  it('names a routeless operation from its request line in every form, pipe dumps (no heading) included; no route', () => {
    for (const { where, model } of pagesOf('myapp-tests', 'HelloWithEnum')) {
      expect(
        model.operations.map((o) => o.name),
        where,
      ).toEqual(['HelloWithEnum']);
      expect(opOf(model, 'HelloWithEnum').routes, where).toEqual([]);
      expect(codes(model, 'SS050'), where).toEqual([]);
    }
  });

  it('takes /oneway/ as a one-way operation: no response', () => {
    for (const { where, model } of pagesOf('myapp-tests', 'HelloReturnVoid')) {
      expect(opOf(model, 'HelloReturnVoid').response, where).toEqual({ kind: 'none' });
      expect(opOf(model, 'HelloReturnVoid').routes, where).toEqual([]);
    }
  });

  it('reads the predefined forms after a handler path and before a query, and never as a user route', () => {
    const lineOf = (verb: string, path: string) =>
      requestLineOf({ samples: [{ direction: 'request', verb, path, headers: [], loc: { file: 'p.txt', line: 3 } }] } as unknown as PageFragments);
    expect(lineOf('POST', '/json/reply/StratusLinkApproveRequest')).toMatchObject({
      kind: 'predefined',
      operation: 'StratusLinkApproveRequest',
      oneWay: false,
    });
    expect(lineOf('POST', '/jsv/oneway/HelloWithEnumMap')).toMatchObject({ kind: 'predefined', operation: 'HelloWithEnumMap', oneWay: true });
    expect(lineOf('POST', '/api/csv/reply/R_RegistrationSummary?x=1')).toMatchObject({ kind: 'predefined', operation: 'R_RegistrationSummary' });
    expect(lineOf('GET', '/persons/{Id}')).toMatchObject({ kind: 'route', route: { verbs: ['GET'], path: '/persons/{Id}' } });
    expect(lineOf('GET', '/replies/reply/{Id}')).toMatchObject({ kind: 'route' });
  });
});

describe('the request line as a route, where the page lists none', () => {
  const withoutRoutes = (p: PageView): PageView => ({ ...p, routes: [] });

  it('takes the request line of a page that lost its routes table as a route, with its verb (SS085)', () => {
    for (const { where, model } of pagesOf('techstacks', 'DeleteTechnology', withoutRoutes)) {
      const op = model.operations[0]!;
      expect(
        op.routes.map((r) => [r.verbs, r.path]),
        where,
      ).toEqual([[['DELETE'], '/technology/{Id}']]);
      expect(codes(model, 'SS085').length, where).toBe(1);
      // The route variable travels in the path, so the request's `id` is required.
      expect(
        op.parameters.find((p) => p.name === 'id'),
        where,
      ).toMatchObject({ in: 'path', required: true });
    }
  });

  it('never takes it over the routes the page states (v3-era pages show /jsv/reply/Op for a GET route)', () => {
    const v3 = (p: PageView): PageView => ({ ...p, request: { ...p.request, line: 'POST /jsv/reply/QueryPostComments HTTP/1.1' } });
    for (const { where, model } of pagesOf('techstacks', 'QueryPostComments', v3)) {
      expect(
        model.operations.flatMap((o) => o.routes.map((r) => [r.verbs, r.path])),
        where,
      ).toEqual([[['GET'], '/posts/comment']]);
      expect(codes(model, 'SS085'), where).toEqual([]);
    }
    for (const { where, model } of pagesOf('techstacks', 'GetTechnology')) expect(codes(model, 'SS085'), where).toEqual([]);
  });
});

describe('an XML response root names an unnamed operation, the file name only last', () => {
  it('names a pipe dump of an XML page without a request body after <{Op}Response>, and says so', () => {
    const op = findOperation(api('techstacks'), 'GetConfig');
    // A GET route: the request line shows no body, so no XML request root names the operation.
    const getOnly = (p: PageView): PageView => ({
      ...p,
      routes: p.routes.map((r) => ({ ...r, verbs: 'GET' })),
      request: { line: 'GET /config HTTP/1.1', headers: p.request.headers.slice(0, 2) },
    });
    for (const form of ['pipe, leading |', 'pipe, no leading |']) {
      const model = modelOf([pageFile(api('techstacks'), op, 'xml', form, getOnly)]);
      expect(
        model.operations.map((o) => o.name),
        form,
      ).toEqual(['GetConfig']);
      expect(
        codes(model, 'SS050').map((d) => d.message),
        form,
      ).toEqual([expect.stringContaining("after its response sample's root <GetConfigResponse>")]);
    }
  });

  it('falls back to the file name only when nothing else names the operation, and says so', () => {
    const model = modelOf([
      { file: 'Call07.txt', text: 'The following are sample HTTP requests and responses.\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{"id":0}' },
    ]);
    expect(codes(model, 'SS050').map((d) => d.message)).toEqual([expect.stringContaining('after its file name')]);
  });
});
