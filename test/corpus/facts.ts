/**
 * The facts a rendered page must give, derived from the API data alone (never from the
 * generator): for each operation its request, response, routes (verbs, path variables), auth and
 * which parameters are required; for each type reachable from it (request, bases, member types,
 * generic arguments, response, ServiceStack's own types it names) its base as written
 * (`QueryDb<PostComment>`), its generic parameters, and each member's name, wire name, .NET type
 * and required-ness; for each enum its members and the values that travel.
 *
 * Required: what ServiceStack's metadata says, and a request member that is a variable of every
 * route of its operation (DESIGN §2: a route variable is a path parameter and therefore
 * required; one present in only some routes is not).
 */
import { APIS, type ApiSpec, type EnumSpec, type OperationSpec } from './apis.js';
import { isDictionary, isList, isPrimitive, type NetType } from './dotnet.js';
import { ApiTypes, jsonName, routeVariables, routeVerbs, type ResolvedType } from './metadata.js';

export { compareFacts, type FactScore } from './facts-compare.js';

export interface ExpectedFacts {
  operations: OperationFacts[];
  types: TypeFacts[];
}

export interface OperationFacts {
  name: string;
  request: string;
  /** The response type's name (`QueryResponse<PostComment>`), or undefined: no response. */
  response?: string;
  routes: { verbs: string[]; path: string; pathVariables: string[] }[];
  auth: { required: boolean; roles: string[]; permissions: string[] };
  /** Every request member, own and inherited, by wire name. */
  parameters: { name: string; required: boolean }[];
}

export interface TypeFacts {
  /** As a page captions it: `Technology`, `QueryResponse<PostComment>`, `QueryDb<T>`. */
  name: string;
  kind: 'object' | 'enum';
  base?: string;
  /** A generic definition's parameters (`QueryDb<T>`), or the definition a closed type instantiates. */
  generic?: { definition: string; parameters: string[]; arguments: string[] };
  members: MemberFacts[];
  enumMembers: { name: string; wire: string }[];
}

export interface MemberFacts {
  name: string;
  wireName: string;
  /** Canonical .NET type: lists and arrays as `List<…>`, `?` only on value types. */
  type: string;
  required: boolean;
}

/** The facts of one operation's page, or of all of an API's operations together. */
export function expectedFacts(api: ApiSpec, ops: readonly OperationSpec[] = api.operations): ExpectedFacts {
  const types = new ApiTypes(api);
  const reachable = new Map<string, ResolvedType>();
  for (const op of ops) {
    visit(types, types.resolveName(op.name), reachable);
    if (op.response) visit(types, types.resolveName(op.response), reachable);
  }
  return {
    operations: ops.map((op) => operationFacts(types, op)),
    types: [...reachable.values()].map((t) => typeFacts(types, t, ops)),
  };
}

/** The expected facts of every API, all operations together. */
export function allExpectedFacts(): Map<string, ExpectedFacts> {
  return new Map(APIS.map((api) => [api.key, expectedFacts(api)]));
}

function visit(types: ApiTypes, t: ResolvedType | undefined, seen: Map<string, ResolvedType>): void {
  if (!t || seen.has(t.key)) return;
  seen.set(t.key, t);
  if (t.base) {
    visit(types, types.baseOf(t), seen);
    t.base.args.forEach((a) => visitType(types, a, seen));
  }
  for (const m of t.members) visitType(types, m.type, seen);
}

function visitType(types: ApiTypes, t: NetType, seen: Map<string, ResolvedType>): void {
  if (isList(t)) return visitType(types, t.arrayRank ? { ...t, arrayRank: t.arrayRank - 1 } : t.args[0]!, seen);
  if (isDictionary(t)) return t.args.forEach((a) => visitType(types, a, seen));
  if (isPrimitive({ ...t, nullable: false })) return;
  visit(types, types.resolve({ ...t, nullable: false }), seen);
  t.args.forEach((a) => visitType(types, a, seen));
}

function operationFacts(types: ApiTypes, op: OperationSpec): OperationFacts {
  const request = types.resolveName(op.name)!;
  const members = types.hierarchy(request).flatMap((t) => t.members);
  const inEveryRoute = (name: string) =>
    op.routes.length > 0 && op.routes.every((r) => routeVariables(r.path).some((v) => v.toLowerCase() === name.toLowerCase()));
  return {
    name: op.name,
    request: op.name,
    ...(op.response ? { response: types.resolveName(op.response)!.key } : {}),
    routes: op.routes.map((r) => ({
      verbs: r.verbs === undefined ? [] : routeVerbs(r.verbs),
      path: r.path,
      pathVariables: routeVariables(r.path),
    })),
    auth: { required: !!op.auth, roles: op.auth?.roles ?? [], permissions: op.auth?.permissions ?? [] },
    parameters: members.map((m) => ({ name: jsonName(m.spec), required: !!m.spec.required || inEveryRoute(m.spec.name) })),
  };
}

function typeFacts(types: ApiTypes, t: ResolvedType, ops: readonly OperationSpec[]): TypeFacts {
  const op = ops.find((o) => o.name === t.spec.name);
  const routeRequired = (name: string) =>
    !!op && op.routes.length > 0 && op.routes.every((r) => routeVariables(r.path).some((v) => v.toLowerCase() === name.toLowerCase()));
  const params = t.spec.genericParams ?? [];
  return {
    name: t.key,
    kind: t.spec.enum ? 'enum' : 'object',
    ...(t.spec.base ? { base: baseAsWritten(types, t) } : {}),
    ...(params.length ? { generic: genericFacts(types, t, params) } : {}),
    members: t.members.map((m) => ({
      name: m.spec.name,
      wireName: jsonName(m.spec),
      type: canonicalType(types, m.type),
      required: !!m.spec.required || routeRequired(m.spec.name),
    })),
    enumMembers: t.spec.enum ? enumFacts(t.spec.enum) : [],
  };
}

function genericFacts(types: ApiTypes, t: ResolvedType, parameters: string[]): NonNullable<TypeFacts['generic']> {
  const definition = `${t.spec.name}<${parameters.join(', ')}>`;
  return { definition, parameters, arguments: t.key === definition ? [] : t.args.map((a) => canonicalType(types, a)) };
}

/** The base as the DTO source writes it, arguments substituted: `QueryDb<PostComment>`, `QueryBase`. */
function baseAsWritten(types: ApiTypes, t: ResolvedType): string {
  return canonicalType(types, t.base!);
}

function enumFacts(e: EnumSpec): { name: string; wire: string }[] {
  return [...e.members].sort((a, b) => a.value - b.value).map((m) => ({ name: m.name, wire: m.enumMember ?? (e.flags || e.asInt ? String(m.value) : m.name) }));
}

/** `List<PostComment>` for lists and arrays, `Dictionary<K,V>`, `int?` for nullable value types only. */
export function canonicalType(types: ApiTypes, t: NetType): string {
  if (isList(t)) return `List<${canonicalType(types, t.arrayRank ? { ...t, arrayRank: t.arrayRank - 1 } : t.args[0]!)}>`;
  if (isDictionary(t)) return `Dictionary<${t.args.map((a) => canonicalType(types, a)).join(',')}>`;
  const args = t.args.length ? `<${t.args.map((a) => canonicalType(types, a)).join(',')}>` : '';
  return `${t.name}${args}${t.nullable && types.isValueType(t.name) ? '?' : ''}`;
}
