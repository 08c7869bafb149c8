/**
 * output/src/client.ts: the fetch client. The template holds the small runtime (auth, errors,
 * timeouts, retries, validation); this file turns each operation into a method and a
 * descriptor of plain data (routes with wire-name placeholders, auth flag, schemas), plus,
 * for response types that hold dates, a generated function that rewrites `/Date(…)/` in
 * exactly those members: date knowledge is compiled in, the model is not shipped.
 */
import type { ApiModel, Operation, PrimitiveName, Route, SymbolNames, TypeDef, TypeRef } from '../model/api-model.js';
import { memberKey } from '../model/naming.js';
import { typeChain } from '../model/operations.js';
import { docText, jsString } from './escape.js';
import { formatTypeScript, listLayout } from './format.js';
import { GENERATED_HEADER, renderTemplate } from './render.js';
import { methodOf, namesOf, typeId, typeSymbols } from './symbols.js';
import { tsResponseType } from './ts-types.js';

const DATE_TYPES = new Set<PrimitiveName>(['DateTime', 'DateTimeOffset', 'DateOnly']);
const BODY_VERBS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The verb the client sends on a route: POST when the route allows it (or allows every verb,
 * as ServiceStack's own clients do), else the first listed.
 */
function routeMethod(route: Route): string {
  return route.verbs.length === 0 || route.verbs.includes('POST') ? 'POST' : route.verbs[0]!;
}

/** Wire names by member key, over the request DTO and its bases. */
function wireNames(op: Operation, types: Map<string, TypeDef>): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const t of typeChain(op.request, types)) for (const f of t.fields) if (!byKey.has(memberKey(f.name))) byKey.set(memberKey(f.name), f.wireName);
  return byKey;
}

/**
 * One route as the runtime reads it: `[method, path, variables, query]`. Placeholders are
 * rewritten to wire names (`{BoosterCustomerId}` → `{boosterCustomerId}`); `query` is `true`
 * when every other member goes to the query string, else the members that go there although
 * the rest travel in the body (the Parameter column said `query`). The model's parameters
 * describe the first route, so that list is only known when the first route has a body too.
 * A wildcard `{Path*}` is filled like any variable: one encoded segment.
 */
function routeCode(op: Operation, route: Route, wire: Map<string, string>): string {
  const method = routeMethod(route);
  const vars = route.pathVariables.map((v) => wire.get(memberKey(v)) ?? v);
  const path = route.path.replace(/\{([^}]*)\}/g, (_, v: string) => `{${wire.get(memberKey(v.replace(/\*$/, ''))) ?? v.replace(/\*$/, '')}}`);
  const firstIsBody = op.routes[0] ? BODY_VERBS.has(routeMethod(op.routes[0])) : true;
  const query = BODY_VERBS.has(method)
    ? `[${(firstIsBody ? op.parameters.filter((p) => p.in === 'query').map((p) => jsString(p.name)) : []).join(', ')}]`
    : 'true';
  return `[${jsString(method)}, ${jsString(path)}, [${vars.map(jsString).join(', ')}], ${query}]`;
}

/** ServiceStack's predefined route, for an operation whose docs list none. */
function fallbackRoute(op: Operation): string {
  return `['POST', ${jsString(`/json/${op.response.kind === 'none' ? 'oneway' : 'reply'}/${op.name}`)}, [], []]`;
}

/** Types whose values (own or inherited members, at any depth) hold dates. */
function typesWithDates(model: ApiModel, types: Map<string, TypeDef>): Set<string> {
  const has = new Set<string>();
  const holds = (ref: TypeRef): boolean =>
    ref.kind === 'primitive' ? DATE_TYPES.has(ref.name) : ref.kind === 'ref' ? has.has(ref.name) : holds(ref.kind === 'list' ? ref.of : ref.value);
  // A fixpoint, so that recursive types settle instead of recursing.
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of model.types)
      if (!has.has(t.name) && t.kind === 'object' && typeChain(t.name, types).some((x) => x.fields.some((f) => holds(f.type)))) {
        has.add(t.name);
        changed = true;
      }
  }
  return has;
}

/** The function (expression) that fixes the dates in a value of `ref`, if it holds any. */
function fixer(ref: TypeRef, has: Set<string>, names: SymbolNames): string | undefined {
  if (ref.kind === 'primitive') return DATE_TYPES.has(ref.name) ? 'date' : undefined;
  if (ref.kind === 'ref') return has.has(ref.name) ? typeSymbols(names, ref.name).datesOf : undefined;
  const inner = fixer(ref.kind === 'list' ? ref.of : ref.value, has, names);
  return inner && `${ref.kind === 'list' ? 'each' : 'values'}(${inner})`;
}

