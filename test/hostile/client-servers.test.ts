/**
 * The generated client (the seeds' src/client.ts, rendered as `generate` writes it) against
 * hostile servers: real `node:http` servers on 127.0.0.1, every test bounded in time.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, renderAll, writeTree } from './harness.js';
import { DEFAULT_CONFIG } from '../../generator/config.js';
import { renderFiles } from '../../generator/generate.js';
import { modelOf, seedFiles } from '../helpers.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
type Client = Record<string, (request: object, options?: object) => Promise<unknown>>;
type ClientClass = new (options: object) => Client;

const servers: Server[] = [];

/** A server on 127.0.0.1 with a free port; closed (connections included) after each test. */
async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

let BoosterClient: ClientClass;
let ApiError: new (...args: never[]) => Error;
let TimeoutError: new (...args: never[]) => Error;
let ResponseTooLargeError: new (...args: never[]) => Error;

beforeAll(async () => {
  const dir = writeTree((await renderAll(seedFiles())).files, 'booster-client-');
  await importGenerated(dir);
  const mod = (await import(pathToFileURL(path.join(dir, 'js/index.js')).href)) as Record<string, unknown>;
  BoosterClient = mod.BoosterClient as ClientClass;
  ApiError = mod.ApiError as typeof ApiError;
  TimeoutError = mod.TimeoutError as typeof TimeoutError;
  ResponseTooLargeError = mod.ResponseTooLargeError as typeof ResponseTooLargeError;
}, 60_000);

const CREATE = {
  privacyPolicyAcceptanceStorage: true,
  canBeContactedByMaison: true,
  clientType: 'COMPANY',
  companyName: 'Acme',
  countryId: 'it',
  posCode: 'ES100:102048',
  brand: 'CAR',
};
const EXPORT = { brand: 'CAR', posCodes: ['P1'], downloadRequestId: 'r1' };

const json = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
};

const settle = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  );

