import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonAtDepth } from '../../generator/emit/render.js';

/** What `{{json value indent=n}}` must write: JSON.stringify's layout, each line after the first indented by n. */
const reference = (value: unknown, indent: number) => JSON.stringify(value, null, 2).replaceAll('\n', `\n${' '.repeat(indent)}`);

describe('jsonAtDepth ({{json … indent=n}})', () => {
  it('lays out any JSON value as JSON.stringify would at that depth, odd indents included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 9 }), (value, indent) => jsonAtDepth(value, indent) === reference(value, indent)),
      { numRuns: 500, seed: 7 },
    );
  });

  it('keeps keys that look like its own wrapping, and empty containers', () => {
    for (const value of [{ '': { '': 1 } }, { '': [] }, [], {}, [{ '': {} }], 'a\nb', null])
      for (const indent of [0, 2, 4]) expect(jsonAtDepth(value, indent)).toBe(reference(value, indent));
  });
});
