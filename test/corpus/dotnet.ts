/**
 * .NET type names as the corpus data writes them (C# syntax) and as ServiceStack prints them.
 *
 * The Data Type column is `CSharpGenerator.Type(type, genericArgs)`
 * (ServiceStack/src/ServiceStack/NativeTypes/CSharp/CSharpGenerator.cs): a top-level
 * ``Nullable`1`` prints `T?`, CLR primitives print their C# alias (`TypeAliases`), generic
 * arguments are joined with ", " and aliased only when they are plain names; a nested argument
 * keeps the expanded CLR form of `ExpandTypeName` (`Nullable<EnumType>`, `List<String>`), which is
 * why ServiceStack prints `Dictionary<Nullable<EnumType>, Nullable<EnumType>>`.
 */

export interface NetType {
  /** `List`, `int`, `PostComment`, `T`. */
  name: string;
  args: NetType[];
  /**
   * Written with `?` (or as `Nullable<…>`): a nullable value type, or a reference type's
   * annotation; for an array, the element's (`byte?[]`).
   */
  nullable: boolean;
  /** `[]` suffixes. */
  arrayRank: number;
}

/** C# alias → CLR name. */
const CLR: Record<string, string> = {
  string: 'String',
  bool: 'Boolean',
  byte: 'Byte',
  sbyte: 'SByte',
  short: 'Int16',
  ushort: 'UInt16',
  int: 'Int32',
  uint: 'UInt32',
  long: 'Int64',
  ulong: 'UInt64',
  float: 'Single',
  double: 'Double',
  decimal: 'Decimal',
  char: 'Char',
  object: 'Object',
};

/** CLR name → the alias `CSharpGenerator.TypeAliases` prints (Char and Object have none there). */
const ALIAS: Record<string, string> = Object.fromEntries(
  Object.entries(CLR)
    .filter(([, clr]) => clr !== 'Char' && clr !== 'Object' && clr !== 'SByte')
    .map(([alias, clr]) => [clr, alias]),
);

const VALUE_PRIMITIVES = new Set([
  'bool',
  'byte',
  'sbyte',
  'short',
  'ushort',
  'int',
  'uint',
  'long',
  'ulong',
  'float',
  'double',
  'decimal',
  'char',
  'DateTime',
  'DateTimeOffset',
  'TimeSpan',
  'Guid',
  'DateOnly',
  'TimeOnly',
]);
const PRIMITIVES = new Set([...VALUE_PRIMITIVES, 'string', 'object']);
const LISTS = new Set(['List', 'IList', 'IEnumerable', 'ICollection', 'HashSet']);
const DICTIONARIES = new Set(['Dictionary', 'IDictionary']);

export function parseNetType(text: string): NetType {
  let pos = 0;
  const src = text.replace(/\s+/g, '');
  const read = (): NetType => {
    const start = pos;
    while (pos < src.length && /[\w.]/.test(src[pos]!)) pos++;
    const name = src.slice(start, pos);
    if (!name) throw new Error(`bad .NET type '${text}'`);
    const args: NetType[] = [];
    if (src[pos] === '<') {
      do {
        pos++;
        args.push(read());
      } while (src[pos] === ',');
      if (src[pos++] !== '>') throw new Error(`bad .NET type '${text}'`);
    }
    let t: NetType = { name, args, nullable: false, arrayRank: 0 };
    if (name === 'Nullable' && args.length === 1) t = { ...args[0]!, nullable: true };
    for (;;) {
      if (src.startsWith('[]', pos)) {
        t.arrayRank++;
        pos += 2;
      } else if (src[pos] === '?') {
        // `?` after `[]` annotates the array, a reference type: nothing at run time.
        if (t.arrayRank === 0) t.nullable = true;
        pos++;
      } else return t;
    }
  };
  const t = read();
  if (pos !== src.length) throw new Error(`bad .NET type '${text}'`);
  return t;
}

export const isPrimitive = (t: NetType) => t.arrayRank === 0 && t.args.length === 0 && PRIMITIVES.has(t.name);
export const isValuePrimitive = (name: string) => VALUE_PRIMITIVES.has(name);
export const isList = (t: NetType) => t.arrayRank > 0 || (LISTS.has(t.name) && t.args.length === 1);
export const isDictionary = (t: NetType) => t.arrayRank === 0 && DICTIONARIES.has(t.name) && t.args.length === 2;

/** The element of a list or array (for an array, `nullable` was the element's: `byte?[]`). */
export function elementOf(t: NetType): NetType {
  if (t.arrayRank > 0) return { ...t, arrayRank: t.arrayRank - 1 };
  return t.args[0]!;
}

/** Replaces generic parameters (`T`) by arguments. */
export function substitute(t: NetType, bindings: ReadonlyMap<string, NetType>): NetType {
  const bound = t.args.length === 0 ? bindings.get(t.name) : undefined;
  if (bound) return { ...bound, nullable: bound.nullable || t.nullable, arrayRank: bound.arrayRank + t.arrayRank };
  return { ...t, args: t.args.map((a) => substitute(a, bindings)) };
}

/** C# form, as the corpus data writes it: `List<PostComment>`, `int?`, `string[]`. */
export function csharp(t: NetType): string {
  const args = t.args.length ? `<${t.args.map(csharp).join(', ')}>` : '';
  return `${t.name}${args}${t.nullable ? '?' : ''}${'[]'.repeat(t.arrayRank)}`;
}

/**
 * The Data Type column. `isValueType` tells whether a `?` is a nullable value type (printed)
 * or a reference type's nullable annotation (invisible at run time, so not printed).
 */
export function displayType(t: NetType, isValueType: (name: string) => boolean): string {
  const nullable = t.nullable && isValueType(t.name);
  if (t.arrayRank > 0) return `${alias(t.name)}${nullable ? '?' : ''}${'[]'.repeat(t.arrayRank)}`;
  if (nullable) return `${alias(t.name)}?`;
  if (!t.args.length) return alias(t.name);
  const args = t.args.map((a) => (a.args.length || a.arrayRank || (a.nullable && isValueType(a.name)) ? expanded(a, isValueType) : alias(a.name)));
  return `${t.name}<${args.join(', ')}>`;
}

/** `ExpandTypeName`: CLR names, `Nullable<…>` spelled out, arguments joined by ",". */
function expanded(t: NetType, isValueType: (name: string) => boolean): string {
  const clr = CLR[t.name] ?? t.name;
  if (t.nullable && isValueType(t.name) && t.arrayRank === 0) return `Nullable<${expanded({ ...t, nullable: false }, isValueType)}>`;
  const args = t.args.length ? `<${t.args.map((a) => expanded(a, isValueType)).join(',')}>` : '';
  // An array argument goes through TypeAlias, which aliases the element and keeps the `[]`.
  return t.arrayRank ? `${alias(clr)}${'[]'.repeat(t.arrayRank)}` : `${clr}${args}`;
}

function alias(name: string): string {
  return ALIAS[CLR[name] ?? name] ?? CLR[name] ?? name;
}

/** The CLR name of a C# alias (`int` → `Int32`), for the XML serializer's names. */
export function clrName(name: string): string {
  return CLR[name] ?? name;
}
