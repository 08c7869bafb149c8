/**
 * Scores the model the generator built against the expected facts: one count per fact, one line
 * per wrong fact (a missing type, member or operation is one line counting all its facts). Facts
 * the model cannot express yet (generic types) are counted wrong with a line saying so.
 */
import type { ApiModel, Operation, TypeDef, TypeRef } from '../../generator/model/api-model.js';
import type { ExpectedFacts, MemberFacts, OperationFacts, TypeFacts } from './facts.js';

export interface FactScore {
  total: number;
  right: number;
  wrong: string[];
  /** Wrong facts by kind (`member type`, `base`, …), for the summary of what to fix first. */
  wrongByKind: Record<string, number>;
}

class Tally {
  total = 0;
  right = 0;
  wrong: string[] = [];
  wrongByKind: Record<string, number> = {};

  check(ok: boolean, kind: string, line: () => string, weight = 1): boolean {
    this.total += weight;
    if (ok) this.right += weight;
    else {
      this.wrong.push(weight > 1 ? `${line()} (${weight} facts)` : line());
      this.wrongByKind[kind] = (this.wrongByKind[kind] ?? 0) + weight;
    }
    return ok;
  }
}

export function compareFacts(model: ApiModel, expected: ExpectedFacts): FactScore {
  const tally = new Tally();
  const operations = alignOperations(model, expected.operations);
  const aliases = typeAliases(expected.operations, operations);
  for (const t of expected.types) compareType(tally, model, t, aliases);
  for (const op of expected.operations) compareOperation(tally, op, operations.get(op.name));
  return { total: tally.total, right: tally.right, wrong: tally.wrong, wrongByKind: tally.wrongByKind };
}

/**
 * The model's operation for each expected one: by name, else the one operation serving its first
 * route (a pipe dump of a JSON page names neither the operation nor its DTOs; the generator then
 * names them itself, and the facts it did get are still compared).
 */
function alignOperations(model: ApiModel, ops: readonly OperationFacts[]): Map<string, Operation> {
  const aligned = new Map<string, Operation>();
  for (const op of ops) {
    const byName = model.operations.find((o) => o.name === op.name);
    const first = op.routes[0]?.path;
    const byRoute = first === undefined ? [] : model.operations.filter((o) => o.routes.some((r) => r.path === first));
    const found = byName ?? (byRoute.length === 1 ? byRoute[0] : undefined);
    if (found) aligned.set(op.name, found);
  }
  return aligned;
}

/** Expected type name → the model's, for the request and response of operations aligned by route. */
function typeAliases(ops: readonly OperationFacts[], aligned: ReadonlyMap<string, Operation>): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const op of ops) {
    const found = aligned.get(op.name);
    if (!found) continue;
    aliases.set(op.request, found.request);
    if (op.response && found.response.kind === 'typed') aliases.set(op.response, found.response.type);
  }
  return aliases;
}

const show = (v: string | undefined) => (v === undefined ? 'none' : `'${v}'`);
const list = (v: readonly string[]) => `[${v.join(', ')}]`;

/** What a model with generics adds (read structurally, so that this compiles with or without them). */
interface GenericParts {
  typeParameters?: string[];
  baseArgs?: TypeRef[];
}

/**
 * A model type by the page's name, else by the name of its generic definition (`QueryResponse`
 * for `QueryResponse<PostComment>`) or a name a model without generics might give it
 * (`QueryResponsePostComment`, the XML contract's `QueryResponseOfPostComment…`).
 */
function findType(model: ApiModel, name: string, aliases: ReadonlyMap<string, string>): TypeDef | undefined {
  const exact = model.types.find((t) => t.name === name);
  if (exact) return exact;
  const bare = name.replace(/<.*$/, '');
  const flat = name.replace(/[^A-Za-z0-9]/g, '');
  const alias = aliases.get(name);
  return (
    model.types.find((t) => t.name === bare) ??
    model.types.find((t) => t.name === flat || t.name.startsWith(`${bare}Of`)) ??
    model.types.find((t) => t.name === alias)
  );
}

function factCount(t: TypeFacts): number {
  return 3 + (t.generic ? 1 : 0) + t.members.length * 4 + 1 + t.enumMembers.length * 2 + (t.kind === 'enum' ? 1 : 0);
}

