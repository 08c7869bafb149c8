/**
 * What the TypeScript and C# DTO readers share: a tokenizer for C-like source that keeps every
 * token's line and column, comments kept as tokens (TypeScript's attributes live in
 * `// @Route(…)` comments, descriptions in `/** @description … *\/` and C#'s `///<summary>`),
 * a cursor with the skips that error recovery needs, and the attribute arguments.
 *
 * Nothing here throws or recurses on the input: a file of any size and shape is read in one pass.
 */
import type { DiagnosticCode } from '../diagnostic-codes.js';
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { DtoAttributeFragment, RouteFragment, SourceLine } from './fragments.js';
import { parseVerbs } from './routes.js';

export interface Token {
  kind: 'ident' | 'number' | 'string' | 'punct' | 'comment';
  /** As written. */
  text: string;
  /** Strings: the content, escapes resolved; comments: the text inside the delimiters; otherwise `text`. */
  value: string;
  /** Offsets into the joined source. */
  start: number;
  end: number;
  loc: SourceLocation;
}

/** A token with the comments written before it. */
export interface Significant extends Token {
  leading: Token[];
}

/** The located lines joined into one text, with a way back from offsets to lines. */
export class Source {
  readonly text: string;
  private readonly starts: number[] = [];
  private readonly lineNumbers: number[] = [];

  constructor(
    readonly file: string,
    lines: readonly SourceLine[],
    /** Added to every column (a comment's content read on its own). */
    private readonly columnOffset = 0,
  ) {
    let offset = 0;
    const parts: string[] = [];
    for (const l of lines) {
      this.starts.push(offset);
      this.lineNumbers.push(l.line);
      parts.push(l.text);
      offset += l.text.length + 1;
    }
    this.text = parts.join('\n');
  }

