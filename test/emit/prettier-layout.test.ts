/**
 * The generated files are prettier's output, byte for byte: the templates write prettier's layout
 * where lines fit and only the rest goes through prettier (generator/emit/format.ts), so this is
 * what proves the templates right — on the seeds, synthetic docs of several sizes and seeds, and
 * every hostile case.
 */
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatTypeScript, isSettled } from '../../generator/emit/format.js';
import { RUNTIME_MODULES } from '../../generator/emit/runtime.js';
import type { InputFile } from '../../generator/read/input.js';
import { hostileCases } from '../hostile/corpus.js';
import { renderAll } from '../hostile/harness.js';
import { seedFiles } from '../helpers.js';
import { docsFiles, syntheticDocs } from '../synthetic/docs.js';

const TS = { parser: 'babel-ts', singleQuote: true, printWidth: 120, trailingComma: 'all' } as const;

const synthetic = (operations: number, seed: number): InputFile[] => docsFiles(syntheticDocs({ operations, seed }));

const corpora: { name: string; files: () => InputFile[] }[] = [
  { name: 'the seeds', files: seedFiles },
  { name: 'synthetic docs, 12 operations, seed 3', files: () => synthetic(12, 3) },
  { name: 'synthetic docs, 80 operations, seed 1', files: () => synthetic(80, 1) },
  ...[7, 11, 19].map((seed) => ({ name: `synthetic docs, 25 operations, seed ${seed}`, files: () => synthetic(25, seed) })),
  ...hostileCases().map((c) => ({ name: `hostile: ${c.name}`, files: () => c.files })),
];

/** The static runtime modules, the same text in every package: checked once, with the seeds'. */
const RUNTIME = new Set(RUNTIME_MODULES.map((m) => `src/${m}`));

describe.each(corpora)('$name', ({ name, files }) => {
  it('every generated file is exactly what prettier makes of it', async () => {
    const { files: out } = await renderAll(files());
    for (const [file, text] of out) {
      if (RUNTIME.has(file) && name !== 'the seeds') continue;
      if (file.endsWith('.ts')) expect(text, file).toBe(await prettier.format(text, TS));
      else if (file.endsWith('.json')) expect(text, file).toBe(await prettier.format(text, { parser: 'json-stringify' }));
    }
  });
});

describe('formatTypeScript', () => {
  it('sends a statement to prettier when a code line is too long, a blank line is out of place, or a line has trailing blanks', () => {
    expect(isSettled(`const a = 1;`)).toBe(true);
    expect(isSettled(`const a = '${'x'.repeat(120)}';`)).toBe(false);
    expect(isSettled(`/** ${'x'.repeat(200)} */\nconst a = 1;`)).toBe(true);
    expect(isSettled(`const a = '${'界'.repeat(55)}';`)).toBe(false);
    expect(isSettled(`function f() {\n\n  return 1;\n}`)).toBe(false);
    expect(isSettled(`function f() {\n  a();\n\n\n  b();\n}`)).toBe(false);
    expect(isSettled(`const a = 1; `)).toBe(false);
    // A regular expression alone on its line cannot be broken: prettier leaves it however long.
    expect(isSettled(`const A =\n  /^${'a'.repeat(130)}$/;`)).toBe(true);
    expect(isSettled(`const A = /^${'a'.repeat(130)}$/;`)).toBe(false);
  });

  it('judges any text as the line-by-line rules say (the scan takes shortcuts)', () => {
    // The rules, line by line: blank lines not doubled nor at a block's ends, no trailing blank, tab
    // or CR, and code lines no wider than 120 (non-ASCII counted 2) unless prettier cannot break them.
    const reference = (statement: string) => {
      const lines = statement.split('\n');
      return lines.every((line, i) => {
        if (line === '') {
          const [before, after] = [lines[i - 1] ?? '', lines[i + 1] ?? ''];
          return before !== '' && after !== '' && !/[{([]$/.test(before) && !/^\s*[})\]]/.test(after);
        }
        if (/\s$/.test(line) || /[\t\r]/.test(line)) return false;
        const width = line.length + line.split('').filter((c) => c.charCodeAt(0) > 0x7e).length;
        // (Of the lines prettier cannot break, these pieces only make comments.)
        return width <= 120 || line.trimStart().startsWith('//');
      });
    };
    const piece = fc.constantFrom(
      'a',
      'x = 1;',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '{',
      '}',
      ')',
      '\t',
      '界',
      'é',
      "'s'",
      '// c',
      'y'.repeat(59),
      'z'.repeat(61),
      'w'.repeat(118),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(isSettled(text)).toBe(reference(text));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('formats only what needs it, and gives the same file as prettier over the whole', async () => {
    const source = `// header\n\nconst short = [1, 2];\n\n\n\nconst long = [${Array.from({ length: 40 }, (_, i) => `'item${i}'`).join(', ')}];\n\nfunction f(a: number) {\n\n  return a;\n}\n`;
    const formatted = await formatTypeScript(source);
    expect(formatted).toBe(await prettier.format(source, TS));
  });
});
