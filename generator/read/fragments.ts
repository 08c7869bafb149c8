/**
 * What the readers produce: facts as written on a page, each with where it was read.
 * Readers never decide what a fact means for the API; the model does (generator/model/).
 */
import type { SourceLocation } from '../diagnostics.js';
import type { DotNetType } from './dotnet-type.js';

/** One physical line of an input file (1-based line number). */
export interface SourceLine {
  text: string;
  line: number;
}

export interface Located<T> {
  value: T;
  loc: SourceLocation;
}

/**
 * A ServiceStack operation page, in whatever form it was saved (text dump, HTML). Two other
 * sources travel in the same envelope with nothing else set, as they describe no one page: the
 * `/metadata` index (form 'html-index', `index` set: it lists operations) and the machine-readable
 * `/types/metadata` JSON (form 'metadata-json', `metadata` set: the API's exact declarations).
 */
export interface PageFragments {
  file: string;
  form: 'pipe-text' | 'squashed-text' | 'html' | 'html-index' | 'metadata-json';
  serviceName?: Located<string>;
  operationName?: Located<string>;
  description?: Located<string>;
  tags: Located<string>[];
  auth?: AuthFragment;
  routes: RouteFragment[];
  /** Parameter tables in page order (the order carries meaning: request, bases, references, response…). */
  tables: ParamTableFragment[];
  enums: EnumTableFragment[];
  pythonClasses: PythonClassFragment[];
  /** Classes, interfaces and enums of the DTO source of every tab but Python's (`&lang=csharp|typescript|kotlin|…`). */
  dtoTypes: DtoTypeFragment[];
  /** The `?format=xml` of "To override the Content-type…". */
  formatHint?: Located<string>;
  samples: HttpSampleFragment[];
  /** Set on the `/metadata` index page only. */
  index?: IndexFragments;
  /** Set for the `/types/metadata` JSON only. */
  metadata?: MetadataFragments;
}

/**
 * ServiceStack's `/types/metadata` JSON: what the service declares, exactly — each class's own
 * properties as a table captioned with its name (in the spelling of the pages' Data Type column),
 * its enums, its `inherits`, and each operation's routes, auth, tags and response.
 */
export interface MetadataFragments {
  file: string;
  operations: MetadataOperationFragment[];
  /** One per class with own properties (a class without gets none, as on the pages). */
  tables: ParamTableFragment[];
  enums: EnumTableFragment[];
  bases: { type: string; base: string; loc: SourceLocation }[];
}

export interface MetadataOperationFragment {
  /** The request DTO's name. */
  name: Located<string>;
  description?: Located<string>;
  tags: Located<string>[];
  auth?: AuthFragment;
  routes: RouteFragment[];
  /** The response type; no `type`: the operation returns nothing; absent: not stated. */
  response?: { type?: string; loc: SourceLocation };
}

/** The `/metadata` index page: the operations a service lists. */
export interface IndexFragments {
  file: string;
  serviceName?: Located<string>;
  operations: IndexOperationFragment[];
}

export interface IndexOperationFragment {
  name: string;
  tags: string[];
  /** Set when the row shows the lock icon; roles and permissions from its title ("any of" marks dropped). */
  auth?: { roles: string[]; permissions: string[] };
  /** Each format's page as the row links it (`XML`, `JSON`…), href as written. */
  links: { format: string; href: string }[];
  loc: SourceLocation;
}

export interface AuthFragment {
  required: boolean;
  roles: string[];
  permissions: string[];
  loc: SourceLocation;
}

export interface RouteFragment {
  /** Upper-case verbs; empty means "All Verbs". */
  verbs: string[];
  path: string;
  summary?: string;
  notes?: string;
  loc: SourceLocation;
}

export interface ParamRowFragment {
  /** Missing when the dump lost the Name cell (seed 000: `| form | string | Yes | ||`). */
  name?: string;
  parameter: string;
  dataType: string;
  /** The Data Type parsed, by the reader; undefined when it is no .NET type. */
  type: DotNetType | undefined;
  required: boolean;
  description: string;
  loc: SourceLocation;
  /** Other column splits that also fit the grammar (squashed rows), for the model to settle. */
  alternatives?: Omit<ParamRowFragment, 'loc' | 'alternatives'>[];
}

export interface ParamTableFragment {
  /** From the caption "X Parameters:" when the page kept it. */
  caption?: string;
  rows: ParamRowFragment[];
  loc: SourceLocation;
}

