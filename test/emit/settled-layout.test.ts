/**
 * The templates write prettier's layout themselves (prettier-layout.test.ts proves the result), so
 * that prettier, a large module to load and slow on megabytes of code, runs only on what they
 * cannot lay out. Here: on the seeds and synthetic docs (long enums and messages included), it is
 * never called at all.
 */
import { describe, expect, it, vi } from 'vitest';
import { renderAll } from '../hostile/harness.js';
import { seedFiles } from '../helpers.js';
import { docsFiles, syntheticDocs } from '../synthetic/docs.js';

const format = vi.hoisted(() => ({ calls: 0 }));
vi.mock('prettier', async (original) => {
  const prettier = await original<typeof import('prettier')>();
  return {
    ...prettier,
    format: (...args: Parameters<typeof prettier.format>) => {
      format.calls++;
      return prettier.format(...args);
    },
  };
});

const synthetic = (operations: number, seed: number) => docsFiles(syntheticDocs({ operations, seed }));

describe('generated code needs no prettier', () => {
  it('on the seeds', async () => {
    format.calls = 0;
    await renderAll(seedFiles());
    expect(format.calls).toBe(0);
  });

  it.each([
    [120, 1],
    [60, 5],
  ])('on synthetic docs of %i operations, seed %i, long enums included', async (operations, seed) => {
    format.calls = 0;
    const { files: out } = await renderAll(synthetic(operations, seed));
    // A long enum: its union, values, test and message, laid out one item a line.
    expect(out.get('src/types.ts')).toMatch(/ =\n {2}\| '\w+'\n {2}\| /);
    expect(out.get('src/validators.ts')).toMatch(/return \(\n {4}v === /);
    expect(out.get('src/validators.ts')).toMatch(/report\(\n {6}c,\n {6}undefined,\n {6}"expected one of /);
    expect(format.calls).toBe(0);
  });
});
