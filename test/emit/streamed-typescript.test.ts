/**
 * validators.ts is rendered a slice of its types at a time (streamed-typescript.ts): whatever the
 * slices, the text must be the file rendered and formatted whole.
 */
import { describe, expect, it } from 'vitest';
import { formatTypeScript } from '../../generator/emit/format.js';
import { renderAround, renderTemplate } from '../../generator/emit/render.js';
import { streamedTypeScript, type ListTemplate } from '../../generator/emit/streamed-typescript.js';
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

  for (const [name, files] of Object.entries(corpora))
    it(`is the file rendered whole, for any slice size (${name})`, async () => {
      const template = validatorsTemplate(modelOf(files), 'test');
      const expected = await whole(template);
      for (const slice of [1, 7, 256, template.items.length + 1]) expect(await textOf(streamedTypeScript(template, slice))).toBe(expected);
    });

  it('is the file renderAll writes (the run streams it)', async () => {
    const { files, model } = await renderAll(seedFiles());
    expect(files.get('src/validators.ts')).toBe(await whole(validatorsTemplate(model, 'booster-codegen generate')));
  });

  it('with no item, is the text around the list', async () => {
    const template = { ...validatorsTemplate(modelOf(seedFiles()), 'test'), items: [] };
    expect(await textOf(streamedTypeScript(template))).toBe(await whole(template));
  });

  it('refuses a list its template does not render with one {{#each}}', () => {
    expect(() => renderAround('validators.ts.hbs', { header: '' }, 'nothing')).toThrow(/'nothing' is not rendered by one \{\{#each\}\}/);
  });
});
