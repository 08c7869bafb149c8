/**
 * What ServiceStack puts in an operation page's tables, from the API data: the types in page
 * order, each class's own members with its Parameter, Data Type and Required cells, and the
 * enum tables. Follows ServiceStack/src/ServiceStack/Host/ServiceMetadata.cs
 * (`GetMetadataTypesForOperation`, `AddReferencedTypes`, `FindMetadataType`, `GetParamType`),
 * ServiceStack/src/ServiceStack/NativeTypes/NativeTypesMetadata.cs (`ToType`: enum names, values
 * and member values) and ServiceStack/src/ServiceStack/ServiceStackHost.Runtime.cs
 * (`GetTypesConfigForMetadata`: ServiceStack's own types are shown, but `ResponseStatus` and
 * `ResponseError` are ignored, so they never get a table).
 */
import { findType, type ApiSpec, type MemberSpec, type OperationSpec, type TypeSpec } from './apis.js';
import { displayType, elementOf, isDictionary, isList, isPrimitive, isValuePrimitive, parseNetType, substitute, type NetType } from './dotnet.js';

/** A class or enum as a page shows it: a generic one closed over its arguments, or open (`T`). */
export interface ResolvedType {
  /** The caption: `QueryResponse<PostComment>`, `QueryDb<T>`, `Technology`. */
  key: string;
  spec: TypeSpec;
  /** The generic arguments (`T` itself for an open generic). */
  args: NetType[];
  base?: NetType;
  /** Own members, generic parameters replaced by the arguments. */
  members: ResolvedMember[];
}

export interface ResolvedMember {
  spec: MemberSpec;
  type: NetType;
}

export interface ParamRow {
  name: string;
  parameter: string;
  dataType: string;
  required: 'Yes' | 'No';
  description: string;
}

export interface EnumRow {
  name: string;
  value: string;
  description: string;
}

export type TableView = { kind: 'params'; caption: string; rows: ParamRow[] } | { kind: 'enum'; caption: string; hasValues: boolean; rows: EnumRow[] };

const HIDDEN_ON_PAGES = new Set(['ResponseStatus', 'ResponseError']);

export class ApiTypes {
  constructor(readonly api: ApiSpec) {}

  /** A value type: a .NET primitive struct or an enum of the API. */
  readonly isValueType = (name: string): boolean => isValuePrimitive(name) || !!findType(this.api, name)?.enum;

  /** The DTO or enum a type names (closing a generic one), or undefined for primitives and collections. */
  resolve(t: NetType): ResolvedType | undefined {
    if (isPrimitive(t) || isList(t) || isDictionary(t)) return undefined;
    const spec = findType(this.api, t.name);
    if (!spec) return undefined;
    const params = spec.genericParams ?? [];
    const args = params.map((p, i) => t.args[i] ?? { name: p, args: [], nullable: false, arrayRank: 0 });
    const bindings = new Map(params.map((p, i) => [p, args[i]!]));
    const key = params.length ? `${spec.name}<${args.map((a) => displayType(a, this.isValueType)).join(', ')}>` : spec.name;
    const members = (spec.members ?? []).map((m) => ({ spec: m, type: substitute(parseNetType(m.type), bindings) }));
    const base = spec.base ? substitute(parseNetType(spec.base), bindings) : undefined;
    return { key, spec, args, members, ...(base ? { base } : {}) };
  }

  resolveName(name: string): ResolvedType | undefined {
    return this.resolve(parseNetType(name));
  }

  /** The base class: for a generic base, its open definition (`QueryDb<T>`), as `FindMetadataType` finds it by name. */
  baseOf(t: ResolvedType): ResolvedType | undefined {
    return t.base && this.resolve({ ...t.base, args: [] });
  }

  /** The chain of base classes, nearest first. */
  basesOf(t: ResolvedType): ResolvedType[] {
    const chain: ResolvedType[] = [];
    for (let b = this.baseOf(t); b; b = this.baseOf(b)) chain.push(b);
    return chain;
  }

  /** Own members of the type and of its bases, base-most first (a closed base keeps its arguments). */
  hierarchy(t: ResolvedType): ResolvedType[] {
    const chain = [t];
    for (let b = t.base && this.resolve(t.base); b; b = b.base && this.resolve(b.base)) chain.unshift(b);
    return chain;
  }
}

