/** Turns the types written in tables and Python DTOs into the model's TypeRef. */
import { parseDotNetType, type DotNetType } from '../read/dotnet-type.js';
import type { PythonType } from '../read/fragments.js';
import type { PrimitiveName, TypeRef } from './api-model.js';
import type { DeclaredLang } from './facts.js';
import { fromLangType } from './lang-type.js';

const PRIMITIVES: Record<string, PrimitiveName> = {
  string: 'string',
  String: 'string',
  char: 'char',
  Char: 'char',
  bool: 'bool',
  Boolean: 'bool',
  byte: 'byte',
  Byte: 'byte',
  sbyte: 'sbyte',
  SByte: 'sbyte',
  short: 'short',
  Int16: 'short',
  ushort: 'ushort',
  UInt16: 'ushort',
  int: 'int',
  Int32: 'int',
  uint: 'uint',
  UInt32: 'uint',
  long: 'long',
  Int64: 'long',
  ulong: 'ulong',
  UInt64: 'ulong',
  float: 'float',
  Single: 'float',
  double: 'double',
  Double: 'double',
  decimal: 'decimal',
  Decimal: 'decimal',
  DateTime: 'DateTime',
  DateTimeOffset: 'DateTimeOffset',
  DateOnly: 'DateOnly',
  TimeOnly: 'TimeOnly',
  TimeSpan: 'TimeSpan',
  Guid: 'Guid',
  Uri: 'Uri',
  object: 'object',
  Object: 'object',
};

const LISTS = new Set(['List', 'IList', 'IEnumerable', 'ICollection', 'IReadOnlyList', 'IReadOnlyCollection', 'HashSet', 'ISet']);
const DICTIONARIES = new Set(['Dictionary', 'IDictionary', 'IReadOnlyDictionary', 'SortedDictionary']);

/** How many type arguments a .NET collection of that name takes: 1 for a list, 2 for a dictionary, 0 for any other type. */
export function collectionArity(name: string): 0 | 1 | 2 {
  return LISTS.has(name) ? 1 : DICTIONARIES.has(name) ? 2 : 0;
}

/** Value types: only these are nullable when written `T?`; reference types are always optional-by-null on the wire. */
const VALUE_TYPES = new Set<PrimitiveName>([
  'char',
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
  'DateTime',
  'DateTimeOffset',
  'DateOnly',
  'TimeOnly',
  'TimeSpan',
  'Guid',
]);

export function isValueType(name: PrimitiveName): boolean {
  return VALUE_TYPES.has(name);
}

export function fromDotNet(t: DotNetType): TypeRef {
  let ref: TypeRef;
  // Own properties only: a DTO named `constructor` or `toString` is no primitive.
  const primitive = Object.hasOwn(PRIMITIVES, t.name) ? PRIMITIVES[t.name] : undefined;
  if (LISTS.has(t.name) && t.args.length === 1) ref = { kind: 'list', of: fromDotNet(t.args[0]!) };
  else if (DICTIONARIES.has(t.name) && t.args.length === 2) ref = { kind: 'dictionary', key: fromDotNet(t.args[0]!), value: fromDotNet(t.args[1]!) };
  else if (primitive) ref = { kind: 'primitive', name: primitive, nullable: t.arrayRank === 0 && t.nullable };
  else ref = { kind: 'ref', name: t.name, nullable: t.arrayRank === 0 && t.nullable, ...(t.args.length ? { args: t.args.map(fromDotNet) } : {}) };
  for (let i = 0; i < t.arrayRank; i++) ref = { kind: 'list', of: ref };
  return ref;
}

const PYTHON_PRIMITIVES: Record<string, PrimitiveName> = {
  str: 'string',
  bool: 'bool',
  int: 'int',
  float: 'double',
  Decimal: 'decimal',
  'decimal.Decimal': 'decimal',
  'datetime.datetime': 'DateTime',
  'datetime.date': 'DateOnly',
  'datetime.time': 'TimeOnly',
  'datetime.timedelta': 'TimeSpan',
  bytes: 'string',
  Any: 'object',
  object: 'object',
};

