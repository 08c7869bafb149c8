// npm run bench: the generator at scale, on synthetic docs (test/synthetic/docs.ts) of 10, 100 and
// 1,000 operations in every page form. For each size: the cold full run (`generate --force` into a
// fresh output folder, a child process as users run it) and the no-op incremental run, wall time
// and peak RSS; then openapi-typescript on our own openapi.json of that size (types only), side by
// side, and at the largest size where the time goes (load, read, model, each emitter), in-process.
// Figures are printed, never asserted: the verdicts compare them with the targets of issue 9.
//   node bench/scale.js            sizes from BENCH_SIZES (default 10,100,1000)
//   BENCH_REPS=3 node bench/scale.js   cold runs (each followed by an openapi-typescript run) per size (default 5)
// Cold runs and openapi-typescript runs report the best of their repetitions (other processes on the
// machine only ever add time), no-op runs the median of 5.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
    await e.emit({ model, config: DEFAULT_CONFIG, command: 'booster-codegen generate' });
    lap(`emit ${e.file}`);
  }
  process.stdout.write(JSON.stringify(phases));
  process.exit(0);
}

const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const NOOP_REPS = 5;
const reps = () => Number(process.env.BENCH_REPS ?? 5);
const TARGET = { coldMs: 10_000, rssMb: 500, noopMs: 300 };

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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const best = (xs) => Math.min(...xs);
const sizeOf = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;

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
  `peak RSS from ${gnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS in the child'}; every run is a child process (Node start included)\n`,
);

const rows = [];
for (const n of SIZES) {
  const docs = path.join(work, `docs-${n}`);
  const { docs: synthetic, files, bytes } = await writeSyntheticDocs(docs, { operations: n, seed: 1 });
  const forms = new Set(synthetic.pages.map((p) => p.form)).size;
  const cold = [];
  const oats = [];
  let out = '';
  // Taken in turns, so that both see the machine in the same state (its speed drifts by a fifth here).
  for (let i = 0; i < reps(); i++) {
    out = path.join(work, `out-${n}-${i}`);
    cold.push(measure([cli, 'generate', '--force', '--quiet', '--input', docs, '--out', out]));
    const r = measure([self, '--openapi-typescript', path.join(out, 'openapi.json'), path.join(work, `oats-${n}.d.ts`)]);
    oats.push({ ...r, ...JSON.parse(r.stdout) });
  }
  const noop = Array.from({ length: NOOP_REPS }, () => measure([cli, 'generate', '--quiet', '--input', docs, '--out', out]));
  // Where the cold run goes, at the largest size.
  const phases = n === Math.max(...SIZES) ? JSON.parse(measure([self, '--phases', docs]).stdout) : undefined;
  const model = JSON.parse(readFileSync(path.join(out, 'api-model.json'), 'utf8'));
  const warnings = model.diagnostics.filter((d) => d.severity !== 'info').length;
  rows.push({
    n,
    input: `${files} files, ${kib(bytes)}, ${forms} forms`,
    output: kib(sizeOf(out)),
    types: model.types.length,
    warnings,
    coldMs: best(cold.map((r) => r.ms)),
    coldRss: Math.max(...cold.map((r) => r.rssMb)),
    noopMs: median(noop.map((r) => r.ms)),
    noopRss: Math.max(...noop.map((r) => r.rssMb)),
    oatsMs: best(oats.map((r) => r.ms)),
    medianRatio: median(cold.map((r) => r.ms)) / median(oats.map((r) => r.ms)),
    oatsTransformMs: best(oats.map((r) => r.transformMs)),
    oatsRss: Math.max(...oats.map((r) => r.rssMb)),
    phases,
  });
  process.stderr.write(`  ${n} operations measured (load ${load()})\n`);
}
rmSync(work, { recursive: true, force: true });

// --- The table: one row per size, growth factors per 10× next to each figure.
const growth = (key, i) => (i > 0 && rows[i - 1].n * 10 === rows[i].n ? ` (×${(rows[i][key] / rows[i - 1][key]).toFixed(1)})` : '');
const ms = (v) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`);
const mb = (v) => `${v.toFixed(0)} MB`;
const table = [
  ['operations', 'docs', 'types', 'warnings', 'cold run', 'cold peak RSS', 'no-op run', 'no-op RSS', 'openapi-typescript', 'its RSS', 'ours / o-ts', 'output'],
  ...rows.map((r, i) => [
    String(r.n),
    r.input,
    String(r.types),
    String(r.warnings),
    ms(r.coldMs) + growth('coldMs', i),
    mb(r.coldRss) + growth('coldRss', i),
    ms(r.noopMs) + growth('noopMs', i),
    mb(r.noopRss),
    `${ms(r.oatsMs)} (${ms(r.oatsTransformMs)} in-process)` + growth('oatsMs', i),
    mb(r.oatsRss),
    `${(r.coldMs / r.oatsMs).toFixed(2)}× (median ${r.medianRatio.toFixed(2)}×)`,
    r.output,
  ]),
];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
const line = (row) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
console.log(line(table[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
console.log(
  '\ncold run: docs → all artifacts (model, OpenAPI, types, validators, client, package), `generate --force` into a fresh folder;' +
    '\nno-op run: the same command again, nothing changed; openapi-typescript: our openapi.json → types only, its own process.' +
    '\n(×k): growth against the size 10× smaller; ours / o-ts: cold run over openapi-typescript, both wall time, best against best (and median against median).' +
    `\ncold and openapi-typescript: best of ${reps()} runs taken in turns; no-op: median of ${NOOP_REPS}; peak RSS: the highest seen.`,
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

// --- Verdicts against issue 9's targets.
const big = rows.find((r) => r.n === 1000) ?? rows.at(-1);
const verdict = (ok) => (ok ? 'met   ' : 'MISSED');
console.log(`\nTargets (issue 9), at ${big.n} operations:`);
console.log(`  ${verdict(big.coldMs < TARGET.coldMs)} cold run under ${TARGET.coldMs / 1000} s: ${ms(big.coldMs)}`);
console.log(`  ${verdict(big.coldRss < TARGET.rssMb)} peak memory under ${TARGET.rssMb} MB: ${mb(big.coldRss)}`);
const slowestNoop = Math.max(...rows.map((r) => r.noopMs));
console.log(`  ${verdict(slowestNoop < TARGET.noopMs)} no-op run under ${TARGET.noopMs} ms at every size: ${rows.map((r) => ms(r.noopMs)).join(' / ')}`);
// Linear: the cost of one more operation does not grow with the size (start-up cost aside).
const marginal = rows.slice(1).map((r, i) => ({ n: r.n, perOp: (r.coldMs - rows[i].coldMs) / (r.n - rows[i].n) }));
if (marginal.length >= 2) {
  const [a, b] = marginal.slice(-2);
  const ratio = b.perOp / a.perOp;
  console.log(
    `  ${verdict(ratio < 1.5)} linear growth: ${a.perOp.toFixed(1)} ms per extra operation up to ${a.n}, ${b.perOp.toFixed(1)} ms up to ${b.n} (×${ratio.toFixed(2)}; linear is ×1)`,
  );
}
console.log(
  `  ${verdict(big.coldMs <= big.oatsMs)} not slower than openapi-typescript (types only): ${(big.coldMs / big.oatsMs).toFixed(2)}× its time (medians: ${big.medianRatio.toFixed(2)}×)`,
);
console.log(`load average at the end: ${load()} (other processes on this ${cpus.length}-core machine slow every figure)`);