/** The types an operation page shows, in ServiceStack's order: the request, what it references, the response, what that references. */
export function pageTypes(types: ApiTypes, op: OperationSpec): ResolvedType[] {
  const found: ResolvedType[] = [];
  const shown = (t: ResolvedType | undefined) => t && !HIDDEN_ON_PAGES.has(t.spec.name) && !found.some((f) => f.key === t.key);
  const add = (t: ResolvedType | undefined) => {
    if (!shown(t)) return;
    found.push(t!);
    addReferenced(t!);
  };
  // A generic argument is found by its name only: `Nullable<EnumType>` or `List<Poco>` finds nothing.
  const byName = (a: NetType) => (a.args.length || a.arrayRank || (a.nullable && types.isValueType(a.name)) ? undefined : types.resolve(a));
  const addReferenced = (t: ResolvedType) => {
    if (t.base) {
      add(types.baseOf(t));
      t.base.args.forEach((a) => add(byName(a)));
    }
    for (const { type } of t.members) {
      // `EnumType?` is ``Nullable`1`` with the generic argument `EnumType`; `X[]` finds its element.
      if (type.nullable && types.isValueType(type.name) && !type.arrayRank) add(byName({ ...type, nullable: false }));
      else if (type.arrayRank) add(byName(elementOf({ ...type, arrayRank: 1 })));
      else {
        add(types.resolve({ ...type, args: [] }));
        type.args.forEach((a) => add(byName(a)));
      }
    }
  };
  const request = types.resolveName(op.name);
  add(request);
  const response = op.response ? types.resolveName(op.response) : undefined;
  // The response is added even when the request already is it (`EchoTypes : IReturn<EchoTypes>`).
  if (response && !HIDDEN_ON_PAGES.has(response.spec.name)) {
    found.push(response);
    addReferenced(response);
  }
  return found;
}

/** Where a member travels, as the Parameter column says (`MetadataTypeExtensions.GetParamType`). */
export function parameterOf(member: MemberSpec, owner: ResolvedType, op: OperationSpec): string {
  if (member.paramType) return member.paramType;
  if (owner.spec.name !== op.name) return 'form';
  if (!op.routes.length) return 'query';
  if (op.routes.some((r) => routeVariables(r.path).some((v) => v.toLowerCase() === member.name.toLowerCase()))) return 'path';
  return op.routes.some((r) => routeVerbs(r.verbs).some((v) => v === 'POST' || v === 'PUT')) ? 'body' : 'query';
}

/** `RestPath.Verbs`: `ANY` for All Verbs, else the verbs split on `,`, `;` or space. */
export function routeVerbs(verbs: string | undefined): string[] {
  return verbs === undefined || verbs === '*'
    ? ['ANY']
    : verbs
        .toUpperCase()
        .split(/[,; ]+/)
        .filter(Boolean);
}

export function routeVariables(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]!.replace(/^\*+/, ''));
}

export function tableViews(types: ApiTypes, op: OperationSpec): TableView[] {
  return pageTypes(types, op).flatMap((t): TableView[] => {
    if (t.spec.enum) return [enumView(t)];
    if (!t.members.length) return [];
    const rows = t.members.map((m) => ({
      name: m.spec.name,
      parameter: parameterOf(m.spec, t, op),
      dataType: m.spec.dataType ?? displayType(m.type, types.isValueType),
      required: m.spec.required ? ('Yes' as const) : ('No' as const),
      description: m.spec.description ?? '',
    }));
    return [{ kind: 'params', caption: t.key, rows }];
  });
}

/** `BaseMetadataHandler.AppendType` for an enum, with `ToType`'s rules for which values it shows. */
function enumView(t: ResolvedType): TableView {
  const e = t.spec.enum!;
  const members = [...e.members].sort((a, b) => a.value - b.value);
  const memberValues = members.map((m) => m.enumMember ?? m.name);
  const showMemberValues = memberValues.some((v, i) => v !== members[i]!.name);
  const defaultLayout = members.every((m, i) => m.value === i);
  const showValues = e.flags || !defaultLayout;
  const rows = members.map((m, i) => ({
    name: m.name,
    value: showMemberValues ? memberValues[i]! : showValues ? String(m.value) : '',
    description: m.description ?? '',
  }));
  return { kind: 'enum', caption: t.key, hasValues: showMemberValues || !!showValues, rows };
}

/**
 * The JSON name: `[DataMember(Name)]`, else ServiceStack's camelCase (ServiceStack.Text/src/
 * ServiceStack.Text/StringExtensions.cs `ToCamelCase`: the leading run of capitals is lowered,
 * but for the last capital before a lower-case letter, `SMSFlag` → `smsFlag`).
 */
export function jsonName(member: MemberSpec): string {
  return member.dataMember?.name ?? camelCase(member.name);
}

export function camelCase(name: string): string {
  let leading = true;
  return [...name]
    .map((c, i) => {
      const next = name[i + 1] ?? 'A';
      if (leading && /[A-Z]/.test(c) && (/[A-Z]/.test(next) || i === 0)) return c.toLowerCase();
      leading = false;
      return c;
    })
    .join('');
}
