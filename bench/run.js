// npm run bench: figures for the generator, printed as a table. Timings are measured here, never asserted in tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../dist/generator/config.js';
import { DiagnosticBag } from '../dist/generator/diagnostics.js';
import { buildModel } from '../dist/generator/model/build-model.js';
import { readPages } from '../dist/generator/read/input.js';
import { interleave, median, pairedRatio } from './rounds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.join(root, 'input');
const files = readdirSync(input)
  .sort()
  .map((file) => ({ file, text: readFileSync(path.join(input, file), 'utf8') }));

/** One round of `fn`: its mean time over at least `minMs` (after `warmup` calls), in ms. */
function round(fn, minMs, warmup) {
  for (let i = 0; i < warmup; i++) fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - start) / runs;
}

const row = (label, figures, anchor) => ({
  label,
  'ms/run (median)': median(figures).toFixed(3),
  'runs/s': (1000 / median(figures)).toFixed(0),
  'vs node -e 0': anchor ? `${pairedRatio(figures, anchor).toFixed(2)}×` : '',
});

const ROUNDS = 5;
const inProcess = await interleave(
  {
    'read 4 seed pages': () => round(() => readPages(files, new DiagnosticBag()), 300, 20),
    'read + build model': () =>
      round(
        () => {
          const bag = new DiagnosticBag();
          buildModel(readPages(files, bag), DEFAULT_CONFIG, { file: 'codegen.config.json', line: 1 }, bag);
        },
        300,
        20,
      ),
  },
  ROUNDS,
);

// The whole CLI as a user runs it (process start included), into a scratch folder, beside a bare Node start.
const out = mkdtempSync(path.join(tmpdir(), 'booster-bench-'));
const cli = (...extra) =>
  execFileSync(process.execPath, [path.join(root, 'bin/booster-codegen.js'), 'generate', '--quiet', '--input', input, '--out', out, ...extra]);
cli();
const processes = await interleave(
  {
    'node -e 0': () => round(() => execFileSync(process.execPath, ['-e', '0']), 600, 1),
    'CLI generate, no-op (target < 300 ms)': () => round(() => cli(), 600, 1),
    'CLI generate --force, full run (target < 2 s)': () => round(() => cli('--force', '--no-bump'), 1200, 1),
    'CLI generate --check (fresh compare)': () => round(() => cli('--check', '--force'), 1200, 1),
  },
  ROUNDS,
);
rmSync(out, { recursive: true, force: true });

console.log(`Seeds (input/): medians of ${ROUNDS} interleaved rounds; ratios to a bare Node start paired round by round`);
console.table([
  ...Object.entries(inProcess).map(([label, figures]) => row(label, figures)),
  ...Object.entries(processes).map(([label, figures]) => row(label, figures, label === 'node -e 0' ? undefined : processes['node -e 0'])),
]);
const mem = process.memoryUsage();
console.log(`heap used ${(mem.heapUsed / 2 ** 20).toFixed(1)} MiB, rss ${(mem.rss / 2 ** 20).toFixed(1)} MiB`);
