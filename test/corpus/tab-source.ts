/**
 * What a language tab of an operation page shows (`?op=X&lang=…`,
 * ServiceStack/src/ServiceStack/Metadata/BaseMetadataHandler.cs): `metadataTypes.GenerateSourceCode(lang,
 * …, WithoutOptions)` over the page's types (ServiceStack/src/ServiceStack/NativeTypes/ILangGenerator.cs)
 * — a `MetadataTypes` with those types and *no operations*, so no generator writes a route or an
 * `IReturn<T>` there: every type is written as a plain type, in the page's order (VB.NET sorts by
 * namespace and name). ServiceStack's own types (its namespaces are in `IgnoreTypesInNamespaces`)
 * are left out; a generic type is written once, as its definition (`PagedResult<T>`).
 *
 * Attributes, as `NativeTypesFeature.ExportAttributes` lets through: `[ApiMember]` (which the
 * corpus data stands for by a member's description, parameter type or data type), `[DataMember]`,
 * `[DataContract]`, `[Flags]`. A member required by `<Nullable>enable</Nullable>` alone has no
 * attribute: only Dart (and TypeScript) show that, by leaving out `?`.
 *
 * The renderers of each language (tabs/*.ts) follow their generator, cited in each.
 */
import { BUILTIN_TYPES, findType, type ApiSpec, type EnumSpec, type MemberSpec, type OperationSpec, type TypeSpec } from './apis.js';
import { clrName, parseNetType, type NetType } from './dotnet.js';
import { ApiTypes, camelCase, pageTypes } from './metadata.js';

/** A language's tab: ServiceStack's `lang=` key, the label of its link, and its renderer. */
export interface TabLanguage {
  key: string;
  label: string;
  render: (types: TabTypes) => string;
}

/** The types a tab writes, and what the renderers ask of them. */
export class TabTypes {
  readonly types: TypeSpec[];
  private readonly resolved: ApiTypes;

  constructor(
    readonly api: ApiSpec,
    op: OperationSpec,
  ) {
    this.resolved = new ApiTypes(api);
    const own = (t: TypeSpec) => !BUILTIN_TYPES.includes(t);
    const specs = pageTypes(this.resolved, op).map((t) => t.spec);
    this.types = specs.filter((t, i) => own(t) && specs.indexOf(t) === i);
  }

  /** A value type: a .NET primitive struct or an enum of the API. */
  isValueType(name: string): boolean {
    return this.resolved.isValueType(name);
  }

  /** Whether `name` is an enum of the API. */
  isEnum(name: string): boolean {
    return !!findType(this.api, name)?.enum;
  }
}

export const memberType = (m: MemberSpec): NetType => parseNetType(m.type);
export const baseType = (t: TypeSpec): NetType | undefined => (t.base ? parseNetType(t.base) : undefined);

/** The CLR name ServiceStack's metadata holds (`Int32`, `String`, `List`), that each generator aliases. */
export const clr = (t: NetType): string => clrName(t.name);

/** The name a member travels as, the field name of Kotlin, Java, Swift, Dart and JavaScript: `PropertyStyle()` on a camelCase host, else the DataMember name. */
export const fieldName = (m: MemberSpec): string => camelCase(m.name);
export const wireName = (m: MemberSpec): string => m.dataMember?.name ?? camelCase(m.name);

/** ToPascalCase, as Kotlin and Java write enum members. */
export const pascal = (name: string): string => name[0]!.toUpperCase() + name.slice(1);

/** `[ApiMember(…)]` as its named arguments, by name (ServiceStack orders them so), or undefined. */
export function apiMember(m: MemberSpec): [string, string | boolean][] | undefined {
  if (!m.description && !m.paramType && !m.dataType) return undefined;
  const args: [string, string | boolean][] = [];
  if (m.dataType) args.push(['DataType', m.dataType]);
  if (m.description) args.push(['Description', m.description]);
  if (m.required) args.push(['IsRequired', true]);
  if (m.paramType) args.push(['ParameterType', m.paramType]);
  return args;
}

/** `[DataMember(Name=…, Order=…)]` as its named arguments, or undefined. */
export function dataMember(m: MemberSpec): [string, string | number][] | undefined {
  if (!m.dataMember) return undefined;
  const args: [string, string | number][] = [];
  if (m.dataMember.name) args.push(['Name', m.dataMember.name]);
  if (m.dataMember.order !== undefined) args.push(['Order', m.dataMember.order]);
  return args;
}

/** An enum's members as `ToType` keeps them: values where they are no 0, 1, 2… (or `[Flags]`), EnumMember values where any differ. */
export function enumMembers(e: EnumSpec): { name: string; value?: number; memberValue?: string }[] {
  const members = [...e.members].sort((a, b) => a.value - b.value);
  const showValues = e.flags || !members.every((m, i) => m.value === i);
  const showMemberValues = members.some((m) => m.enumMember !== undefined && m.enumMember !== m.name);
  return members.map((m) => ({
    name: m.name,
    ...(showValues ? { value: m.value } : {}),
    ...(showMemberValues && m.enumMember !== undefined ? { memberValue: m.enumMember } : {}),
  }));
}

/** A string literal as ServiceStack's generators quote one (`ToEscapedString`: backslash escapes). */
export const quoted = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** `Name="…", IsRequired=true` in a language's syntax for named arguments. */
export function namedArgs(args: [string, string | number | boolean][], assign = '='): string {
  return args.map(([k, v]) => `${k}${assign}${typeof v === 'string' ? quoted(v) : String(v)}`).join(', ');
}

export const indent = (lines: string[], by = '    '): string[] => lines.map((l) => (l ? by + l : l));
