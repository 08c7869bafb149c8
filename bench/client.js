// npm run bench: the generated client against a bare `fetch` to the same loopback server (per-call
// overhead), and the size of the client runtime minified + gzipped, next to openapi-fetch bundled
// the same way when it is installed. Timings are printed, never asserted.
//   node bench/client.js [requests per run, default 3000]
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import esbuild from 'esbuild';
import ts from 'typescript';
import { interleave, median, pairedRatio } from './rounds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'output/src');
const N = Number(process.argv[2] ?? 3000);

/** output/src/*.ts as a user's bundler sees them (types erased), in a scratch folder. */
async function loadClient(dir) {
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  for (const name of readdirSync(src)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))) {
    const source = readFileSync(path.join(src, `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
    writeFileSync(path.join(dir, `${name}.js`), outputText);
  }
  return import(pathToFileURL(path.join(dir, 'client.js')).href);
}

/** Bytes of `input` bundled by esbuild, minified and gzipped, with `external` left out. */
async function size(input, external = []) {
  const result = await esbuild.build({
    entryPoints: [input],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    external,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
}

const kB = (n) => `${(n / 1000).toFixed(2)} kB (${n} B)`;

const dir = mkdtempSync(path.join(tmpdir(), 'booster-client-bench-'));
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"boosterCustomerId":123}');
  });
});
try {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const { BoosterClient } = await loadClient(dir);

  const request = {
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
    emails: [{ email: 'ada@example.com', isMainEmail: true }],
  };
  const api = new BoosterClient({ baseUrl, auth: { bearer: 'token' } });
  const unvalidated = new BoosterClient({ baseUrl, auth: { bearer: 'token' }, validate: false });

  const cases = {
    'bare fetch': async () => {
      const res = await fetch(`${baseUrl}/customer`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', authorization: 'Bearer token' },
        body: JSON.stringify(request),
      });
      return JSON.parse(await res.text());
    },
    'client.createCustomer': () => api.createCustomer(request),
    'client, validate: false': () => unvalidated.createCustomer(request),
  };

  // Interleaved rounds (bench/rounds.js): the median of each case, and its overhead over the first case paired round by round.
  async function compare(title, cases, n) {
    const rounds = await interleave(
      Object.fromEntries(
        Object.entries(cases).map(([label, call]) => [
          label,
          async () => {
            for (let i = 0; i < 200; i++) await call();
            const start = performance.now();
            for (let i = 0; i < n; i++) await call();
            return (performance.now() - start) / n;
          },
        ]),
      ),
      7,
    );
    const [base, bare] = Object.entries(rounds)[0];
    console.log(`\n${title}: ${n} sequential calls per run, medians of 7 interleaved rounds (Node ${process.version})`);
    console.table(
      Object.entries(rounds).map(([label, figures]) => {
        const ratio = pairedRatio(figures, bare);
        return {
          case: label,
          'calls/s': Math.round(1000 / median(figures)),
          'µs/call': (median(figures) * 1000).toFixed(1),
          [`vs ${base}`]: label === base ? '' : `${ratio.toFixed(3)}× (+${((ratio - 1) * 100).toFixed(1)}%)`,
        };
      }),
    );
  }
  await compare('POST /customer over keep-alive loopback', cases, N);

  // The same without the network: a fetch that answers from memory, so that only the client's own work differs.
  const memoryFetch = async () => new Response('{"boosterCustomerId":123}', { status: 200, headers: { 'content-type': 'application/json' } });
  const inMemory = new BoosterClient({ baseUrl, auth: { bearer: 'token' }, fetch: memoryFetch });
  const inMemoryUnvalidated = new BoosterClient({ baseUrl, auth: { bearer: 'token' }, fetch: memoryFetch, validate: false });
  await compare(
    'in-memory fetch (client CPU only)',
    {
      'bare in-memory fetch': async () => {
        const res = await memoryFetch(`${baseUrl}/customer`, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json', authorization: 'Bearer token' },
          body: JSON.stringify(request),
        });
        return JSON.parse(await res.text());
      },
      'client.createCustomer': () => inMemory.createCustomer(request),
      'client, validate: false': () => inMemoryUnvalidated.createCustomer(request),
    },
    N * 10,
  );

  // The client core alone (call.ts with what it imports), and the whole package; bench/bundle-size.js
  // measures what programs that use a part of it ship.
  const rows = [
    { bundle: 'client core (call.ts, core.ts, schema.ts)', ...(await size(path.join(src, 'call.ts'))) },
    { bundle: 'whole package (index.ts)', ...(await size(path.join(src, 'index.ts'))) },
  ];
  let openapiFetch;
  try {
    openapiFetch = createRequire(path.join(root, 'package.json')).resolve('openapi-fetch');
  } catch {
    openapiFetch = process.env.OPENAPI_FETCH;
  }
  if (openapiFetch) {
    // ESM entry, bundled the same way as the client (its default export is the whole runtime).
    const entry = path.join(dir, 'openapi-fetch-entry.js');
    writeFileSync(entry, `export { default } from ${JSON.stringify(openapiFetch.replace(/\.cjs$/, '.mjs'))};\n`);
    rows.push({ bundle: 'openapi-fetch', ...(await size(entry)) });
  }
  console.table(rows.map((r) => ({ bundle: r.bundle, minified: kB(r.min), 'min+gzip': kB(r.gz) })));
  if (!openapiFetch)
    console.log('openapi-fetch is not installed: install it (npm i -D openapi-fetch) or set OPENAPI_FETCH=<its index.mjs> to compare (about 3.0 kB min+gz).');
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
