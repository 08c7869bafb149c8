// npm run bench: the generator at scale, on synthetic docs (test/synthetic/docs.ts) of 10, 100 and
// 1,000 operations in every page form. For each size: the cold full run (`generate --force` into a
// fresh output folder, a child process as users run it) and the no-op incremental run, wall time
// and peak RSS; then openapi-typescript on our own openapi.json of that size (types only), side by
// side, and at the largest size where the time goes (load, read, model, each emitter), in-process.
// Figures are printed, never asserted: the verdicts compare them with the issues' targets.
//   node bench/scale.js                 sizes from BENCH_SIZES (default 10,100,1000; 10000 takes minutes)
//   BENCH_ROUNDS=9 node bench/scale.js  interleaved rounds per size (default 5)
//   BENCH_VS=../other/bin/booster-codegen.js node bench/scale.js
//                                        another build's cold run in the same rounds (a commit to compare with)
// Every figure is the median of interleaved rounds (bench/rounds.js), and every comparison the median
// of the per-round ratios to its anchor: openapi-typescript for the cold run and its memory, a bare
// `node -e 0` for the no-op run, BENCH_VS's build when given.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleave, markdownTable, median, pairedRatio, spread } from './rounds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);

// --- Worker mode: openapi-typescript on one openapi.json, timed in-process, as its CLI would run it.
if (process.argv[2] === '--openapi-typescript') {
  const [input, output] = process.argv.slice(3);
  const start = performance.now();
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const imported = performance.now();
  const ast = await openapiTS(JSON.parse(readFileSync(input, 'utf8')), { silent: true });
  const text = astToString(ast);
  writeFileSync(output, text);
  process.stdout.write(JSON.stringify({ importMs: imported - start, transformMs: performance.now() - imported, bytes: text.length }));
  process.exit(0);
}

// --- Worker mode: where one cold run's time goes, phase by phase, in-process (the generator's own modules).
if (process.argv[2] === '--phases') {
  const [input] = process.argv.slice(3);
  const start = performance.now();
  const { loadInputFiles, readPages } = await import('../dist/generator/read/input.js');
  const { buildModel } = await import('../dist/generator/model/build-model.js');
  const { DiagnosticBag } = await import('../dist/generator/diagnostics.js');
  const { DEFAULT_CONFIG } = await import('../dist/generator/config.js');
  const { EMITTERS } = await import('../dist/generator/emit/index.js');
  const phases = {};
  let at = performance.now();
  const lap = (name) => {
    const now = performance.now();
    phases[name] = (phases[name] ?? 0) + now - at;
    at = now;
  };
  phases['imports (separate modules; the bin loads one bundle)'] = at - start;
  const bag = new DiagnosticBag();
  const files = await loadInputFiles(input, bag);
  lap('load');
  const pages = readPages(files, bag);
  lap('read');
  const model = buildModel(pages, DEFAULT_CONFIG, { file: 'codegen.config.json', line: 1 }, bag);
  lap('model');
  for (const e of EMITTERS) {
    const content = await e.emit({ model, config: DEFAULT_CONFIG, command: 'booster-codegen generate' });
    if (typeof content === 'function') await content(() => {}); // a file written in pieces: produce them
    lap(`emit ${e.file}`);
  }
  process.stdout.write(JSON.stringify(phases));
  process.exit(0);
}

const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const VS = process.env.BENCH_VS && path.resolve(process.env.BENCH_VS);
const TARGET = { coldMs: 10_000, rssMb: 500, noopMs: 300, oatsRatio: 0.6, noopRatio: 1.5, vsRatio: 1.1 };

const cli = path.join(root, 'bin/booster-codegen.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'booster-scale-'));
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident set size');
// Without GNU time, the child reports its own peak RSS on exit.
const RSS_HOOK = `data:text/javascript,${encodeURIComponent("import{writeSync}from'node:fs';process.on('exit',()=>writeSync(2,'\\n@@maxrss '+process.resourceUsage().maxRSS+'\\n'))")}`;

/** Runs `node [...nodeArgs] ...args` in `cwd`; wall time (ms, process start included) and peak RSS (MiB). */
function measure(args, cwd = work, nodeArgs = []) {
  const node = [...nodeArgs, ...args];
  const [cmd, argv] = gnuTime ? ['/usr/bin/time', ['-v', process.execPath, ...node]] : [process.execPath, ['--import', RSS_HOOK, ...node]];
  const start = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const ms = performance.now() - start;
  const kb = gnuTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] : /@@maxrss (\d+)/.exec(r.stderr)?.[1];
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  return { ms, rssMb: Number(kb) / 1024, stdout: r.stdout };
}

const sizeOf = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const of = (runs, key) => runs.map((r) => r[key]);