describe('the generated client against hostile servers', () => {
  it('lets no __proto__ or constructor key of a response (success or error) pollute a prototype', async () => {
    const hostile =
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"boosterCustomerId":7,"asyncTaskId":"0123456789abcdef0123456789abcdef"}';
    const error =
      '{"responseStatus":{"__proto__":{"polluted":"yes"},"errorCode":"Invalid","message":"bad","errors":[{"__proto__":{"polluted":"yes"},"fieldName":"brand","errorCode":"NotEmpty","message":"empty"}]}}';
    const base = await serve((req, res) => (req.url === '/customer' ? json(res, 200, hostile) : json(res, 400, error)));
    const drift: unknown[] = [];
    const client = new BoosterClient({ baseUrl: base, auth: { bearer: 't' }, onResponseDrift: (d: unknown) => drift.push(d) });

    const created = (await client.createCustomer!(CREATE)) as Record<string, unknown>;
    expect(created.boosterCustomerId).toBe(7);
    expect(Object.getPrototypeOf(created)).toBe(Object.prototype);
    const failed = await settle(client.exportCustomer!(EXPORT));
    expect(failed).toMatchObject({
      error: { name: 'ApiError', status: 400, errorCode: 'Invalid', fieldErrors: [{ fieldName: 'brand', errorCode: 'NotEmpty', message: 'empty' }] },
    });
    expect((failed as { error: Error }).error).toBeInstanceOf(ApiError);

    for (const probe of [{}, [], Object.create(null) as object, new (class {})()]) expect((probe as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Array.prototype).not.toHaveProperty('polluted');
  });

  it('rejects a 50 MB body at the default cap (32 MiB), and reads it whole with maxResponseBytes: Infinity', async () => {
    const size = 50 * 1024 * 1024;
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(1024 * 1024);
      res.write('{"boosterCustomerId":1,"pad":"');
      // Written as the socket drains, so that an aborted read stops the writing too.
      let sent = 0;
      const more = () => {
        while (sent < size && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        if (!res.destroyed) res.end('"}');
      };
      more();
    });
    const capped = await settle(new BoosterClient({ baseUrl: base, timeoutMs: 30_000 }).createCustomer!(CREATE));
    expect(capped).toMatchObject({ error: { name: 'ResponseTooLargeError', operation: 'CreateCustomer', limit: 32 * 1024 * 1024 } });
    expect((capped as { error: Error }).error).toBeInstanceOf(ResponseTooLargeError);

    const client = new BoosterClient({ baseUrl: base, timeoutMs: 30_000, maxResponseBytes: Infinity });
    const t0 = Date.now();
    const result = await settle(client.createCustomer!(CREATE));
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect((result as { value: { pad: string } }).value.pad).toHaveLength(size);
  }, 60_000);

  describe('maxResponseBytes', () => {
    const LIMIT = 1024 * 1024;

    /** A server that counts what it sent and sees its connection close. */
    function tracked(write: (res: ServerResponse, state: { sent: number }) => void) {
      const state = { sent: 0, closed: false, requests: 0 };
      const url = serve((req, res) => {
        state.requests++;
        req.socket.on('close', () => (state.closed = true));
        write(res, state);
      });
      return { state, url };
    }

    /** Writes `chunk` every 2 ms, `total` bytes in all (forever when undefined), then ends. */
    function drip(res: ServerResponse, state: { sent: number }, chunk: string, total?: number) {
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        if (total !== undefined && state.sent >= total) {
          clearInterval(timer);
          return void res.end('"}');
        }
        res.write(chunk);
        state.sent += Buffer.byteLength(chunk);
      }, 2);
      res.on('close', () => clearInterval(timer));
    }

    it('fails up front when Content-Length is over the limit, and lets go of the connection', async () => {
      const { state, url } = tracked((res) => {
        // Promises 64 MiB, sends a little, then stalls: only the header can say it is too large.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) });
        res.write('{"pad":"');
      });
      const t0 = Date.now();
      const result = await settle(new BoosterClient({ baseUrl: await url, maxResponseBytes: LIMIT }).createCustomer!(CREATE));
      expect(Date.now() - t0).toBeLessThan(2_000);
      expect(result).toMatchObject({ error: { name: 'ResponseTooLargeError', operation: 'CreateCustomer', limit: LIMIT } });
      expect((result as { error: Error }).error.message).toBe(`CreateCustomer: the response is larger than ${LIMIT} bytes (maxResponseBytes)`);
      await expect.poll(() => state.closed, { timeout: 5_000 }).toBe(true);
    }, 20_000);

    it('fails when a chunked body grows past the limit, and is not retried', async () => {
      const { state, url } = tracked((res, sent) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"boosterCustomerId":1,"pad":"');
        drip(res, sent, 'x'.repeat(64 * 1024), 4 * LIMIT);
      });
      // An idempotent PUT with retries: a transient failure would be retried, this one is not.
      const client = new BoosterClient({ baseUrl: await url, auth: { bearer: 't' }, retry: { retries: 3, backoffMs: 1 } });
      const result = await settle(client.updateCustomer!({ ...CREATE, boosterCustomerId: 1 }, { maxResponseBytes: LIMIT }));
      expect(result).toMatchObject({ error: { name: 'ResponseTooLargeError', operation: 'UpdateCustomer', limit: LIMIT } });
      expect((result as { error: Error }).error).toBeInstanceOf(ResponseTooLargeError);
      expect(state.requests).toBe(1);
      await expect.poll(() => state.closed, { timeout: 5_000 }).toBe(true);
      expect(state.sent).toBeLessThan(4 * LIMIT);
    }, 20_000);

    it('stops a never-ending body at the limit quickly (no timeout set), releasing the connection', async () => {
      const { state, url } = tracked((res, sent) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"pad":"');
        drip(res, sent, 'x'.repeat(64 * 1024));
      });
      const t0 = Date.now();
      const result = await settle(new BoosterClient({ baseUrl: await url, maxResponseBytes: LIMIT }).createCustomer!(CREATE));
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(result).toMatchObject({ error: { name: 'ResponseTooLargeError', limit: LIMIT } });
      await expect.poll(() => state.closed, { timeout: 5_000 }).toBe(true);
      const after = state.sent;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(state.sent).toBe(after);
      // Read up to the limit and a little past it (what was in flight), not on and on.
      expect(after).toBeLessThan(8 * LIMIT);
    }, 20_000);

    it('passes a body of exactly the limit, with or without Content-Length, multi-byte characters split across chunks', async () => {
      // `é` is 2 bytes in UTF-8: chunks of an odd byte length split it.
      const prefix = '{"boosterCustomerId":1,"pad":"';
      const pad = 'é'.repeat((LIMIT - Buffer.byteLength(prefix) - 2) / 2);
      const body = Buffer.from(`${prefix}${pad}"}`);
      expect(body.length).toBe(LIMIT);
      for (const lengthHeader of [true, false]) {
        const { url } = tracked((res) => {
          res.writeHead(200, { 'content-type': 'application/json', ...(lengthHeader ? { 'content-length': String(body.length) } : {}) });
          let at = 0;
          const next = () => {
            if (at >= body.length) return void res.end();
            res.write(body.subarray(at, (at += 4095)));
            setImmediate(next);
          };
          next();
        });
        const client = new BoosterClient({ baseUrl: await url, maxResponseBytes: LIMIT });
        expect(await client.createCustomer!(CREATE)).toEqual({ boosterCustomerId: 1, pad });
        // One byte less is too small.
        const over = await settle(client.createCustomer!(CREATE, { maxResponseBytes: LIMIT - 1 }));
        expect(over).toMatchObject({ error: { name: 'ResponseTooLargeError', limit: LIMIT - 1 } });
      }
    }, 30_000);
  });

  it('gives up on a never-ending body at its timeout, and lets go of the connection', async () => {
    let sent = 0;
    let closed = false;
    const base = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"pad":"');
      const timer = setInterval(() => {
        res.write('x'.repeat(64 * 1024));
        sent += 64 * 1024;
      }, 5);
      req.socket.on('close', () => {
        closed = true;
        clearInterval(timer);
      });
    });
    const client = new BoosterClient({ baseUrl: base, timeoutMs: 1_000 });
    const t0 = Date.now();
    const result = await settle(client.createCustomer!(CREATE));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(result).toMatchObject({ error: { name: 'TimeoutError' } });
    expect((result as { error: Error }).error).toBeInstanceOf(TimeoutError);
    expect(sent).toBeGreaterThan(0);
    await expect.poll(() => closed, { timeout: 5_000 }).toBe(true);
  }, 20_000);

  it("stops a never-ending body when the caller's signal aborts", async () => {
    const base = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 5);
      req.socket.on('close', () => clearInterval(timer));
    });
    const client = new BoosterClient({ baseUrl: base });
    const controller = new AbortController();
    const reason = new Error('enough');
    setTimeout(() => controller.abort(reason), 500);
    const t0 = Date.now();
    const result = await settle(client.createCustomer!(CREATE, { signal: controller.signal }));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(result).toEqual({ error: reason });
  }, 20_000);

  it('gives up on a server that never answers at its timeout', async () => {
    const base = await serve(() => undefined);
    const client = new BoosterClient({ baseUrl: base, timeoutMs: 500 });
    const result = await settle(client.createCustomer!(CREATE));
    expect(result).toMatchObject({ error: { name: 'TimeoutError' } });
  }, 20_000);

  it('follows no redirect, to any origin, with a header of the caller’s: another port of 127.0.0.1 never sees one', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const other = await serve((req, res) => {
      seen.push(req.headers);
      json(res, 200, '{"asyncTaskId":"0123456789abcdef0123456789abcdef"}');
    });
    const callers: [string, object, object?][] = [
      ['client headers', { headers: { 'X-Api-Key': 'SECRET' } }],
      ['call headers', {}, { headers: { 'x-tenant': 'SECRET' } }],
      ['a header onRequest adds', { onRequest: (info: { headers: Record<string, string> }) => void (info.headers['X-Trace'] = 'SECRET') }],
      ['bearer', { auth: { bearer: 'SECRET' } }],
      ['basic', { auth: { basic: { username: 'u', password: 'SECRET' } } }],
      ['api key', { auth: { apiKey: { header: 'X-Api-Key', value: 'SECRET' } } }],
      ['Authorization in headers', { headers: { Authorization: 'Bearer SECRET' } }],
      ['Accept of its own', { headers: { Accept: 'application/json; SECRET' } }],
    ];
    for (const status of [301, 302, 303, 307, 308]) {
      const base = await serve((req, res) => {
        res.writeHead(status, { location: `${other}${req.url}` });
        res.end();
      });
      expect(new URL(base).port).not.toBe(new URL(other).port);
      for (const [who, options, call] of callers) {
        const result = await settle(new BoosterClient({ baseUrl: base, ...options }).createCustomer!(CREATE, call));
        expect(result, `${status}, ${who}`).toMatchObject({ error: { name: 'ApiError', status, message: expect.stringContaining('redirect not followed') } });
      }
      // The rig works: a call with none of the caller's headers is redirected to the other port.
      expect(await settle(new BoosterClient({ baseUrl: base }).createCustomer!(CREATE))).toEqual({
        value: { asyncTaskId: '0123456789abcdef0123456789abcdef' },
      });
    }
    expect(seen).toHaveLength(5);
    for (const headers of seen) expect(JSON.stringify(headers)).not.toContain('SECRET');
  }, 30_000);
});

