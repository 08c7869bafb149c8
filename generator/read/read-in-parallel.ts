/**
 * Reads the pages of a large input on several threads: each worker reads a contiguous run of the
 * sorted files with readPages, so that pages and diagnostics come back in exactly the order one
 * thread would give. Small inputs stay on the calling thread (starting a worker costs more).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DiagnosticBag, type Diagnostic } from '../diagnostics.js';
import type { PageFragments } from './fragments.js';
import { readPages, type InputFile } from './input.js';

/** Below this much text, one thread is faster. */
const MIN_PARALLEL_CHARS = 1_500_000;
/** Compiled next to this module; absent when it runs from source (tests): then one thread reads. */
const WORKER = fileURLToPath(new URL('./read-worker.js', import.meta.url));

export interface ReadResult {
  pages: PageFragments[];
  diagnostics: Diagnostic[];
}

/** `BOOSTER_CODEGEN_THREADS=n` sets the number of threads (1: no worker); by default, the cores for a large input. */
function threadsFor(files: readonly InputFile[]): number {
  const set = Number(process.env.BOOSTER_CODEGEN_THREADS);
  if (Number.isInteger(set) && set >= 1) return Math.min(set, files.length || 1);
  const chars = files.reduce((n, f) => n + f.text.length, 0);
  return chars < MIN_PARALLEL_CHARS ? 1 : Math.min(availableParallelism(), 4);
}

/** Contiguous runs of the sorted files, of about equal size. */
function runs(files: InputFile[], count: number): InputFile[][] {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const out: InputFile[][] = [[]];
  let size = 0;
  for (const f of files) {
    if (size >= (total / count) * out.length && out.length < count) out.push([]);
    out.at(-1)!.push(f);
    size += f.text.length;
  }
  return out;
}

function readInWorker(files: InputFile[]): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: files });
    worker.once('message', (result: ReadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`page reader thread exited with code ${code}`)));
  });
}

function readHere(files: InputFile[]): ReadResult {
  const bag = new DiagnosticBag();
  return { pages: readPages(files, bag), diagnostics: bag.items };
}

/** readPages, on as many threads as pay off; same pages and diagnostics, in the same order. */
export async function readPagesInParallel(files: InputFile[], bag: DiagnosticBag): Promise<PageFragments[]> {
  const threads = existsSync(WORKER) ? threadsFor(files) : 1;
  if (threads <= 1) return readPages(files, bag);
  const [first, ...rest] = runs([...files].sort((a, b) => (a.file < b.file ? -1 : 1)), threads);
  const elsewhere = rest.map(readInWorker);
  const results = [readHere(first!), ...(await Promise.all(elsewhere))];
  for (const r of results) bag.items.push(...r.diagnostics);
  return results.flatMap((r) => r.pages);
}
