/**
 * The DTO classes a page's source declares — Python dataclasses, and the classes of every other tab
 * (C#, TypeScript, VB.NET, F#, Kotlin, Java, Swift, Dart, JavaScript) — in one shape for the model
 * passes. The languages do not say as much as each other:
 *
 * | source                  | member name                | wire name                               | type                                        |
 * | ----------------------- | -------------------------- | --------------------------------------- | ------------------------------------------- |
 * | C#, VB.NET, F#          | the .NET name              | `[DataMember(Name=…)]`, if any          | exact (`int`, `long?`, `List<T>`)           |
 * | Kotlin, Java            | the wire name              | `@SerializedName`, else as written      | mapped (`Int`, `Long`, `BigDecimal`), no nullability |
 * | Swift, Dart             | the wire name              | as written                              | mapped, coarser (one `Int`); Dart's `int?` is nullable |
 * | Python                  | snake_case                 | dataclasses_json's camelCase            | family (`int` for every integer)            |
 * | TypeScript, JavaScript  | the wire name              | as written                              | weak: `number`, `string` hide the .NET type |
 *
 * A TypeScript type is a *weaker fact*: the model checks it against a stronger source's type and
 * never lets it override one (ts-type.ts, resolve/member-type.ts). JavaScript's JSDoc `@type` is
 * TypeScript's type. Dart writes a reference type without `?` only for a required member.
 */
import type { SourceLocation } from '../diagnostics.js';
import { BUILTIN_TYPE_NAMES } from '../read/dotnet-type.js';
import type {
  DtoEnumMemberFragment,
  DtoLang,
  DtoTypeFragment,
  DtoMemberFragment,
  Located,
  PageFragments,
  PythonClassFragment,
  RouteFragment,
  TsType,
} from '../read/fragments.js';
import { pythonNameToCamel } from '../read/python-dtos.js';
import type { ResponseShape, TypeRef } from './api-model.js';
import { enumMemberFact, type DeclaredLang, type EnumMemberFact } from './facts.js';
import { withParameters } from './generics.js';
import { memberKey } from './naming.js';
import { dartRequired, fromLangType } from './lang-type.js';
import { DOTNET_LANGS } from './sources.js';
import { fromTs } from './ts-type.js';
import { fromDotNet, fromPython, fromWrittenType, referencedNames } from './type-ref.js';

export type { DeclaredLang };

export interface DeclaredMember {
  lang: DeclaredLang;
  /** memberKey of the name as written. */
  key: string;
  /** As written: Python snake_case, C# the .NET name, TypeScript the wire name. */
  written: string;
  /** C#: the .NET name. */
  dotNetName?: string;
  /** The JSON name the source states or implies (Python: camelCase of snake_case; C#: only a DataMember Name). */
  wireName?: string;
  /** The type as written, for messages. */
  annotation: string;
  /** C#: exact, nullability as written; Python: by family; TypeScript: the most lenient reading (`number` → double). */
  type?: TypeRef;
  /** TypeScript: the type as parsed, which stronger sources are checked against. */
  tsType?: TsType;
  required: boolean;
  description?: string;
  loc: SourceLocation;
}

export interface DeclaredClass {
  lang: DeclaredLang;
  name: string;
  /** `QueryResponse<T>` (Python: `Generic[T]`): names its members use as type parameters. */
  typeParameters: string[];
  /** DTO base classes by name (markers like `IReturn<T>` and interfaces left out): `QueryDb` for `QueryDb<Customer>`. */
  bases: string[];
  /** The type arguments of the base class, when it is generic (`QueryDb<Customer>`, `QueryDb[Customer]`: `[Customer]`). */
  baseArgs?: TypeRef[];
  isEnum: boolean;
  members: DeclaredMember[];
  enumMembers: EnumMemberFact[];
  /**
   * How an enum travels, where its source says: as a number combining its members' values (a
   * `[Flags]` attribute, in any language), or as its number (Kotlin's and Java's
   * `@SerializedName("1")` on every member, which their generators write for such an enum only).
   */
  travels?: 'flags' | 'integer';
  description?: string;
  /** C#: the enclosing namespace. */
  namespace?: Located<string>;
  /** From `IReturn<T>` / `IReturnVoid` (Python: `IReturn[T]`): a typed response, or none. */
  response?: { shape: ResponseShape; loc: SourceLocation };
  routes: RouteFragment[];
  /** Every name the bases and member types mention (to find the class nothing else uses). */
  mentions: string[];
  loc: SourceLocation;
}

/** Python bases that are markers (`IReturn[X]`, `Generic[T]`, `str, Enum`), not DTO base classes. */
const PYTHON_NON_BASES = /^(Generic\[.*\]|IReturn(Void)?(\[.*\])?|IGet|IPost|IPut|IDelete|IPatch|str|int|Enum|IntEnum|object)$/;

/** The base class of a Python class: the first base that is no marker, as written. */
function pythonBase(c: PythonClassFragment): string | undefined {
  return c.bases.find((b) => !PYTHON_NON_BASES.test(b));
}

