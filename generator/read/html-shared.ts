/**
 * What the HTML readers share: parsing with source locations, and turning an element's
 * source back into located lines of text (for the `<pre>` blocks the text readers understand).
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { SourceLocation } from '../diagnostics.js';
import type { SourceLine } from './fragments.js';

export type { AnyNode, Cheerio, CheerioAPI, Element };

/** Parses with parse5 source locations: offsets into the file as written (CRLF kept), 1-based lines. */
export function loadHtml(text: string): CheerioAPI {
  return load(text, { sourceCodeLocationInfo: true });
}

/** Where an element starts; line 1 when the parser gave no location (never for parsed input). */
export function elementLoc(file: string, el: AnyNode | undefined): SourceLocation {
  const at = el?.sourceCodeLocation;
  return at ? { file, line: at.startLine, column: at.startCol } : { file, line: 1 };
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
  return raw.split(/\r\n|\r|\n/).map((line, i) => ({ text: decodeLine(line), line: at.startTag!.endLine + i }));
}

/** One line of HTML as text: tags dropped, entities decoded. */
function decodeLine(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return load(html, null, false).text();
}
