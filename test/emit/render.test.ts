import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplate, jsonAtDepth } from '../../generator/emit/render.js';

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

describe('{{#each}} in the templates', () => {
  const template = compileTemplate(
    '{{#each items}}[{{code name}}{{#each tags}}<{{code this}}>{{/each}}]{{else}}none{{/each}}|{{#each tags}}{{code this}}{{/each}}',
  );
  const plain = (view: { items: { name: string; tags: string[] }[]; tags: string[] }) =>
    `${view.items.length ? view.items.map((i) => `[${i.name}${i.tags.map((t) => `<${t}>`).join('')}]`).join('') : 'none'}|${view.tags.join('')}`;

  it('writes every item in order, nested and across its chunks, or the else block for none', () => {
    for (const n of [0, 1, 31, 32, 33, 64, 65, 200]) {
      const view = {
        items: Array.from({ length: n }, (_, i) => ({ name: `n${i}`, tags: Array.from({ length: i % 3 }, (_, j) => `t${j}`) })),
        tags: ['a', 'b'],
      };
      expect(template(view)).toBe(plain(view));
    }
  });

  it('leaves what is not an array to Handlebars: an object by its values, nothing for null', () => {
    expect(compileTemplate('{{#each o}}{{code this}}{{/each}}')({ o: { a: 1, b: 2 } })).toBe('12');
    expect(compileTemplate('{{#each o}}x{{else}}empty{{/each}}')({ o: null })).toBe('empty');
  });
});
