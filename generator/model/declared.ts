/**
 * The DTO classes a page's source declares — Python dataclasses, C# classes, TypeScript classes —
 * in one shape for the model passes. The languages do not say as much as each other:
 *
 * | source     | member name             | wire name                       | type                                  |
 * | ---------- | ----------------------- | ------------------------------- | ------------------------------------- |
 * | C#         | the .NET name           | `[DataMember(Name=…)]`, if any  | exact (`int`, `long?`, `List<T>`)     |
 * | Python     | snake_case              | dataclasses_json's camelCase    | family (`int` for every integer)      |
 * | TypeScript | the wire name           | as written                      | weak: `number`, `string` hide the .NET type |
 *
 * A TypeScript type is a *weaker fact*: the model checks it against a stronger source's type and
 * never lets it override one (generator/model/merge-types.ts).
 */
import type { SourceLocation } from '../diagnostics.js';
import { BUILTIN_TYPE_NAMES } from '../read/dotnet-type.js';
import type { Located, PageFragments, PythonClassFragment, RouteFragment, TsType } from '../read/fragments.js';
import { pythonNameToCamel } from '../read/python-dtos.js';
import type { ResponseShape, TypeRef } from './api-model.js';
import type { DeclaredLang } from './facts.js';
import { memberKey } from './naming.js';
import { fromDotNet, fromPython, referencedNames } from './type-ref.js';

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

export interface DeclaredEnumMember {
  /** The name that travels. */
  name: string;
  value?: string;
  loc: SourceLocation;
}