  loc(offset: number): SourceLocation {
    let [lo, hi] = [0, this.starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (hi < 0) return { file: this.file, line: 1 };
    return { file: this.file, line: this.lineNumbers[lo]!, column: offset - this.starts[lo]! + 1 + this.columnOffset };
  }

  slice(from: Token, to: Token): string {
    return this.text.slice(from.start, to.end).replace(/\s+/g, ' ').trim();
  }
}

const IDENT = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
const NUMBER = /\d[\w.]*/y;
const SPACE = /\s+/y;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0', a: '\u0007' };

/**
 * How a language writes comments and string literals; everything else (identifiers, numbers,
 * single-character punctuation) is tokenized alike.
 */
export interface Dialect {
  /** Opens a comment to the end of the line: `//`, or VB's `'`. */
  lineComment: string;
  /** Opens and closes a block comment (`/*` `*\/`, F#'s `(*` `*)`); VB has none. */
  blockComment?: readonly [string, string];
  /** The characters that open a string literal. */
  quotes: string;
  /** VB: a string has no escapes but `""`, and ends at its line's end. */
  doubledQuotes?: boolean;
}

/** C#, TypeScript, Kotlin, Java, Swift, Dart, JavaScript: `//`, `/* *\/`, '…', "…", `…` (C#'s @"…" too). */
export const C_LIKE: Dialect = { lineComment: '//', blockComment: ['/*', '*/'], quotes: `"'\`` };
/** F#: `'` is no quote (`'T` is a type parameter), block comments are `(* *)`. */
export const FSHARP: Dialect = { lineComment: '//', blockComment: ['(*', '*)'], quotes: '"' };
/** VB.NET: `'` comments, "…" strings with `""` for a quote. */
export const VBNET: Dialect = { lineComment: "'", quotes: '"', doubledQuotes: true };

/**
 * Tokens of C-like source: identifiers (C#'s `@class` without its `@`, a Kotlin or Java annotation
 * `@Route` likewise, its `text` keeping the `@`), numbers, string literals ('…', "…", `…`, C#'s
 * @"…"), comments, and single-character punctuation (generics nest, so `>>` is two tokens); the
 * dialect says how comments and strings are written. Unterminated comments and strings are
 * reported (`code`) and end where the text or their line ends.
 */
export function tokenize(src: Source, bag: DiagnosticBag, code: DiagnosticCode, what: string, dialect: Dialect = C_LIKE): Token[] {
  const text = src.text;
  const tokens: Token[] = [];
  const [line0, line1] = [dialect.lineComment[0], dialect.lineComment[1]];
  const [open, close] = dialect.blockComment ?? ['', ''];
  let i = 0;
  const push = (kind: Token['kind'], start: number, end: number, value = text.slice(start, end)) => {
    tokens.push({ kind, text: text.slice(start, end), value, start, end, loc: src.loc(start) });
  };
  while (i < text.length) {
    SPACE.lastIndex = i;
    if (SPACE.exec(text)) {
      i = SPACE.lastIndex;
      continue;
    }
    const c = text[i]!;
    const next = text[i + 1];
    if (c === line0 && (line1 === undefined || next === line1)) {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      push('comment', i, end, text.slice(i + dialect.lineComment.length, end));
      i = end;
    } else if (open && c === open[0] && next === open[1]) {
      const closed = text.indexOf(close, i + 2);
      if (closed < 0) bag.warn(code, src.loc(i), `${what}: unterminated comment; the rest of the source is skipped`);
      const end = closed < 0 ? text.length : closed + close.length;
      push('comment', i, end, text.slice(i + 2, closed < 0 ? end : closed));
      i = end;
    } else if (c === '@' && next === '"') {
      i = verbatimString(src, tokens, i, bag, code, what);
    } else if (dialect.doubledQuotes && c === '"') {
      i = doubledQuoteString(src, tokens, i, bag, code, what);
    } else if (dialect.quotes.includes(c)) {
      i = quotedString(src, tokens, i, bag, code, what);
    } else if (c === '@' && next !== undefined && /[\p{L}_]/u.test(next)) {
      IDENT.lastIndex = i + 1;
      IDENT.exec(text);
      push('ident', i, IDENT.lastIndex, text.slice(i + 1, IDENT.lastIndex));
      i = IDENT.lastIndex;
    } else {
      IDENT.lastIndex = i;
      NUMBER.lastIndex = i;
      if (IDENT.exec(text)) {
        push('ident', i, IDENT.lastIndex);
        i = IDENT.lastIndex;
      } else if (NUMBER.exec(text)) {
        push('number', i, NUMBER.lastIndex);
        i = NUMBER.lastIndex;
      } else {
        const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
        push('punct', i, i + width);
        i += width;
      }
    }
  }
  return tokens;
}

/** `"…"`, `'…'` (to the end of the line) and `` `…` `` (across lines), with backslash escapes. */
function quotedString(src: Source, tokens: Token[], start: number, bag: DiagnosticBag, code: DiagnosticCode, what: string): number {
  const text = src.text;
  const quote = text[start]!;
  let value = '';
  let i = start + 1;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === quote) break;
    if (c === '\n' && quote !== '`') break;
    if (c !== '\\') {
      value += c;
      continue;
    }
    const e = text[++i];
    if (e === undefined) break;
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
      value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      value += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e !== '\n') value += Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : e;
  }
  const closed = text[i] === quote;
  if (!closed) bag.warn(code, src.loc(start), `${what}: unterminated string literal; read to the end of its line`);
  const end = closed ? i + 1 : i;
  tokens.push({ kind: 'string', text: text.slice(start, end), value, start, end, loc: src.loc(start) });
  return end;
}

/** C#'s `@"…"`: no escapes but `""`, across lines. */
function verbatimString(src: Source, tokens: Token[], start: number, bag: DiagnosticBag, code: DiagnosticCode, what: string): number {
  const text = src.text;
  let value = '';
  let i = start + 2;
  for (; i < text.length; i++) {
    if (text[i] !== '"') value += text[i];
    else if (text[i + 1] === '"') {
      value += '"';
      i++;
    } else break;
  }
  const closed = text[i] === '"';
  if (!closed) bag.warn(code, src.loc(start), `${what}: unterminated string literal; the rest of the source is skipped`);
  const end = closed ? i + 1 : i;
  tokens.push({ kind: 'string', text: text.slice(start, end), value, start, end, loc: src.loc(start) });
  return end;
}

