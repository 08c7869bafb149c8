/**
 * The templates write prettier's layout themselves (prettier-layout.test.ts proves the result), so
 * that prettier, a large module to load and slow on megabytes of code, runs only on what they
 * cannot lay out. Here: on the seeds and synthetic docs (long enums and messages included), it is
 * never called at all.
 */
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatTypeScript } from '../../generator/emit/format.js';
import { renderAll } from '../hostile/harness.js';
import { seedFiles } from '../helpers.js';
import { docsFiles, syntheticDocs } from '../synthetic/docs.js';

// The module format.ts requires (Node's own require, which vi.mock does not reach: the same object).
const prettier = createRequire(import.meta.url)('prettier') as typeof import('prettier');
const format = vi.spyOn(prettier, 'format');
beforeEach(() => {
  format.mockClear();
});

const synthetic = (operations: number, seed: number) => docsFiles(syntheticDocs({ operations, seed }));

describe('generated code needs no prettier', () => {
  it('is seen here when it is called: on a line too long for its layout', async () => {
    const long = `export const values = [${Array.from({ length: 30 }, (_, i) => `'value${i}'`).join(', ')}];`;
    expect(await formatTypeScript(long)).toMatch(/^export const values = \[\n {2}'value0',\n/);
    expect(format).toHaveBeenCalledTimes(1);
  });

  it('on the seeds', async () => {
    await renderAll(seedFiles());
    expect(format).not.toHaveBeenCalled();
  });

  it.each([
    [120, 1],
    [60, 5],
  ])('on synthetic docs of %i operations, seed %i, long enums included', async (operations, seed) => {
    const { files: out } = await renderAll(synthetic(operations, seed));
    // A long enum: its union, values, test and message, laid out one item a line.
    expect(out.get('src/types.ts')).toMatch(/ =\n {2}\| '\w+'\n {2}\| /);
    expect(out.get('src/validators.ts')).toMatch(/return \(\n {4}v === /);
    expect(out.get('src/validators.ts')).toMatch(/report\(\n {6}c,\n {6}undefined,\n {6}"expected one of /);
    expect(format).not.toHaveBeenCalled();
  });
});
