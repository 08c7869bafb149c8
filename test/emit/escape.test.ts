/**
 * The escapes every piece of doc text goes through (generator/emit/escape.ts): whatever the text,
 * a string literal gives it back exactly and a JSDoc line cannot end its comment. Their fast paths
 * for plain text must give what the general path gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsdocLines, jsString } from '../../generator/emit/escape.js';
import { tidy } from '../../generator/read/html-shared.js';

/** Any text, with the characters that need care made frequent. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.constantFrom('a', ' ', "'", '"', '\\', '\n', '\r', '\t', '\u2028', '\u2029', '\u0000', '*/', '\ud800', '😀', '\u00a0', '\u0085', '${x}'), {
      maxLength: 20,
    })
    .map((parts) => parts.join('')),
);

describe('jsString', () => {
  it('is a one-line literal that evaluates to the text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const literal = jsString(s);
        expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(new Function(`return ${literal};`)()).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('quotes as prettier does: single quotes unless the text holds more of them than double quotes', () => {
    expect(jsString('plain text')).toBe("'plain text'");
    expect(jsString("it's")).toBe(`"it's"`);
    expect(jsString(`say "it's"`)).toBe(`'say "it\\'s"'`);
    expect(jsString('a\u2028b')).toBe("'a\\u2028b'");
  });
});

describe('jsdocLines', () => {
  it('never closes the comment nor breaks a line, and gives plain text as its one line', () => {
    fc.assert(
      fc.property(text, (s) => {
        const lines = jsdocLines(s);
        for (const line of lines) expect(line).not.toMatch(/\*\/|[\n\r\u2028\u2029\u0085]/);
        expect(lines.join('\n').replace(/\*\\\//g, '*/')).toBe(
          s
            .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
            .split(/\r\n|[\r\n\u2028\u2029\u0085]/)
            .map((l) => l.trimEnd())
            .join('\n'),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('tidy', () => {
  /** What tidy means, line by line; its fast path for text already tidy must agree. */
  const reference = (s: string) =>
    s
      .split('\n')
      .map((l) => l.replace(/[ \t\u00a0\r]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');

  it('collapses blanks and drops blank lines, as line-by-line cleaning does', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(tidy(s)).toBe(reference(s));
        expect(tidy(tidy(s))).toBe(tidy(s));
      }),
      { numRuns: 500 },
    );
  });
});