const IDENTIFIER = /^[A-Za-z_]\w*$/;
/** An interface by .NET naming (`IReturn<T>`, `IGet`, `IHasSessionId`): never a base class. */
const INTERFACE_NAME = /^I[A-Z]\w*(<.*>)?$/;

/** `IReturn<X>` (`IReturn[X]`) or `IReturnVoid` among a class's bases; undefined when it has neither, or returns no DTO. */
function responseMarker(markers: readonly string[], lang: DeclaredLang, params: readonly string[], loc: SourceLocation): DeclaredClass['response'] {
  for (const m of markers) {
    const compact = m.replace(/\s+/g, '');
    if (compact === 'IReturnVoid') return { shape: { kind: 'none' }, loc };
    const written = /^IReturn[<[](.+)[>\]]$/.exec(compact)?.[1];
    const typed = written ? fromWrittenType(written, lang) : undefined;
    // A DTO, not `IReturn<string>` nor `IReturn<List<Foo>>` (nor IReturn<T> of a generic request).
    if (typed?.kind === 'ref' && !BUILTIN_TYPE_NAMES.has(typed.name) && !params.includes(typed.name))
      return { shape: { kind: 'typed', type: typed.name, ...(typed.args ? { args: typed.args.map((a) => withParameters(a, params)) } : {}) }, loc };
  }
  return undefined;
}

/** The base class written (`QueryDb<Customer>`) as its name and type arguments; `{ bases: [] }` when it is none. */
function baseOf(written: string | undefined, lang: DeclaredLang, params: readonly string[]): Pick<DeclaredClass, 'bases' | 'baseArgs'> {
  const t = written === undefined ? undefined : fromWrittenType(written, lang);
  if (t?.kind !== 'ref' || !IDENTIFIER.test(t.name)) return { bases: [] };
  return { bases: [t.name], ...(t.args ? { baseArgs: t.args.map((a) => withParameters(a, params)) } : {}) };
}

/** Type parameters as identifiers (Python's `Generic[…]` is read as written). */
function parametersOf(written: readonly string[]): string[] {
  return written.filter((p, i) => IDENTIFIER.test(p) && written.indexOf(p) === i);
}

/** The page's DTO classes and enums, every language; interfaces are no DTOs and are left out. */
export function declaredClasses(page: PageFragments): DeclaredClass[] {
  return [...page.pythonClasses.map(fromPythonClass), ...page.dtoTypes.flatMap(fromDtoType)];
}

function fromPythonClass(c: PythonClassFragment): DeclaredClass {
  const generic = c.bases.map((b) => /^Generic\[(.*)\]$/.exec(b)?.[1]).find(Boolean);
  const typeParameters = parametersOf(generic ? generic.split(',').map((p) => p.trim()) : []);
  const members = c.fields.map((f): DeclaredMember => ({
    lang: 'python',
    key: memberKey(f.name),
    written: f.name,
    wireName: pythonNameToCamel(f.name),
    annotation: f.annotation,
    ...(f.type ? { type: withParameters(fromPython(f.type), typeParameters) } : {}),
    required: f.required,
    ...(f.description ? { description: f.description } : {}),
    loc: f.loc,
  }));
  const enumMembers = c.enumMembers.map(fromPythonEnumMember);
  const response = responseMarker(c.bases, 'python', typeParameters, c.loc);
  return {
    lang: 'python',
    name: c.name,
    typeParameters,
    ...baseOf(pythonBase(c), 'python', typeParameters),
    isEnum: c.isEnum,
    members,
    enumMembers,
    ...(c.docstring ? { description: c.docstring } : {}),
    ...(response ? { response } : {}),
    routes: c.routes ?? [],
    mentions: [...c.bases, ...c.fields.map((f) => f.annotation)].join(' ').match(/\w+/g) ?? [],
    loc: c.loc,
  };
}

function fromDtoType(t: PageFragments['dtoTypes'][number]): DeclaredClass[] {
  if (t.kind === 'interface') return [];
  const lang = t.lang;
  // ServiceStack writes the base class first, then the interfaces (C# lists them all after `:`).
  const first = t.bases[0];
  const isClass = first !== undefined && !(lang === 'csharp' && INTERFACE_NAME.test(first));
  const typeParameters = parametersOf(t.typeParameters);
  const response = responseMarker([...t.bases, ...t.implements], lang, typeParameters, t.loc);
  return [
    {
      lang,
      name: t.name,
      typeParameters,
      ...baseOf(isClass ? first : undefined, lang, typeParameters),
      isEnum: t.kind === 'enum',
      members: t.members.map((m) => fromDtoMember(m, lang, typeParameters)),
      enumMembers: statedEnumMembers(t).map(fromDtoEnumMember),
      ...(t.kind === 'enum' ? enumTravels(t) : {}),
      ...(t.description ? { description: t.description } : {}),
      ...(t.namespace ? { namespace: { value: t.namespace, loc: t.loc } } : {}),
      ...(response ? { response } : {}),
      routes: t.routes,
      mentions: [...t.bases, ...t.implements, ...t.members.map((m) => m.typeText)].join(' ').match(/\w+/g) ?? [],
      loc: t.loc,
    },
  ];
}

