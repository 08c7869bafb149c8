/**
 * validators.ts and types.ts are rendered a slice of their types at a time (streamed-typescript.ts):
 * whatever the slices, the text must be the file rendered and formatted whole.
 */
import { describe, expect, it } from 'vitest';
import { formatTypeScript } from '../../generator/emit/format.js';
import { renderTemplate } from '../../generator/emit/render.js';
import { streamedTypeScript, type ListTemplate } from '../../generator/emit/streamed-typescript.js';
import { typesTemplate } from '../../generator/emit/types.js';
import { validatorsTemplate } from '../../generator/emit/validators.js';
import { textOf } from '../../generator/file-content.js';
import { renderAll } from '../hostile/harness.js';
import { modelOf, seedFiles } from '../helpers.js';
import { docsFiles, syntheticDocs } from '../synthetic/docs.js';

const whole = <T>(t: ListTemplate<T>) => formatTypeScript(renderTemplate(t.name, { ...t.view, [t.key]: t.items.map(t.toView) }));

describe('a TypeScript file rendered in slices of its list', () => {
  const corpora = {
    seeds: seedFiles(),
    'synthetic docs, 150 operations': docsFiles(syntheticDocs({ operations: 150, seed: 3 })),
  };

  /** The file streamed in slices of several sizes, each time compared with it rendered whole. */
  const slicesMatch = async <T>(template: ListTemplate<T>) => {
    const expected = await whole(template);
    for (const slice of [1, 7, 256, template.items.length + 1]) expect(await textOf(streamedTypeScript(template, slice))).toBe(expected);
  };

  for (const [name, files] of Object.entries(corpora)) {
    it(`is validators.ts rendered whole, for any slice size (${name})`, () => slicesMatch(validatorsTemplate(modelOf(files), 'test')));
    it(`is types.ts rendered whole, for any slice size (${name})`, () => slicesMatch(typesTemplate(modelOf(files), 'test')));
  }

  it('is the file renderAll writes (the run streams it)', async () => {
    const { files, model } = await renderAll(seedFiles());
    expect(files.get('src/validators.ts')).toBe(await whole(validatorsTemplate(model, 'booster-codegen generate')));
    expect(files.get('src/types.ts')).toBe(await whole(typesTemplate(model, 'booster-codegen generate')));
  });

  it('with no item, is the text around the list', async () => {
    const template = { ...validatorsTemplate(modelOf(seedFiles()), 'test'), items: [] };
    expect(await textOf(streamedTypeScript(template))).toBe(await whole(template));
  });

  it('refuses a list its template does not render with an {{#each}}', async () => {
    const template = validatorsTemplate(modelOf(seedFiles()), 'test');
    Object.assign(template, { view: { ...template.view, types: [] }, key: 'nothing' });
    await expect(textOf(streamedTypeScript(template))).rejects.toThrow(/renders no \{\{#each nothing\}\}/);
  });
});