describe('the date fixer', () => {
  it('fixes own members only: a response without `constructor` or `toString` members gets none from Object.prototype', async () => {
    const model = modelOf(seedFiles());
    const response = model.types.find((t) => t.name === 'CreateCustomerResponse')!;
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty'])
      response.fields.push({
        name,
        wireName: name,
        wireNameFrom: 'convention',
        type: { kind: 'primitive', name: 'DateTime', nullable: false },
        required: false,
        examples: [],
        sources: [],
      });
    const dir = writeTree(await renderFiles({ model, config: DEFAULT_CONFIG }), 'booster-client-dates-');
    const mod = await importGenerated(dir);
    const Client = mod.BoosterClient as ClientClass;
    const schema = mod.CreateCustomerResponseSchema as { validate(v: unknown): unknown[] };
    const drift: unknown[] = [];
    const reply = (body: string) => async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    const plain = new Client({ baseUrl: 'http://127.0.0.1:9', fetch: reply('{"boosterCustomerId":1}'), onResponseDrift: (d: unknown) => drift.push(d) });
    const result = (await plain.createCustomer!(CREATE)) as object;
    expect(Object.keys(result)).toEqual(['boosterCustomerId']);
    expect(schema.validate(result)).toEqual([]);
    expect(drift).toEqual([]);
    // Own members of those names are still fixed.
    const own = new Client({ baseUrl: 'http://127.0.0.1:9', fetch: reply('{"boosterCustomerId":1,"toString":"\\/Date(0)\\/"}') });
    expect(await own.createCustomer!(CREATE)).toEqual({ boosterCustomerId: 1, toString: '1970-01-01T00:00:00.000Z' });
  });
});

afterAll(() => {
  expect(Object.prototype).not.toHaveProperty('polluted');
});