function fromDtoMember(m: DtoMemberFragment, lang: DtoLang, typeParameters: readonly string[]): DeclaredMember {
  const dotNet = DOTNET_LANGS.includes(lang);
  const written = writtenType(m, lang);
  const type = written && withParameters(written, typeParameters);
  const wireName = dotNet ? dataMemberName(m) : (serializedName(m) ?? (lang === 'kotlin' || lang === 'java' ? dataMemberName(m) : undefined) ?? m.name);
  return {
    lang,
    key: memberKey(m.name),
    written: m.name,
    ...(dotNet ? { dotNetName: m.name } : {}),
    ...(wireName ? { wireName } : {}),
    annotation: m.typeText,
    ...(type ? { type } : {}),
    ...(m.tsType && isWeak(lang) ? { tsType: m.tsType } : {}),
    required: m.required || (lang === 'dart' && m.langType !== undefined && dartRequired(m.langType)),
    ...(m.description ? { description: m.description } : {}),
    loc: m.loc,
  };
}

/** The member's type as the model reads its language's. */
function writtenType(m: DtoMemberFragment, lang: DtoLang): TypeRef | undefined {
  if (lang === 'csharp') return m.dotNetType && fromDotNet(m.dotNetType);
  if (isWeak(lang)) return m.tsType && fromTs(m.tsType);
  return m.langType && fromLangType(m.langType, lang);
}

function isWeak(lang: DtoLang): lang is 'typescript' | 'javascript' {
  return lang === 'typescript' || lang === 'javascript';
}

const dataMemberName = (m: DtoMemberFragment) => m.attributes.find((a) => a.name === 'DataMember')?.named.Name?.trim() || undefined;
/** Kotlin's and Java's `@SerializedName("…")` (Gson): the name the member travels as where it differs from the field's. */
const serializedName = (m: DtoMemberFragment) => m.attributes.find((a) => a.name === 'SerializedName')?.args[0]?.trim() || undefined;

/**
 * A C# or TypeScript enum member: C#'s `[EnumMember(Value="…")]` and `[Description("…")]`, a
 * TypeScript string value (`Name = 'value'`, a union type's literal), an integer value.
 */
function fromDtoEnumMember(m: DtoEnumMemberFragment): EnumMemberFact {
  const enumMember = m.attributes.find((a) => a.name === 'EnumMember')?.named.Value;
  const description = m.attributes.find((a) => a.name === 'Description')?.args[0];
  // An unquoted value that is no integer is an expression (`A | B`, `1 << 2`): not read.
  const value = m.quoted || /^\s*-?\d+\s*$/.test(m.value ?? '') ? m.value : undefined;
  return enumMemberFact(m.name, enumMember ?? value, description, m.loc);
}

/**
 * A Python enum member is `PENDING = 'Pending'`: the name upper-cased, the string the .NET name
 * (the same member key) or an `[EnumMember]` value; or `PENDING = 2`.
 */
function fromPythonEnumMember(m: { name: string; value: string; loc: SourceLocation }): EnumMemberFact {
  const isName = memberKey(m.value) === memberKey(m.name);
  return enumMemberFact(isName ? m.value : m.name, isName ? undefined : m.value, undefined, m.loc);
}

/**
 * An enum's members with the values its source states. F# writes a value for every member, its
 * position where the metadata has none (FSharpGenerator: `EnumValues?[i] ?? i`): 0, 1, 2… there
 * state nothing (but for a `[Flags]` enum, whose values the metadata always has), unlike the other
 * sources, which write values only where the metadata has them.
 */
function statedEnumMembers(t: DtoTypeFragment): DtoEnumMemberFragment[] {
  const flags = t.attributes.some((a) => a.name === 'Flags');
  const positional = t.lang === 'fsharp' && !flags && t.enumMembers.every((m, i) => m.value?.trim() === String(i));
  return positional ? t.enumMembers.map(({ value: _value, ...m }) => m) : t.enumMembers;
}

function enumTravels(t: DtoTypeFragment): Pick<DeclaredClass, 'travels'> {
  if (t.attributes.some((a) => a.name === 'Flags')) return { travels: 'flags' };
  const serialized = t.enumMembers.map((m) => m.attributes.find((a) => a.name === 'SerializedName')?.args[0]);
  const asNumbers = serialized.length > 0 && serialized.every((v, i) => v !== undefined && v === t.enumMembers[i]!.value);
  return asNumbers ? { travels: 'integer' } : {};
}

/** DTO and enum names a member's type mentions. */
export function memberReferences(m: DeclaredMember): string[] {
  return m.type ? referencedNames(m.type) : [];
}