/**
 * Python DTOs mark every reference type `Optional[...]`, so Optional only means
 * "nullable" for value types (`Optional[bool]` is `bool?`).
 */
export function fromPython(t: PythonType): TypeRef {
  switch (t.kind) {
    case 'optional': {
      const inner = fromPython(t.of);
      if (inner.kind === 'primitive' && isValueType(inner.name)) return { ...inner, nullable: true };
      return inner;
    }
    case 'list':
      return { kind: 'list', of: fromPython(t.of) };
    case 'dict':
      return { kind: 'dictionary', key: fromPython(t.key), value: fromPython(t.value) };
    case 'name': {
      const primitive = Object.hasOwn(PYTHON_PRIMITIVES, t.name) ? PYTHON_PRIMITIVES[t.name] : undefined;
      return primitive ? { kind: 'primitive', name: primitive, nullable: false } : { kind: 'ref', name: t.name, nullable: false };
    }
  }
}

const TS_PRIMITIVES: Record<string, PrimitiveName> = { number: 'double', boolean: 'bool', any: 'object', unknown: 'object' };

const PRIMITIVE_NAMES: ReadonlySet<string> = new Set([...Object.keys(PRIMITIVES), ...Object.keys(PYTHON_PRIMITIVES), ...Object.keys(TS_PRIMITIVES)]);

/** A primitive's name in a table, C#, Python or TypeScript (`string`, `Int32`, `str`, `datetime.datetime`, `number`): no DTO's. */
export function isPrimitiveName(name: string): boolean {
  return PRIMITIVE_NAMES.has(name);
}

/**
 * A type as a DTO source writes it among a class's bases (`QueryDb<Customer>`, Python's
 * `QueryDb[Customer]`, `IReturn[QueryResponse[Customer]]`), read with the .NET grammar; the
 * language's own primitive names (`str`, `number`, Kotlin's `Int`) are read as its DTO fields' are.
 */
export function fromWrittenType(text: string, lang: DeclaredLang): TypeRef | undefined {
  const parsed = parseDotNetType(lang === 'python' ? text.replace(/\[/g, '<').replace(/\]/g, '>') : text);
  if (!parsed) return undefined;
  if (lang === 'csharp') return fromDotNet(parsed);
  if (lang === 'python') return languagePrimitives(fromDotNet(parsed), PYTHON_PRIMITIVES);
  if (lang === 'typescript' || lang === 'javascript') return languagePrimitives(fromDotNet(parsed), TS_PRIMITIVES);
  return fromLangType(parsed, lang);
}

function languagePrimitives(t: TypeRef, table: Record<string, PrimitiveName>): TypeRef {
  switch (t.kind) {
    case 'list':
      return { kind: 'list', of: languagePrimitives(t.of, table) };
    case 'dictionary':
      return { kind: 'dictionary', key: languagePrimitives(t.key, table), value: languagePrimitives(t.value, table) };
    case 'ref':
      if (!t.args && Object.hasOwn(table, t.name)) return { kind: 'primitive', name: table[t.name]!, nullable: t.nullable };
      return t.args ? { ...t, args: t.args.map((a) => languagePrimitives(a, table)) } : t;
    default:
      return t;
  }
}

/** The coarse kind two sources must agree on (Python cannot tell `int` from `long`). */
function family(t: TypeRef): string {
  switch (t.kind) {
    case 'list':
      return `list<${family(t.of)}>`;
    case 'dictionary':
      return `dict<${family(t.key)},${family(t.value)}>`;
    case 'ref':
      return `ref:${t.name}${t.args ? `<${t.args.map(family).join(',')}>` : ''}`;
    case 'parameter':
      return `parameter:${t.name}`;
    case 'primitive':
      if (['byte', 'sbyte', 'short', 'ushort', 'int', 'uint', 'long', 'ulong'].includes(t.name)) return 'integer';
      if (['float', 'double', 'decimal'].includes(t.name)) return 'number';
      if (['string', 'char', 'Guid', 'Uri'].includes(t.name)) return 'string';
      if (['DateTime', 'DateTimeOffset', 'DateOnly'].includes(t.name)) return 'date';
      return t.name;
  }
}

