import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceLocation } from '../../generator/diagnostics.js';
import { sortLocs } from '../../generator/model/operations.js';

describe('sortLocs (the sources of every fact)', () => {
  it('orders by file, then line and column as numbers, each place once', () => {
    const locs: SourceLocation[] = [
      { file: 'b.txt', line: 2 },
      { file: 'a.txt', line: 10, column: 10 },
      { file: 'a.txt', line: 10, column: 9 },
      { file: 'a.txt', line: 9 },
      { file: 'b.txt', line: 2 },
      { file: 'a.txt', line: 10, column: 9 },
    ];
    expect(sortLocs(locs)).toEqual([
      { file: 'a.txt', line: 9 },
      { file: 'a.txt', line: 10, column: 9 },
      { file: 'a.txt', line: 10, column: 10 },
      { file: 'b.txt', line: 2 },
    ]);
  });

  it('gives the same list whatever order the sources came in', () => {
    const loc = fc.record({
      file: fc.constantFrom('a', 'ab', 'b/c.html'),
      line: fc.integer({ min: 1, max: 200 }),
      column: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc
          .array(loc, { maxLength: 12 })
          .chain((locs) => fc.tuple(fc.constant(locs), fc.shuffledSubarray(locs, { minLength: locs.length, maxLength: locs.length }))),
        ([locs, shuffled]) => {
          expect(JSON.stringify(sortLocs(shuffled))).toBe(JSON.stringify(sortLocs(locs)));
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});
