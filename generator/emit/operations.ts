/**
 * output/src/operations.ts: one function per operation, `createCustomer(client, request, options?)`,
 * over the client core (templates/runtime/call.ts). Each passes `call` plain data about its
 * operation: routes with wire-name placeholders, the auth flag, and the date reviver of its
 * response (dates.ts); none refers to a validator, so that a bundle holds what it calls.
 */
import type { ApiModel, Operation, Route, TypeDef } from '../model/api-model.js';
import { memberKey } from '../model/naming.js';
import { typeChain } from '../model/operations.js';
import { dateFunctions } from './dates.js';
import { jsString } from './escape.js';
import { formatTypeScript } from './format.js';
import { listLayout } from './layout.js';
import { GENERATED_HEADER, renderTemplate } from './render.js';
import { refSymbols, shapesOf } from './shapes.js';
import { methodOf, typeId } from './symbols.js';
import { tsResponseType, tsTypeContext, type TsTypeContext } from './ts-types.js';

const BODY_VERBS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The verb the client sends on a route: on an "All Verbs" route the one the model chose (a
 * sample's, else POST, as ServiceStack's own clients do); else POST when the route allows it,
 * else the first listed.
 */
function routeMethod(route: Route): string {
  if (route.allVerbs) return route.allVerbs.send;
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

export function operationDoc(op: Operation): string[] {
  const doc: string[] = [];
  const first = op.routes[0];
  if (first?.summary) doc.push(first.summary);
  if (first?.notes && first.notes !== first.summary) doc.push(first.notes);
  if (op.description) doc.push(op.description);
  for (const r of op.routes) doc.push(`\`${routeMethod(r)} ${r.path}\``);
  if (op.auth.required)
    doc.push(
      `Requires authentication${op.auth.roles.length ? ` (roles: ${op.auth.roles.join(', ')})` : ''}${op.auth.permissions.length ? ` (permissions: ${op.auth.permissions.join(', ')})` : ''}.`,
    );
  if (op.response.kind === 'untyped') doc.push('The docs give no response type: resolves to the parsed JSON body, or undefined when the body is empty.');
  if (op.response.kind === 'none') doc.push('One-way: resolves once the server accepts the request.');
  return doc.map((l) => l.replace(/\r?\n/g, ' '));
}

export async function emitOperations(model: ApiModel, command: string): Promise<string> {
  const ctx = tsTypeContext(model, 'T.');
  const types = new Map(model.types.map((t) => [t.name, t]));
  const hasDates = new Set(dateFunctions(model, shapesOf(model, ctx.names), ctx.names).map((d) => d.name));
  const view = {
    header: GENERATED_HEADER(command),
    anyDates: hasDates.size > 0,
    operations: model.operations.map((op) => operationView(op, types, hasDates, ctx)),
  };
  return formatTypeScript(renderTemplate('operations.ts.hbs', view));
}

function operationView(op: Operation, types: Map<string, TypeDef>, hasDates: Set<string>, ctx: TsTypeContext) {
  const names = ctx.names;
  const wire = wireNames(op, types);
  const response = op.response.kind === 'typed' ? refSymbols(op.response.type, op.response.args, names) : undefined;
  return {
    signature: functionSignature(methodOf(names, op.name), typeId(names, op.request), tsResponseType(op.response, ctx)),
    name: op.name,
    doc: operationDoc(op),
    type: op.request === op.name ? '' : op.request,
    routes: (op.routes.length ? op.routes.map((r) => routeCode(op, r, wire)) : [fallbackRoute(op)]).join(', '),
    auth: op.auth.required,
    dates: response && hasDates.has(response.datesOf) ? response.datesOf : '',
    oneWay: op.response.kind === 'none',
  };
}

/** `export function name(client, request, options?): Promise<R> {`. */
function functionSignature(name: string, request: string, response: string): string {
  return listLayout(`export function ${name}(`, ['client: ApiClient', `request: T.${request}`, 'options?: CallOptions'], `): Promise<${response}> {`);
}