const { writeSyntheticDocs } = await import('./synthetic-docs.js').then((m) => m.loadSyntheticDocs());
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const cpus = os.cpus();
console.log(
  `\nScale: synthetic docs, ${SIZES.join(' / ')} operations — ${cpus.length} × ${cpus[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${load()}`,
);
console.log(
  `${ROUNDS} interleaved rounds per size; peak RSS from ${gnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS in the child'}; every run is a child process (Node start included)${VS ? `; BENCH_VS: ${VS}` : ''}\n`,
);

/** One size: cold runs, openapi-typescript on the same openapi.json (and BENCH_VS's build) in turn, then no-op runs beside `node -e 0`. */
async function measureSize(n) {
  const docs = path.join(work, `docs-${n}`);
  const { docs: synthetic, files, bytes } = await writeSyntheticDocs(docs, { operations: n, seed: 1 });
  const out = (round) => path.join(work, `out-${n}-${round}`);
  const generate = (bin, dir) => measure([bin, 'generate', '--force', '--quiet', '--input', docs, '--out', dir]);
  const cold = await interleave(
    {
      ours: (round) => generate(cli, out(round)),
      oats: (round) => {
        const r = measure([self, '--openapi-typescript', path.join(out(round), 'openapi.json'), path.join(work, `oats-${n}.d.ts`)]);
        return { ...r, ...JSON.parse(r.stdout) };
      },
      // A fresh folder each round, as ours: into the last one, the run would also diff against it.
      ...(VS ? { vs: (round) => generate(VS, path.join(work, `vs-${n}-${round}`)) } : {}),
    },
    ROUNDS,
  );
  const last = out(ROUNDS - 1);
  for (let round = 0; round < ROUNDS; round++) {
    if (round < ROUNDS - 1) rmSync(out(round), { recursive: true, force: true }); // 150 MB each at 10,000
    rmSync(path.join(work, `vs-${n}-${round}`), { recursive: true, force: true });
  }
  const noop = await interleave(
    { ours: () => measure([cli, 'generate', '--quiet', '--input', docs, '--out', last]), bare: () => measure(['-e', '0']) },
    ROUNDS,
  );
  // Where the cold run goes, at the largest size.
  const phases = n === Math.max(...SIZES) ? JSON.parse(measure([self, '--phases', docs]).stdout) : undefined;
  const model = JSON.parse(readFileSync(path.join(last, 'api-model.json'), 'utf8'));
  const row = {
    n,
    input: `${files} files, ${kib(bytes)}, ${new Set(synthetic.pages.map((p) => p.form)).size} forms`,
    output: kib(sizeOf(last)),
    types: model.types.length,
    warnings: model.diagnostics.filter((d) => d.severity !== 'info').length,
    coldMs: median(of(cold.ours, 'ms')),
    cold: spread(of(cold.ours, 'ms'), ms),
    coldRss: median(of(cold.ours, 'rssMb')),
    oatsMs: median(of(cold.oats, 'ms')),
    oatsTransformMs: median(of(cold.oats, 'transformMs')),
    oatsRss: median(of(cold.oats, 'rssMb')),
    oatsRatio: pairedRatio(of(cold.ours, 'ms'), of(cold.oats, 'ms')),
    rssRatio: pairedRatio(of(cold.ours, 'rssMb'), of(cold.oats, 'rssMb')),
    noopMs: median(of(noop.ours, 'ms')),
    noopRss: median(of(noop.ours, 'rssMb')),
    noopRatio: pairedRatio(of(noop.ours, 'ms'), of(noop.bare, 'ms')),
    ...(cold.vs ? { vsRatio: pairedRatio(of(cold.ours, 'ms'), of(cold.vs, 'ms')), vsRssRatio: pairedRatio(of(cold.ours, 'rssMb'), of(cold.vs, 'rssMb')) } : {}),
    phases,
  };
  rmSync(docs, { recursive: true, force: true });
  return row;
}

