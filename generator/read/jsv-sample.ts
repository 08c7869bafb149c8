/**
 * Reads a JSV sample body (ServiceStack.Text's TypeSerializer format, which the `/jsv/` metadata
 * page prints through JsvFormatter) into the JsonNode tree the JSON reader gives, so that a JSV
 * sample is evidence just as a JSON one is.
 *
 * The format, as ServiceStack.Text writes it: `{` `}` maps and `[` `]` lists, `,` between items,
 * keys and strings unquoted unless they hold one of `" : , { } [ ]` or a line break, then written
 * `"…"` with `"` doubled; booleans as .NET prints them (`True`, `False`); Guids as 32 hex digits.
 * JsvFormatter puts every item on its own tab-indented line; copies of the page may squash it
 * onto one line. JSV keeps no types, so a bare word is read as a JSON writer would have typed it:
 * `True`/`False` a boolean, a JSON number a number (not `000…0`, a Guid), `null` or nothing a null.
 *
 * An unreadable sample is one SS043 warning where reading stopped, and is not read: a JSV page
 * never gives a warning per token.
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { JsonNode, SourceLine } from './fragments.js';
import { MAX_JSON_DEPTH, offsetLocator } from './json-sample.js';

/** Parses a JSV sample body; undefined (with one SS043) when it is empty or not JSV. */
export function readJsvSample(file: string, lines: readonly SourceLine[], bag: DiagnosticBag): JsonNode | undefined {
  const text = lines.map((l) => l.text).join('\n');
  const at = offsetLocator(file, [...lines]);
  if (text.trim() === '') {
    bag.warn('SS043', at(0), 'empty JSV sample');
    return undefined;
  }
  try {
    return new JsvCursor(text, at).document();
  } catch (e) {
    if (!(e instanceof JsvError)) throw e;
    bag.warn('SS043', at(e.offset), `malformed JSV sample: ${e.message}; sample not read`);
    return undefined;
  }
}

class JsvError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

type ObjectMember = Extract<JsonNode, { kind: 'object' }>['members'][number];

const WHITESPACE = /[ \t\r\n]*/y;
/** A bare word: up to the next delimiter or line end (values may hold `:`, as dates and times do). */
const BARE_VALUE = /[^,{}[\]\r\n"][^,{}[\]\r\n]*/y;
const BARE_KEY = /[^,{}[\]\r\n":][^,{}[\]\r\n:]*/y;
/** A quoted string: `"` doubled inside. */
const QUOTED = /"(?:[^"]|"")*"/y;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const BOOLEANS = new Map([
  ['True', true],
  ['true', true],
  ['False', false],
  ['false', false],
]);

/** Reads one JSV value after another from `text`, each node located by `at`. */
class JsvCursor {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly at: (offset: number) => SourceLocation,
  ) {}

  /** The whole body: one value, nothing after it. */
  document(): JsonNode {
    const root = this.value();
    this.skip();
    if (this.i < this.text.length) throw new JsvError(this.i, `text after the sample's end: '${this.text.slice(this.i, this.i + 20).trim()}'`);
    return root;
  }

  private value(): JsonNode {
    this.skip();
    const c = this.text[this.i];
    if (c === '{' || c === '[') return this.nested(c);
    if (c === '"') {
      const loc = this.at(this.i);
      return { kind: 'string', value: this.quoted(), loc };
    }
    return this.bare();
  }

  private nested(open: '{' | '['): JsonNode {
    if (++this.depth > MAX_JSON_DEPTH) throw new JsvError(this.i, `nested more than ${MAX_JSON_DEPTH} levels deep`);
    const loc = this.at(this.i++);
    const node: JsonNode =
      open === '{'
        ? { kind: 'object', members: this.items('}', () => this.member()), loc }
        : { kind: 'array', items: this.items(']', () => this.value()), loc };
    this.depth--;
    return node;
  }

  /** Items up to `close`, separated by `,` (a trailing one tolerated); the cursor after `close`. */
  private items<T>(close: '}' | ']', item: () => T): T[] {
    const items: T[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.i] === close) break;
      items.push(item());
      this.skip();
      const c = this.text[this.i];
      if (c === close) break;
      if (c !== ',') throw new JsvError(this.i, `expected ',' or '${close}'${c === undefined ? ' before the end' : `, found '${c}'`}`);
      this.i++;
    }
    this.i++;
    return items;
  }

  /** `key: value`; an empty value (`Types:` then `,` or `}`) is a null. */
  private member(): ObjectMember {
    const loc = this.at(this.i);
    const key = this.text[this.i] === '"' ? this.quoted() : this.token(BARE_KEY)?.trim();
    if (!key) throw new JsvError(this.i, 'expected a key');
    this.skip();
    if (this.text[this.i] !== ':') throw new JsvError(this.i, `expected ':' after the key '${key}'`);
    this.i++;
    this.skip();
    const next = this.text[this.i];
    const value: JsonNode = next === ',' || next === '}' ? { kind: 'null', loc: this.at(this.i) } : this.value();
    return { key, value, loc };
  }

  private quoted(): string {
    const raw = this.token(QUOTED);
    if (raw === undefined) throw new JsvError(this.i, 'unterminated quoted string');
    return raw.slice(1, -1).replaceAll('""', '"');
  }

  private bare(): JsonNode {
    const loc = this.at(this.i);
    const word = this.token(BARE_VALUE)?.trim();
    if (!word) throw new JsvError(this.i, this.i < this.text.length ? `unexpected '${this.text[this.i]}'` : 'unexpected end');
    const boolean = BOOLEANS.get(word);
    if (boolean !== undefined) return { kind: 'boolean', value: boolean, loc };
    if (word === 'null') return { kind: 'null', loc };
    if (JSON_NUMBER.test(word)) return { kind: 'number', value: Number(word), loc };
    return { kind: 'string', value: word, loc };
  }

  private token(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.i;
    const m = pattern.exec(this.text);
    if (!m) return undefined;
    this.i = pattern.lastIndex;
    return m[0];
  }

  private skip(): void {
    this.token(WHITESPACE);
  }
}