/** One date-fixing function per type reachable from a typed response that holds dates. */
function dateFunctions(model: ApiModel, types: Map<string, TypeDef>, names: SymbolNames) {
  const has = typesWithDates(model, types);
  const todo = model.operations.flatMap((op) => (op.response.kind === 'typed' && has.has(op.response.type) ? [op.response.type] : []));
  const done = new Map<string, { name: string; type: string; fixes: { key: string; fix: string }[] }>();
  for (let name = todo.shift(); name !== undefined; name = todo.shift()) {
    if (done.has(name)) continue;
    const fixes = typeChain(name, types)
      .flatMap((t) => t.fields)
      .flatMap((f) => {
        const fix = fixer(f.type, has, names);
        return fix ? [{ key: jsString(f.wireName), fix, ref: f.type }] : [];
      });
    for (const f of fixes) todo.push(...refsIn(f.ref).filter((r) => has.has(r)));
    done.set(name, { name: typeSymbols(names, name).datesOf, type: name, fixes: fixes.map(({ key, fix }) => ({ key, fix })) });
  }
  return [...done.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function refsIn(ref: TypeRef): string[] {
  return ref.kind === 'primitive' ? [] : ref.kind === 'ref' ? [ref.name] : refsIn(ref.kind === 'list' ? ref.of : ref.value);
}

function operationDoc(op: Operation): string[] {
  const doc: string[] = [];
  const first = op.routes[0];
  if (first?.summary) doc.push(docText(first.summary));
  if (first?.notes && first.notes !== first.summary) doc.push(docText(first.notes));
  if (op.description) doc.push(docText(op.description));
  for (const r of op.routes) doc.push(`\`${routeMethod(r)} ${r.path}\``);
  if (op.auth.required) doc.push(`Requires authentication${op.auth.roles.length ? ` (roles: ${op.auth.roles.join(', ')})` : ''}${op.auth.permissions.length ? ` (permissions: ${op.auth.permissions.join(', ')})` : ''}.`);
  if (op.response.kind === 'untyped') doc.push('The docs give no response type: resolves to the parsed JSON body, or undefined when the body is empty.');
  if (op.response.kind === 'none') doc.push('One-way: resolves once the server accepts the request.');
  return doc.map((l) => l.replace(/\r?\n/g, ' '));
}

export async function emitClient(model: ApiModel, command: string): Promise<string> {
  const names = namesOf(model);
  const types = new Map(model.types.map((t) => [t.name, t]));
  const dates = dateFunctions(model, types, names);
  const hasDates = new Set(dates.map((d) => d.type));
  const view = {
    header: GENERATED_HEADER(command),
    clientName: names.client,
    dates,
    operations: model.operations.map((op) => operationView(op, types, hasDates, names)),
  };
  return formatTypeScript(renderTemplate('client.ts.hbs', view));
}

function operationView(op: Operation, types: Map<string, TypeDef>, hasDates: Set<string>, names: SymbolNames) {
  const wire = wireNames(op, types);
  const typed = op.response.kind === 'typed' ? op.response.type : undefined;
  const symbols = typed === undefined ? undefined : typeSymbols(names, typed);
  const response = symbols ? `T.${symbols.id}` : tsResponseType(op.response, names);
  const request = typeId(names, op.request);
  return {
    signature: methodSignature(methodOf(names, op.name), request, response),
    name: op.name,
    doc: operationDoc(op),
    request,
    type: op.request === op.name ? '' : op.request,
    response,
    routes: (op.routes.length ? op.routes.map((r) => routeCode(op, r, wire)) : [fallbackRoute(op)]).join(', '),
    auth: op.auth.required,
    responseSchema: symbols ? `S.${symbols.schema}` : '',
    dates: symbols && typed !== undefined && hasDates.has(typed) ? symbols.datesOf : '',
    oneWay: op.response.kind === 'none',
  };
}

/** `name(request, options): Promise<R> {`, a method of the client class (indented by 2). */
function methodSignature(name: string, request: string, response: string): string {
  return listLayout(`${name}(`, [`request: T.${request}`, 'options?: CallOptions'], `): Promise<${response}> {`, { indent: '  ' });
}
