/**
 * The .NET type grammar of the "Data Type" column: `string`, `DateTime?`, `List<Email>`,
 * `Dictionary<string, List<int>>`, `int[]`, `Nullable<int>`.
 */
export interface DotNetType {
  readonly name: string;
  readonly args: readonly DotNetType[];
  /** Number of `[]` suffixes. */
  readonly arrayRank: number;
  /** Written with a trailing `?` (or as `Nullable<T>`). */
  readonly nullable: boolean;
}

/** Names ServiceStack prints for built-in types; anything else is a DTO or enum name. */
export const BUILTIN_TYPE_NAMES: ReadonlySet<string> = new Set([
  'string',
  'String',
  'char',
  'Char',
  'bool',
  'Boolean',
  'byte',
  'Byte',
  'sbyte',
  'SByte',
  'short',
  'Int16',
  'ushort',
  'UInt16',
  'int',
  'Int32',
  'uint',
  'UInt32',
  'long',
  'Int64',
  'ulong',
  'UInt64',
  'float',
  'Single',
  'double',
  'Double',
  'decimal',
  'Decimal',
  'DateTime',
  'DateTimeOffset',
  'DateOnly',
  'TimeOnly',
  'TimeSpan',
  'Guid',
  'Uri',
  'object',
  'Object',
  'Stream',
  'List',
  'IList',
  'IEnumerable',
  'ICollection',
  'IReadOnlyList',
  'IReadOnlyCollection',
  'HashSet',
  'ISet',
  'Dictionary',
  'IDictionary',
  'IReadOnlyDictionary',
  'SortedDictionary',
  'KeyValuePair',
  'Nullable',
]);

const NAME = /[A-Za-z_][A-Za-z0-9_.`]*/y;

/** Generic arguments nest no deeper than this (real ones: 3 or 4); deeper text is no type, so nothing downstream recurses without bound. */
export const MAX_TYPE_DEPTH = 32;

/**
 * Reads one type starting at `start`; returns it with the index just past it, or undefined.
 * Only the grammar is checked here: whether the name exists is the model's business.
 */
export function readDotNetTypeAt(text: string, start: number, depth = 0): { type: DotNetType; end: number } | undefined {
  if (depth > MAX_TYPE_DEPTH) return undefined;
  NAME.lastIndex = start;
  const m = NAME.exec(text);
  if (!m) return undefined;
  let i = start + m[0].length;
  const args: DotNetType[] = [];
  if (text[i] === '<') {
    i++;
    for (;;) {
      while (text[i] === ' ') i++;
      const arg = readDotNetTypeAt(text, i, depth + 1);
      if (!arg) return undefined;
      args.push(arg.type);
      i = arg.end;
      while (text[i] === ' ') i++;
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      return undefined;
    }
  }
  let arrayRank = 0;
  while (text.startsWith('[]', i)) {
    arrayRank++;
    i += 2;
  }
  let nullable = false;
  if (text[i] === '?') {
    nullable = true;
    i++;
  }
  let type: DotNetType = { name: m[0], args, arrayRank, nullable };
  if (type.name === 'Nullable' && args.length === 1 && arrayRank === 0) type = { ...args[0]!, nullable: true };
  return { type, end: i };
}

/**
 * The type `text` is, or undefined. Every row's Data Type is asked for by several readers and model
 * passes, and a few dozen spellings make up thousands of rows: answers are remembered (within
 * bounds), and shared, which their readonly type makes safe.
 */
export function parseDotNetType(text: string): DotNetType | undefined {
  let type = parsedTypes.get(text);
  if (type === undefined) {
    if (parsedTypes.size >= 10_000) parsedTypes.clear();
    const trimmed = text.trim();
    const r = readDotNetTypeAt(trimmed, 0);
    type = r && r.end === trimmed.length ? r.type : null;
    parsedTypes.set(text, type);
  }
  return type ?? undefined;
}
const parsedTypes = new Map<string, DotNetType | null>();

export function formatDotNetType(t: DotNetType): string {
  const args = t.args.length ? `<${t.args.map(formatDotNetType).join(',')}>` : '';
  return `${t.name}${args}${'[]'.repeat(t.arrayRank)}${t.nullable ? '?' : ''}`;
}

/** Every name in a type (`Dictionary<string, List<Email>>` → Dictionary, string, List, Email). */
export function typeNamesIn(t: DotNetType): string[] {
  const names: string[] = [];
  pushTypeNames(t, names);
  return names;
}

/** typeNamesIn, appended to `into`. */
export function pushTypeNames(t: DotNetType, into: string[]): void {
  into.push(t.name);
  for (const a of t.args) pushTypeNames(a, into);
}
