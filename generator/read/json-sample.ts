/**
 * Reads a JSON sample body (the `{…}` of a sample request or response) into a JsonNode tree
 * whose keys and values keep the line/column where they were written.
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
  const errors: ParseError[] = [];
  // Samples are plain JSON: comments and trailing commas are reported, yet parsing goes on.
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  // One by one up to a point, so that a garbage body cannot flood the report.
  for (const e of errors.slice(0, MAX_JSON_WARNINGS)) bag.warn('SS042', at(e.offset), `malformed JSON sample: ${printParseErrorCode(e.error)}`);
  if (errors.length > MAX_JSON_WARNINGS) bag.warn('SS042', at(0), `malformed JSON sample: ${errors.length - MAX_JSON_WARNINGS} more problems not listed`);
  return tree ? toJsonNode(tree, at) : undefined;
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
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

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
