/** output/api-model.json: the model with sorted keys, so that its bytes depend only on its content. */
import type { ApiModel } from '../model/api-model.js';

/**
 * The key orders seen so far, as a trie of key lists (no string is built to look one up): at the
 * end of each list, its keys in the order written, or null when they already are in it. The model has a few dozen
 * shapes of object, so sorting is done once per shape rather than once per object.
 */
interface KeyTrie {
  next: Map<string, KeyTrie>;
  sorted?: string[] | null;
}
const keyOrders: KeyTrie = { next: new Map() };

function sortedKeys(keys: string[]): string[] | null {
  let node = keyOrders;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) node.next.set(key, (child = { next: new Map() }));
    node = child;
  }
  if (node.sorted === undefined) {
    // Objects enumerate index-like keys first, in numeric order: only the names after them are sorted.
    const names = keys.findIndex((key) => !isArrayIndex(key));
    const sorted = names < 0 ? keys : [...keys.slice(0, names), ...keys.slice(names).sort()];
    node.sorted = sorted.every((key, i) => key === keys[i]) ? null : sorted;
  }
  return node.sorted;
}

/** True for a key objects keep first, in numeric order (an array index: 0 to 2³² − 2). */
export function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/** The keys of an object in the order written: index-like keys first (as objects enumerate them), then the rest sorted. */
function orderedKeys(object: object): string[] {
  const keys = Object.keys(object);
  return sortedKeys(keys) ?? keys;
}

/** `JSON.stringify`'s view of a member: what its `toJSON` gives, if it has one (`key`: its name, or index in an array). */
function jsonView(value: unknown, key: string | number): unknown {
  const toJSON = value !== null && typeof value === 'object' ? (value as { toJSON?: unknown }).toJSON : undefined;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, String(key)) : value;
}

/** Values `JSON.stringify` leaves out of an object (and writes as `null` in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** `\n` and the indentation of each depth, made once. */
const LINE_STARTS: string[] = [];
function lineStart(depth: number): string {
  return (LINE_STARTS[depth] ??= `\n${'  '.repeat(depth)}`);
}

/** `"key": ` by key: the model has a few hundred names, written millions of times at scale (bounded: dictionaries have any keys). */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}: `;
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** Text handed on in pieces of about this many characters. */
const PIECE = 1 << 16;

/**
 * Writes what `JSON.stringify(value, null, 2)` writes with every object's keys sorted, in pieces
 * through `write`, with no sorted copy of the value and no whole text held (71 MB at 10,000 operations).
 */
class StableJsonWriter {
  private text = '';
  constructor(private readonly write: (text: string) => void) {}

  value(value: unknown, depth: number): void {
    if (typeof value === 'string') this.text += JSON.stringify(value);
    else if (value === null) this.text += 'null';
    else if (typeof value === 'number') this.text += Number.isFinite(value) ? String(value) : 'null';
    else if (typeof value === 'boolean') this.text += value ? 'true' : 'false';
    else if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
    else if (Array.isArray(value)) this.array(value, depth);
    else this.object(value as Record<string, unknown>, depth);
    if (this.text.length >= PIECE) this.flush();
  }

  flush(): void {
    if (this.text) this.write(this.text);
    this.text = '';
  }

  private array(items: readonly unknown[], depth: number): void {
    if (!items.length) {
      this.text += '[]';
      return;
    }
    const inner = lineStart(depth + 1);
    for (let i = 0; i < items.length; i++) {
      this.text += i ? `,${inner}` : `[${inner}`;
      const item = jsonView(items[i], i);
      if (omitted(item)) this.text += 'null';
      else this.value(item, depth + 1);
    }
    this.text += `${lineStart(depth)}]`;
  }

  private object(object: Record<string, unknown>, depth: number): void {
    const inner = lineStart(depth + 1);
    let empty = true;
    for (const key of orderedKeys(object)) {
      const member = jsonView(object[key], key);
      if (omitted(member)) continue;
      this.text += `${empty ? '{' : ','}${inner}${quotedKey(key)}`;
      empty = false;
      this.value(member, depth + 1);
    }
    this.text += empty ? '{}' : `${lineStart(depth)}}`;
  }
}

/** Writes `JSON.stringify(value, null, 2)` with every object's keys sorted, in pieces through `write`. */
export function writeStableJson(value: unknown, write: (text: string) => void): void {
  const writer = new StableJsonWriter(write);
  const view = jsonView(value, '');
  if (!omitted(view)) writer.value(view, 0);
  writer.flush();
}

/** `JSON.stringify(value, null, 2)` with every object's keys sorted. */
export function stableStringify(value: unknown): string {
  return collected((write) => writeStableJson(value, write));
}

/** The text a synchronous producer writes, as one string. */
function collected(produce: (write: (text: string) => void) => void): string {
  const pieces: string[] = [];
  produce((text) => pieces.push(text));
  return pieces.join('');
}

/** api-model.json: the model without its symbol table (identifiers are the generator's business, and diff/ reads only the model), written in pieces. */
export function modelJson(model: ApiModel, command: string): (write: (text: string) => void) => void {
  const { names: _names, ...written } = model;
  return (write) => {
    writeStableJson({ $comment: `Generated by \`${command}\`; do not edit.`, ...written }, write);
    write('\n');
  };
}

/** api-model.json as one string. */
export function emitModelJson(model: ApiModel, command: string): string {
  return collected(modelJson(model, command));
}
