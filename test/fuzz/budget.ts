/**
 * What the property tests share: how many cases to run (a few hundred in `npm test`, thousands
 * under `npm run fuzz`), a per-case time budget, a watchdog for a case that never returns, and
 * the check that every diagnostic says where.
 */
import { writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import type { Diagnostic } from '../../generator/diagnostics.js';

/** `FUZZ_RUNS`: the total number of cases the fuzz run spreads over the properties (unset: `npm test` sizes). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0);
/** Under `npm run fuzz` a fresh seed per run (or `FUZZ_SEED`); in `npm test` a fixed one, so that the suite is repeatable. */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : FUZZ_RUNS ? Date.now() % 2 ** 31 : 20_251_122;

/** Cases for one property: `share` of FUZZ_RUNS under the fuzz run, else `base`. */
export function runs(base: number, share: number): number {
  return FUZZ_RUNS ? Math.max(base, Math.ceil(FUZZ_RUNS * share)) : base;
}

/** The vitest timeout of a property with `n` cases of about `msPerCase` each. */
export function timeoutFor(n: number, msPerCase: number): number {
  return Math.max(60_000, n * msPerCase * 3);
}

/** Cases run, and the slowest, per property: the fuzz run prints them. */
export const stats = new Map<string, { cases: number; totalMs: number; maxMs: number; slowest?: string }>();

/**
 * A hang cannot be caught on the thread that hangs: a watchdog thread reads, from shared memory,
 * which case is running since when, and past `HARD_LIMIT_MS` writes that case to a file, says so
 * on stderr and kills the process, so that the run fails with the input that hung it.
 */
const HARD_LIMIT_MS = Number(process.env.FUZZ_HARD_LIMIT_MS ?? 60_000);
export const HANG_FILE = path.join(tmpdir(), `booster-fuzz-hang-${process.pid}.json`);
const INPUT_BYTES = 4 * 1024 * 1024;
const shared = new SharedArrayBuffer(16 + INPUT_BYTES);
const started = new Float64Array(shared, 0, 1);
const length = new Int32Array(shared, 8, 1);
const input = new Uint8Array(shared, 16);
const watchdog = new Worker(
  `const { workerData: w } = require('node:worker_threads');
   const fs = require('node:fs');
   const started = new Float64Array(w.shared, 0, 1), length = new Int32Array(w.shared, 8, 1), input = new Uint8Array(w.shared, 16);
   setInterval(() => {
     const t = started[0];
     if (!t || Date.now() - t < w.limit) return;
     const text = Buffer.from(input.slice(0, length[0])).toString('utf8');
     fs.writeFileSync(w.file, text);
     fs.writeSync(2, '\\nfuzz: a case ran for more than ' + w.limit + ' ms (a hang); its input is in ' + w.file + '\\n');
     process.kill(process.pid, 'SIGKILL');
   }, 200);`,
  { eval: true, workerData: { shared, limit: HARD_LIMIT_MS, file: HANG_FILE } },
);
watchdog.unref();
if (FUZZ_RUNS) writeSync(2, `fuzz: seed ${SEED} (FUZZ_SEED=${SEED} repeats this run)\n`);

let current = '';

/** Tells the watchdog which case runs from now on. */
function enter(property: string, caseInput: unknown): number {
  current = JSON.stringify({ property, seed: SEED, input: caseInput }) ?? 'null';
  const json = Buffer.from(current, 'utf8');
  input.set(json.subarray(0, INPUT_BYTES));
  length[0] = Math.min(json.length, INPUT_BYTES);
  started[0] = Date.now();
  return performance.now();
}

/** Records the case's time; throws (failing the property, so that fast-check shrinks the input) past the budget. */
function leave(property: string, budgetMs: number, t0: number): void {
  started[0] = 0;
  const ms = performance.now() - t0;
  const s = stats.get(property) ?? { cases: 0, totalMs: 0, maxMs: 0 };
  stats.set(property, { cases: s.cases + 1, totalMs: s.totalMs + ms, maxMs: Math.max(s.maxMs, ms), slowest: ms > s.maxMs ? current : s.slowest });
  // Progress of a long fuzz run, straight to the terminal (vitest shows a test's console output only when it ends).
  if (FUZZ_RUNS && (s.cases + 1) % 500 === 0) writeSync(2, `fuzz: ${property}: ${s.cases + 1} cases\n`);
  if (ms > budgetMs) throw new Error(`${property}: one case took ${Math.round(ms)} ms (budget ${budgetMs} ms)`);
}

/** Runs one case under the watchdog and the per-case time budget. */
export function timed<T>(property: string, budgetMs: number, caseInput: unknown, run: () => T): T {
  const t0 = enter(property, caseInput);
  let ok = false;
  try {
    const result = run();
    ok = true;
    return result;
  } finally {
    if (ok) leave(property, budgetMs, t0);
    else started[0] = 0;
  }
}

/** The async flavour of `timed`, for the rendering pipeline (prettier is async). */
export async function timedAsync<T>(property: string, budgetMs: number, caseInput: unknown, run: () => Promise<T>): Promise<T> {
  const t0 = enter(property, caseInput);
  let ok = false;
  try {
    const result = await run();
    ok = true;
    return result;
  } finally {
    if (ok) leave(property, budgetMs, t0);
    else started[0] = 0;
  }
}

/** fast-check parameters: the run's seed, and the number of cases. */
export function params(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, seed: SEED, endOnFailure: false };
}

/** Files whose line counts bound the diagnostics' line numbers. */
export type LineCounts = ReadonlyMap<string, number>;

export function lineCounts(files: readonly { file: string; text: string }[]): Map<string, number> {
  return new Map(files.map((f) => [f.file, f.text.split(/\r\n|\r|\n/).length]));
}

/**
 * Diagnostics that do not say where: every one needs a file it was given and a line within it,
 * except those about the input as a whole (SS002: no operation at all) and the config's.
 */
export function unlocated(diagnostics: readonly Diagnostic[], files: LineCounts): string[] {
  return diagnostics
    .filter((d) => {
      if (d.code === 'SS002') return false;
      const loc = d.loc;
      if (!loc) return true;
      if (loc.file === 'codegen.config.json') return loc.line !== 1;
      const lines = files.get(loc.file);
      return (
        lines === undefined ||
        !Number.isInteger(loc.line) ||
        loc.line < 1 ||
        loc.line > lines ||
        (loc.column !== undefined && (!Number.isInteger(loc.column) || loc.column < 1))
      );
    })
    .map((d) => `${d.loc?.file}:${d.loc?.line}:${d.loc?.column ?? ''} ${d.code} ${d.message.slice(0, 200)}`);
}

/** The per-property figures, for the fuzz run's report. */
export function report(): string {
  const rows = [...stats].map(
    ([p, s]) => `${p.padEnd(34)} ${String(s.cases).padStart(7)} cases  ${(s.totalMs / 1000).toFixed(1).padStart(7)} s  slowest ${Math.round(s.maxMs)} ms`,
  );
  const total = [...stats.values()].reduce((a, s) => ({ cases: a.cases + s.cases, ms: a.ms + s.totalMs }), { cases: 0, ms: 0 });
  return [`seed ${SEED}`, ...rows, `${'total'.padEnd(34)} ${String(total.cases).padStart(7)} cases  ${(total.ms / 1000).toFixed(1).padStart(7)} s`].join('\n');
}

/** The report, and the slowest input of every property (to look into). */
export function writeReport(file: string): void {
  writeFileSync(file, `${report()}\n\n${[...stats.values()].map((s) => s.slowest).join('\n')}\n`);
}
