/**
 * The output depends on the docs only: not on the order the files come in, not on their line
 * ends, not on the run. Every generated file (renderFiles, as `generate` writes them) is compared
 * byte for byte; renamed files may change the model's `sources` (and the order of the
 * diagnostics, sorted by file) and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../generator/read/input.js';
import { renderAll } from '../hostile/harness.js';
import { seedFiles } from '../helpers.js';
import { fixture } from '../read/html-fixtures.js';

/** The seeds and seed 003's HTML page, which describe the same operations from several pages. */
const INPUT: InputFile[] = [...seedFiles(), { file: 'booster/ExportCustomer.xml.html', text: fixture('booster/ExportCustomer.xml.html') }];

const render = async (files: InputFile[]) => Object.fromEntries((await renderAll(files)).files);
const reference = render(INPUT);

describe('determinism', () => {
  it('gives byte-identical files on two runs', async () => {
    const [a, b] = [await reference, await render(INPUT)];
    expect(Object.keys(a).sort()).toEqual([
      'README.md',
      'api-model.json',
      'build.mjs',
      'openapi.json',
      'package.json',
      'src/auth.ts',
      'src/call.ts',
      'src/checks.ts',
      'src/class-options.ts',
      'src/client.ts',
      'src/core.ts',
      'src/dates.ts',
      'src/index.ts',
      'src/operations.ts',
      'src/retry.ts',
      'src/schema.ts',
      'src/types.ts',
      'src/validators.ts',
      'tsconfig.json',
    ]);
    for (const f of Object.keys(a)) expect(b[f], f).toBe(a[f]);
  });

  it('gives byte-identical files whatever order the files come in', async () => {
    const expected = await reference;
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(INPUT, { minLength: INPUT.length, maxLength: INPUT.length }), async (shuffled) => {
        const out = await render(shuffled);
        for (const f of Object.keys(expected)) expect(out[f], f).toBe(expected[f]);
      }),
      { numRuns: 4, seed: 7 },
    );
  });

  it('gives byte-identical files with CRLF or CR line ends', async () => {
    const expected = await reference;
    for (const eol of ['\r\n', '\r']) {
      const out = await render(INPUT.map((f) => ({ ...f, text: f.text.replace(/\r?\n/g, eol) })));
      for (const f of Object.keys(expected)) expect(out[f], `${JSON.stringify(eol)} ${f}`).toBe(expected[f]);
    }
  });

  it('changes only the sources when the files are renamed so that they sort the other way', async () => {
    const expected = await reference;
    // z…, y…, x…: the reverse of the seeds' order; the HTML page moves in front of them.
    const renamed = new Map(INPUT.map((f, i) => [f.file, `${String.fromCharCode(0x7a - i)}_${f.file.replace(/\//g, '_')}`]));
    const out = await render(INPUT.map((f) => ({ ...f, file: renamed.get(f.file)! })));
    const back = (text: string) => [...renamed].reduce((t, [from, to]) => t.split(to).join(from), text);
    for (const f of Object.keys(expected).filter((x) => x !== 'api-model.json')) expect(out[f], f).toBe(expected[f]);
    expect(normalise(JSON.parse(back(out['api-model.json']!)))).toEqual(normalise(JSON.parse(expected['api-model.json']!)));
  });
});

/**
 * What may change with the file names: which and in what order `sources` are listed (kept as
 * their count), the order of the diagnostics (sorted by file), and the order of the places a
 * message lists (`seen at a.txt:1, b.txt:2`).
 */
function normalise(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    if (key === 'sources') return value.length;
    const items = value.map((v) => normalise(v));
    return key === 'diagnostics' ? items.map((v) => JSON.stringify(v)).sort() : items;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
  if (key === 'message' && typeof value === 'string')
    return value.replace(/[\w./-]+\.(?:txt|html):\d+(?:, [\w./-]+\.(?:txt|html):\d+)+/g, (list) => list.split(', ').sort().join(', '));
  return value;
}
