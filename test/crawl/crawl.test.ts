/**
 * End to end against a real HTTP server on 127.0.0.1 that serves the HTML fixtures as a
 * ServiceStack host would, with the faults a crawl must survive: a page that errors, a slow
 * page, a redirect to another origin, a page over the size limit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, crawlBase, formatSummary, type CrawlOptions } from '../../generator/crawl/crawl.js';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { readPages } from '../../generator/read/input.js';
import { buildModel } from '../../generator/model/build-model.js';
import { DEFAULT_CONFIG } from '../../generator/config.js';
import { ROOT } from '../helpers.js';
import { fixture } from '../read/html-fixtures.js';

const FIXTURE_ORIGIN = 'http://orders.example.test';

/** What the server answers for one path+query. */
interface Route {
  body?: string | ((origin: string) => string);
  status?: number;
  type?: string;
  /** Delay before answering, for the first `slowTimes` requests (all when unset). */
  delayMs?: number;
  slowTimes?: number;
  redirectTo?: (origin: string) => string;
  /** Send the body in chunks without Content-Length. */
  chunked?: boolean;
}

interface TestServer {
  origin: string;
  requests: { url: string; headers: IncomingHttpHeaders }[];
  routes: Map<string, Route>;
  close(): Promise<void>;
}

/** A server that stops itself after a minute even if a test forgets to. */
async function startServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const state = { routes: new Map(Object.entries(routes)), requests: [] as TestServer['requests'], hits: new Map<string, number>() };
  let origin = '';
  const server: Server = createServer((req, res) => {
    res.on('error', () => {}); // the client may have given up (timeouts)
    const url = req.url ?? '/';
    state.requests.push({ url, headers: req.headers });
    const route = state.routes.get(url);
    const hit = (state.hits.get(url) ?? 0) + 1;
    state.hits.set(url, hit);
    const answer = () => {
      if (!route) return res.writeHead(404, 'Not Found').end('not found');
      if (route.redirectTo) return res.writeHead(302, { location: route.redirectTo(origin) }).end();
      const status = route.status ?? 200;
      const body = typeof route.body === 'function' ? route.body(origin) : (route.body ?? '');
      if (!route.chunked)
        return res.writeHead(status, { 'content-type': route.type ?? 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
      res.writeHead(status, { 'content-type': route.type ?? 'text/html' });
      for (let i = 0; i < body.length; i += 16_384) res.write(body.slice(i, i + 16_384));
      res.end();
    };
    const slow = route?.delayMs && (route.slowTimes === undefined || hit <= route.slowTimes);
    if (slow) setTimeout(answer, route.delayMs).unref();
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const guard = setTimeout(() => server.close(), 60_000).unref();
  return {
    origin,
    requests: state.requests,
    routes: state.routes,
    close: () =>
      new Promise((resolve) => {
        clearTimeout(guard);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fixture as the live host serves it: its links point at the server itself. */
const served =
  (name: string): Route['body'] =>
  (origin) =>
    fixture(name).replaceAll(FIXTURE_ORIGIN, origin);
const withoutSamples =
  (name: string): Route['body'] =>
  (origin) =>
    fixture(name)
      .replaceAll(FIXTURE_ORIGIN, origin)
      .replace(/<div class="example">[\s\S]*<\/div>\s*<\/div>\s*<\/div>/, '</div></div>');

/** The orders service: every page of the index, with the faults of the main crawl. */
function ordersRoutes(): Record<string, Route> {
  return {
    '/metadata': { body: served('orders/metadata.html') },
    '/types/metadata': { body: fixture('orders/types-metadata.json'), type: 'application/json' },
    '/json/metadata?op=CreateOrder': { body: served('orders/CreateOrder.json.html') },
    '/json/metadata?op=CreateOrder&lang=python': { body: served('orders/CreateOrder.python.html') },
    // Slow once: the first attempt times out, the retry gets it.
    '/json/metadata?op=GetOrders': { body: served('orders/GetOrders.json.html'), delayMs: 1500, slowTimes: 1 },
    '/json/metadata?op=GetOrders&lang=python': { body: served('orders/GetOrders.python.html') },
    // A JSON page without its sample section: the crawl takes the XML page too.
    '/json/metadata?op=GetOrderLine': { body: withoutSamples('orders/GetOrderLine.json.html') },
    '/xml/metadata?op=GetOrderLine': { body: served('orders/GetOrderLine.xml.html') },
    '/json/metadata?op=GetOrderLine&lang=python': { body: served('orders/GetOrderLine.python.html') },
    // A page that errors, every time.
    '/json/metadata?op=DeleteOrder': { status: 500, body: 'boom' },
  };
}

const FAST: Partial<CrawlOptions> = { timeoutMs: 700, retries: 2, backoffMs: 10, concurrency: 3 };

function lines(): { isTTY: boolean; text: string; write(s: string): void } {
  return {
    isTTY: false,
    text: '',
    write(s) {
      this.text += s;
    },
  };
}

const tmp = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

describe('crawl: the orders service', () => {
  let server: TestServer;
  const out = tmp('booster-crawl-');
  let first: Awaited<ReturnType<typeof crawl>>;
  const progress = lines();

  beforeAll(async () => {
    server = await startServer(ordersRoutes());
    first = await crawl({
      baseUrl: `${server.origin}/metadata`,
      outDir: out,
      progress,
      now: () => new Date('2024-05-01T10:00:00Z'),
      headers: { Authorization: 'Bearer t0k3n' },
      ...FAST,
    });
  });
  afterAll(() => server.close());

  it('discovers every operation from the index', () => {
    expect(first.operations).toEqual(['CreateOrder', 'DeleteOrder', 'GetOrderLine', 'GetOrders']);
    expect(first.indexFailed).toBeUndefined();
  });

  it('saves the JSON pages, the Python tabs, the XML page where JSON has no sample, and /types/metadata', () => {
    expect(first.saved.map((f) => `${f.file}${f.changed ? '' : ' (unchanged)'}`)).toEqual([
      'CreateOrder.json.html',
      'CreateOrder.python.html',
      'GetOrderLine.json.html',
      'GetOrderLine.python.html',
      'GetOrderLine.xml.html',
      'GetOrders.json.html',
      'GetOrders.python.html',
      'metadata.html',
      'types-metadata.json',
    ]);
    expect(first.metadataJson).toBe('saved');
    expect(readdirSync(out).sort()).toEqual([...first.saved.map((f) => f.file), 'crawl-manifest.json'].sort());
    expect(readFileSync(path.join(out, 'GetOrders.json.html'), 'utf8')).toBe(fixture('orders/GetOrders.json.html').replaceAll(FIXTURE_ORIGIN, server.origin));
    // Indented on save, so that the reader's line numbers mean something.
    expect(readFileSync(path.join(out, 'types-metadata.json'), 'utf8').split('\n').length).toBeGreaterThan(100);
  });

  it('retries a slow page, gives up on one that keeps failing, and says why', () => {
    expect(server.requests.filter((r) => r.url === '/json/metadata?op=GetOrders')).toHaveLength(2);
    expect(first.failed).toEqual([{ url: `${server.origin}/json/metadata?op=DeleteOrder`, reason: 'HTTP 500 Internal Server Error (after 3 attempts)' }]);
    expect(formatSummary(first)).toBe(
      `crawl ${server.origin}/: 4 operation(s) found; 9 file(s) saved (9 changed, 0 unchanged); 1 failed\n` +
        '  /types/metadata: saved\n' +
        `  failed ${server.origin}/json/metadata?op=DeleteOrder: HTTP 500 Internal Server Error (after 3 attempts)\n`,
    );
  });

  it('sends the given headers, to the service only', () => {
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer t0k3n')).toBe(true);
  });

  it('writes a manifest: URL, fetched-at and hash of every file', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'crawl-manifest.json'), 'utf8')) as {
      baseUrl: string;
      files: { file: string; url: string; fetchedAt: string; sha256: string }[];
    };
    expect(manifest.baseUrl).toBe(`${server.origin}/`);
    expect(manifest.files.map((f) => f.file)).toEqual(first.saved.map((f) => f.file));
    const python = manifest.files.find((f) => f.file === 'GetOrders.python.html')!;
    expect(python).toMatchObject({ url: `${server.origin}/json/metadata?op=GetOrders&lang=python`, fetchedAt: '2024-05-01T10:00:00.000Z' });
    expect(python.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports progress as plain lines when stderr is no terminal', () => {
    const log = progress.text.trim().split('\n');
    expect(log).toHaveLength(10); // 9 saved, 1 failed
    expect(log.every((l) => /^crawl \[\d+\/\d+\] (saved|unchanged|failed) /.test(l))).toBe(true);
    expect(log).toContain('crawl [1/2] saved metadata.html');
  });

  it('changes no file, not even the manifest, when a re-crawl finds nothing new', async () => {
    const before = new Map(readdirSync(out).map((f) => [f, { mtime: statSync(path.join(out, f)).mtimeMs, text: readFileSync(path.join(out, f), 'utf8') }]));
    const tty = {
      isTTY: true,
      text: '',
      write(s: string) {
        this.text += s;
      },
    };
    const again = await crawl({ baseUrl: server.origin, outDir: out, progress: tty, now: () => new Date('2030-01-01T00:00:00Z'), ...FAST });
    expect(again.saved.every((f) => !f.changed)).toBe(true);
    expect(again.saved).toHaveLength(9);
    for (const [f, was] of before) {
      expect(readFileSync(path.join(out, f), 'utf8'), f).toBe(was.text);
      expect(statSync(path.join(out, f)).mtimeMs, f).toBe(was.mtime);
    }
    expect(tty.text).toMatch(/^\r\x1b\[K\[#*\.*\] 1\/2 unchanged metadata\.html/);
    expect(tty.text.endsWith('\n')).toBe(true);
  });

  it('keeps fetched-at for unchanged files and renews it for changed ones', async () => {
    server.routes.set('/json/metadata?op=GetOrders', { body: (o) => `${fixture('orders/GetOrders.json.html').replaceAll(FIXTURE_ORIGIN, o)}\n<!-- v2 -->` });
    const changed = await crawl({ baseUrl: server.origin, outDir: out, progress: lines(), now: () => new Date('2031-01-01T00:00:00Z'), ...FAST });
    expect(changed.saved.filter((f) => f.changed).map((f) => f.file)).toEqual(['GetOrders.json.html']);
    const manifest = JSON.parse(readFileSync(path.join(out, 'crawl-manifest.json'), 'utf8')) as { files: { file: string; fetchedAt: string }[] };
    const at = Object.fromEntries(manifest.files.map((f) => [f.file, f.fetchedAt]));
    expect(at['GetOrders.json.html']).toBe('2031-01-01T00:00:00.000Z');
    expect(at['CreateOrder.json.html']).toBe('2024-05-01T10:00:00.000Z');
  });

  it('leaves a folder that generate reads offline', async () => {
    await server.close();
    // The model sees every file the crawl saved, /types/metadata included: DeleteOrder comes from there.
    const bag = new DiagnosticBag();
    const files = readdirSync(out).map((file) => ({ file, text: readFileSync(path.join(out, file), 'utf8') }));
    const model = buildModel(readPages(files, bag), DEFAULT_CONFIG, { file: 'codegen.config.json', line: 1 }, bag);
    expect(model.operations.map((o) => o.name)).toEqual(['CreateOrder', 'DeleteOrder', 'GetOrderLine', 'GetOrders']);
    expect(model.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    // And the CLI, in a folder of its own, with the server gone.
    const work = tmp('booster-crawl-gen-');
    const r = await cli(['generate', '--input', out, '--out', path.join(work, 'pkg')], work);
    expect(r.code, r.stderr).toBe(0);
    const generated = JSON.parse(readFileSync(path.join(work, 'pkg/api-model.json'), 'utf8')) as { operations: { name: string }[] };
    expect(generated.operations.map((o) => o.name)).toEqual(expect.arrayContaining(['CreateOrder', 'GetOrderLine', 'GetOrders']));
  });
});

describe('crawl: a host that serves no /types/metadata', () => {
  it('saves the C# tabs too, for the exact .NET types, and generate reads them', async () => {
    const routes = ordersRoutes();
    delete routes['/types/metadata'];
    for (const op of ['CreateOrder', 'GetOrders', 'GetOrderLine']) routes[`/json/metadata?op=${op}&lang=csharp`] = { body: served(`orders/${op}.csharp.html`) };
    const server = await startServer(routes);
    const out = tmp('booster-crawl-cs-');
    try {
      const s = await crawl({ baseUrl: server.origin, outDir: out, progress: lines(), ...FAST });
      expect(s.metadataJson).toBe('not served');
      expect(s.saved.map((f) => f.file).filter((f) => f.endsWith('.csharp.html'))).toEqual([
        'CreateOrder.csharp.html',
        'GetOrderLine.csharp.html',
        'GetOrders.csharp.html',
      ]);
    } finally {
      await server.close();
    }
    const bag = new DiagnosticBag();
    const files = readdirSync(out).map((file) => ({ file, text: readFileSync(path.join(out, file), 'utf8') }));
    const model = buildModel(readPages(files, bag), DEFAULT_CONFIG, { file: 'codegen.config.json', line: 1 }, bag);
    const sources = new Set(model.types.find((t) => t.name === 'CreateOrder')!.sources.map((l) => l.file));
    expect(sources).toContain('CreateOrder.csharp.html');
  }, 30_000);
});

/**
 * GetOrders' VB.NET tab: the page of orders/GetOrders.csharp.html with the source VbNetGenerator
 * writes for the same DTOs (`Namespace Global`, `Implements IReturn(Of …)`, `Integer?`, `List(Of …)`,
 * `'''<Summary>`, `<ApiMember(…:=…)>`). Kept here, out of the HTML fixtures every corpus reads.
 */
const VB_TAB = readFileSync(path.join(ROOT, 'test/crawl/fixtures/GetOrders.vbnet.html'), 'utf8');

describe('crawl: the tab that states the most, the page a host serves', () => {
  /** The orders routes without /types/metadata, the JSON pages' nav offering no C# tab. */
  const withoutCSharp = () => {
    const routes = ordersRoutes();
    delete routes['/types/metadata'];
    for (const [key, route] of Object.entries(routes))
      if (key.startsWith('/json/metadata') && typeof route.body === 'function') {
        const body = route.body;
        route.body = (origin) => body(origin).replace(/<a [^>]*lang=csharp[^>]*>C#<\/a>/g, '');
      }
    routes['/json/metadata?op=GetOrders&lang=vbnet'] = { body: (origin) => VB_TAB.replaceAll(FIXTURE_ORIGIN, origin) };
    return routes;
  };

  it('takes the VB.NET tab where the page offers no C# one (VB.NET states the .NET types as exactly), and generate reads it', async () => {
    const server = await startServer(withoutCSharp());
    const out = tmp('booster-crawl-vb-');
    try {
      const s = await crawl({ baseUrl: server.origin, outDir: out, progress: lines(), ...FAST });
      const tabs = server.requests.map((r) => /[?&]lang=(\w+)/.exec(r.url)?.[1]).filter(Boolean);
      expect([...new Set(tabs)].sort()).toEqual(['python', 'vbnet']);
      expect(s.saved.map((f) => f.file)).toContain('GetOrders.vbnet.html');
      // The other operations' VB.NET tabs are not served here: they fail, and are said to.
      expect(s.failed.map((f) => f.url.replace(server.origin, '')).filter((u) => u.includes('lang=vbnet'))).toEqual([
        '/json/metadata?op=CreateOrder&lang=vbnet',
        '/json/metadata?op=GetOrderLine&lang=vbnet',
      ]);
    } finally {
      await server.close();
    }
    const bag = new DiagnosticBag();
    const files = readdirSync(out).map((file) => ({ file, text: readFileSync(path.join(out, file), 'utf8') }));
    const model = buildModel(readPages(files, bag), DEFAULT_CONFIG, { file: 'codegen.config.json', line: 1 }, bag);
    const getOrders = model.types.find((t) => t.name === 'GetOrders')!;
    expect(getOrders.sources.map((l) => l.file)).toContain('GetOrders.vbnet.html');
    expect(model.types.find((t) => t.name === 'OrderSummary')!.namespace).toBe('Acme.Orders.ServiceModel');
  }, 30_000);

  it('reads each operation from its JSV page where the index links only that one', async () => {
    const routes: Record<string, Route> = {
      '/metadata': {
        body: (origin) =>
          fixture('orders/metadata.html')
            .replaceAll(FIXTURE_ORIGIN, origin)
            .replace(/<td><a href="[^"]*\/(xml|json|csv)\/metadata\?op=\w+">(XML|JSON|CSV)<\/a><\/td>/g, ''),
      },
    };
    for (const op of ['CreateOrder', 'GetOrderLine', 'GetOrders'])
      routes[`/jsv/metadata?op=${op}`] = {
        body: (origin) =>
          fixture(`orders/${op}.json.html`).replaceAll(FIXTURE_ORIGIN, origin).replaceAll('application/json', 'text/jsv').replace('HTTP + JSON', 'HTTP + JSV'),
      };
    const server = await startServer(routes);
    const out = tmp('booster-crawl-jsv-');
    try {
      const s = await crawl({ baseUrl: server.origin, outDir: out, progress: lines(), ...FAST });
      expect(s.saved.map((f) => f.file).filter((f) => f.endsWith('.jsv.html'))).toEqual([
        'CreateOrder.jsv.html',
        'GetOrderLine.jsv.html',
        'GetOrders.jsv.html',
      ]);
      expect(server.requests.some((r) => r.url.startsWith('/json/'))).toBe(false);
    } finally {
      await server.close();
    }
    const bag = new DiagnosticBag();
    const files = readdirSync(out).map((file) => ({ file, text: readFileSync(path.join(out, file), 'utf8') }));
    const model = buildModel(readPages(files, bag), DEFAULT_CONFIG, { file: 'codegen.config.json', line: 1 }, bag);
    expect(model.operations.map((o) => o.name)).toEqual(['CreateOrder', 'GetOrderLine', 'GetOrders']);
  }, 30_000);
});

describe('crawl: faults', () => {
  let server: TestServer;
  let other: TestServer;
  beforeAll(async () => {
    [server, other] = await Promise.all([startServer(), startServer({ '/json/metadata?op=GetOrders': { body: 'elsewhere' } })]);
  });
  afterAll(() => Promise.all([server.close(), other.close()]));

  /** Serves the orders index with `change` applied, and the given extra routes. */
  const serve = (routes: Record<string, Route>, change: (index: string) => string = (i) => i) => {
    server.routes.clear();
    server.requests.length = 0;
    server.routes.set('/metadata', { body: (o) => change(fixture('orders/metadata.html').replaceAll(FIXTURE_ORIGIN, o)) });
    for (const [k, v] of Object.entries(routes)) server.routes.set(k, v);
  };

  it('fetches nothing from another origin: not a link, not a redirect', async () => {
    serve(
      {
        '/json/metadata?op=GetOrders': { redirectTo: () => `${other.origin}/json/metadata?op=GetOrders` },
        '/json/metadata?op=GetOrderLine': { redirectTo: (o) => `${o}/json/metadata?op=GetOrderLine&moved=1` },
        '/json/metadata?op=GetOrderLine&moved=1': { body: served('orders/GetOrderLine.json.html') },
      },
      (index) => index.replace(`${server.origin}/json/metadata?op=CreateOrder`, `${other.origin}/json/metadata?op=CreateOrder`),
    );
    const s = await crawl({
      baseUrl: server.origin,
      outDir: tmp('booster-crawl-origin-'),
      progress: lines(),
      headers: { Authorization: 'Bearer secret' },
      ...FAST,
    });
    expect(other.requests).toEqual([]);
    const reasons = Object.fromEntries(s.failed.map((f) => [f.url.replace(server.origin, '').replace(other.origin, 'OTHER'), f.reason]));
    expect(reasons['OTHER/json/metadata?op=CreateOrder']).toBe(`refused: ${other.origin} is another origin`);
    expect(reasons['/json/metadata?op=GetOrders']).toBe(`redirected to another origin (${other.origin}); not followed`);
    // A redirect within the service is followed.
    expect(s.saved.map((f) => f.file)).toContain('GetOrderLine.json.html');
  });

  it('gives up on a page that stays slow, after bounded retries', async () => {
    serve({ '/json/metadata?op=GetOrders': { body: 'late', delayMs: 2000 } });
    const started = Date.now();
    const s = await crawl({ baseUrl: server.origin, outDir: tmp('booster-crawl-slow-'), progress: lines(), timeoutMs: 150, retries: 1, backoffMs: 10 });
    expect(s.failed.find((f) => f.url.endsWith('op=GetOrders'))?.reason).toBe('timed out after 150 ms (after 2 attempts)');
    expect(server.requests.filter((r) => r.url === '/json/metadata?op=GetOrders')).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a page over the size limit, announced or streamed, without retrying', async () => {
    const big = `<html><body>${'x'.repeat(300_000)}</body></html>`;
    serve({
      '/json/metadata?op=GetOrders': { body: big },
      '/json/metadata?op=GetOrderLine': { body: big, chunked: true },
    });
    const s = await crawl({ baseUrl: server.origin, outDir: tmp('booster-crawl-big-'), progress: lines(), maxBytes: 100_000, ...FAST });
    const reasons = s.failed.filter((f) => /GetOrders$|GetOrderLine$/.test(f.url)).map((f) => f.reason);
    expect(reasons).toEqual(['larger than the 100000-byte limit per page', 'larger than the 100000-byte limit per page']);
    expect(server.requests.filter((r) => r.url === '/json/metadata?op=GetOrders')).toHaveLength(1);
    expect(s.saved.map((f) => f.file)).toEqual(['metadata.html']);
  });

  it('stops early when the index cannot be had, and says why', async () => {
    server.routes.clear();
    const s = await crawl({ baseUrl: server.origin, outDir: tmp('booster-crawl-none-'), progress: lines(), ...FAST });
    expect(s.indexFailed).toBe('HTTP 404 Not Found');
    expect(s.saved).toEqual([]);
    expect(formatSummary(s)).toContain('cannot use the index page (HTTP 404 Not Found)');
  });

  it('takes the service root however it is written', () => {
    expect(crawlBase('https://h.example/api/metadata').href).toBe('https://h.example/api/');
    expect(crawlBase('https://h.example/api').href).toBe('https://h.example/api/');
    expect(crawlBase('http://h.example:8080/metadata?x=1#y').href).toBe('http://h.example:8080/');
    expect(() => crawlBase('ftp://h.example/')).toThrow(/http/);
    expect(() => crawlBase('not a url')).toThrow(/not a URL/);
  });
});

describe('booster-codegen crawl (CLI)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(ordersRoutes());
  });
  afterAll(() => server.close());

  it('crawls, prints the summary, and exits 1 when a page failed', async () => {
    const work = tmp('booster-crawl-cli-');
    const r = await cli(
      ['crawl', server.origin, '--out', 'docs', '--header', 'Authorization: Bearer abc', '--timeout', '700', '--retries', '1', '--concurrency', '2'],
      work,
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('4 operation(s) found; 9 file(s) saved');
    expect(r.stderr).toContain('failed');
    expect(r.stderr).not.toContain('Bearer abc');
    expect(readdirSync(path.join(work, 'docs'))).toContain('crawl-manifest.json');
  });

  it('exits 2 on bad usage', async () => {
    const work = tmp('booster-crawl-cli-');
    expect((await cli(['crawl', 'not-a-url'], work)).code).toBe(2);
    const bad = await cli(['crawl', server.origin, '--header', 'no colon here'], work);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--header')]);
    expect((await cli(['crawl', server.origin, '--concurrency', '0'], work)).code).toBe(2);
  });
});

const run = promisify(execFile);

/** Runs the built CLI without blocking this process (the test server lives here). */
async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [path.join(ROOT, 'bin/booster-codegen.js'), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