const ms = (v) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`);
const mb = (v) => `${v.toFixed(0)} MB`;
const x = (v) => `${v.toFixed(2)}×`;

const rows = [];
for (const n of SIZES) {
  rows.push(await measureSize(n));
  process.stderr.write(`  ${n} operations measured (load ${load()})\n`);
}
rmSync(work, { recursive: true, force: true });

// --- The table: one row per size, growth factors per 10× next to each figure.
const growth = (key, i) => (i > 0 && rows[i - 1].n * 10 === rows[i].n ? ` (×${(rows[i][key] / rows[i - 1][key]).toFixed(1)})` : '');
const table = [
  [
    'operations',
    'docs',
    'types',
    'warnings',
    'cold run (min–max)',
    'o-ts',
    'ours / o-ts',
    'peak RSS',
    'o-ts RSS',
    'RSS / o-ts',
    'no-op',
    'no-op / node -e 0',
    ...(VS ? ['ours / BENCH_VS (time, RSS)'] : []),
    'output',
  ],
  ...rows.map((r, i) => [
    String(r.n),
    r.input,
    String(r.types),
    String(r.warnings),
    r.cold + growth('coldMs', i),
    `${ms(r.oatsMs)} (${ms(r.oatsTransformMs)} in-process)`,
    x(r.oatsRatio),
    mb(r.coldRss) + growth('coldRss', i),
    mb(r.oatsRss),
    x(r.rssRatio),
    ms(r.noopMs) + growth('noopMs', i),
    x(r.noopRatio),
    ...(VS ? [`${x(r.vsRatio)}, ${x(r.vsRssRatio)}`] : []),
    r.output,
  ]),
];
console.log(markdownTable(table));
console.log(
  '\ncold run: docs → all artifacts (model, OpenAPI, types, validators, client, package), `generate --force` into a fresh folder;' +
    '\no-ts: openapi-typescript on our openapi.json of that run → types only, its own process, in the same rounds;' +
    '\nno-op: the same command again, nothing changed, beside a bare `node -e 0` (Node start alone);' +
    `\nfigures: medians of ${ROUNDS} interleaved rounds; ratios: medians of the per-round ratios; (×k): growth against the size 10× smaller.`,
);

const broken = rows.find((r) => r.phases);
if (broken) {
  const entries = Object.entries(broken.phases);
  const total = entries.reduce((sum, [, v]) => sum + v, 0);
  const emit = entries.filter(([k]) => k.startsWith('emit '));
  const shown = [...entries.filter(([k]) => !k.startsWith('emit ')), ['emit (all files)', emit.reduce((sum, [, v]) => sum + v, 0)]];
  console.log(
    `\nBreakdown at ${broken.n} operations, in-process (one run, ${ms(total)} without Node start and writing): ` +
      shown.map(([k, v]) => `${k} ${ms(v)}`).join(', '),
  );
  console.log(
    `  emit by file: ${emit
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k.slice(5)} ${ms(v)}`)
      .join(', ')}`,
  );
}

// --- Verdicts against the issues' targets, from the medians and paired ratios above.
const verdict = (ok) => (ok ? 'met   ' : 'MISSED');
const at = (n) => rows.find((r) => r.n === n);
const big = at(1000) ?? rows.at(-1);
console.log(`\nTargets at ${big.n} operations (issue 9):`);
console.log(`  ${verdict(big.coldMs < TARGET.coldMs)} cold run under ${TARGET.coldMs / 1000} s: ${ms(big.coldMs)}`);
console.log(`  ${verdict(big.coldRss < TARGET.rssMb)} peak memory under ${TARGET.rssMb} MB: ${mb(big.coldRss)}`);
console.log(
  `  ${verdict(rows.every((r) => r.noopMs < TARGET.noopMs))} no-op run under ${TARGET.noopMs} ms at every size: ${rows.map((r) => ms(r.noopMs)).join(' / ')}`,
);
// Linear: the cost of one more operation does not grow with the size (start-up cost aside).
const marginal = rows.slice(1).map((r, i) => ({ n: r.n, perOp: (r.coldMs - rows[i].coldMs) / (r.n - rows[i].n) }));
if (marginal.length >= 2) {
  const [a, b] = marginal.slice(-2);
  const ratio = b.perOp / a.perOp;
  console.log(
    `  ${verdict(ratio < 1.5)} linear growth: ${a.perOp.toFixed(1)} ms per extra operation up to ${a.n}, ${b.perOp.toFixed(1)} ms up to ${b.n} (×${ratio.toFixed(2)}; linear is ×1)`,
  );
}
const large = rows.filter((r) => r.n >= 1000);
console.log('Targets against the anchors (issues 19 and 21), at 1,000 operations and more:');
for (const r of large) {
  console.log(`  ${verdict(r.oatsRatio <= TARGET.oatsRatio)} ${r.n}: generation at most ${TARGET.oatsRatio}× openapi-typescript: ${x(r.oatsRatio)}`);
  console.log(`  ${verdict(r.noopRatio <= TARGET.noopRatio)} ${r.n}: no-op run at most ${TARGET.noopRatio}× \`node -e 0\`: ${x(r.noopRatio)}`);
  console.log(`  ${verdict(r.rssRatio <= 1)} ${r.n}: peak RSS at most openapi-typescript's: ${x(r.rssRatio)} (${mb(r.coldRss)} vs ${mb(r.oatsRss)})`);
  if (VS) console.log(`  ${verdict(r.vsRatio <= TARGET.vsRatio)} ${r.n}: at most ${TARGET.vsRatio}× the time of BENCH_VS's build: ${x(r.vsRatio)}`);
}
if (!large.length) console.log('  (none measured: add 1000 or 10000 to BENCH_SIZES)');
console.log(`load average at the end: ${load()} (other processes on this ${cpus.length}-core machine slow every figure)`);
