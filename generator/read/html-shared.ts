/**
 * What the HTML readers share: parsing with source offsets, lookups that walk the DOM (they run
 * on every page and row: no selector is compiled for them), and turning an element's source back
 * into located lines of text (for the `<pre>` blocks the text readers understand).
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import { hasChildren, isTag, isText, type AnyNode, type Document, type Element, type Text } from 'domhandler';
import { findAll, textContent, uniqueSort } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { SourceLocation } from '../diagnostics.js';
import type { SourceLine } from './fragments.js';
import { splitLines } from './lines.js';
import { pushAll } from '../arrays.js';

export type { AnyNode, Cheerio, CheerioAPI, Element };

/**
 * htmlparser2 in HTML mode (cheerio's slim entry: parse5 is not even loaded), with every node's
 * start and end offset into the file as written (CRLF kept). About ten times faster than parse5
 * with locations, and as forgiving: the readers never rely on the elements the HTML5 algorithm
 * would add (`tbody` or not, rows are found).
 */
const HTML = { xmlMode: false, decodeEntities: true, withStartIndices: true, withEndIndices: true } as const;

/** A page for selector queries (the `/metadata` index). */
export function loadHtml(text: string): CheerioAPI {
  return load(text, { xml: HTML });
}

/**
 * The same document as `loadHtml` gives, without cheerio's wrapper: the operation pages, a
 * thousand at a time, only walk the DOM (ElementIndex), and wrapping each cost a fifth of parsing it.
 */
export function parseHtml(text: string): Document {
  return parseDocument(text, HTML);
}

let lineStarts: { source: string; starts: number[] } | undefined;

/** Line and column (1-based) of an offset into `source`, as the file is written (CRLF, CR or LF). */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  if (lineStarts?.source !== source) {
    const starts = [0];
    if (!source.includes('\r')) {
      for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < source.length; i++) {
        const c = source.charCodeAt(i);
        if (c === 0x0a || (c === 0x0d && source.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
      }
    }
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
  return el && el.startIndex !== null ? { file, ...positionAt(source, el.startIndex) } : { file, line: 1 };
}

/** Text with runs of spaces collapsed and each line trimmed; blank lines dropped. */
export function tidy(text: string): string {
  if (/^(?:\S+(?: \S+)*)?$/.test(text)) return text; // already tidy: one line, single spaces
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

/** The text of nodes on one line, as `oneLine` gives for their cheerio wrapper. */
export function lineOf(nodes: AnyNode | AnyNode[]): string {
  // Most cells hold one text node: its text, without collecting it.
  const only = !Array.isArray(nodes) && hasChildren(nodes) && nodes.children.length === 1 ? nodes.children[0]! : undefined;
  const text = tidy(only && isText(only) ? only.data : textContent(nodes));
  return text.includes('\n') ? text.replace(/\n/g, ' ') : text;
}

export function hasClass(el: Element, name: string): boolean {
  const classes = el.attribs.class;
  return classes === name || (classes !== undefined && classes.includes(name) && classes.split(/\s+/).includes(name));
}

/**
 * Every element of a document by tag name, in document order, from one walk: a page's lookups
 * (headings, tables, blocks) then cost a list each instead of a walk of the whole page each.
 */
export class ElementIndex {
  private readonly byName = new Map<string, Element[]>();
  private readonly byId = new Map<string, Element>();

  constructor(root: AnyNode) {
    // Iterative: a hostile page may nest elements deeper than the stack allows recursion.
    const stack: AnyNode[] = hasChildren(root) ? [...root.children].reverse() : [];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (isTag(node)) {
        const list = this.byName.get(node.name);
        if (list) list.push(node);
        else this.byName.set(node.name, [node]);
        const id = node.attribs.id;
        if (id !== undefined && !this.byId.has(id)) this.byId.set(id, node);
      }
      if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }

  /** The elements of this tag name, in document order. */
  named(name: string): readonly Element[] {
    return this.byName.get(name) ?? [];
  }

  /** The first element with this id. */
  withId(id: string): Element | undefined {
    return this.byId.get(id);
  }
}

/** An element's text with each `<br>` as a line break (the text a browser shows). */
export function textWithBreaks(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (isTag(node) && node.name === 'br') return '\n';
  if (!hasChildren(node)) return '';
  let text = '';
  for (const child of node.children) text += textWithBreaks(child);
  return text;
}

/** Every element under `root` that `test` picks, in document order (within one element; a page's own lookups use ElementIndex). */
export function every(root: AnyNode, test: (el: Element) => boolean): Element[] {
  return hasChildren(root) ? findAll(test, root.children) : [];
}

/** True for an element inside a `<pre>` (an unclosed one holds the blocks after it, whose lines it gives already). */
export function insidePre(el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (isTag(p) && p.name === 'pre') return true;
  return false;
}

/**
 * The child elements named one of `names`: what `children('td')` selects, without compiling a
 * selector (these run for every table row of every page).
 */
export function childElements(el: AnyNode | undefined, ...names: string[]): Element[] {
  return el && 'children' in el ? el.children.filter((c): c is Element => isTag(c) && names.includes(c.name)) : [];
}

/**
 * The rows of these tables, in document order, not those of tables inside their cells: a page cut
 * off inside a cell nests every table after it there, and each enclosing table would read them all again.
 */
export function ownRows(tables: Element[]): Element[] {
  if (tables.length === 1) {
    // One table: its rows in the order of its children (and of its sections' children) are in document order.
    const rows: Element[] = [];
    for (const c of tables[0]!.children)
      if (isTag(c)) {
        if (c.name === 'tr') rows.push(c);
        else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') pushAll(rows, childElements(c, 'tr'));
      }
    return rows;
  }
  return uniqueSort(tables.flatMap((t) => [...childElements(t, 'thead', 'tbody', 'tfoot').flatMap((s) => childElements(s, 'tr')), ...childElements(t, 'tr')]));
}

/** The `th` cells of a table's header row(s). */
export function headerCells(table: Element): Element[] {
  return childElements(table, 'thead')
    .flatMap((h) => childElements(h, 'tr'))
    .flatMap((r) => childElements(r, 'th'));
}

/**
 * The content of an element (a `<pre>` or `<code>`) as the lines of the file it spans, each
 * stripped of tags and with entities decoded, so that line numbers stay those of the file.
 */
export function innerLines(source: string, el: Element | undefined): SourceLine[] {
  const [first, last] = [el?.firstChild, el?.lastChild];
  if (!first || !last || first.startIndex === null || last.endIndex === null) return [];
  const raw = source.slice(first.startIndex, last.endIndex + 1);
  const line = positionAt(source, first.startIndex).line;
  const lines = splitLines(raw);
  // Text alone, with no entity that stands for a line break: the parsed text is already the
  // decoded lines (a JSON sample has an entity on most lines; parsing each again cost more).
  if (el!.children.every(isText) && !/&(?:#|NewLine)/.test(raw)) {
    const decoded = splitLines(el!.children.map((c) => (c as Text).data).join(''));
    if (decoded.length === lines.length) return decoded.map((text, i) => ({ text, line: line + i }));
  }
  return lines.map((text, i) => ({ text: decodeLine(text), line: line + i }));
}

/** One line of HTML as text: tags dropped, entities decoded. */
function decodeLine(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return textContent(parseDocument(html, { decodeEntities: true }));
}
