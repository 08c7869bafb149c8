/**
 * What the HTML readers share: parsing with source locations, and turning an element's
 * source back into located lines of text (for the `<pre>` blocks the text readers understand).
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { SourceLocation } from '../diagnostics.js';
import type { SourceLine } from './fragments.js';

export type { AnyNode, Cheerio, CheerioAPI, Element };

/** A lone UTF-16 surrogate (a string, not a decoded file, can hold one). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** parse5 pairs two lone low surrogates into an invalid code point and throws: each becomes U+FFFD (offsets stay). */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Parses with parse5 source locations: offsets into the file as written (CRLF kept), 1-based lines. */
export function loadHtml(text: string): CheerioAPI {
  return load(wellFormed(text), { sourceCodeLocationInfo: true });
}

let lineStarts: { source: string; starts: number[] } | undefined;

/**
 * Line and column of an offset into `source`. Lines and columns are counted here from parse5's
 * offsets: its own line numbers drift after some malformed markup (a character reference cut
 * by a line end, `href="?a&` + newline, counts that line end twice), its offsets do not.
 */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  if (lineStarts?.source !== source) {
    const starts = [0];
    for (const m of source.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
    lineStarts = { source, starts };
  }
  const { starts } = lineStarts;
  let [lo, hi] = [0, starts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Where an element of `source` starts; line 1 when the parser gave no location (never for parsed input). */
export function elementLoc(file: string, source: string, el: AnyNode | undefined): SourceLocation {
  const at = el?.sourceCodeLocation;
  return at ? { file, ...positionAt(source, at.startOffset) } : { file, line: 1 };
}

/** Text with runs of spaces collapsed and each line trimmed; blank lines dropped. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0\r]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** An element's text on one line. */
export function oneLine($el: Cheerio<AnyNode>): string {
  return tidy($el.text()).replace(/\n/g, ' ');
}

/**
 * The content of an element (a `<pre>` or `<code>`) as the lines of the file it spans, each
 * stripped of tags and with entities decoded, so that line numbers stay those of the file.
 */
export function innerLines(source: string, el: Element | undefined): SourceLine[] {
  const at = el?.sourceCodeLocation;
  if (!at?.startTag) return [];
  const end = at.endTag?.startOffset ?? at.endOffset;
  const raw = source.slice(at.startTag.endOffset, end);
  const first = positionAt(source, at.startTag.endOffset).line;
  return raw.split(/\r\n|\r|\n/).map((line, i) => ({ text: decodeLine(line), line: first + i }));
}

/** One line of HTML as text: tags dropped, entities decoded. */
function decodeLine(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return load(wellFormed(html), null, false).text();
}