export interface EnumTableFragment {
  /** From the caption "X Enum:"; pipe dumps lose it (the model names the table by where the page uses an enum). */
  name?: string;
  members: EnumMemberFragment[];
  /** `/types/metadata`'s `isEnumInt`: the enum travels as a number. */
  integer?: boolean;
  loc: SourceLocation;
}

export interface EnumMemberFragment {
  name: string;
  /** The Value column (an EnumMember value or a number), when the table has one. */
  value?: string;
  /** The table's description column (`[Description]` on the member), when not empty. */
  description?: string;
  loc: SourceLocation;
}

/** A Python type annotation, parsed. */
export type PythonType =
  | { kind: 'optional'; of: PythonType }
  | { kind: 'list'; of: PythonType }
  | { kind: 'dict'; key: PythonType; value: PythonType }
  | { kind: 'name'; name: string };

export interface PythonFieldFragment {
  /** snake_case as written. */
  name: string;
  annotation: string;
  type?: PythonType;
  default?: string;
  /** From `# @ApiMember(Description="…")`, else the docstring under the field. */
  description?: string;
  /** `IsRequired=true` in the ApiMember comment. */
  required: boolean;
  /** Every named argument of the ApiMember comment, unquoted. */
  apiMember?: Record<string, string>;
  loc: SourceLocation;
}

export interface PythonClassFragment {
  name: string;
  bases: string[];
  docstring?: string;
  /** `class X(Enum)` / `(str, Enum)` / `(IntEnum)`. */
  isEnum: boolean;
  fields: PythonFieldFragment[];
  enumMembers: { name: string; value: string; loc: SourceLocation }[];
  /** `letter_case=LetterCase.CAMEL` etc. from `@dataclass_json`, when present. */
  letterCase?: string;
  /** From `# @Route("/path", "GET")` comments above the class, when there are any. */
  routes?: RouteFragment[];
  loc: SourceLocation;
}

/** A TypeScript type as ServiceStack writes it, parsed. */
export type TsType =
  /** `string`, `number`, `boolean`, `any`, a DTO name; `QueryResponse<T>` with its arguments. */
  | { kind: 'name'; name: string; args: TsType[] }
  /** `T[]`, `Array<T>`. */
  | { kind: 'array'; of: TsType }
  /** `{ [index:string]: T; }`, `Record<K, T>`. */
  | { kind: 'dict'; key: TsType; value: TsType }
  /** `'A'` or `"A"` (in a union of string literals). */
  | { kind: 'literal'; value: string }
  /** `T | null`, `T | undefined`. */
  | { kind: 'nullable'; of: TsType };

/**
 * An attribute as written: C# `[ApiMember(Description="…", IsRequired=true)]`, TypeScript's, Swift's
 * and Dart's `// @ApiMember(…)`, Kotlin's and Java's `@ApiMember(…)`, VB's `<ApiMember(Description:="…")>`,
 * F#'s `[<ApiMember(…)>]`.
 */
export interface DtoAttributeFragment {
  /** Without a trailing `Attribute` (`DataMemberAttribute` → `DataMember`). */
  name: string;
  /** Positional arguments, string literals unescaped, anything else as written. */
  args: string[];
  /** Named arguments (`Name=value`), likewise. */
  named: Record<string, string>;
  loc: SourceLocation;
}

export interface DtoMemberFragment {
  /**
   * As written: C#, VB.NET and F# write the .NET property name (`CustomerId`); TypeScript,
   * JavaScript, Kotlin, Java, Swift and Dart the name it travels as in the host's text case (`customerId`).
   */
  name: string;
  /** The type as written, white space collapsed (JavaScript: its JSDoc `@type`). */
  typeText: string;
  /** TypeScript, JavaScript: the type parsed; absent when it is not ServiceStack's TypeScript (reported). */
  tsType?: TsType;
  /** C#: the type parsed; absent when it is not a .NET type (reported). */
  dotNetType?: DotNetType;
  /**
   * VB.NET, F#, Kotlin, Java, Swift, Dart: the type parsed into the generic grammar (`Name<Args>`,
   * `[]`, a trailing `?`), names as the language writes them (`Integer`, `ArrayList`, `Int`); VB's
   * `List(Of T)` and `T()`, Swift's `[T]` and `[K:V]` read as `List<T>`, `T[]`, `T[]` and
   * `Dictionary<K,V>`. The model reads the names by the language. Absent when unreadable (reported).
   */
  langType?: DotNetType;
  /** TypeScript: `name?:`. Its meaning changed between ServiceStack versions (nullable, then not required). */
  optional: boolean;
  /** `/** @description … *\/`, `///<summary>…`, `[Description("…")]`, else the ApiMember's Description. */
  description?: string;
  /** `IsRequired=true` in an ApiMember or DataMember attribute, or a `Required` attribute. */
  required: boolean;
  attributes: DtoAttributeFragment[];
  loc: SourceLocation;
}

