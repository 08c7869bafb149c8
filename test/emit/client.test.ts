// The generated client (output/src/client.ts, imported as TypeScript) against a real HTTP server
// on 127.0.0.1 that behaves like a ServiceStack host. A second part generates a client for a
// small synthetic model (several routes, GET queries, dates in responses, one-way) and runs it too.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../generator/config.js';
import { emitClient } from '../../generator/emit/client.js';
import { emitReadme } from '../../generator/emit/readme.js';
import { emitPackageIndex } from '../../generator/emit/package-index.js';
import { renderFiles } from '../../generator/generate.js';
import type { ApiModel, Field, TypeDef, TypeRef } from '../../generator/model/api-model.js';
import { methodName } from '../../generator/names/identifiers.js';
import {
  ApiError,
  BoosterClient,
  createClient,
  createCustomer,
  CreateCustomerSchema,
  exportCustomer,
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
  updateCustomer,
  ValidationError,
  apiKey,
  basic,
  bearer,
  refreshOn401,
  retryPolicy,
  type ClassOptions,
  type ClientOptions,
} from '../../output/src/index.js';
import type { CreateCustomer, UpdateCustomer } from '../../output/src/types.js';
import { modelOf, named, ROOT, seedFiles } from '../helpers.js';
import { strictDiagnostics } from './compile.js';

const COMMAND = 'booster-codegen generate';

// ---------------------------------------------------------------------------------------------
// A loopback server. Each test may replace `handler`; the default answers like a ServiceStack host.

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Handler = (req: Seen, res: http.ServerResponse) => void;

interface TestServer {
  url: string;
  seen: Seen[];
  handler: Handler;
  close(): Promise<void>;
}

async function startServer(handler: Handler): Promise<TestServer> {
  const state: TestServer = { url: '', seen: [], handler, close: async () => {} };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const seen = { method: req.method!, url: req.url!, headers: req.headers, body };
      state.seen.push(seen);
      state.handler(seen, res);
    });
  });
  // Idle keep-alive sockets stay open until close(): at Node's default 5 s, a request sent on one
  // just as the server drops it (after a slow beforeAll) fails with ECONNRESET.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

const ASYNC_TASK_ID = '0f8fad5bd9cb469fa16570867728950e';
const unauthorized = { responseStatus: { errorCode: 'Unauthorized', message: 'Not Authenticated', errors: [] } };

/** The seed operations as a ServiceStack host answers them. `Bearer expired` counts as no credentials. */
const serviceStack: Handler = (req, res) => {
  const authed = Boolean(req.headers.authorization) && req.headers.authorization !== 'Bearer expired';
  if (req.headers.accept !== 'application/json') return send(res, 406, 'not acceptable', { 'content-type': 'text/plain' });
  if (req.method === 'POST' && req.url === '/customer') return send(res, 200, { boosterCustomerId: 123 });
  if (req.method === 'POST' && /^\/customer\/[^/?]+\/export$/.test(req.url))
    return authed ? send(res, 200, { asyncTaskId: ASYNC_TASK_ID }) : send(res, 401, unauthorized);
  const update = /^\/customer\/(\d+)$/.exec(req.url);
  if (req.method === 'PUT' && update)
    return authed ? send(res, 200, { boosterCustomerId: Number(update[1]), modifiedDate: '/Date(1700000000000+0100)/' }) : send(res, 401, unauthorized);
  send(res, 404, { responseStatus: { errorCode: 'NotFound', message: `Handler for Request not found: ${req.method} ${req.url}` } });
};

let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  server = await startServer(serviceStack);
  other = await startServer((_, res) => send(res, 200, { boosterCustomerId: 7 }));
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  server.handler = serviceStack;
  server.seen.length = 0;
  other.seen.length = 0;
});

const client = (options: Partial<ClassOptions> = {}) => new BoosterClient({ baseUrl: server.url, ...options });
const json = (req: Seen | undefined) => JSON.parse(req!.body) as Record<string, unknown>;

const customer = {
  canBeContactedByMaison: false,
  clientType: 'PRIVATE',
  title: 'Mrs.',
  firstName: 'Ada',
  lastName: 'Lovelace',
  languageId: 'eng',
  gender: 'F',
  countryId: 'gb',
  posCode: 'ES100:102048',
  brand: 'CAR',
  birthDate: '1815-12-10',
  emails: [{ email: 'ada@example.com', isMainEmail: true }],
};
const create: CreateCustomer = { ...customer, privacyPolicyAcceptanceStorage: true };
const update: UpdateCustomer = { ...customer, boosterCustomerId: 123 };
const exportRequest = { brand: 'CAR', posCodes: ['ES100:102048'], downloadRequestId: 'r-1' };

// ---------------------------------------------------------------------------------------------

