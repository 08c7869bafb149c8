/**
 * The layout rules (generator/emit/layout.ts), each as a table of given/want cases; every `want` is
 * also what prettier (with the options the generated files are formatted with) makes of the same
 * code written flat, so that a rule that drifts from prettier's fails here, not in a large corpus.
 */
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { TS_OPTIONS } from '../../generator/emit/format.js';
import {
  block,
  callStatement,
  clause,
  docComment,
  functionBody,
  ifElse,
  listLayout,
  PRINT_WIDTH,
  returnAnyOf,
  tooLong,
  unionLayout,
  type Lines,
} from '../../generator/emit/layout.js';

/** `n` identifiers of `width` characters each: `a0000…`, `a0001…`. */
const names = (n: number, width: number) => Array.from({ length: n }, (_, i) => `a${String(i).padStart(width - 1, '0')}`);
/** `n` string literals of `width` characters each, quotes included. */
const literals = (n: number, width: number) => names(n, width - 2).map((s) => `'${s}'`);

/** Prettier's layout of `code`, without the final newline. */
const pretty = async (code: string) => (await prettier.format(code, TS_OPTIONS)).trimEnd();

/** Code around a fragment, so that prettier parses it: the fragment's first line is placed at its indentation. */
const inFunction = (body: string) => `function f(v: unknown) {\n${body}\n}`;
const inClass = (member: string) => `class C {\n  ${member}\n  m(): void {}\n}`;
const alone = (code: string) => code;

describe('tooLong', () => {
  it.each([
    ['fits at the width', 'x'.repeat(PRINT_WIDTH), false],
    ['one over the width', 'x'.repeat(PRINT_WIDTH + 1), true],
    ['non-ASCII: left to prettier, which counts widths', 'é'.repeat(PRINT_WIDTH + 1), false],
  ])('%s', (_, given, want) => {
    expect(tooLong(given)).toBe(want);
  });
});

describe('listLayout', () => {
  const cases: [string, { given: Parameters<typeof listLayout>; want: string; wrap?: (code: string) => string }][] = [
    ['fits: one line', { given: ['f(', ['a', 'b'], ');'], want: 'f(a, b);' }],
    ['no items: one line, however long the head', { given: [`${'x'.repeat(130)}(`, [], ');'], want: `${'x'.repeat(130)}();` }],
    [
      'too long: one item a line, with a trailing comma',
      {
        given: ['f(', names(6, 20), ');'],
        want: `f(\n${names(6, 20)
          .map((n) => `  ${n},\n`)
          .join('')});`,
      },
    ],
    [
      'padded braces when flat (export names)',
      { given: ['export type {', ['A', 'B'], "} from './types.js';", { pad: ' ' }], want: "export type { A, B } from './types.js';" },
    ],
    [
      'padded braces, too long: no padding, one a line',
      {
        given: ['export type {', names(6, 20), "} from './types.js';", { pad: ' ' }],
        want: `export type {\n${names(6, 20)
          .map((n) => `  ${n},\n`)
          .join('')}} from './types.js';`,
      },
    ],
    [
      'the indentation counts: fits at 0, not at 4',
      {
        given: ['f(', names(5, 22), ');', { indent: '    ' }],
        want: `f(\n${names(5, 22)
          .map((n) => `      ${n},\n`)
          .join('')}    );`,
        wrap: (code) => `function g() {\n  {\n    ${code}\n  }\n}`,
      },
    ],
  ];
  it.each(cases)('%s', async (_, { given, want, wrap = alone }) => {
    const [head, items, tail, options] = given;
    expect(listLayout(...given)).toBe(want);
    expect(await pretty(wrap(`${head}${options?.pad ?? ''}${items.join(', ')}${options?.pad ?? ''}${tail}`))).toBe(wrap(want));
  });
});

describe('unionLayout', () => {
  const head = 'export type Kind =';
  it.each([
    ['fits: one line', { given: ["'A'", "'B'"], want: `${head} 'A' | 'B';` }],
    ['too long with its head: the union on the next line', { given: literals(4, 26), want: `${head}\n  ${literals(4, 26).join(' | ')};` }],
    [
      'too long alone: one member a line',
      {
        given: literals(6, 26),
        want: `${head}\n${literals(6, 26)
          .map((l) => `  | ${l}`)
          .join('\n')};`,
      },
    ],
    ['one member too long: on the next line, unbroken', { given: [`'${'x'.repeat(125)}'`], want: `${head}\n  '${'x'.repeat(125)}';` }],
  ])('%s', async (_, { given, want }) => {
    expect(unionLayout(head, given)).toBe(want);
    expect(await pretty(`${head} ${given.join(' | ')};`)).toBe(want);
  });
});

