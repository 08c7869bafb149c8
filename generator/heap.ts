/**
 * Full garbage collections in a large run, where they pay: V8 sizes its heap from the largest live
 * set it has seen and lets garbage fill that size before it collects again, so at 10,000 operations
 * the model passes (pages, then facts: up to 380 MB live) and then rendering each took the heap to
 * about twice what was live. A collection costs what is live: one is cheap just after the model
 * lets the pages, then the facts go (collectReleased), and after each generated file is handed over
 * when the heap has grown by half since the last one (collectAfterPhase). Collecting after every
 * pass as well took the peak lower still, but cost 14% more time. Small runs never collect (their
 * heap is small anyway).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** From this many operations (or pages, before the operations are known) on, a run collects between phases. */
export const LARGE_RUN = 2000;

let gc: (() => void) | undefined;
/** Heap in use after the last collection. */
let liveAfterLast = 0;

/** After a phase that let go of what it read, in a `large` run. */
export function collectReleased(large: boolean): void {
  if (large) collect();
}

/** After a phase that may have left much garbage (a file rendered), in a `large` run: when the heap has grown by half since the last collection. */
export function collectAfterPhase(large: boolean): void {
  if (large && v8.getHeapStatistics().used_heap_size >= liveAfterLast * 1.5) collect();
}

function collect(): void {
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