export function sameTypeFamily(a: TypeRef, b: TypeRef): boolean {
  return family(a) === family(b);
}

export function isNullable(t: TypeRef): boolean {
  return (t.kind === 'primitive' || t.kind === 'ref') && t.nullable;
}

export function formatTypeRef(t: TypeRef): string {
  switch (t.kind) {
    case 'list':
      return `List<${formatTypeRef(t.of)}>`;
    case 'dictionary':
      return `Dictionary<${formatTypeRef(t.key)},${formatTypeRef(t.value)}>`;
    case 'parameter':
      return t.name;
    case 'ref':
      return `${t.name}${t.args ? `<${t.args.map(formatTypeRef).join(',')}>` : ''}${t.nullable ? '?' : ''}`;
    default:
      return `${t.name}${t.nullable ? '?' : ''}`;
  }
}

/** Whether two type references are the same type, structurally. */
export function sameTypeRef(a: TypeRef, b: TypeRef): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'list':
      return b.kind === 'list' && sameTypeRef(a.of, b.of);
    case 'dictionary':
      return b.kind === 'dictionary' && sameTypeRef(a.key, b.key) && sameTypeRef(a.value, b.value);
    case 'parameter':
      return b.kind === 'parameter' && a.name === b.name;
    case 'primitive':
      return b.kind === 'primitive' && a.name === b.name && a.nullable === b.nullable;
    case 'ref':
      return b.kind === 'ref' && a.name === b.name && a.nullable === b.nullable && sameTypeRefs(a.args, b.args);
  }
}

/** Two optional lists of type arguments, element by element (absent is not the same as empty). */
export function sameTypeRefs(a: readonly TypeRef[] | undefined, b: readonly TypeRef[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((x, i) => sameTypeRef(x, b[i]!));
}

/** Names of DTOs and enums a type mentions, type arguments included (`QueryResponse<PostComment>`: both). */
export function referencedNames(t: TypeRef): string[] {
  const names: string[] = [];
  collectNames(t, names);
  return names;
}

function collectNames(t: TypeRef, into: string[]): void {
  if (t.kind === 'list') collectNames(t.of, into);
  else if (t.kind === 'dictionary') {
    collectNames(t.key, into);
    collectNames(t.value, into);
  } else if (t.kind === 'ref') {
    into.push(t.name);
    for (const a of t.args ?? []) collectNames(a, into);
  }
}

/**
 * A member type guessed from a placeholder sample value, for types known only from samples. Dates as
 * JSON (`\/Date(…)\/`, ISO 8601), XML (`0001-01-01T00:00:00`) and JSV (the shortest XSD form, `0001-01-01`) write them.
 */
export function fromSampleValue(value: string | number | boolean | null): TypeRef {
  if (typeof value === 'boolean') return { kind: 'primitive', name: 'bool', nullable: false };
  if (typeof value === 'number') return { kind: 'primitive', name: Number.isInteger(value) ? 'int' : 'double', nullable: false };
  if (typeof value === 'string') {
    if (/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value)) return { kind: 'primitive', name: 'Guid', nullable: false };
    if (/^\/Date\(-?\d+([+-]\d{4})?\)\/$/.test(value) || /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}|$)/.test(value))
      return { kind: 'primitive', name: 'DateTime', nullable: false };
    if (/^-?\d+$/.test(value)) return { kind: 'primitive', name: 'int', nullable: false };
    if (value === 'true' || value === 'false') return { kind: 'primitive', name: 'bool', nullable: false };
  }
  return { kind: 'primitive', name: 'string', nullable: false };
}
