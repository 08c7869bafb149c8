// npm run bench: figures for the generator, printed as a table. Timings are measured here, never asserted in tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../dist/generator/config.js';
import { DiagnosticBag } from '../dist/generator/diagnostics.js';
import { buildModel } from '../dist/generator/model/build-model.js';
import { readPages } from '../dist/generator/read/input.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.join(root, 'input');
const files = readdirSync(input)
  .sort()
  .map((file) => ({ file, text: readFileSync(path.join(input, file), 'utf8') }));

function measure(label, fn, minMs = 1500, warmup = 20) {
  for (let i = 0; i < warmup; i++) fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  const ms = (performance.now() - start) / runs;
  return { label, 'ms/run': ms.toFixed(3), 'runs/s': (1000 / ms).toFixed(0) };
}

const rows = [
  measure('read 4 seed pages', () => readPages(files, new DiagnosticBag())),
  measure('read + build model', () => {
    const bag = new DiagnosticBag();
    buildModel(readPages(files, bag), DEFAULT_CONFIG, { file: 'codegen.config.json', line: 1 }, bag);
  }),
];

// The whole CLI as a user runs it (process start included), into a scratch folder.
const out = mkdtempSync(path.join(tmpdir(), 'booster-bench-'));
const cli = (...extra) =>
  execFileSync(process.execPath, [path.join(root, 'bin/booster-codegen.js'), 'generate', '--quiet', '--input', input, '--out', out, ...extra]);
cli();
rows.push(measure('CLI generate, no-op (target < 300 ms)', () => cli(), 3000, 2));
rows.push(measure('CLI generate --force, full run (target < 2 s)', () => cli('--force', '--no-bump'), 6000, 1));
rows.push(measure('CLI generate --check (fresh compare)', () => cli('--check', '--force'), 6000, 1));

console.table(rows);
const mem = process.memoryUsage();
console.log(`heap used ${(mem.heapUsed / 2 ** 20).toFixed(1)} MiB, rss ${(mem.rss / 2 ** 20).toFixed(1)} MiB`);