describe('returnAnyOf', () => {
  it.each([
    ['fits: one line', { given: ["v === 'A'", "v === 'B'"], want: "  return v === 'A' || v === 'B';" }],
    [
      'too long: in parentheses, one operand a line',
      {
        given: literals(8, 14).map((l) => `v === ${l}`),
        want: `  return (\n${literals(8, 14)
          .map((l) => `    v === ${l}`)
          .join(' ||\n')}\n  );`,
      },
    ],
  ])('%s', async (_, { given, want }) => {
    expect(returnAnyOf(given)).toBe(want);
    expect(await pretty(inFunction(`  return ${given.join(' || ')};`))).toBe(inFunction(want));
  });
});

describe('functionBody', () => {
  const long = names(1, 70)[0]!;
  const message = `'${'m'.repeat(60)}'`;
  const cases: [string, { given: Lines; flat: string[]; want: string }][] = [
    ['an if that fits: one line', { given: [clause('if (!v)', 'return false;')], flat: ['if (!v) return false;'], want: '  if (!v) return false;' }],
    [
      'an if too long: its statement on the next line',
      { given: [clause(`if (!${long})`, `return ${long};`)], flat: [`if (!${long}) return ${long};`], want: `  if (!${long})\n    return ${long};` },
    ],
    [
      'an if whose statement is too long even alone: its call one argument a line',
      {
        given: [clause(`if (!${long})`, callStatement('report', ['c', long, message]))],
        flat: [`if (!${long}) report(c, ${long}, ${message});`],
        want: `  if (!${long})\n    report(\n      c,\n      ${long},\n      ${message},\n    );`,
      },
    ],
    [
      'a call statement too long: one argument a line',
      {
        given: [callStatement('report', ['c', long, message])],
        flat: [`report(c, ${long}, ${message});`],
        want: `  report(\n    c,\n    ${long},\n    ${message},\n  );`,
      },
    ],
    [
      'blocks nest by 2; `} else` after a block',
      {
        given: ifElse(block('if (Array.isArray(v))', [clause('if (!v.length)', 'return false;')]), block('else', ['return true;'])),
        flat: ['if (Array.isArray(v)) {', 'if (!v.length) return false;', '} else {', 'return true;', '}'],
        want: '  if (Array.isArray(v)) {\n    if (!v.length) return false;\n  } else {\n    return true;\n  }',
      },
    ],
    [
      '`else` on its own line after a statement',
      {
        given: ifElse([clause('if (v == null)', 'return false;')], [clause('else if (!v)', 'return true;')]),
        flat: ['if (v == null) return false;', 'else if (!v) return true;'],
        want: '  if (v == null) return false;\n  else if (!v) return true;',
      },
    ],
  ];
  it.each(cases)('%s', async (_, { given, flat, want }) => {
    expect(functionBody(given)).toBe(want);
    expect(await pretty(inFunction(flat.join('\n')))).toBe(inFunction(want));
  });
});

describe('docComment', () => {
  it.each([
    ['nothing: no comment', { given: [] as string[], indent: 0, want: '' }],
    ['one line: on one line', { given: ['Says what.'], indent: 0, want: '/** Says what. */' }],
    ['lines: one a line, continuation indented', { given: ['First.', '', 'Then.'], indent: 0, want: '/**\n * First.\n *\n * Then.\n */' }],
    ['in a class: indented by 2', { given: ['First.', 'Then.'], indent: 2, want: '/**\n   * First.\n   * Then.\n   */' }],
  ])('%s', async (_, { given, indent, want }) => {
    expect(docComment(given, indent)).toBe(want);
    if (!want) return;
    const [wrap, code] = indent ? [inClass, (doc: string) => `${doc}\n  x = 1;`] : [alone, (doc: string) => `${doc}\nexport const x = 1;`];
    // Prettier re-indents a comment's continuation lines: written flush left, they come out as `want`.
    expect(await pretty(wrap(code(want.replace(/\n +/g, '\n'))))).toBe(wrap(code(want)));
  });
});
