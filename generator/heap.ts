/**
 * Full garbage collections between the phases of a large run: after each model pass, and after
 * each generated file is handed over. V8 sizes its heap from the largest live set it has seen and
 * lets garbage fill that size before it collects again: at 10,000 operations the model passes
 * (pages, then facts: up to 380 MB live) took the heap to twice what was live, and rendering did
 * the same after them. Collected when a phase has grown the heap by half since the last collection,
 * the peak follows what is live. Each collection costs 0.1–0.3 s at 10,000 operations; small runs
 * skip them (their heap is small anyway).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** From this many operations (or pages, before the operations are known) on, a run collects between phases. */
export const LARGE_RUN = 2000;

let gc: (() => void) | undefined;
/** Heap in use after the last collection. */
let liveAfterLast = 0;

/** Collects the garbage of the phase just ended, in a `large` run, when the phase left much (a small file leaves little). */
export function collectAfterPhase(large: boolean): void {
  if (!large || v8.getHeapStatistics().used_heap_size < liveAfterLast * 1.5) return;
  gc ??= exposedGc();
  gc();
  liveAfterLast = v8.getHeapStatistics().used_heap_size;
}

function exposedGc(): () => void {
  const global = (globalThis as { gc?: () => void }).gc;
  if (global) return global;
  // Node offers no collection call without --expose-gc; set at run time, it gives new contexts a `gc`.
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