/** VB's "…": no escapes but `""`, to the end of its line. */
function doubledQuoteString(src: Source, tokens: Token[], start: number, bag: DiagnosticBag, code: DiagnosticCode, what: string): number {
  const text = src.text;
  let value = '';
  let i = start + 1;
  for (; i < text.length && text[i] !== '\n'; i++) {
    if (text[i] !== '"') value += text[i];
    else if (text[i + 1] === '"') {
      value += '"';
      i++;
    } else break;
  }
  const closed = text[i] === '"';
  if (!closed) bag.warn(code, src.loc(start), `${what}: unterminated string literal; read to the end of its line`);
  const end = closed ? i + 1 : i;
  tokens.push({ kind: 'string', text: text.slice(start, end), value, start, end, loc: src.loc(start) });
  return end;
}

const NO_COMMENTS: readonly Token[] = Object.freeze([]);

/** The tokens that are not comments, each given the comments before it (the tokens are reused, not copied). */
export function significant(tokens: Token[]): Significant[] {
  const out: Significant[] = [];
  let leading: Token[] = [];
  for (const t of tokens) {
    if (t.kind === 'comment') leading.push(t);
    else {
      const s = t as Significant;
      s.leading = leading.length ? leading : (NO_COMMENTS as Token[]);
      out.push(s);
      if (leading.length) leading = [];
    }
  }
  return out;
}

/** The significant tokens grouped by line, for the languages of a statement a line (VB.NET, F#); a line ending in VB's ` _` goes on on the next. */
export function byLine(tokens: readonly Significant[]): Significant[][] {
  const out: Significant[][] = [];
  for (const t of tokens) {
    const last = out.at(-1);
    const previous = last?.at(-1);
    const continued = previous?.text === '_' && previous.kind === 'ident';
    if (last && previous && (previous.loc.line === t.loc.line || continued)) {
      if (continued) last.pop();
      last.push(t);
    } else out.push([t]);
  }
  return out;
}

const OPEN: Record<string, string> = { '{': '}', '(': ')', '[': ']', '<': '>' };

/** A position in the significant tokens, with the moves a forgiving parser needs. */
export class Cursor {
  i = 0;
  constructor(readonly tokens: readonly Significant[]) {}

