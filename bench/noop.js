// npm run bench: the no-op `generate` (nothing changed since the last run) against a bare
// `node -e 0`, on the seeds and on synthetic docs of 1,000 and 10,000 operations (issue 21: at most
// 1.5× at 1,000 and 10,000). Each size is generated once, then the no-op, the anchor and the full
// run's no-op (`--no-bump`, a flag the fast path leaves to the full run) take turns in interleaved
// rounds; every figure is a median of rounds and every ratio the median of per-round ratios to the
// anchor measured in the same rounds (bench/rounds.js). Figures are printed, never asserted.
//   node bench/noop.js                          sizes from BENCH_NOOP_SIZES (default seeds,1000,10000)
//   BENCH_ROUNDS=15 node bench/noop.js          rounds per size (default 11)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RACY_MS } from '../dist/generator/up-to-date/write-record.js';
import { interleave, markdownTable, median, pairedRatio, spread } from './rounds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin/booster-codegen.js');
const SIZES = (process.env.BENCH_NOOP_SIZES ?? 'seeds,1000,10000').split(',');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const TARGET = 1.5;
const work = mkdtempSync(path.join(os.tmpdir(), 'booster-noop-'));

/** Runs `node ...args` in the scratch folder; its wall time in ms, Node's start included. */
function timed(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  return ms;
}

/** The docs of one size, written (or copied) into the scratch folder; how many pages they are. */
async function docsOf(size, dir) {
  if (size === 'seeds') {
    cpSync(path.join(root, 'input'), dir, { recursive: true });
    return { label: 'seeds', files: 4 };
  }
  const { writeSyntheticDocs } = await import('./synthetic-docs.js').then((m) => m.loadSyntheticDocs());
  const { files } = await writeSyntheticDocs(dir, { operations: Number(size), seed: 1 });
  return { label: `${Number(size).toLocaleString('en')} operations`, files };
}

async function measure(size) {
  const docs = path.join(work, `docs-${size}`);
  const out = path.join(work, `out-${size}`);
  const { label, files } = await docsOf(size, docs);
  // The record is written by a run that started RACY_MS after the docs last changed (up-to-date/write-record.ts).
  await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
  const generate = (...extra) => [cli, 'generate', '--quiet', '--input', docs, '--out', out, ...extra];
  timed(generate());
  const answered = existsSync(path.join(out, '.booster-codegen/up-to-date'));
  const runs = await interleave({ noop: () => timed(generate()), bare: () => timed(['-e', '0']), full: () => timed(generate('--no-bump')) }, ROUNDS);
  rmSync(docs, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return {
    label,
    files,
    answered,
    noop: spread(runs.noop, ms),
    bare: median(runs.bare),
    ratio: pairedRatio(runs.noop, runs.bare),
    full: median(runs.full),
    fullRatio: pairedRatio(runs.full, runs.bare),
  };
}

const ms = (v) => `${v.toFixed(0)} ms`;
const x = (v) => `${v.toFixed(2)}×`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

console.log(
  `\nNo-op generate (nothing changed) vs \`node -e 0\`: Node ${process.version}, ${os.cpus().length} cores, load average ${load()}, ${ROUNDS} interleaved rounds`,
);
const rows = [];
for (const size of SIZES) {
  rows.push(await measure(size));
  process.stderr.write(`  ${size} measured (load ${load()})\n`);
}
rmSync(work, { recursive: true, force: true });

const table = [
  ['docs', 'pages', 'no-op (min–max)', 'node -e 0', 'no-op / node -e 0', 'full run’s no-op', 'full / node -e 0'],
  ...rows.map((r) => [r.label, String(r.files), r.noop + (r.answered ? '' : ' (no record: full run)'), ms(r.bare), x(r.ratio), ms(r.full), x(r.fullRatio)]),
];
console.log(markdownTable(table));
console.log(
  "no-op: `generate --quiet` again, nothing changed (the fast path, answered from the last run's record); full run's no-op: the same with `--no-bump`, which the fast path leaves to the full run.",
);
for (const r of rows.filter((r) => r.label !== 'seeds'))
  console.log(`  ${r.ratio <= TARGET ? 'met   ' : 'MISSED'} ${r.label}: no-op at most ${TARGET}× \`node -e 0\` (issue 21): ${x(r.ratio)}`);
console.log(`load average at the end: ${load()}`);