function compareType(tally: Tally, model: ApiModel, t: TypeFacts, aliases: ReadonlyMap<string, string>): void {
  const found = findType(model, t.name, aliases);
  if (!found) {
    tally.check(false, 'type missing', () => `${t.name}: no such type in the model`, factCount(t));
    return;
  }
  const parameters = (found as GenericParts).typeParameters ?? [];
  const asDefinition = !!t.generic && found.name === t.name.replace(/<.*$/, '') && parameters.length === t.generic.parameters.length;
  tally.check(found.name === t.name || asDefinition, 'type name', () => `${t.name}: named '${found.name}' in the model`);
  tally.check(
    found.kind === t.kind,
    'type kind',
    () => `${t.name}: is ${found.kind === 'enum' ? 'an enum' : 'an object'}, want ${t.kind === 'enum' ? 'an enum' : 'an object'}`,
  );
  const base = writtenBase(found);
  tally.check(base === t.base, 'base', () => `${t.name}: base is ${show(base)}, want ${show(t.base)}`);
  if (t.generic) {
    const g = t.generic;
    const of = g.arguments.length ? ` (${t.name} instantiates ${g.definition})` : '';
    tally.check(
      list(parameters) === list(g.parameters),
      'generics',
      () => `${t.name}: generic parameters are ${list(parameters)}, want ${list(g.parameters)}${of}`,
    );
  }
  const bindings = new Map(t.generic?.arguments.length && asDefinition ? parameters.map((p, i) => [p, t.generic!.arguments[i]!]) : []);
  for (const m of t.members) compareMember(tally, t.name, found, m, bindings);
  const extra = found.fields.filter((f) => !t.members.some((m) => m.name.toLowerCase() === f.name.toLowerCase())).map((f) => f.name);
  tally.check(extra.length === 0, 'extra members', () => `${t.name}: members the DTO does not declare: ${extra.join(', ')}`);
  if (t.kind === 'enum') compareEnum(tally, t, found);
}

/** The base with its type arguments, as the DTO source writes it: `QueryDb<PostComment>`. */
function writtenBase(t: TypeDef): string | undefined {
  const args = (t as GenericParts).baseArgs ?? [];
  return t.base && (args.length ? `${t.base}<${args.map((a) => canonicalRef(a)).join(',')}>` : t.base);
}

function compareMember(tally: Tally, owner: string, type: TypeDef, m: MemberFacts, bindings: ReadonlyMap<string, string>): void {
  const field = type.fields.find((f) => f.name === m.name) ?? type.fields.find((f) => f.name.toLowerCase() === m.name.toLowerCase());
  const at = `${owner}.${m.name}`;
  if (!field) {
    tally.check(false, 'member missing', () => `${at}: missing`, 4);
    return;
  }
  tally.check(field.name === m.name, 'member name', () => `${at}: named '${field.name}'`);
  tally.check(field.wireName === m.wireName, 'wire name', () => `${at}: wire name is '${field.wireName}', want '${m.wireName}'`);
  const written = canonicalRef(field.type, bindings);
  tally.check(written === m.type, 'member type', () => `${at}: type is '${written}', want '${m.type}'`);
  tally.check(field.required === m.required, 'required', () => `${at}: required is ${field.required}, want ${m.required}`);
}

function compareEnum(tally: Tally, t: TypeFacts, found: TypeDef): void {
  for (const e of t.enumMembers) {
    const member = found.enumMembers.find((x) => x.name === e.name);
    if (!member) {
      tally.check(false, 'enum member missing', () => `${t.name}.${e.name}: enum member missing`, 2);
      continue;
    }
    tally.check(true, 'enum member missing', () => '');
    const wire = String(member.wire);
    tally.check(wire === e.wire, 'enum value', () => `${t.name}.${e.name}: travels as '${wire}', want '${e.wire}'`);
  }
  const extra = found.enumMembers.filter((x) => !t.enumMembers.some((e) => e.name === x.name)).map((x) => x.name);
  tally.check(extra.length === 0, 'extra members', () => `${t.name}: enum members the DTO does not declare: ${extra.join(', ')}`);
}

