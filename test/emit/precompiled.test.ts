/**
 * The CLI bundle carries the templates compiled at build time (scripts/build-generator.js puts
 * precompiledTemplatesScript() at its top). They must render exactly as templates compiled at run
 * time, and be used only for the very text they were compiled from.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedFiles } from '../helpers.js';
import { docsFiles, syntheticDocs } from '../synthetic/docs.js';

type Table = Record<string, { main: (...args: unknown[]) => string }>;
const GLOBAL = '__BOOSTER_PRECOMPILED_TEMPLATES__';
const global = globalThis as Record<string, unknown>;

/** The generator's modules loaded afresh, with `table` (or none) as the bundle's precompiled templates. */
async function freshGenerator(table: Table | undefined) {
  vi.resetModules();
  if (table) global[GLOBAL] = table;
  else delete global[GLOBAL];
  const render = await import('../../generator/emit/render.js');
  const { renderAll } = await import('../hostile/harness.js');
  return { render, renderAll };
}

async function builtTable(): Promise<Table> {
  const { render } = await freshGenerator(undefined);
  return new Function(`${render.precompiledTemplatesScript()}\nreturn ${GLOBAL};`)() as Table;
}

afterEach(() => {
  delete global[GLOBAL];
});

describe('precompiled templates', () => {
  it('render every file as templates compiled at run time do (seeds, synthetic docs)', async () => {
    const table = await builtTable();
    expect(Object.keys(table)).toHaveLength(10);
    for (const files of [seedFiles(), docsFiles(syntheticDocs({ operations: 40, seed: 3 }))]) {
      const runtime = await (await freshGenerator(undefined)).renderAll(files);
      const precompiled = await (await freshGenerator(table)).renderAll(files);
      expect(precompiled.files).toEqual(runtime.files);
    }
  });

  it('are found by the text of the template, so that an edited one is compiled afresh', async () => {
    const table = await builtTable();
    const source = readFileSync(path.join(import.meta.dirname, '../../templates/index.ts.hbs'), 'utf8');
    const key = createHash('sha256').update(source).digest('hex');
    expect(table[key]).toBeDefined();
    // A table whose entry for this text says something else: used for this text, not for another.
    const tampered: Table = { ...table, [key]: { ...table[key]!, main: () => 'from the table' } };
    const { render: bundled } = await freshGenerator(tampered);
    expect(bundled.compileTemplate(source)({})).toBe('from the table');
    expect(bundled.compileTemplate(`${source} `)({ header: 'h', exports: [] })).not.toBe('from the table');
  });
});
