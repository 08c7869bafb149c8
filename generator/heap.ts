/**
 * Full garbage collections between the phases of a large run: after the model is built, and after
 * each generated file is handed over. V8 sizes its heap from the largest live set it has seen,
 * here the model passes' (pages, then facts: 380 MB at 10,000 operations), and lets garbage fill
 * that size before it collects again: rendering then took the peak to twice what was live. With
 * the heap collected when each phase's data is released, the peak follows what is live. Each
 * collection costs ~0.1 s at 10,000 operations; small runs skip them (their heap is small anyway).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { ApiModel } from './model/api-model.js';

/** From this many operations on, a run collects between phases. */
const LARGE_MODEL_OPERATIONS = 2000;

let gc: (() => void) | undefined;
/** Heap in use after the last collection. */
let liveAfterLast = 0;

/** Collects the garbage of the phase just ended, when the model is large and the phase left much (a small file leaves little). */
export function collectAfterPhase(model: ApiModel): void {
  if (model.operations.length < LARGE_MODEL_OPERATIONS || v8.getHeapStatistics().used_heap_size < liveAfterLast * 1.5) return;
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
