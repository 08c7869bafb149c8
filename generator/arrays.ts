/**
 * Array helpers for arrays of any length. Spreading an array into a call's arguments
 * (`push(...rows)`, `Math.max(...scores)`) puts every element on the stack, which throws a
 * RangeError past some 100,000 of them (a page with one table of 170,000 rows); `npm run lint`
 * forbids that spread in generator/.
 */

/** Appends every item to `into`; returns `into`. */
export function pushAll<T>(into: T[], items: Iterable<T>): T[] {
  for (const item of items) into.push(item);
  return into;
}

/** The largest of `values`, or `floor` when none is larger. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** Appends `item` to the list `map` holds under `key`, making the list on first use (no copy per item). */
export function pushTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
