/**
 * The ratchet's record: for each form × scope × API, how many facts were right (and out of how
 * many) when floor.json was last recorded. `UPDATE_CORPUS_FLOOR=1 npx vitest run test/corpus`
 * records today's figures; raise it when the generator improves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurementKey, type Measurement } from './measure.js';

export type Floor = Record<string, { right: number; total: number }>;

export const FLOOR_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'floor.json');

export function readFloor(): Floor {
  return JSON.parse(readFileSync(FLOOR_FILE, 'utf8')) as Floor;
}

export function writeFloor(results: readonly Measurement[]): void {
  const floor: Floor = Object.fromEntries(results.map((r) => [measurementKey(r), { right: r.score.right, total: r.score.total }]));
  writeFileSync(FLOOR_FILE, `${JSON.stringify(floor, null, 2)}\n`);
}

/** Why a cell fails the ratchet, or undefined when it holds. */
export function belowFloor(result: Measurement, floor: Floor): string | undefined {
  const key = measurementKey(result);
  const recorded = floor[key];
  if (!recorded) return `${key}: no floor recorded (UPDATE_CORPUS_FLOOR=1 records one)`;
  if (result.score.total !== recorded.total)
    return `${key}: ${result.score.total} facts expected now, ${recorded.total} when the floor was recorded: the corpus changed, record the floor again`;
  if (result.score.right < recorded.right) {
    const lost = recorded.right - result.score.right;
    return `${key}: ${result.score.right}/${result.score.total} right, the floor is ${recorded.right} (${lost} fewer). Wrong now:\n  ${result.score.wrong.join('\n  ')}`;
  }
  return undefined;
}