export interface DtoEnumMemberFragment {
  name: string;
  /** `= 'Web'` or `= 0` as written, quotes removed. */
  value?: string;
  /** The value was a string literal (TypeScript string enums and unions). */
  quoted: boolean;
  attributes: DtoAttributeFragment[];
  loc: SourceLocation;
}

/** The tabs whose DTO source is read into DtoTypeFragments (Python's has its own fragments). */
export type DtoLang = 'csharp' | 'typescript' | 'vbnet' | 'fsharp' | 'kotlin' | 'java' | 'swift' | 'dart' | 'javascript';

/** A class, interface or enum of ServiceStack's DTO source of a language tab ("Add ServiceStack Reference"). */
export interface DtoTypeFragment {
  lang: DtoLang;
  /** TypeScript string unions (`export type X = "A" | "B"`) are enums. */
  kind: 'class' | 'interface' | 'enum';
  name: string;
  /** `QueryResponse<T>` → `['T']`. */
  typeParameters: string[];
  /** C#, VB.NET: the enclosing `namespace` (F#'s one namespace for all types is not theirs). */
  namespace?: string;
  /**
   * The base class as written (TypeScript's, Java's, Dart's, JavaScript's `extends X`; VB's
   * `Inherits X`; F#'s `inherit X()`; Kotlin's supertype called as a constructor `X()`); C#: the
   * whole `: A, B` list, in order (the base class first, then interfaces); Swift: its whole `: A, B`
   * list likewise.
   */
  bases: string[];
  /**
   * Interfaces as written: TypeScript's, Java's, Dart's `implements A, B`; VB's `Implements`, F#'s
   * `interface X`, Kotlin's supertypes without a constructor call. JavaScript: `IReturn<X>` for a
   * `createResponse() { return new X() }`, `IReturnVoid` for an empty one.
   */
  implements: string[];
  description?: string;
  attributes: DtoAttributeFragment[];
  /** From `Route` attributes. */
  routes: RouteFragment[];
  members: DtoMemberFragment[];
  enumMembers: DtoEnumMemberFragment[];
  loc: SourceLocation;
}

export interface HttpHeader {
  name: string;
  value: string;
  loc: SourceLocation;
}

/** One sample HTTP message from the "sample HTTP requests and responses" section. */
export interface HttpSampleFragment {
  direction: 'request' | 'response';
  /** Request: verb and path of the request line. */
  verb?: string;
  path?: string;
  /** Response: status code. */
  status?: number;
  headers: HttpHeader[];
  body?: SampleBody;
  loc: SourceLocation;
}

export type SampleBody =
  | { format: 'xml'; root: XmlElement; loc: SourceLocation }
  | { format: 'json'; value: JsonNode; loc: SourceLocation }
  /** A JSV body, read into the tree a JSON one gives (jsv-sample.ts). */
  | { format: 'jsv'; value: JsonNode; loc: SourceLocation }
  | { format: 'text'; text: string; loc: SourceLocation };

export interface XmlElement {
  /** Qualified name as written (`d2p1:int`). */
  name: string;
  prefix?: string;
  localName: string;
  /** Namespace URI the prefix (or default namespace) resolves to. */
  namespace?: string;
  attributes: { name: string; value: string }[];
  children: XmlElement[];
  /** Text content, entities decoded, when the element has no child elements. */
  text?: string;
  loc: SourceLocation;
}

export type JsonNode =
  | { kind: 'object'; members: { key: string; value: JsonNode; loc: SourceLocation }[]; loc: SourceLocation }
  | { kind: 'array'; items: JsonNode[]; loc: SourceLocation }
  | { kind: 'string'; value: string; loc: SourceLocation }
  | { kind: 'number'; value: number; loc: SourceLocation }
  | { kind: 'boolean'; value: boolean; loc: SourceLocation }
  | { kind: 'null'; loc: SourceLocation };
