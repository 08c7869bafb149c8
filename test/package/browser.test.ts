// The generated client in a real browser: output/src bundled as a web app would bundle it, loaded
// into headless Chromium (Debian's package, driven by playwright-core; scripts/chromium.js installs
// it where it can), calling an API on another loopback origin: the CORS preflight, bearer auth, a
// ServiceStack error body, a timeout and an abort, each checked as the typed result or error class.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureChromium } from '../../scripts/chromium.js';
import { ROOT } from '../helpers.js';

const browserPath = ensureChromium();
if (!browserPath.path) console.warn(`browser test skipped: ${browserPath.reason}`);

const REQUEST = {
  privacyPolicyAcceptanceStorage: true,
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
};

/** What the API origin saw: preflights and the Authorization of each call. */
const seen = { preflights: 0, authorizations: [] as string[] };

/** The API on its own origin: CORS for the page's origin, bearer auth, a slow answer for `firstName: 'slow'`. */
function apiServer(pageOrigin: () => string): http.Server {
  return http.createServer((req, res) => {
    res.setHeader('access-control-allow-origin', pageOrigin());
    if (req.method === 'OPTIONS') {
      seen.preflights++;
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, PUT, DELETE',
        'access-control-allow-headers': 'authorization, content-type, accept',
        'access-control-max-age': '0',
      });
      return res.end();
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.authorizations.push(req.headers.authorization ?? '');
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.headers.authorization !== 'Bearer good')
        return json(401, { responseStatus: { errorCode: 'Unauthorized', message: 'Invalid bearer token', errors: [] } });
      const request = JSON.parse(body) as { firstName?: string };
      if (request.firstName === 'slow') return void setTimeout(() => json(200, { boosterCustomerId: 1 }), 5_000).unref();
      json(200, { boosterCustomerId: 123 });
    });
  });
}

/** The page's origin: an empty page and the client bundle. */
function pageServer(bundle: string): http.Server {
  return http.createServer((req, res) => {
    if (req.url === '/client.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    // The page imports the bundle as an app would; the test reads it from `window.booster`.
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><title>client</title><script type="module">import * as m from "/client.js"; window.booster = m;</script>');
  });
}

async function listen(server: http.Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.skipIf(!browserPath.path)('the generated client in headless Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let page: Page;
  let apiOrigin = '';
  const servers: http.Server[] = [];

  beforeAll(async () => {
    const { outputFiles } = await build({
      entryPoints: [path.join(ROOT, 'output/src/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
    });
    let pageOrigin = '';
    servers.push(
      pageServer(outputFiles[0]!.text),
      apiServer(() => pageOrigin),
    );
    pageOrigin = await listen(servers[0]!);
    apiOrigin = await listen(servers[1]!);
    browser = await chromium.launch({
      executablePath: browserPath.path!,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    await page.goto(pageOrigin);
    await page.waitForFunction(() => 'booster' in window);
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) s.close();
  });

  /** Runs one call in the page and says how it ended: the result, or the error's class, message and fields. */
  const call = (token: string, request: object, options: { timeoutMs?: number; abortAfterMs?: number } = {}) =>
    page.evaluate(
      async ({ apiOrigin, token, request, options }) => {
        const m = (window as unknown as { booster: typeof import('../../output/src/index.js') }).booster;
        const client = new m.BoosterClient({ baseUrl: apiOrigin, auth: { bearer: token }, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
        const controller = new AbortController();
        if (options.abortAfterMs) setTimeout(() => controller.abort(new DOMException('stopped by the page', 'AbortError')), options.abortAfterMs);
        try {
          const result = await client.createCustomer(request as Parameters<typeof client.createCustomer>[0], { signal: controller.signal });
          return { result };
        } catch (e) {
          const error = e as Error & Partial<InstanceType<typeof m.ApiError>>;
          return {
            error: {
              class: e instanceof m.ApiError ? 'ApiError' : e instanceof m.TimeoutError ? 'TimeoutError' : error.name,
              message: error.message,
              status: error.status,
              errorCode: error.errorCode,
            },
          };
        }
      },
      { apiOrigin, token, request, options },
    );

  it('calls across origins with bearer auth, after the CORS preflight, and resolves with the typed response', async () => {
    const before = seen.preflights;
    expect(await call('good', REQUEST)).toEqual({ result: { boosterCustomerId: 123 } });
    expect(seen.preflights).toBeGreaterThan(before);
    expect(seen.authorizations.at(-1)).toBe('Bearer good');
  });

  it("rejects with ApiError carrying ServiceStack's error body", async () => {
    expect(await call('bad', REQUEST)).toEqual({
      error: { class: 'ApiError', message: expect.stringContaining('Invalid bearer token') as string, status: 401, errorCode: 'Unauthorized' },
    });
  });

  it('rejects with TimeoutError when the API is slower than timeoutMs', async () => {
    expect(await call('good', { ...REQUEST, firstName: 'slow' }, { timeoutMs: 300 })).toMatchObject({ error: { class: 'TimeoutError' } });
  });

  it("rejects with the caller's abort reason when the page aborts", async () => {
    expect(await call('good', { ...REQUEST, firstName: 'slow' }, { abortAfterMs: 100 })).toMatchObject({
      error: { class: 'AbortError', message: 'stopped by the page' },
    });
  });
});
