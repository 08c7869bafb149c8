// npm run bench: what a program that uses the generated package ships, bundled as users bundle it
// (esbuild --bundle --minify, then gzip -9), next to openapi-fetch bundled the same way in the same
// run, on the seeds' package (output/src) and on synthetic APIs of 100 and 1,000 operations:
//   - one operation called through its function (`createCustomer(createClient(…), request)`): the
//     first operation, and the first whose response holds dates (its date reviver comes along);
//   - the first operation's function with the opt-in imports a typical program adds (a bearer token,
//     retries, the refresh of a 401), which openapi-fetch's bundle has no counterpart of;
//   - the same operation through the client class (which holds every operation and validator);
//   - one schema imported alone: a type that refers to no other, and the first operation's request
//     schema with the schemas it refers to.
// Targets (issue 18): a function call ≤ openapi-fetch at every size (its ratio to openapi-fetch's
// bundle of the same run ≤ 1); a schema alone ≤ 1.5 kB. Figures are printed, never asserted.
//   node bench/bundle-size.js            sizes from BENCH_SIZES (default 100,1000), the seeds always
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sizes = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'booster-bundle-size-'));

/** Bytes of a program bundled, minified and gzipped as a user's build would ship it. */
async function shipped(name, program) {
  const entry = path.join(scratch, `${name}.mjs`);
  writeFileSync(entry, program);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    nodePaths: [path.join(root, 'node_modules')],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
}

/** The operations' functions of a generated src/, in file order: name, request type, and whether a date reviver comes with it. */
function operationsOf(src) {
  const text = readFileSync(path.join(src, 'operations.ts'), 'utf8');
  return text
    .split(/\nexport function /)
    .slice(1)
    .map((block) => ({ name: /^(\w+)\(/.exec(block)[1], request: /request: T\.(\w+)/.exec(block)[1], dates: block.includes('dates: D.') }));
}

/** The first schema (in file order) whose type refers to no other type: its guard calls no other guard. */
function leafSchema(src) {
  const text = readFileSync(path.join(src, 'validators.ts'), 'utf8');
  for (const section of text.split(/\n\/\/ (?=\w+\n)/).slice(1)) {
    const schema = /export const (\w+Schema) =/.exec(section)?.[1];
    if (schema && !/\bis\w+\((?:x|e\d+)\b/.test(section)) return schema;
  }
  return undefined;
}

/** The class of a generated src/ (its client.ts's one class). */
const classOf = (src) => /export class (\w+)/.exec(readFileSync(path.join(src, 'client.ts'), 'utf8'))[1];

async function measure(label, src, openapiFetch) {
  const index = JSON.stringify(path.join(src, 'index.ts'));
  const ops = operationsOf(src);
  const [first] = ops;
  const dated = ops.find((op) => op.dates);
  const call = (op) => `import { createClient, ${op.name} } from ${index};\n${op.name}(createClient({ baseUrl: 'https://api.test' }), {}).then(console.log);\n`;
  const leaf = leafSchema(src);
  const optIn =
    `import { createClient, bearer, refreshOn401, retryPolicy, ${first.name} } from ${index};\n` +
    `const retry = refreshOn401(() => {}, retryPolicy({ retries: 2 }));\n` +
    `${first.name}(createClient({ baseUrl: 'https://api.test', auth: bearer(() => 't'), retry }), {}).then(console.log);\n`;
  const rows = [
    { bundle: `function: ${first.name}`, ...(await shipped('first', call(first))) },
    ...(dated && dated !== first ? [{ bundle: `function: ${dated.name} (revives dates)`, ...(await shipped('dated', call(dated))) }] : []),
    { bundle: `opt-in: ${first.name} + bearer + retryPolicy + refreshOn401`, ...(await shipped('opt-in', optIn)) },
    {
      bundle: `class: new ${classOf(src)}().${first.name}`,
      ...(await shipped(
        'class',
        `import { ${classOf(src)} } from ${index};\nnew ${classOf(src)}({ baseUrl: 'https://api.test' }).${first.name}({}).then(console.log);\n`,
      )),
    },
    ...(leaf ? [{ bundle: `schema alone: ${leaf}`, ...(await shipped('leaf', `import { ${leaf} } from ${index};\nconsole.log(${leaf}.is({}));\n`)) }] : []),
    {
      bundle: `schema with its references: ${first.request}Schema`,
      ...(await shipped('request', `import { ${first.request}Schema } from ${index};\nconsole.log(${first.request}Schema.is({}));\n`)),
    },
  ];
  console.log(`\n${label}: ${ops.length} operations (openapi-fetch, one POST: ${kB(openapiFetch.gz)} min+gzip)`);
  const measured = rows.map((r) => ({ ...r, ratio: r.gz / openapiFetch.gz }));
  console.table(
    measured.map((r) => ({
      bundle: r.bundle,
      minified: kB(r.min),
      'min+gzip': kB(r.gz),
      'gzip vs openapi-fetch': `${r.ratio.toFixed(3)}×`,
    })),
  );
  return measured;
}

const kB = (n) => `${(n / 1000).toFixed(2)} kB`;

/** Synthetic docs of `n` operations, generated into a package by the CLI as users run it. */
function syntheticPackage(n) {
  const docs = path.join(scratch, `docs-${n}`);
  const out = path.join(scratch, `out-${n}`);
  const steps = [
    [path.join(root, 'bench/synthetic-docs.js'), '--operations', String(n), '--out', docs],
    [path.join(root, 'bin/booster-codegen.js'), 'generate', '--quiet', '--force', '--no-bump', '--input', docs, '--out', out],
  ];
  for (const args of steps) {
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0 && !(args.includes('generate') && r.status === 1)) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  }
  return path.join(out, 'src');
}

try {
  const openapiFetch = await shipped(
    'openapi-fetch',
    "import createClient from 'openapi-fetch';\ncreateClient({ baseUrl: 'https://api.test' }).POST('/customer', { body: {} }).then(console.log);\n",
  );
  const results = [['seeds', await measure('seeds (output/src)', path.join(root, 'output/src'), openapiFetch)]];
  for (const n of sizes) results.push([`${n}`, await measure(`synthetic, ${n} operations`, syntheticPackage(n), openapiFetch)]);

  const fn = results.flatMap(([n, rows]) => rows.filter((r) => r.bundle.startsWith('function')).map((r) => ({ n, ...r })));
  const worst = fn.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const leaves = results.flatMap(([, rows]) => rows.filter((r) => r.bundle.startsWith('schema alone')));
  console.log(
    `\nTarget: one operation through its function ≤ openapi-fetch at every size: ${fn.every((r) => r.ratio <= 1) ? 'met' : 'NOT met'} ` +
      `(largest ratio ${worst.ratio.toFixed(3)}× openapi-fetch's ${kB(openapiFetch.gz)} of this run: ${worst.bundle} at ${worst.n}, ${kB(worst.gz)})`,
  );
  console.log(
    `Target: one schema alone ≤ 1.5 kB min+gzip: ${leaves.every((r) => r.gz <= 1500) ? 'met' : 'NOT met'} (largest ${kB(Math.max(...leaves.map((r) => r.gz)))})`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