/**
 * The form of `canonicalType`: lists as `List<…>`, `?` from the model's nullable flag, a generic
 * reference with its arguments; a type parameter of a generic definition replaced by the
 * argument the expected facts close it with.
 */
export function canonicalRef(t: TypeRef, bindings: ReadonlyMap<string, string> = new Map()): string {
  if (t.kind === 'list') return `List<${canonicalRef(t.of, bindings)}>`;
  if (t.kind === 'dictionary') return `Dictionary<${canonicalRef(t.key, bindings)},${canonicalRef(t.value, bindings)}>`;
  const r = t as { name: string; nullable?: boolean; args?: TypeRef[] };
  const bound = r.args?.length ? undefined : bindings.get(r.name);
  if (bound) return bound;
  const args = r.args?.length ? `<${r.args.map((a) => canonicalRef(a, bindings)).join(',')}>` : '';
  return `${r.name}${args}${r.nullable ? '?' : ''}`;
}

function opFactCount(op: OperationFacts): number {
  return 3 + op.routes.length * 2 + 1 + 2 + op.parameters.length;
}

function compareOperation(tally: Tally, op: OperationFacts, found: Operation | undefined): void {
  if (!found) {
    tally.check(false, 'operation missing', () => `${op.name}: no such operation in the model`, opFactCount(op));
    return;
  }
  tally.check(found.name === op.name, 'operation name', () => `${op.name}: named '${found.name}' in the model (found by its route)`);
  tally.check(found.request === op.request, 'request', () => `${op.name}: request is '${found.request}', want '${op.request}'`);
  const response = found.response.kind === 'typed' ? writtenResponse(found.response) : undefined;
  const responseOk = op.response ? response === op.response.replace(/\s+/g, '') : found.response.kind === 'none';
  tally.check(
    responseOk,
    'response',
    () => `${op.name}: response is ${response ? `'${response}'` : found.response.kind}, want ${op.response ? `'${op.response}'` : 'none'}`,
  );
  compareRoutes(tally, op, found);
  tally.check(
    found.auth.required === op.auth.required,
    'auth',
    () => `${op.name}: requires authentication is ${found.auth.required}, want ${op.auth.required}`,
  );
  const grants = (a: { roles: string[]; permissions: string[] }) => `roles ${list([...a.roles].sort())}, permissions ${list([...a.permissions].sort())}`;
  tally.check(grants(found.auth) === grants(op.auth), 'auth', () => `${op.name}: ${grants(found.auth)}, want ${grants(op.auth)}`);
  for (const p of op.parameters) {
    const param = found.parameters.find((x) => x.name === p.name);
    const ok = !!param && param.required === p.required;
    tally.check(ok, 'parameter', () => `${op.name}: parameter '${p.name}' ${param ? `required is ${param.required}, want ${p.required}` : 'missing'}`);
  }
}

function writtenResponse(r: { type: string }): string {
  const args = (r as { args?: TypeRef[] }).args ?? [];
  return args.length ? `${r.type}<${args.map((a) => canonicalRef(a)).join(',')}>` : r.type;
}

function compareRoutes(tally: Tally, op: OperationFacts, found: Operation): void {
  for (const r of op.routes) {
    const route = found.routes.find((x) => x.path === r.path);
    if (!route) {
      tally.check(false, 'route missing', () => `${op.name}: route ${r.path} missing`, 2);
      continue;
    }
    const verbs = [...route.verbs].sort().join(',');
    const want = [...r.verbs].sort().join(',');
    tally.check(verbs === want, 'route verbs', () => `${op.name}: route ${r.path} verbs are [${verbs || 'all'}], want [${want || 'all'}]`);
    const vars = list(route.pathVariables);
    tally.check(
      vars === list(r.pathVariables),
      'path variables',
      () => `${op.name}: route ${r.path} path variables are ${vars}, want ${list(r.pathVariables)}`,
    );
  }
  const extra = found.routes.filter((x) => !op.routes.some((r) => r.path === x.path)).map((x) => x.path);
  tally.check(extra.length === 0, 'extra routes', () => `${op.name}: routes the operation does not have: ${extra.join(', ')}`);
}