  get done(): boolean {
    return this.i >= this.tokens.length;
  }
  peek(ahead = 0): Significant | undefined {
    return this.tokens[this.i + ahead];
  }
  /** The token before the current one. */
  get previous(): Significant | undefined {
    return this.tokens[this.i - 1];
  }
  next(): Significant | undefined {
    return this.tokens[this.i++];
  }
  is(text: string, ahead = 0): boolean {
    const t = this.tokens[this.i + ahead];
    return t !== undefined && t.kind !== 'string' && t.text === text;
  }
  eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.i++;
    return true;
  }
  ident(): string | undefined {
    const t = this.peek();
    if (t?.kind !== 'ident') return undefined;
    this.i++;
    return t.value;
  }

  /**
   * At an opening `{`, `(`, `[` or `<`: moves past its closing partner (counting that pair only;
   * strings are single tokens, so their brackets do not count). At the end of the tokens when it
   * is not closed; returns whether it was.
   */
  skipBalanced(): boolean {
    const open = this.peek()?.text ?? '';
    const close = OPEN[open];
    if (!close) return false;
    let depth = 0;
    while (!this.done) {
      const t = this.next()!;
      if (t.kind === 'string') continue;
      if (t.text === open) depth++;
      else if (t.text === close && --depth === 0) return true;
    }
    return false;
  }

  /**
   * At `<`: moves past its closing `>`, or stops (returning false) before a `{`, `}`, `;` or `(`
   * that cannot be inside type arguments, so that a broken generic does not swallow what follows.
   */
  skipAngles(): boolean {
    let depth = 0;
    while (!this.done) {
      const t = this.peek()!;
      if (t.kind === 'punct') {
        if ('{};('.includes(t.text)) return false;
        if (t.text === '<') depth++;
        if (t.text === '>' && --depth === 0) {
          this.i++;
          return true;
        }
      }
      this.i++;
    }
    return false;
  }

  /**
   * Recovery after a reported error in the statement that starts at `from`: moves past the rest of
   * its line (and past any bracket opened there, to the end of the line that closes it), never past
   * the `}` closing the enclosing block; so that one broken line costs one diagnostic and no more.
   */
  skipToLineEnd(from: Token): void {
    let depth = 0;
    let line = from.loc.line;
    while (!this.done) {
      const t = this.peek()!;
      const punct = t.kind === 'punct' ? t.text : '';
      if (depth === 0 && t.loc.line > line) return;
      if (punct === '}' && depth === 0) {
        if (t === from) this.i++;
        return;
      }
      if (punct === '{' || punct === '(' || punct === '[') depth++;
      if (punct === '}' || punct === ')' || punct === ']') depth = Math.max(0, depth - 1);
      line = Math.max(line, t.loc.line);
      this.i++;
    }
  }

  /**
   * Moves past the statement or block at the cursor (to a `;` at depth 0, or past a
   * `{…}` block), never past the `}` that closes the enclosing block.
   */
  skipStatement(): void {
    let depth = 0;
    const start = this.i;
    while (!this.done) {
      const t = this.peek()!;
      if (t.kind !== 'string') {
        if (t.text === '}' && depth === 0) {
          if (this.i === start) this.i++;
          return;
        }
        if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
        if (t.text === '}' || t.text === ')' || t.text === ']') depth = Math.max(0, depth - 1);
        if ((t.text === ';' && depth === 0) || (t.text === '}' && depth === 0)) {
          this.i++;
          return;
        }
      }
      this.i++;
    }
  }
}

/**
 * Attribute arguments: the tokens between the parentheses, split at top-level commas into
 * positional values and `Name=value` (or `Name: value`, VB's `Name:=value`) pairs. A value that is one string literal
 * (or literals joined by `+`) is its content; anything else is its text. Undefined when an
 * argument is empty.
 */
export function attributeArguments(src: Source, tokens: readonly Token[]): { args: string[]; named: Record<string, string> } | undefined {
  const args: string[] = [];
  const named: Record<string, string> = {};
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
    if (t.kind === 'punct' && ')]}'.includes(t.text)) depth--;
    if (t.kind === 'punct' && t.text === ',' && depth === 0) parts.push([]);
    else parts.at(-1)!.push(t);
  }
  if (parts.length === 1 && parts[0]!.length === 0) return { args, named };
  for (const part of parts) {
    if (!part.length) return undefined;
    const [first, second, third] = part;
    const isNamed = first!.kind === 'ident' && (second?.text === ':' || (second?.text === '=' && third?.text !== '='));
    // VB writes `Name:=value`.
    const valueTokens = isNamed ? part.slice(second?.text === ':' && third?.text === '=' ? 3 : 2) : part;
    if (!valueTokens.length) return undefined;
    const value = argumentValue(src, valueTokens);
    if (isNamed) Object.defineProperty(named, first!.value, { value, enumerable: true, writable: true, configurable: true });
    else args.push(value);
  }
  return { args, named };
}

function argumentValue(src: Source, tokens: readonly Token[]): string {
  const strings = tokens.filter((_, i) => i % 2 === 0);
  const joined = tokens.every((t, i) => (i % 2 === 0 ? t.kind === 'string' : t.text === '+'));
  if (joined && strings.length) return strings.map((t) => t.value).join('');
  return src.text.slice(tokens[0]!.start, tokens.at(-1)!.end).replace(/\s+/g, ' ').trim();
}

const ATTRIBUTE_COMMENT = /^\s*@([A-Za-z_][\w.]*)\s*(?:\(([\s\S]*)\))?\s*$/;