export interface DeclaredClass {
  lang: DeclaredLang;
  name: string;
  /** `QueryResponse<T>` (Python: `Generic[T]`): names its members may use that are no types. */
  typeParameters: string[];
  /** DTO base classes (markers like `IReturn<T>`, generics and interfaces left out). */
  bases: string[];
  /** A base class written with type arguments (`QueryDb<Customer>`, `QueryDb[Customer]`), which the model does not follow. */
  genericBase?: string;
  isEnum: boolean;
  members: DeclaredMember[];
  enumMembers: DeclaredEnumMember[];
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

export function pythonDtoBases(c: PythonClassFragment): string[] {
  return c.bases.filter((b) => !PYTHON_NON_BASES.test(b) && IDENTIFIER.test(b));
}

const IDENTIFIER = /^[A-Za-z_]\w*$/;
/** An interface by .NET naming (`IReturn<T>`, `IGet`, `IHasSessionId`): never a base class. */
const INTERFACE_NAME = /^I[A-Z]\w*(<.*>)?$/;

/** `IReturn<X>` (`IReturn[X]`) or `IReturnVoid` among a class's bases; undefined when it has neither, or returns no DTO. */
function responseMarker(markers: readonly string[], loc: SourceLocation): DeclaredClass['response'] {
  for (const m of markers) {
    const compact = m.replace(/\s+/g, '');
    if (compact === 'IReturnVoid') return { shape: { kind: 'none' }, loc };
    const typed = /^IReturn[<[](\w+)[>\]]$/.exec(compact)?.[1];
    if (typed && !BUILTIN_TYPE_NAMES.has(typed) && !['string', 'number', 'boolean', 'any', 'Object', 'str', 'int', 'bool'].includes(typed))
      return { shape: { kind: 'typed', type: typed }, loc };
  }
  return undefined;
}

/** `{ genericBase }` for a base written with type arguments; `{}` for none. */
function genericBase(written: string | undefined): Pick<DeclaredClass, 'genericBase'> {
  return written && /^[A-Za-z_][\w.]*\s*[<[]/.test(written) ? { genericBase: written } : {};
}

/** The page's DTO classes and enums, every language; interfaces are no DTOs and are left out. */
export function declaredClasses(page: PageFragments): DeclaredClass[] {
  return [...page.pythonClasses.map(fromPythonClass), ...page.dtoTypes.flatMap(fromDtoType)];
}

function fromPythonClass(c: PythonClassFragment): DeclaredClass {
  const generic = c.bases.map((b) => /^Generic\[(.*)\]$/.exec(b)?.[1]).find(Boolean);
  const typeParameters = generic ? generic.split(',').map((p) => p.trim()) : [];
  const members = c.fields.map((f): DeclaredMember => ({
    lang: 'python',
    key: memberKey(f.name),
    written: f.name,
    wireName: pythonNameToCamel(f.name),
    annotation: f.annotation,
    ...(f.type ? { type: withoutTypeParameters(fromPython(f.type), typeParameters) } : {}),
    required: f.required,
    ...(f.description ? { description: f.description } : {}),
    loc: f.loc,
  }));
  // A Python enum's string value is the name that travels (`OPEN = 'Open'` is .NET `Open`); an int value stays a value.
  const enumMembers = c.enumMembers.map((m): DeclaredEnumMember => (/^-?\d+$/.test(m.value) ? m : { name: m.value || m.name, loc: m.loc }));
  const response = responseMarker(c.bases, c.loc);
  return {
    lang: 'python',
    name: c.name,
    typeParameters,
    bases: pythonDtoBases(c),
    ...genericBase(c.bases.find((b) => !PYTHON_NON_BASES.test(b) && !IDENTIFIER.test(b))),
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
  const members = t.members.map((m): DeclaredMember => {
    const dataMemberName = m.attributes.find((a) => a.name === 'DataMember')?.named.Name?.trim();
    const wireName = lang === 'typescript' ? m.name : dataMemberName;
    const written = lang === 'csharp' ? (m.dotNetType ? fromDotNet(m.dotNetType) : undefined) : m.tsType ? fromTs(m.tsType) : undefined;
    const type = written && withoutTypeParameters(written, t.typeParameters);
    return {
      lang,
      key: memberKey(m.name),
      written: m.name,
      ...(lang === 'csharp' ? { dotNetName: m.name } : {}),
      ...(wireName ? { wireName } : {}),
      annotation: m.typeText,
      ...(type ? { type } : {}),
      ...(m.tsType && lang === 'typescript' ? { tsType: m.tsType } : {}),
      required: m.required,
      ...(m.description ? { description: m.description } : {}),
      loc: m.loc,
    };
  });
  const enumMembers = t.enumMembers.map((m): DeclaredEnumMember => {
    // What travels: C#'s `[EnumMember(Value="…")]`, a TypeScript string value; a number stays a value.
    const enumMember = m.attributes.find((a) => a.name === 'EnumMember')?.named.Value;
    if (enumMember) return { name: enumMember, loc: m.loc };
    if (m.quoted) return { name: m.value || m.name, loc: m.loc };
    return { name: m.name, ...(m.value !== undefined && /^-?\d+$/.test(m.value.trim()) ? { value: m.value.trim() } : {}), loc: m.loc };
  });
  // ServiceStack writes the base class first, then the interfaces (C# lists them all after `:`).
  const first = t.bases[0];
  const isClass = first !== undefined && !(lang === 'csharp' && INTERFACE_NAME.test(first));
  const base = isClass && IDENTIFIER.test(first) ? first : undefined;
  const response = responseMarker([...t.bases, ...t.implements], t.loc);
  return [{
    lang,
    name: t.name,
    typeParameters: t.typeParameters,
    bases: base ? [base] : [],
    ...genericBase(isClass && !base ? first : undefined),
    isEnum: t.kind === 'enum',
    members,
    enumMembers,
    ...(t.description ? { description: t.description } : {}),
    ...(t.namespace ? { namespace: { value: t.namespace, loc: t.loc } } : {}),
    ...(response ? { response } : {}),
    routes: t.routes,
    mentions: [...t.bases, ...t.implements, ...t.members.map((m) => m.typeText)].join(' ').match(/\w+/g) ?? [],
    loc: t.loc,
  }];
}

/** DTO and enum names a member's type mentions. */
export function memberReferences(m: DeclaredMember): string[] {
  return m.type ? referencedNames(m.type) : [];
}

/** A member typed by its class's type parameter (`results: T[]`) holds anything: `object`. */
function withoutTypeParameters(t: TypeRef, params: readonly string[]): TypeRef {
  if (!params.length) return t;
  switch (t.kind) {
    case 'list':
      return { kind: 'list', of: withoutTypeParameters(t.of, params) };
    case 'dictionary':
      return { kind: 'dictionary', key: withoutTypeParameters(t.key, params), value: withoutTypeParameters(t.value, params) };
    case 'ref':
      return params.includes(t.name) ? { kind: 'primitive', name: 'object', nullable: false } : t;
    default:
      return t;
  }
}

// ---- TypeScript types ----

const TS_PRIMITIVES: Record<string, TypeRef> = {
  string: { kind: 'primitive', name: 'string', nullable: false },
  String: { kind: 'primitive', name: 'string', nullable: false },
  boolean: { kind: 'primitive', name: 'bool', nullable: false },
  Boolean: { kind: 'primitive', name: 'bool', nullable: false },
  // `number` is every .NET number: read alone it is the most lenient, a double.
  number: { kind: 'primitive', name: 'double', nullable: false },
  Number: { kind: 'primitive', name: 'double', nullable: false },
  any: { kind: 'primitive', name: 'object', nullable: false },
  unknown: { kind: 'primitive', name: 'object', nullable: false },
  object: { kind: 'primitive', name: 'object', nullable: false },
  Object: { kind: 'primitive', name: 'object', nullable: false },
  // ServiceStack writes byte[] and Stream as `string`, a binary response as `Blob`.
  Blob: { kind: 'primitive', name: 'object', nullable: false },
};

/** The most lenient .NET reading of a TypeScript type: `number` → double. */
export function fromTs(t: TsType): TypeRef | undefined {
  switch (t.kind) {
    case 'nullable':
      return fromTs(t.of);
    case 'array': {
      const of = fromTs(t.of);
      return of && { kind: 'list', of };
    }
    case 'dict': {
      const key = fromTs(t.key);
      const value = fromTs(t.value);
      return key && value && { kind: 'dictionary', key: key.kind === 'primitive' && key.name === 'double' ? { kind: 'primitive', name: 'string', nullable: false } : key, value };
    }
    case 'literal':
      return { kind: 'primitive', name: 'string', nullable: false };
    case 'name':
      // A generic DTO (`QueryResponse<Customer>`) is its name, as the tables' `QueryResponse<Customer>` is.
      return Object.hasOwn(TS_PRIMITIVES, t.name) && !t.args.length ? TS_PRIMITIVES[t.name] : { kind: 'ref', name: t.name, nullable: false };
  }
}

/** Whether a TypeScript type holds `number` (whose integer-ness it cannot tell). */
export function tsHasNumber(t: TsType): boolean {
  switch (t.kind) {
    case 'nullable':
    case 'array':
      return tsHasNumber(t.of);
    case 'dict':
      return tsHasNumber(t.value);
    case 'literal':
      return false;
    case 'name':
      return t.name === 'number' || t.name === 'Number';
  }
}

const TS_STRING_TYPES = new Set(['string', 'char', 'Guid', 'Uri', 'DateTime', 'DateTimeOffset', 'DateOnly', 'TimeOnly', 'TimeSpan']);
const TS_NUMBER_TYPES = new Set(['byte', 'sbyte', 'short', 'ushort', 'int', 'uint', 'long', 'ulong', 'float', 'double', 'decimal']);

/**
 * Whether the TypeScript type is what ServiceStack's TypeScriptGenerator writes for the .NET type
 * `t`: `number` for every number, `string` for strings, dates, Guids, TimeSpans (and `byte[]`),
 * `T[]` for lists, `{ [index:string]: T; }` for dictionaries, the name for DTOs and enums.
 * `any` agrees with everything: it says nothing.
 */
export function tsAgrees(ts: TsType, t: TypeRef): boolean {
  if (ts.kind === 'nullable') return tsAgrees(ts.of, t);
  if (ts.kind === 'name' && ['any', 'unknown', 'Object', 'object'].includes(ts.name) && !ts.args.length) return true;
  switch (t.kind) {
    case 'primitive':
      if (ts.kind !== 'name') return ts.kind === 'literal' && TS_STRING_TYPES.has(t.name);
      if (ts.name === 'number' || ts.name === 'Number') return TS_NUMBER_TYPES.has(t.name);
      if (ts.name === 'string' || ts.name === 'String') return TS_STRING_TYPES.has(t.name);
      if (ts.name === 'boolean' || ts.name === 'Boolean') return t.name === 'bool';
      return false;
    case 'list':
      if (ts.kind === 'array') return tsAgrees(ts.of, t.of);
      // byte[] is written `string`.
      return ts.kind === 'name' && ts.name === 'string' && t.of.kind === 'primitive' && t.of.name === 'byte';
    case 'dictionary':
      return ts.kind === 'dict' && tsAgrees(ts.value, t.value) && (tsAgrees(ts.key, t.key) || (ts.key.kind === 'name' && ts.key.name === 'string'));
    case 'ref':
      return ts.kind === 'name' && ts.name === t.name;
  }
}