describe('client.ts', () => {
  it('is what the emitter renders (committed output is fresh)', async () => {
    const model = modelOf(seedFiles());
    const text = await emitClient(model, COMMAND);
    expect(text).toBe(readFileSync(path.join(ROOT, 'output/src/client.ts'), 'utf8'));
    expect(await emitPackageIndex(model, COMMAND)).toBe(readFileSync(path.join(ROOT, 'output/src/index.ts'), 'utf8'));
  });

  it('compiles under tsc --strict with the whole package, and its types catch misuse', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booster-client-usage-'));
    const usage = path.join(dir, 'usage.ts');
    const entry = path.join(ROOT, 'output/src/index.js');
    writeFileSync(
      usage,
      `import { BoosterClient, ApiError, type ExportCustomerResponse } from ${JSON.stringify(entry)};
const api = new BoosterClient({ baseUrl: 'https://x', auth: { bearer: async () => 'token' }, timeoutMs: 1000, retry: { retries: 2 } });
export async function use(): Promise<string> {
  const created: { boosterCustomerId: number } = await api.createCustomer(${JSON.stringify(create)});
  const exported: ExportCustomerResponse = await api.exportCustomer(${JSON.stringify(exportRequest)}, { signal: AbortSignal.timeout(10) });
  const updated: unknown = await api.updateCustomer(${JSON.stringify(update)});
  // @ts-expect-error the request is a typed DTO
  await api.createCustomer({ brand: 'CAR' });
  // @ts-expect-error boosterCustomerId is a route variable, so required
  await api.updateCustomer(${JSON.stringify(customer)});
  try { await api.exportCustomer(${JSON.stringify(exportRequest)}); } catch (e) { if (e instanceof ApiError) return e.errorCode + e.fieldErrors.map((f) => f.fieldName).join(); }
  return String(created.boosterCustomerId) + exported.asyncTaskId + String(updated);
}
`,
    );
    try {
      expect(strictDiagnostics([path.join(ROOT, 'output/src/index.ts'), usage])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names methods in camelCase', () => {
    expect(['CreateCustomer', 'XMLExport', 'SMS', 'Constructor', 'ping'].map(methodName)).toEqual([
      'createCustomer',
      'xmlExport',
      'sms',
      'constructor_',
      'ping',
    ]);
  });

  it('gives names that meet a suffix, and the README lists exactly the methods the client has', async () => {
    const model = modelOf(seedFiles());
    const [first] = model.operations;
    // Each of these meets an earlier name once camelCased (the last one meets a suffixed name).
    for (const name of ['createCustomer', 'Constructor', 'constructor', 'CreateCustomer2'])
      model.operations.push({ ...first!, name, routes: first!.routes.map((r) => ({ ...r })) });
    const names = [...named(model).names!.methods.values()];
    expect(names).toEqual(['createCustomer', 'exportCustomer', 'updateCustomer', 'createCustomer2', 'constructor_', 'constructor_2', 'createCustomer22']);
    const client = await emitClient(model, COMMAND);
    const readme = emitReadme(model, DEFAULT_CONFIG, COMMAND);
    expect([...client.matchAll(/^ {2}(\w+)\(request: T\.\w+, options\?: ClassCallOptions\)/gm)].map((m) => m[1])).toEqual(names);
    expect([...readme.matchAll(/^### `(\w+)` — /gm)].map((m) => m[1])).toEqual(names);
    expect([...readme.matchAll(/^const result = await api\.(\w+)\(/gm)].map((m) => m[1])).toEqual(names);
  });
});

describe('seed operations end to end', () => {
  it('createCustomer: POST /customer with the DTO as JSON body', async () => {
    const created = await client().createCustomer(create);
    expect(created).toEqual({ boosterCustomerId: 123 });
    const [req] = server.seen;
    expect(req).toMatchObject({ method: 'POST', url: '/customer' });
    expect(req!.headers).toMatchObject({ accept: 'application/json', 'content-type': 'application/json' });
    expect(req!.headers.authorization).toBeUndefined();
    expect(json(req)).toEqual(create);
  });

  it('updateCustomer: PUT /customer/{boosterCustomerId}, the id only in the path; untyped response as parsed', async () => {
    const body = await client({ auth: { bearer: 'good' } }).updateCustomer(update);
    expect(body).toEqual({ boosterCustomerId: 123, modifiedDate: '/Date(1700000000000+0100)/' });
    const [req] = server.seen;
    expect(req).toMatchObject({ method: 'PUT', url: '/customer/123' });
    expect(req!.headers.authorization).toBe('Bearer good');
    expect(json(req)).toEqual(customer);
  });

  it('updateCustomer resolves undefined on an empty body', async () => {
    server.handler = (_, res) => res.writeHead(204).end();
    await expect(client({ auth: { bearer: 'good' } }).updateCustomer(update)).resolves.toBeUndefined();
  });

  it('exportCustomer: POST /customer/{brand}/export, brand only in the path; a Guid without dashes', async () => {
    const result = await client({ auth: { bearer: 'good' } }).exportCustomer(exportRequest);
    expect(result).toEqual({ asyncTaskId: ASYNC_TASK_ID });
    const [req] = server.seen;
    expect(req).toMatchObject({ method: 'POST', url: '/customer/CAR/export' });
    expect(json(req)).toEqual({ posCodes: ['ES100:102048'], downloadRequestId: 'r-1' });
  });

  it('encodes path variables so that they cannot change the path', async () => {
    server.handler = (_, res) => send(res, 200, { asyncTaskId: ASYNC_TASK_ID });
    const api = client({ auth: { bearer: 'good' } });
    await api.exportCustomer({ ...exportRequest, brand: '../admin' });
    await api.exportCustomer({ ...exportRequest, brand: 'a b/c?d#e%' });
    expect(server.seen.map((r) => r.url)).toEqual(['/customer/..%2Fadmin/export', '/customer/a%20b%2Fc%3Fd%23e%25/export']);
    for (const brand of ['..', '.']) await expect(api.exportCustomer({ ...exportRequest, brand }, { validate: false })).rejects.toThrow(ValidationError);
    expect(server.seen).toHaveLength(2);
  });

  it('appends routes to a base URL with a prefix and a trailing slash', async () => {
    server.handler = (_, res) => send(res, 200, { boosterCustomerId: 1 });
    await new BoosterClient({ baseUrl: `${server.url}/api/` }).createCustomer(create);
    expect(server.seen[0]!.url).toBe('/api/customer');
  });
});

describe('per-operation functions over the client core', () => {
  it("send as the class methods do, and share the class's core (api.client)", async () => {
    const core = createClient({ baseUrl: `${server.url}/`, auth: bearer('token-1') });
    expect(await createCustomer(core, create)).toEqual({ boosterCustomerId: 123 });
    expect(await exportCustomer(core, exportRequest)).toEqual({ asyncTaskId: ASYNC_TASK_ID });
    const api = client({ auth: { bearer: 'token-1' } });
    expect(await updateCustomer(api.client, update)).toMatchObject({ boosterCustomerId: 123 });
    expect(server.seen.map((r) => `${r.method} ${r.url} ${r.headers.authorization}`)).toEqual([
      'POST /customer Bearer token-1',
      'POST /customer/CAR/export Bearer token-1',
      'PUT /customer/123 Bearer token-1',
    ]);
  });

  it("validate nothing but the route variables: XSchema.parse(request) is the caller's to call", async () => {
    const core = createClient({ baseUrl: server.url, auth: bearer('token-1') });
    const bad = { ...create, lastName: undefined, emails: [{ email: 'a@b.c' }] } as unknown as CreateCustomer;
    await createCustomer(core, bad);
    expect(server.seen).toHaveLength(1);
    expect(() => CreateCustomerSchema.parse(bad)).toThrow(ValidationError);
    const missing = await updateCustomer(core, customer as UpdateCustomer).catch((x: unknown) => x);
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).issues).toEqual([{ path: ['boosterCustomerId'], message: 'required (route variable)' }]);
    expect(server.seen).toHaveLength(1);
  });

  it('revive dates and throw the same errors as the class', async () => {
    const core = createClient({ baseUrl: server.url });
    const e = await exportCustomer(core, exportRequest).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toMatch(/requires authentication/);
    server.handler = (_, res) => send(res, 400, { responseStatus: { errorCode: 'Invalid', message: 'bad' } });
    await expect(createCustomer(core, create)).rejects.toMatchObject({ name: 'ApiError', status: 400, errorCode: 'Invalid' });
  });
});

describe('auth', () => {
  it('bearer: a string, a sync function, an async function called before every request', async () => {
    let calls = 0;
    await client({ auth: { bearer: 'a' } }).exportCustomer(exportRequest);
    await client({ auth: { bearer: () => 'b' } }).exportCustomer(exportRequest);
    const api = client({ auth: { bearer: async () => `c${++calls}` } });
    await api.exportCustomer(exportRequest);
    await api.exportCustomer(exportRequest);
    expect(server.seen.map((r) => r.headers.authorization)).toEqual(['Bearer a', 'Bearer b', 'Bearer c1', 'Bearer c2']);
  });

  it('basic (UTF-8), API key header, extra headers; call headers win', async () => {
    await client({ auth: { basic: { username: 'ada', password: 'pässwörd' } } }).exportCustomer(exportRequest);
    expect(server.seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ada:pässwörd').toString('base64')}`);
    await client({
      auth: { apiKey: { header: 'X-Api-Key', value: async () => 'k1' } },
      headers: { Authorization: 'Bearer x', 'X-Tenant': 't' },
    }).exportCustomer(exportRequest, {
      headers: { 'X-Tenant': 'call', 'X-Request-Id': 'r1' },
    });
    expect(server.seen[1]!.headers).toMatchObject({ 'x-api-key': 'k1', 'x-tenant': 'call', 'x-request-id': 'r1', authorization: 'Bearer x' });
    await client({ headers: { ACCEPT: 'text/plain' } }).createCustomer(create, { headers: { accept: 'application/json' } });
    expect(server.seen[2]!.headers.accept).toBe('application/json');
  });

  it('the functions take schemes by import: bearer, basic and apiKey, or one of your own; the class both forms', async () => {
    const core = (auth: ClientOptions['auth']) => createClient({ baseUrl: server.url, auth });
    await exportCustomer(core(bearer(async () => 'f1')), exportRequest);
    await exportCustomer(core(basic('ada', 'pässwörd')), exportRequest);
    await createCustomer(core(apiKey('X-Api-Key', () => 'k2')), create);
    await createCustomer(
      core((headers) => void (headers['x-own'] = 'o')),
      create,
    );
    await client({ auth: bearer('s1') }).exportCustomer(exportRequest);
    await client({ auth: { bearer: () => undefined, basic: { username: 'u', password: 'p' } } }).exportCustomer(exportRequest);
    expect(server.seen.map((r) => r.headers.authorization ?? r.headers['x-api-key'] ?? r.headers['x-own'])).toEqual([
      'Bearer f1',
      `Basic ${Buffer.from('ada:pässwörd').toString('base64')}`,
      'k2',
      'o',
      'Bearer s1',
      `Basic ${Buffer.from('u:p').toString('base64')}`,
    ]);
    await expect(client({ auth: {} }).exportCustomer(exportRequest)).rejects.toThrow(/requires authentication/);
  });

  it('fails fast, sending nothing, when an operation needs auth and none is configured', async () => {
    await expect(client().exportCustomer(exportRequest)).rejects.toThrow(/ExportCustomer requires authentication/);
    await expect(client().updateCustomer(update)).rejects.toThrow(/requires authentication/);
    expect(server.seen).toHaveLength(0);
    await expect(client().exportCustomer(exportRequest, { headers: { authorization: 'Bearer good' } })).resolves.toEqual({ asyncTaskId: ASYNC_TASK_ID });
  });

  it('on 401 calls onUnauthorized, then retries once with fresh credentials', async () => {
    let token = 'expired';
    const refreshed: ApiError[] = [];
    const api = client({
      auth: { bearer: () => token },
      onUnauthorized: (e) => {
        refreshed.push(e);
        token = 'fresh';
      },
    });
    await expect(api.exportCustomer(exportRequest)).resolves.toEqual({ asyncTaskId: ASYNC_TASK_ID });
    expect(server.seen.map((r) => r.headers.authorization)).toEqual(['Bearer expired', 'Bearer fresh']);
    expect(refreshed[0]).toMatchObject({ status: 401, errorCode: 'Unauthorized' });
  });

  it('retries a 401 only once, and not at all when onUnauthorized returns false', async () => {
    let hooks = 0;
    const still = client({ auth: { bearer: 'expired' }, onUnauthorized: () => void hooks++ });
    await expect(still.exportCustomer(exportRequest)).rejects.toMatchObject({ name: 'ApiError', status: 401 });
    expect([server.seen.length, hooks]).toEqual([2, 1]);
    server.seen.length = 0;
    await expect(client({ auth: { bearer: 'expired' }, onUnauthorized: () => false }).exportCustomer(exportRequest)).rejects.toMatchObject({ status: 401 });
    expect(server.seen).toHaveLength(1);
  });

  it('the functions refresh on a 401 by an imported policy, once per call, other failures going to the next policy', async () => {
    let token = 'expired';
    const renewed: number[] = [];
    const retry = refreshOn401(
      (e) => {
        renewed.push(e.status);
        token = 'fresh';
      },
      retryPolicy({ retries: 1, backoffMs: 1 }),
    );
    const core = createClient({ baseUrl: server.url, auth: bearer(() => token), retry });
    await expect(exportCustomer(core, exportRequest)).resolves.toEqual({ asyncTaskId: ASYNC_TASK_ID });
    expect(server.seen.map((r) => r.headers.authorization)).toEqual(['Bearer expired', 'Bearer fresh']);
    expect(renewed).toEqual([401]);
    server.seen.length = 0;
    const stale = createClient({ baseUrl: server.url, auth: bearer('expired'), retry });
    await expect(exportCustomer(stale, exportRequest)).rejects.toMatchObject({ status: 401 });
    expect(server.seen).toHaveLength(2);
    server.seen.length = 0;
    let n = 0;
    server.handler = (req, res) => (n++ ? serviceStack(req, res) : send(res, 503, ''));
    await expect(updateCustomer(core, update)).resolves.toMatchObject({ boosterCustomerId: 123 });
    expect(server.seen).toHaveLength(2);
  });

  it('does not follow a redirect with credentials; follows one without', async () => {
    server.handler = (_, res) => res.writeHead(307, { location: `${other.url}/customer` }).end();
    const err = await client({ auth: { bearer: 'secret' } })
      .exportCustomer(exportRequest)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 307, message: expect.stringContaining('not followed') });
    expect(other.seen).toHaveLength(0);
    await expect(client().createCustomer(create)).resolves.toEqual({ boosterCustomerId: 7 });
    expect(other.seen).toHaveLength(1);
    expect(other.seen[0]!.headers.authorization).toBeUndefined();
  });
});

describe('errors', () => {
  const caught = (p: Promise<unknown>) =>
    p.then(
      () => expect.unreachable('resolved'),
      (e: unknown) => e,
    );

  it('ServiceStack error bodies become ApiError with errorCode, message and fieldErrors', async () => {
    const responseStatus = {
      errorCode: 'ValidationException',
      message: "'Brand' must not be empty.",
      errors: [{ errorCode: 'NotEmpty', fieldName: 'Brand', message: "'Brand' must not be empty.", meta: { PropertyName: 'Brand' } }],
    };
    server.handler = (_, res) => send(res, 400, { responseStatus });
    const e = (await caught(client().createCustomer(create))) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({
      name: 'ApiError',
      status: 400,
      statusText: 'Bad Request',
      errorCode: 'ValidationException',
      message: "'Brand' must not be empty.",
      responseStatus,
    });
    expect(e.fieldErrors).toEqual([{ fieldName: 'Brand', errorCode: 'NotEmpty', message: "'Brand' must not be empty." }]);
  });

  it.each([403, 404, 500])('status %i keeps its status and ServiceStack message', async (status) => {
    server.handler = (_, res) => send(res, status, { responseStatus: { errorCode: `E${status}`, message: `failed ${status}` } });
    expect(await caught(client().createCustomer(create))).toMatchObject({ status, errorCode: `E${status}`, message: `failed ${status}`, fieldErrors: [] });
  });

  it('reads PascalCase ResponseStatus (hosts without camelCase)', async () => {
    server.handler = (_, res) =>
      send(res, 400, { ResponseStatus: { ErrorCode: 'Invalid', Message: 'bad', Errors: [{ FieldName: 'PosCode', ErrorCode: 'NotEmpty', Message: 'empty' }] } });
    expect(await caught(client().createCustomer(create))).toMatchObject({
      errorCode: 'Invalid',
      message: 'bad',
      fieldErrors: [{ fieldName: 'PosCode', errorCode: 'NotEmpty', message: 'empty' }],
    });
  });

  it('an HTML error page still gives a useful ApiError', async () => {
    server.handler = (_, res) =>
      send(res, 502, '<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>', { 'content-type': 'text/html' });
    const e = (await caught(client().createCustomer(create))) as ApiError;
    expect(e).toMatchObject({ status: 502, errorCode: 'Bad Gateway', message: 'HTTP 502 Bad Gateway: 502 Bad Gateway nginx', responseStatus: undefined });
    expect(e.body).toContain('<h1>nginx</h1>');
  });

  it('an empty error body, invalid JSON, and a huge body (under the size cap, then over it)', async () => {
    server.handler = (_, res) => res.writeHead(500).end();
    expect(await caught(client().createCustomer(create))).toMatchObject({
      status: 500,
      errorCode: 'Internal Server Error',
      message: 'HTTP 500 Internal Server Error',
      body: undefined,
    });
    server.handler = (_, res) => send(res, 200, '{"boosterCustomerId":');
    expect(await caught(client().createCustomer(create))).toMatchObject({ name: 'ApiError', status: 200, message: 'CreateCustomer: the response is not JSON' });
    server.handler = (_, res) => send(res, 500, `oops ${'x'.repeat(5_000_000)}`, { 'content-type': 'text/plain' });
    // Under the default cap (32 MiB): read whole, the message stays short.
    const huge = (await caught(client().createCustomer(create))) as ApiError;
    expect(huge).toBeInstanceOf(ApiError);
    expect(huge.message.length).toBeLessThan(250);
    expect((huge.body as string).length).toBeGreaterThan(5_000_000);
    // Over a smaller cap (client option or per call; a call's 0 lifts the client's): not read, whatever the status.
    const tooLarge = {
      name: 'ResponseTooLargeError',
      operation: 'CreateCustomer',
      limit: 1_000_000,
      message: 'CreateCustomer: the response is larger than 1000000 bytes (maxResponseBytes)',
    };
    expect(await caught(client({ maxResponseBytes: 1_000_000 }).createCustomer(create))).toMatchObject(tooLarge);
    const perCall = await caught(client().createCustomer(create, { maxResponseBytes: 1_000_000 }));
    expect(perCall).toBeInstanceOf(ResponseTooLargeError);
    expect(perCall).toMatchObject(tooLarge);
    expect(await caught(client({ maxResponseBytes: 1_000_000 }).createCustomer(create, { maxResponseBytes: 0 }))).toBeInstanceOf(ApiError);
    server.handler = (_, res) => send(res, 200, { boosterCustomerId: 1, pad: 'x'.repeat(2_000_000) });
    expect(await caught(client({ maxResponseBytes: 1_000_000 }).createCustomer(create))).toMatchObject(tooLarge);
  });

  it('a refused connection and a dropped one are NetworkErrors', async () => {
    const closed = await startServer(() => {});
    const url = closed.url;
    await closed.close();
    const refused = await caught(new BoosterClient({ baseUrl: url }).createCustomer(create));
    expect(refused).toBeInstanceOf(NetworkError);
    expect((refused as Error).cause).toBeDefined();
    server.handler = (_, res) => res.socket!.destroy();
    expect(await caught(client().createCustomer(create))).toBeInstanceOf(NetworkError);
    server.handler = (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"booster');
      setTimeout(() => res.socket!.destroy(), 10);
    };
    expect(await caught(client().createCustomer(create))).toBeInstanceOf(NetworkError);
  });

  it('times out (client default and per call), also while the body is still arriving', async () => {
    server.handler = (_, res) => setTimeout(() => send(res, 200, { boosterCustomerId: 1 }), 300);
    const slow = await caught(client({ timeoutMs: 30 }).createCustomer(create));
    expect(slow).toBeInstanceOf(TimeoutError);
    expect((slow as Error).message).toBe('CreateCustomer timed out after 30 ms');
    await expect(client({ timeoutMs: 30 }).createCustomer(create, { timeoutMs: 2000 })).resolves.toEqual({ boosterCustomerId: 1 });
    expect(await caught(client().createCustomer(create, { timeoutMs: 30 }))).toBeInstanceOf(TimeoutError);
    server.handler = (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"boosterCustomerId"');
      setTimeout(() => res.end(':1}'), 300);
    };
    expect(await caught(client({ timeoutMs: 50 }).createCustomer(create))).toBeInstanceOf(TimeoutError);
  });

  it("rejects with the caller's abort reason, sending nothing when already aborted", async () => {
    server.handler = (_, res) => setTimeout(() => send(res, 200, { boosterCustomerId: 1 }), 300);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    expect(await caught(client().createCustomer(create, { signal: controller.signal }))).toMatchObject({ name: 'AbortError' });
    server.seen.length = 0;
    const reason = new Error('user left');
    expect(await caught(client().createCustomer(create, { signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(server.seen).toHaveLength(0);
  });
});

describe('retries', () => {
  /** Answers the given statuses in turn (ServiceStack error bodies), then succeeds. */
  const failThen = (...steps: [number, Record<string, string>?][]): Handler => {
    let i = 0;
    return (req, res) => {
      const step = steps[i++];
      if (step) return send(res, step[0], { responseStatus: { errorCode: 'Busy', message: 'try later' } }, step[1]);
      send(res, 200, req.method === 'PUT' ? {} : { boosterCustomerId: 1 });
    };
  };

  it('are off by default', async () => {
    server.handler = failThen([503, { 'retry-after': '0' }]);
    await expect(client().createCustomer(create)).rejects.toMatchObject({ status: 503 });
    expect(server.seen).toHaveLength(1);
  });

  it('retry an idempotent PUT on 500 with backoff, up to the count', async () => {
    server.handler = failThen([500], [502]);
    await expect(client({ auth: { bearer: 'good' }, retry: { retries: 2, backoffMs: 1 } }).updateCustomer(update)).resolves.toEqual({});
    expect(server.seen).toHaveLength(3);
    server.seen.length = 0;
    server.handler = failThen([500], [500], [500]);
    await expect(client({ auth: { bearer: 'good' } }).updateCustomer(update, { retry: { retries: 2, backoffMs: 1 } })).rejects.toMatchObject({ status: 500 });
    expect(server.seen).toHaveLength(3);
  });

  it('the functions retry by an imported policy, or one of your own; a call policy wins over the client one', async () => {
    server.handler = failThen([500], [502]);
    const core = createClient({ baseUrl: server.url, auth: bearer('good'), retry: retryPolicy({ retries: 2, backoffMs: 1 }) });
    await expect(updateCustomer(core, update)).resolves.toEqual({});
    expect(server.seen).toHaveLength(3);
    server.seen.length = 0;
    server.handler = failThen([500], [500]);
    const failures: string[] = [];
    const own: ClientOptions['retry'] = ({ info, error, response }) => {
      failures.push(`${info.attempt} ${info.method} ${response?.status} ${error.name}`);
      return info.attempt < 2;
    };
    await expect(updateCustomer(core, update, { retry: own })).rejects.toMatchObject({ status: 500 });
    expect(failures).toEqual(['1 PUT 500 ApiError', '2 PUT 500 ApiError']);
    expect(server.seen).toHaveLength(2);
  });

  it('never retry a POST on 500, nor on 503 without Retry-After, nor a 400', async () => {
    const api = client({ retry: { retries: 3, backoffMs: 1 } });
    for (const step of [[500], [503], [400]] as [number][]) {
      server.seen.length = 0;
      server.handler = failThen(step);
      await expect(api.createCustomer(create)).rejects.toMatchObject({ status: step[0] });
      expect(server.seen).toHaveLength(1);
    }
  });

  it('retry even a POST on 429/503 with Retry-After (seconds or a date), waiting as told', async () => {
    server.handler = failThen([429, { 'retry-after': '0' }], [503, { 'retry-after': new Date(Date.now() - 1000).toUTCString() }]);
    await expect(client({ retry: { retries: 2 } }).createCustomer(create)).resolves.toEqual({ boosterCustomerId: 1 });
    expect(server.seen).toHaveLength(3);
    server.seen.length = 0;
    server.handler = failThen([503, { 'retry-after': '1' }]);
    const start = performance.now();
    await client({ retry: { retries: 1 } }).createCustomer(create);
    expect(performance.now() - start).toBeGreaterThanOrEqual(900);
    expect(server.seen).toHaveLength(2);
  });

  it('give up when Retry-After is longer than maxDelayMs (bounded)', async () => {
    server.handler = failThen([503, { 'retry-after': '3600' }]);
    const start = performance.now();
    await expect(client({ retry: { retries: 3, maxDelayMs: 1000 } }).createCustomer(create)).rejects.toMatchObject({ status: 503 });
    expect(performance.now() - start).toBeLessThan(500);
    expect(server.seen).toHaveLength(1);
  });

  it('retry network errors of idempotent verbs only, and stop when the caller aborts a wait', async () => {
    let calls = 0;
    const failing: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed');
    };
    await expect(client({ fetch: failing, auth: { bearer: 'b' }, retry: { retries: 2, backoffMs: 1 } }).updateCustomer(update)).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(calls).toBe(3);
    calls = 0;
    await expect(client({ fetch: failing, retry: { retries: 2, backoffMs: 1 } }).createCustomer(create)).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toBe(1);
    server.handler = failThen([500], [500]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const start = performance.now();
    await expect(
      client({ auth: { bearer: 'b' }, retry: { retries: 2, backoffMs: 60_000 } }).updateCustomer(update, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('validation and hooks', () => {
  it('validates the request before sending: ValidationError, nothing sent', async () => {
    const bad = { ...create, clientType: 'PRIVATE', lastName: undefined, emails: [{ email: 'a@b.c' }] } as unknown as CreateCustomer;
    const e = await client()
      .createCustomer(bad)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['lastName', 'emails.0.isMainEmail']));
    expect(server.seen).toHaveLength(0);
    await client().createCustomer(bad, { validate: false });
    await client({ validate: false }).createCustomer(bad);
    expect(server.seen).toHaveLength(2);
  });

  it('reports response drift through the hook and still resolves', async () => {
    server.handler = (_, res) => send(res, 200, { boosterCustomerId: 'abc' });
    const drifts: unknown[] = [];
    await expect(client({ onResponseDrift: (d) => drifts.push(d) }).createCustomer(create)).resolves.toEqual({ boosterCustomerId: 'abc' });
    expect(drifts).toEqual([
      { operation: 'CreateCustomer', body: { boosterCustomerId: 'abc' }, issues: [expect.objectContaining({ path: ['boosterCustomerId'] })] },
    ]);
    server.handler = serviceStack;
    await client({ onResponseDrift: (d) => drifts.push(d) }).createCustomer(create);
    expect(drifts).toHaveLength(1);
  });

  it('onRequest may add headers; onResponse sees the response; fetch is injectable', async () => {
    const log: string[] = [];
    const fetched: string[] = [];
    const api = client({
      onRequest: (info) => {
        info.headers.traceparent = '00-abc-def-01';
        log.push(`${info.method} ${info.url} #${info.attempt}`);
      },
      onResponse: (info, res) => void log.push(`${info.operation} ${res.status}`),
      fetch: (input, init) => {
        fetched.push(String(input));
        return fetch(input, init);
      },
    });
    await api.createCustomer(create);
    expect(log).toEqual([`POST ${server.url}/customer #1`, 'CreateCustomer 200']);
    expect(fetched).toEqual([`${server.url}/customer`]);
    expect(server.seen[0]!.headers.traceparent).toBe('00-abc-def-01');
  });
});

// ---------------------------------------------------------------------------------------------
// A synthetic model: what the seeds do not exercise.

const prim = (name: Extract<TypeRef, { kind: 'primitive' }>['name'], nullable = false): TypeRef => ({ kind: 'primitive', name, nullable });
const ref = (name: string, nullable = false): TypeRef => ({ kind: 'ref', name, nullable });
const list = (of: TypeRef): TypeRef => ({ kind: 'list', of });
const field = (name: string, type: TypeRef, required = false, parameter?: string): Field => ({
  name: name[0]!.toUpperCase() + name.slice(1),
  wireName: name,
  wireNameFrom: 'json-sample',
  type,
  required,
  examples: [],
  sources: [],
  ...(parameter ? { parameter } : {}),
});
const type = (name: string, fields: Field[], base?: string): TypeDef => ({
  name,
  kind: 'object',
  fields,
  enumMembers: [],
  rules: [],
  sources: [],
  ...(base ? { base } : {}),
});
const auth = { required: false, roles: [], permissions: [] };

const SYNTHETIC: ApiModel = named(
  {
    service: {},
    diagnostics: [],
    types: [
      type('GetItem', [field('id', prim('int')), field('tags', list(prim('string'))), field('filter', ref('Filter')), field('note', prim('string'))]),
      type('Filter', [field('from', prim('DateTime', true)), field('kinds', list(prim('string')))]),
      type('Stamped', [field('created', prim('DateTime'), true)]),
      type(
        'Item',
        [
          field('id', prim('int'), true),
          field('updated', prim('DateTimeOffset', true)),
          field('history', list(ref('Stamp'))),
          field('byDay', { kind: 'dictionary', key: prim('string'), value: prim('DateTime') }),
          field('parent', ref('Item', true)),
          field('name', prim('string')),
        ],
        'Stamped',
      ),
      type('Stamp', [field('at', prim('DateTime'), true), field('by', prim('string'))]),
      type('SaveItem', [field('id', prim('int'), true), field('trace', prim('string'), false, 'query'), field('name', prim('string'))]),
      type('Ping', [field('message', prim('string'))]),
      // Route variables named like Object.prototype members.
      type('GetThing', [field('constructor', prim('string')), field('note', prim('string'))]),
      type('DeleteThing', [field('toString', prim('string'))]),
      // DTOs named like runtime exports: index.ts must still compile.
      type('ApiError', [field('code', prim('string'))]),
      type('Issue', [field('title', prim('string'))]),
    ],
    operations: [
      {
        name: 'GetItem',
        tags: [],
        routes: [
          { verbs: ['GET'], path: '/items', pathVariables: [], sources: [] },
          { verbs: ['GET'], path: '/items/{Id}', pathVariables: ['Id'], sources: [] },
        ],
        auth,
        request: 'GetItem',
        response: { kind: 'typed', type: 'Item' },
        formats: [],
        parameters: ['id', 'tags', 'filter', 'note'].map((name) => ({ name, declaredIn: 'GetItem', in: 'query' as const, required: false })),
        sources: [],
      },
      {
        name: 'SaveItem',
        tags: [],
        routes: [{ verbs: ['POST', 'PUT'], path: "/items/{Id}/it's", pathVariables: ['Id'], summary: 'ends */ a comment', sources: [] }],
        auth,
        request: 'SaveItem',
        response: { kind: 'untyped' },
        formats: [],
        parameters: [
          { name: 'id', declaredIn: 'SaveItem', in: 'path', required: true },
          { name: 'trace', declaredIn: 'SaveItem', in: 'query', required: false },
          { name: 'name', declaredIn: 'SaveItem', in: 'body', required: false },
        ],
        sources: [],
      },
      {
        name: 'GetThing',
        tags: [],
        routes: [
          { verbs: ['GET'], path: '/things', pathVariables: [], sources: [] },
          { verbs: ['GET'], path: '/things/{Constructor}', pathVariables: ['Constructor'], sources: [] },
        ],
        auth,
        request: 'GetThing',
        response: { kind: 'untyped' },
        formats: [],
        parameters: [],
        sources: [],
      },
      {
        name: 'DeleteThing',
        tags: [],
        routes: [{ verbs: ['DELETE'], path: '/things/{ToString}', pathVariables: ['ToString'], sources: [] }],
        auth,
        request: 'DeleteThing',
        response: { kind: 'untyped' },
        formats: [],
        parameters: [{ name: 'toString', declaredIn: 'DeleteThing', in: 'path', required: true }],
        sources: [],
      },
      {
        name: 'Ping',
        tags: [],
        routes: [],
        auth,
        request: 'Ping',
        response: { kind: 'none' },
        formats: [],
        parameters: [{ name: 'message', declaredIn: 'Ping', in: 'body', required: false }],
        sources: [],
      },
    ],
  },
  'ItemsClient',
);

describe('generated for a synthetic model', () => {
  let dir: string;
  type Call = (request: object) => Promise<unknown>;
  type CallWith = (request: object, options?: object) => Promise<unknown>;
  let Client: new (options: Partial<ClassOptions>) => { getItem: Call; saveItem: Call; ping: Call; getThing: Call; deleteThing: CallWith };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'booster-client-synthetic-'));
    // Every module of the package's src/, as `generate` renders them.
    const rendered = await renderFiles({ model: SYNTHETIC, config: DEFAULT_CONFIG });
    const sources = Object.fromEntries([...rendered].filter(([file]) => file.startsWith('src/')).map(([file, text]) => [file.slice(4), text]));
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
    for (const [file, source] of Object.entries(sources)) {
      writeFileSync(path.join(dir, file), source);
      const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
      writeFileSync(path.join(dir, file.replace(/\.ts$/, '.js')), js);
    }
    Client = ((await import(pathToFileURL(path.join(dir, 'client.js')).href)) as { ItemsClient: typeof Client }).ItemsClient;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles under tsc --strict, index.ts included (DTOs named ApiError and Issue)', () => {
    const index = readFileSync(path.join(dir, 'index.ts'), 'utf8');
    expect(index).toContain("export type { ApiError, Issue } from './types.js';");
    expect(strictDiagnostics([path.join(dir, 'index.ts')])).toEqual([]);
  });

  it('escapes doc text in routes and comments (the functions and the class methods)', () => {
    const functions = readFileSync(path.join(dir, 'operations.ts'), 'utf8');
    expect(functions).toContain(`"/items/{id}/it's"`);
    expect(functions).toContain('ends *\\/ a comment');
    expect(readFileSync(path.join(dir, 'client.ts'), 'utf8')).toContain('ends *\\/ a comment');
  });

  it('turns /Date(…)/ into ISO 8601 in date members at any depth, inherited ones included', async () => {
    const item = {
      id: 1,
      created: '/Date(1700000000000)/',
      updated: '/Date(1608854400000+0100)/',
      history: [{ at: '/Date(-62135596800000)/', by: '/Date(0)/' }, { at: '2020-01-01T00:00:00Z' }],
      byDay: { mon: '/Date(86400000-0230)/', tue: null },
      parent: { id: 2, created: '/Date(0)/', parent: null },
      name: '/Date(0)/',
    };
    server.handler = (_, res) => send(res, 200, item);
    const got = await new Client({ baseUrl: server.url }).getItem({ id: 1 });
    expect(got).toEqual({
      id: 1,
      created: '2023-11-14T22:13:20.000Z',
      updated: '2020-12-25T01:00:00.000+01:00',
      history: [{ at: '0001-01-01T00:00:00.000Z', by: '/Date(0)/' }, { at: '2020-01-01T00:00:00Z' }],
      byDay: { mon: '1970-01-01T21:30:00.000-02:30', tue: null },
      parent: { id: 2, created: '1970-01-01T00:00:00.000Z', parent: null },
      name: '/Date(0)/',
    });
  });

  it('GET: picks the route the request fills; the rest goes to the query (lists as a,b, objects as JSON)', async () => {
    server.handler = (_, res) => send(res, 200, { id: 1, created: '/Date(0)/' });
    const api = new Client({ baseUrl: server.url });
    await api.getItem({ id: 5, tags: ['a', 'b,c', 'd"e'], filter: { from: '2020-01-01', kinds: ['x'] }, note: null });
    await api.getItem({ tags: [] });
    const [first, second] = server.seen;
    expect(first).toMatchObject({ method: 'GET', body: '' });
    expect(first!.headers['content-type']).toBeUndefined();
    const url = new URL(first!.url, server.url);
    expect(url.pathname).toBe('/items/5');
    expect(Object.fromEntries(url.searchParams)).toEqual({ tags: 'a,"b,c","d""e"', filter: '{"from":"2020-01-01","kinds":["x"]}' });
    expect(second!.url).toBe('/items?tags=');
  });

  it('GET is idempotent, so it is retried on 503 without Retry-After', async () => {
    let n = 0;
    server.handler = (_, res) => (n++ ? send(res, 200, { id: 1, created: '/Date(0)/' }) : send(res, 503, ''));
    await new Client({ baseUrl: server.url, retry: { retries: 1, backoffMs: 1 } }).getItem({});
    expect(server.seen).toHaveLength(2);
  });

  it('POST of a route allowing POST and PUT; a query-marked member goes to the query', async () => {
    server.handler = (_, res) => send(res, 200, 'true');
    await expect(new Client({ baseUrl: server.url }).saveItem({ id: 3, trace: 't 1', name: 'n' })).resolves.toBe(true);
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: "/items/3/it's?trace=t%201", body: '{"name":"n"}' });
  });

  it('fills route variables from own members only, not from a prototype (variables named constructor, toString)', async () => {
    server.handler = (_, res) => send(res, 200, '{}');
    const api = new Client({ baseUrl: server.url });
    // Every object inherits `constructor`: only an own one selects the route with the variable.
    await api.getThing({});
    await api.getThing(Object.create({ constructor: 'inherited', note: 'inherited' }) as object);
    await api.getThing({ constructor: 'own', note: 'n' });
    expect(server.seen.map((r) => r.url)).toEqual(['/things', '/things', '/things/own?note=n']);
    server.seen.length = 0;
    // A variable the request fills only through its prototype is missing: nothing is sent.
    for (const request of [{}, Object.create({ toString: 'inherited' }) as object]) {
      const e = await api.deleteThing(request, { validate: false }).catch((x: unknown) => x);
      // The synthetic package's own ValidationError class: compared by name.
      expect(e).toMatchObject({ name: 'ValidationError', issues: [{ path: ['toString'], message: 'required (route variable)' }] });
      expect((e as ValidationError).issues).toHaveLength(1);
    }
    expect(server.seen).toHaveLength(0);
    await api.deleteThing({ toString: 'x y' });
    expect(server.seen[0]).toMatchObject({ method: 'DELETE', url: '/things/x%20y' });
  });

  it("one-way without routes: ServiceStack's /json/oneway/ route, resolves undefined", async () => {
    server.handler = (_, res) => send(res, 200, '{"ignored":true}');
    await expect(new Client({ baseUrl: server.url }).ping({ message: 'hi' })).resolves.toBeUndefined();
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/json/oneway/Ping', body: '{"message":"hi"}' });
  });
});