/**
 * The attributes ServiceStack writes as comments (`// @Route("/path")`, TypeScript's, Swift's,
 * Dart's; Kotlin's and Java's for a repeated one) and the description of a `/** … *\/` comment,
 * among the comments before a declaration. A `// @Name(…)` whose arguments do not read is
 * reported (SS032).
 */
export function commentAttributes(
  src: Source,
  comments: readonly Token[],
  bag: DiagnosticBag,
  what: string,
): { attributes: DtoAttributeFragment[]; doc?: string } {
  const attributes: DtoAttributeFragment[] = [];
  let doc: string | undefined;
  for (const c of comments) {
    if (c.text.startsWith('/**')) {
      doc = jsDocText(c.value) ?? doc;
      continue;
    }
    if (!c.text.startsWith('//')) continue;
    const m = ATTRIBUTE_COMMENT.exec(c.value);
    if (!m) continue;
    const attribute = commentAttribute(src, c, m[1]!, m[2], bag, what);
    if (attribute) attributes.push(attribute);
  }
  return { attributes, ...(doc ? { doc } : {}) };
}

function commentAttribute(
  src: Source,
  c: Token,
  written: string,
  args: string | undefined,
  bag: DiagnosticBag,
  what: string,
): DtoAttributeFragment | undefined {
  const name = attributeName(written);
  if (args === undefined) return { name, args: [], named: {}, loc: c.loc };
  // The arguments, tokenized where they stand so that their columns are the file's.
  const argsAt = c.value.indexOf('(', c.value.indexOf(written) + written.length) + 1;
  const column = (c.loc.column ?? 1) - 1 + 2 + argsAt;
  const argSrc = new Source(src.file, [{ text: args, line: c.loc.line }], column);
  const parsed = attributeArguments(
    argSrc,
    tokenize(argSrc, bag, 'SS032', what).filter((t) => t.kind !== 'comment'),
  );
  if (parsed) return { name, ...parsed, loc: c.loc };
  bag.warn('SS032', c.loc, `${what}: cannot read attribute: ${c.value.trim()}`);
  return undefined;
}

/** `target.push(...items)` without spreading: a spread of some 200,000 items overflows the stack. */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The attribute's name without the `Attribute` suffix C# allows. */
export function attributeName(name: string): string {
  return name.length > 'Attribute'.length && name.endsWith('Attribute') ? name.slice(0, -'Attribute'.length) : name;
}

export function findAttribute(attributes: readonly DtoAttributeFragment[], name: string): DtoAttributeFragment | undefined {
  return attributes.find((a) => a.name === name);
}

function isTrue(value: string | undefined): boolean {
  return /^true$/i.test(value?.trim() ?? '');
}

/** `IsRequired=true` in ApiMember or DataMember, or a `Required` attribute. */
export function requiredByAttributes(attributes: readonly DtoAttributeFragment[]): boolean {
  return attributes.some((a) => a.name === 'Required' || ((a.name === 'ApiMember' || a.name === 'DataMember') && isTrue(a.named.IsRequired)));
}

/**
 * `Description=` of ApiMember or Api, else `[Description("…")]`: string literals keep the line
 * breaks that ServiceStack drops from its comments.
 */
export function descriptionByAttributes(attributes: readonly DtoAttributeFragment[]): string | undefined {
  const candidates = [
    ...attributes.filter((a) => a.name === 'ApiMember' || a.name === 'Api').map((a) => a.named.Description),
    findAttribute(attributes, 'Description')?.args[0],
  ];
  return candidates.map((c) => c?.trim()).find(Boolean);
}

/** `Route("/path", "GET,POST")` (or `Path=`, `Verbs=`, with `Summary=` and `Notes=`) as a route; undefined when it names no path. */
export function routeFromAttribute(a: DtoAttributeFragment): RouteFragment | { error: string } {
  const path = a.args[0] ?? a.named.Path;
  const verbsText = a.args[1] ?? a.named.Verbs;
  if (!path?.startsWith('/') || /\s/.test(path)) return { error: `Route attribute names no path: ${path ?? '(none)'}` };
  const verbs =
    verbsText === undefined
      ? []
      : parseVerbs(
          verbsText
            .toUpperCase()
            .replace(/[\s,]+/g, ',')
            .replace(/^,|,$/g, ''),
        );
  if (!verbs) return { error: `Route attribute verbs not understood: ${verbsText}` };
  const summary = a.named.Summary?.trim();
  const notes = a.named.Notes?.trim();
  return { verbs, path, ...(summary ? { summary } : {}), ...(notes ? { notes } : {}), loc: a.loc };
}

