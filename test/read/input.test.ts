import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeHtml } from '../../generator/read/input.js';

describe('looksLikeHtml (which reader a page goes to)', () => {
  it('is an `<html` or `<!doctype html` in the first 2,000 characters, any case', () => {
    expect(looksLikeHtml('<!DOCTYPE html>\n<html>')).toBe(true);
    expect(looksLikeHtml('  <HTML lang="en">')).toBe(true);
    expect(looksLikeHtml('List<string> <htmlx> <html')).toBe(false);
    expect(looksLikeHtml(`${'x'.repeat(1994)}<html>`)).toBe(true);
    expect(looksLikeHtml(`${'x'.repeat(1995)}<html>`)).toBe(false);
  });

  it('agrees with the plain pattern on any text', () => {
    const piece = fc.constantFrom('<html>', '<HTML ', '<html\n', '<htm', '<!doctype html>', '<!DOCTYPE HTML', '<!doctype', '<', 'List<T>', 'x', ' ', '\n');
    const text = fc.oneof(
      fc.array(piece, { maxLength: 400 }).map((p) => p.join('')),
      fc.string({ maxLength: 2100 }),
    );
    fc.assert(
      fc.property(text, (t) => looksLikeHtml(t) === /<html[\s>]|<!doctype html/i.test(t.slice(0, 2000))),
      { numRuns: 500, seed: 3 },
    );
  });
});
