/**
 * The intermediate model every emitter consumes: plain, serialisable, sorted data.
 * Each fact keeps the source locations it was read from.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import type { DeclaredLang } from './facts.js';

export interface ApiModel {
  /** `host`: the samples' `Host:` when it is a public one; `baseUrl`: codegen.config.json's, which wins. */
  service: { name?: string; host?: string; baseUrl?: string };
  operations: Operation[];
  types: TypeDef[];
  diagnostics: Diagnostic[];
  /** Every identifier the generated code declares, made by the naming pass (name-symbols.ts); not written to api-model.json. */
  names?: SymbolNames;
}

/** The identifiers generated for one type. */
export interface TypeSymbols {
  /** The TypeScript type (types.ts), also its OpenAPI component name. */
  id: string;
  /** `XSchema`, exported by validators.ts. */
  schema: string;
  /** validators.ts's private guard, issue collector and known-member set. */
  is: string;
  check: string;
  members: string;
  /** An enum's list of values, exported by types.ts. */
  values: string;
  /** client.ts's function that revives the dates in a value of the type. */
  datesOf: string;
  /** A generic type's type parameters, as types.ts declares them (`T`). */
  parameters?: string[];
}

/** The identifiers of one instantiation of a generic type (`QueryResponse<PostComment>`): validators and OpenAPI need one per use. */
export interface InstanceSymbols extends TypeSymbols {
  /** The generic type's name and the arguments it is used with. */
  type: string;
  args: TypeRef[];
}

export interface SymbolNames {
  /** The client class. */
  client: string;
  /** By type name. */
  types: ReadonlyMap<string, TypeSymbols>;
  /** By instantiation key (`QueryResponse<PostComment>`, see model/generics.ts `instanceKey`), for the generic types whose members use their parameters. */
  instances: ReadonlyMap<string, InstanceSymbols>;
  /** The client's method, by operation name. */
  methods: ReadonlyMap<string, string>;
}

export interface Operation {
  name: string;
  description?: string;
  tags: string[];
  routes: Route[];
  auth: { required: boolean; roles: string[]; permissions: string[] };
  /** Name of the request DTO (by ServiceStack convention, the operation name). */
  request: string;
  response: ResponseShape;
  /** Formats the pages were saved in (`?format=xml`, `csv`…). */
  formats: string[];
  /** Every request member (own and inherited) with where it travels on the first route. */
  parameters: Parameter[];
  sources: SourceLocation[];
}

/** `typed`: a DTO (with its type arguments: `QueryResponse<PostComment>`); `untyped`: `<z:anyType/>` or `{}` (any body); `none`: a one-way operation. */
export type ResponseShape = { kind: 'typed'; type: string; args?: TypeRef[] } | { kind: 'untyped' } | { kind: 'none' };

export interface Route {
  /** Upper-case verbs; empty for a route of every verb (`allVerbs`). */
  verbs: string[];
  /**
   * ServiceStack's "All Verbs": the route takes any verb. The client sends `send`: the verb of a
   * docs' sample request on this route's path, else POST (what ServiceStack's own page and clients use).
   */
  allVerbs?: { send: string; from: 'sample' | 'default' };
  path: string;
  pathVariables: string[];
  summary?: string;
  notes?: string;
  sources: SourceLocation[];
}

export interface Parameter {
  /** Wire name. */
  name: string;
  /** Type that declares the member (the request DTO or one of its bases). */
  declaredIn: string;
  in: 'path' | 'query' | 'body';
  required: boolean;
}

export interface TypeDef {
  name: string;
  kind: 'object' | 'enum';
  /** .NET namespace, where an XML sample shows it. */
  namespace?: string;
  base?: string;
  /** The base's type arguments, when it is generic (`QueryDb<PostComment>`: base `QueryDb`, args `[PostComment]`). */
  baseArgs?: TypeRef[];
  /** A generic type's parameters (`QueryResponse<T>`: `['T']`); its members use them as `{ kind: 'parameter' }`. */
  typeParameters?: string[];
  description?: string;
  fields: Field[];
  enumMembers: EnumMember[];
  /** An enum's form on the wire (enums only). */
  enumWire?: EnumWire;
  rules: Rule[];
  /** Referenced but never described (no table, DTO source or sample): emitted as an open object. */
  incomplete?: boolean;
  sources: SourceLocation[];
}

/**
 * How an enum travels: as its members' names or `[EnumMember]` values (`string`), as their numbers
 * (`integer`: ServiceStack's `TreatEnumAsInteger`, `[EnumAsInt]`), or as one number combining the
 * values of the members it holds (`flags`: a `[Flags]` enum).
 */
export type EnumWire = 'string' | 'integer' | 'flags';

export interface EnumMember {
  /** The .NET member name. */
  name: string;
  /** What travels: the `[EnumMember]` value, else the name; the number, for an integer or flags enum. */
  wire: string | number;
  /** The integer the docs state for the member, when they state one. */
  value?: string;
  description?: string;
  sources: SourceLocation[];
}

export interface Field {
  /** .NET property name, as in the Name column. */
  name: string;
  /** JSON member name. */
  wireName: string;
  wireNameFrom: 'json-sample' | 'jsv-sample' | DeclaredLang | 'convention';
  type: TypeRef;
  required: boolean;
  /** The Parameter column as written, for the request DTO's own rows. */
  parameter?: string;
  description?: string;
  /** Values after "e.g." in the description: examples, not a closed set unless `closed`. */
  examples: string[];
  /** Set by config: the examples are the only allowed values. */
  closed?: boolean;
  /** Set by config: a named format (`email`, `uri`, `uuid`, …) or a regular expression the string must match. */
  format?: string;
  pattern?: string;
  sources: SourceLocation[];
}

export type PrimitiveName =
  | 'string'
  | 'char'
  | 'bool'
  | 'byte'
  | 'sbyte'
  | 'short'
  | 'ushort'
  | 'int'
  | 'uint'
  | 'long'
  | 'ulong'
  | 'float'
  | 'double'
  | 'decimal'
  | 'DateTime'
  | 'DateTimeOffset'
  | 'DateOnly'
  | 'TimeOnly'
  | 'TimeSpan'
  | 'Guid'
  | 'Uri'
  | 'object';

export type TypeRef =
  | { kind: 'primitive'; name: PrimitiveName; nullable: boolean }
  | { kind: 'list'; of: TypeRef }
  | { kind: 'dictionary'; key: TypeRef; value: TypeRef }
  /** A DTO or enum defined in `types`; `args` when it is generic (`QueryResponse<PostComment>`). */
  | { kind: 'ref'; name: string; nullable: boolean; args?: TypeRef[] }
  /** A type parameter of the generic type whose member this is (`T` in `QueryResponse<T>.results`). */
  | { kind: 'parameter'; name: string };

/** `field` is required when the member `when.field` (wire name) equals `when.equals`. */
export interface Rule {
  kind: 'requiredWhen';
  field: string;
  when: { field: string; equals: string };
  from: 'description' | 'config';
  sources: SourceLocation[];
}