/** One line of text, tags left as they are. */
export function oneLineText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** C#'s `///` documentation comments: the text of `<summary>` (or of the whole comment), tags dropped, entities decoded. */
export function xmlDocText(lines: readonly string[]): string | undefined {
  const doc = lines.join('\n');
  const summary = /<summary>([\s\S]*?)(<\/summary>|$)/.exec(doc);
  const body = summary ? summary[1]! : /<\w+/.test(doc) ? '' : doc;
  const text = body
    .replace(/<see\s+(?:cref|langword|href)="([^"]*)"\s*\/>/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!);
  return oneLineText(text) || undefined;
}

/** A `/** … *\/` comment's text: the `@description` tag's when it has one, else the text before any tag. */
export function jsDocText(value: string): string | undefined {
  const text = value
    .replace(/^\*/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*?/, ''))
    .join('\n');
  const tagged = /@description\b([\s\S]*?)(?=\s@\w|$)/.exec(text);
  const body = tagged ? tagged[1]! : text.split(/(^|\s)@\w/)[0]!;
  return oneLineText(body) || undefined;
}

/** Text for a message: at most 80 characters. */
export function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The source line a token starts, shortened, for messages. */
export function lineAt(src: Source, t: Token): string {
  const from = src.text.lastIndexOf('\n', t.start) + 1;
  const to = src.text.indexOf('\n', t.start);
  const line = src.text.slice(from, to < 0 ? undefined : to).trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** `<T, U>` after a name: the parameter names. */
export function typeParameters(cur: Cursor): string[] {
  if (!cur.is('<')) return [];
  const from = cur.i;
  cur.skipAngles();
  const names: string[] = [];
  for (let k = from + 1; k < cur.i; k++) {
    const t = cur.tokens[k]!;
    const before = cur.tokens[k - 1]!;
    if (t.kind === 'ident' && (before.text === '<' || before.text === ',')) names.push(t.value);
  }
  return names;
}

/** Types separated by commas, up to `{` or one of `stops` at depth 0: each as written. */
export function typeList(cur: Cursor, src: Source, stops: readonly string[]): string[] {
  const out: string[] = [];
  let first: Token | undefined;
  let last: Token | undefined;
  let depth = 0;
  const flush = () => {
    if (first && last) out.push(src.slice(first, last));
    first = last = undefined;
  };
  while (!cur.done) {
    const t = cur.peek()!;
    if (depth === 0 && t.kind === 'ident' && stops.includes(t.value)) break;
    if (depth === 0 && (t.text === '{' || t.text === ';' || t.text === '}') && t.kind === 'punct') break;
    cur.next();
    if (t.kind === 'punct' && '<([{'.includes(t.text)) depth++;
    if (t.kind === 'punct' && '>)]}'.includes(t.text)) depth = Math.max(0, depth - 1);
    if (depth === 0 && t.text === ',' && t.kind === 'punct') {
      flush();
      continue;
    }
    first ??= t;
    last = t;
  }
  flush();
  return out;
}

/**
 * The tokens of a type annotation (the TypeScript and Python readers'): `pattern` (sticky, the token
 * in its first group, the spaces around it matched too) applied until the text is used up;
 * undefined where it matches nothing.
 */
export function splitTypeTokens(pattern: RegExp, text: string): string[] | undefined {
  const tokens: string[] = [];
  pattern.lastIndex = 0;
  while (pattern.lastIndex < text.length) {
    const m = pattern.exec(text);
    if (!m) return undefined;
    tokens.push(m[1]!);
  }
  return tokens;
}
