/**
 * Reads a JSON sample body (the `{…}` of a sample request or response) into a JsonNode tree
 * whose keys and values keep the line/column where they were written. Well-formed JSON (nearly
 * every sample) is read in one pass straight into that tree; anything else goes to jsonc-parser,
 * which reads on past the problems and says what they are.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { JsonNode, SourceLine } from './fragments.js';

/** Maps an offset in `lines` joined with '\n' back to the page's line and 1-based column. */
export function offsetLocator(file: string, lines: readonly SourceLine[]): (offset: number) => SourceLocation {
  const starts: number[] = [];
  let start = 0;
  for (const l of lines) {
    starts.push(start);
    start += l.text.length + 1;
  }
  return (offset) => {
    // The last line starting at or before the offset (a binary search: a sample has a node on most lines).
    let [i, hi] = [0, starts.length - 1];
    while (i < hi) {
      const mid = (i + hi + 1) >> 1;
      if (starts[mid]! <= offset) i = mid;
      else hi = mid - 1;
    }
    const line = lines[i]?.line ?? lines[0]?.line ?? 1;
    return { file, line, column: offset - (starts[i] ?? 0) + 1 };
  };
}

/** Parses a JSON sample body. Never throws; syntax errors become SS042 warnings and the tolerant tree is kept. */
export function readJsonSample(file: string, lines: SourceLine[], bag: DiagnosticBag): JsonNode | undefined {
  const text = lines.map((l) => l.text).join('\n');
  const at = offsetLocator(file, lines);
  if (text.trim() === '') {
    bag.warn('SS042', at(0), 'empty JSON sample');
    return undefined;
  }
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    bag.warn('SS042', at(deep), `JSON sample nested more than ${MAX_JSON_DEPTH} levels deep; sample not read`);
    return undefined;
  }
  const strict = readStrictJson(text, at);
  if (strict) return strict;
  const { tree, errors } = readTolerantJson(text, at);
  // One by one up to a point, so that a garbage body cannot flood the report.
  for (const e of errors.slice(0, MAX_JSON_WARNINGS)) bag.warn('SS042', at(e.offset), `malformed JSON sample: ${printParseErrorCode(e.error)}`);
  if (errors.length > MAX_JSON_WARNINGS) bag.warn('SS042', at(0), `malformed JSON sample: ${errors.length - MAX_JSON_WARNINGS} more problems not listed`);
  return tree;
}

/** jsonc-parser's reading: comments and trailing commas are reported, yet parsing goes on (samples are plain JSON). */
export function readTolerantJson(text: string, at: (offset: number) => SourceLocation): { tree: JsonNode | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  return { tree: tree && toJsonNode(tree, at), errors };
}

/** Problems reported one by one per sample; the rest are counted in one more warning. */
const MAX_JSON_WARNINGS = 20;

/** Samples nest a few levels; a deeper one is refused before the (recursive) parser sees it. */
export const MAX_JSON_DEPTH = 64;

/** Offset of the first `[` or `{` (outside strings) nested deeper than MAX_JSON_DEPTH, if any: jsonc-parser recurses per level. */
export function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** A string token: no control character, valid escapes only (the loop unrolled: no alternation per character). */
const STRING = /"[^"\\\u0000-\u001f]*(?:\\(?:["\\/bfnrt]|u[\da-fA-F]{4})[^"\\\u0000-\u001f]*)*"/y;

/**
 * The tree of `text` when it is exactly one JSON value (RFC 8259), as jsonc-parser's reading would
 * give it; undefined at the first thing that is not JSON (the tolerant parser then takes over).
 * Nesting is bounded by tooDeepAt, checked before.
 */
export function readStrictJson(text: string, at: (offset: number) => SourceLocation): JsonNode | undefined {
  let i = 0;
  const skip = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.test(text);
    i = WHITESPACE.lastIndex;
  };
  const token = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (!m) return undefined;
    i = pattern.lastIndex;
    return m[0];
  };
  const string = (): string | undefined => {
    const raw = token(STRING);
    if (raw === undefined) return undefined;
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };
  const value = (): JsonNode | undefined => {
    skip();
    const loc = at(i);
    switch (text.charCodeAt(i)) {
      case 0x7b: {
        // {
        i++;
        const members: Extract<JsonNode, { kind: 'object' }>['members'] = [];
        skip();
        if (text.charCodeAt(i) === 0x7d) {
          i++;
          return { kind: 'object', members, loc };
        }
        for (;;) {
          skip();
          const keyLoc = at(i);
          const key = string();
          if (key === undefined) return undefined;
          skip();
          if (text.charCodeAt(i) !== 0x3a) return undefined; // :
          i++;
          const member = value();
          if (!member) return undefined;
          members.push({ key, value: member, loc: keyLoc });
          skip();
          const c = text.charCodeAt(i++);
          if (c === 0x7d) return { kind: 'object', members, loc };
          if (c !== 0x2c) return undefined; // ,
        }
      }
      case 0x5b: {
        // [
        i++;
        const items: JsonNode[] = [];
        skip();
        if (text.charCodeAt(i) === 0x5d) {
          i++;
          return { kind: 'array', items, loc };
        }
        for (;;) {
          const item = value();
          if (!item) return undefined;
          items.push(item);
          skip();
          const c = text.charCodeAt(i++);
          if (c === 0x5d) return { kind: 'array', items, loc };
          if (c !== 0x2c) return undefined;
        }
      }
      case 0x22: {
        const s = string();
        return s === undefined ? undefined : { kind: 'string', value: s, loc };
      }
      default: {
        for (const [word, node] of LITERALS)
          if (text.startsWith(word, i)) {
            i += word.length;
            return { ...node, loc };
          }
        const n = token(NUMBER);
        return n === undefined ? undefined : { kind: 'number', value: Number(n), loc };
      }
    }
  };
  const root = value();
  skip();
  return root && i === text.length ? root : undefined;
}
const LITERALS: [string, { kind: 'boolean'; value: boolean } | { kind: 'null' }][] = [
  ['true', { kind: 'boolean', value: true }],
  ['false', { kind: 'boolean', value: false }],
  ['null', { kind: 'null' }],
];

/** Converts one jsonc-parser node; members whose value is missing (`{"a":}`) are dropped (already reported). */
function toJsonNode(node: Node, at: (offset: number) => SourceLocation): JsonNode {
  const loc = at(node.offset);
  switch (node.type) {
    case 'object': {
      const members: Extract<JsonNode, { kind: 'object' }>['members'] = [];
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (key && value) members.push({ key: String(key.value), value: toJsonNode(value, at), loc: at(key.offset) });
      }
      return { kind: 'object', members, loc };
    }
    case 'array':
      return { kind: 'array', items: (node.children ?? []).map((c) => toJsonNode(c, at)), loc };
    case 'string':
      return { kind: 'string', value: String(node.value), loc };
    case 'number':
      return { kind: 'number', value: Number(node.value), loc };
    case 'boolean':
      return { kind: 'boolean', value: node.value === true, loc };
    default:
      // 'null', and 'property' which never reaches here (handled by its object).
      return { kind: 'null', loc };
  }
}
