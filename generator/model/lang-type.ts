/**
 * The member types of the VB.NET, F#, Kotlin, Java, Swift and Dart DTO sources read as .NET types,
 * by their generators' type tables (ServiceStack/src/ServiceStack/NativeTypes/<Lang>/<Lang>Generator.cs,
 * `TypeAliases`) read backwards. VB.NET and F# write .NET types exactly, in their own keywords
 * (`Integer`, `ResizeArray`). The others map several .NET types to one of theirs, read here as the
 * widest of them, so that every value of any admits it: Kotlin's `Int` stands for Int32 and
 * UInt16 (int), Swift's `Int` and Dart's `int` for every integer (long), Swift's `Double` and Dart's
 * `double` also for decimal (double), `Date` for DateTime, DateOnly and DateTimeOffset (DateTime).
 *
 * Nullability, as each generator writes it: VB.NET and F# exactly (`Integer?`, `Nullable<Int32>`);
 * Dart's `int?`, `double?`, `bool?` are nullable value types (a non-nullable one is written without
 * `?`, DartGenerator.IsPropertyOptional); Kotlin writes every property `T?`, Java boxes every value,
 * Swift's `?` follows `MakePropertiesOptional`: none of them tells, so none is read.
 */
import type { DotNetType } from '../read/dotnet-type.js';
import type { TypeRef } from './api-model.js';
import type { DeclaredLang } from './facts.js';
import { fromDotNet } from './type-ref.js';

/** The languages whose member types come as `langType` (read/fragments.ts). */
export type MappedLang = Exclude<DeclaredLang, 'csharp' | 'typescript' | 'javascript' | 'python'>;

/** Each language's names for .NET types, as the C# name the rest of the model reads (`Integer` → `int`, `ArrayList` → `List`). */
const NAMES: Record<MappedLang, Record<string, string>> = {
  vbnet: {
    Integer: 'int',
    Long: 'long',
    Short: 'short',
    UInteger: 'uint',
    ULong: 'ulong',
    UShort: 'ushort',
    Date: 'DateTime',
    String: 'string',
    Boolean: 'bool',
    Byte: 'byte',
    SByte: 'sbyte',
    Char: 'char',
    Single: 'float',
    Double: 'double',
    Decimal: 'decimal',
    Object: 'object',
  },
  fsharp: {
    ResizeArray: 'List',
    int: 'int',
    int32: 'int',
    int64: 'long',
    int16: 'short',
    uint32: 'uint',
    uint64: 'ulong',
    uint16: 'ushort',
    float: 'double',
    float32: 'float',
    double: 'double',
    single: 'float',
    obj: 'object',
  },
  kotlin: {
    String: 'string',
    Boolean: 'bool',
    Byte: 'sbyte',
    Short: 'short',
    Int: 'int',
    Long: 'long',
    BigInteger: 'ulong',
    Float: 'float',
    Double: 'double',
    BigDecimal: 'decimal',
    UUID: 'Guid',
    Date: 'DateTime',
    Any: 'object',
    Object: 'object',
    InputStream: 'object',
    ArrayList: 'List',
    MutableList: 'List',
    HashMap: 'Dictionary',
    MutableMap: 'Dictionary',
    Map: 'Dictionary',
  },
  java: {
    String: 'string',
    Boolean: 'bool',
    Byte: 'sbyte',
    Short: 'short',
    Integer: 'int',
    Long: 'long',
    BigInteger: 'ulong',
    Float: 'float',
    Double: 'double',
    BigDecimal: 'decimal',
    UUID: 'Guid',
    Date: 'DateTime',
    Object: 'object',
    InputStream: 'object',
    ArrayList: 'List',
    HashMap: 'Dictionary',
    Map: 'Dictionary',
  },
  swift: {
    String: 'string',
    Bool: 'bool',
    UInt8: 'byte',
    Int8: 'sbyte',
    Int16: 'short',
    UInt16: 'ushort',
    Int32: 'int',
    UInt32: 'uint',
    Int: 'long',
    Int64: 'long',
    UInt64: 'ulong',
    Float: 'float',
    Double: 'double',
    Date: 'DateTime',
    TimeInterval: 'TimeSpan',
    Data: 'object',
  },
  dart: {
    String: 'string',
    bool: 'bool',
    int: 'long',
    num: 'double',
    double: 'double',
    DateTime: 'DateTime',
    Duration: 'TimeSpan',
    dynamic: 'object',
    Object: 'object',
    Uint8List: 'byte[]',
    List: 'List',
    Set: 'List',
    Map: 'Dictionary',
  },
};

/** Dart's value types: the only ones whose `?` is nullability (a reference type's is "not required"). */
const DART_VALUE_TYPES = new Set(['int', 'double', 'bool', 'num']);

/** A member type of a mapped language as the .NET type it stands for. */
export function fromLangType(t: DotNetType, lang: MappedLang): TypeRef {
  return fromDotNet(asDotNet(t, lang, 0));
}

function asDotNet(t: DotNetType, lang: MappedLang, depth: number): DotNetType {
  const names = NAMES[lang];
  const mapped = Object.hasOwn(names, t.name) ? names[t.name]! : t.name;
  const args = depth < 32 ? t.args.map((a) => asDotNet(a, lang, depth + 1)) : [];
  const nullable = lang === 'vbnet' || lang === 'fsharp' ? t.nullable : lang === 'dart' && t.nullable && DART_VALUE_TYPES.has(t.name);
  // Dart's `Uint8List` is a byte array.
  if (mapped.endsWith('[]')) return { name: mapped.slice(0, -2), args: [], arrayRank: t.arrayRank + 1, nullable: false };
  return { name: mapped, args, arrayRank: t.arrayRank, nullable };
}

/** Dart's collections: the only types it writes without `?` for a required member alone. */
const DART_COLLECTIONS = new Set(['List', 'Map', 'Set']);

/**
 * Dart's way of saying a member is required: a collection written without `?` (DartGenerator gives
 * a required member a constant default: `[]`, `{}`). A `String` without `?` is required too, or a
 * non-nullable Guid or char (value types, which it writes as `String` with the same default): it
 * says nothing.
 */
export function dartRequired(t: DotNetType): boolean {
  return !t.nullable && t.arrayRank === 0 && DART_COLLECTIONS.has(t.name);
}
