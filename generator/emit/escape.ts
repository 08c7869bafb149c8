/**
 * Where text from the docs lands in generated code, it goes through one of these, so that it
 * never escapes its comment or string literal, and names that are not identifiers are quoted.
 */
import { isIdentifier } from '../names/identifiers.js';
import { maxOf } from '../arrays.js';

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
// Control characters other than tab and newline have no business in a comment.

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * `@` at the start of a word: TypeScript (and so every editor) starts a JSDoc tag at an `@` after
 * whitespace of any kind, or at a line's start. Escaped as `\@`, which shows as `@`.
 */
const WORD_START_AT = /(?<![\p{L}\p{N}_])@/gu;

/**
 * Lines of a JSDoc body: `*\/` cannot close the comment, no line break survives unescaped, and no
 * `@` of the docs starts a tag (the generator's own tags are `JsDocTag`s).
 */
export function jsdocLines(text: string): string[] {
  if (!/[\u0000-\u001f\u007f\u0085\u2028\u2029@]|\*\//.test(text)) return [text.trimEnd()]; // most text: one plain line
  return text
    .replace(CONTROL, '')
    .replace(/\*\//g, '*\\/')
    .replace(WORD_START_AT, '\\@')
    .split(LINE_BREAKS)
    .map((l) => l.trimEnd());
}

/** A tag the generator writes (`@example …`): its text is doc text, escaped as any other. */
export interface JsDocTag {
  tag: 'example';
  text: string;
}

/** A line of a JSDoc comment as an emitter gives it: doc text, or one of the generator's tags. */
export type DocLine = string | JsDocTag;

/** The lines `line` adds to a JSDoc body. */
export function docLineBody(line: DocLine): string[] {
  if (typeof line === 'string') return line === '' ? [] : jsdocLines(line);
  const [first = '', ...rest] = jsdocLines(line.text);
  rest.unshift(`@${line.tag} ${first}`.trimEnd());
  return rest;
}

/**
 * A JavaScript string literal, written as prettier writes it (`singleQuote`): single quotes unless
 * the text holds more of them than double quotes; U+2028/U+2029 and control characters escaped.
 */
export function jsString(text: string): string {
  // Most strings (names, messages) need no escape and hold no quote: the common case, quickly.

  if (/^[^'"\\\u0000-\u001f\u2028\u2029\ud800-\udfff]*$/.test(text)) return `'${text}'`;
  const body = JSON.stringify(text)
    .slice(1, -1)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const singles = text.split("'").length - 1;
  const doubles = text.split('"').length - 1;
  return singles > doubles ? `"${body}"` : `'${body.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A property key: bare when it is an identifier, else a quoted string. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : jsString(name);
}

/** Property access: `.x` or `['x-y']`. */
export function propertyAccess(name: string): string {
  return isIdentifier(name) ? `.${name}` : `[${jsString(name)}]`;
}

/** Doc text in Markdown prose: no raw HTML, no stray code spans, no line breaks. */
export function markdownText(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROL, '')
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** Doc text as a Markdown code span: fenced by more backticks than it holds in a row, on one line. */
export function markdownCode(text: string): string {
  const t = text.replace(LINE_BREAKS, ' ').replace(CONTROL, '');
  const fence = '`'.repeat(
    maxOf(
      [...t.matchAll(/`+/g)].map((m) => m[0].length),
      0,
    ) + 1,
  );
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}
