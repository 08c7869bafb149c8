/** The esbuild plugin that keeps string-width (yargs's text measuring) from loading at CLI start. */
import vm from 'node:vm';
import { build } from 'esbuild';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { lazyStringWidth } from '../../scripts/lazy-string-width.js';
import { ROOT } from '../helpers.js';

const SAMPLES = [
  '',
  'abc',
  'Show help',
  '  --input  folder',
  '日本語',
  'é',
  'e\u0301',
  '👍🏽',
  '\u001b[31mred\u001b[0m',
  'tab\there',
  'a\u0000b',
  123 as unknown as string,
];

/** A bundle of `import w from 'string-width'` made with the plugin, run with a counting Intl.Segmenter. */
async function bundled() {
  const { outputFiles } = await build({
    stdin: { contents: "import width from 'string-width'; module.exports = width;", resolveDir: ROOT },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    plugins: [lazyStringWidth],
  });
  let segmenters = 0;
  const Segmenter = class extends Intl.Segmenter {
    constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
      super(...args);
      segmenters++;
    }
  };
  const module = { exports: {} as unknown };
  vm.runInNewContext(outputFiles[0]!.text, { module, exports: module.exports, require, Intl: { ...Intl, Segmenter } });
  return { width: module.exports as (text: string) => number, segmenters: () => segmenters };
}

describe('lazy string-width (scripts/lazy-string-width.js)', () => {
  it('measures as string-width does, and loads it only for text that is not printable ASCII', async () => {
    const { width, segmenters } = await bundled();
    expect(segmenters()).toBe(0);
    for (const text of ['', 'abc', 'Show help', '  --input  folder']) expect(width(text)).toBe(text.length);
    expect(segmenters()).toBe(0);
    for (const text of SAMPLES) expect(width(text)).toBe(stringWidth(text));
    expect(segmenters()).toBe(1);
  });
});
