/**
 * output/src/client.ts: the fetch client. The template holds the small runtime (auth, errors,
 * timeouts, retries, validation); this file turns each operation into a method and a
 * descriptor of plain data (routes with wire-name placeholders, auth flag, schemas), plus,
 * for response types that hold dates, a generated function that rewrites `/Date(…)/` in
 * exactly those members: date knowledge is compiled in, the model is not shipped.
 */
import type { ApiModel, Operation, PrimitiveName, Route, SymbolNames, TypeDef, TypeRef, TypeSymbols } from '../model/api-model.js';
import { linkFields } from '../model/chain.js';
import { responseRef } from '../model/instances.js';
import { memberKey } from '../model/naming.js';
import { typeChain } from '../model/operations.js';
import { jsString } from './escape.js';
import { formatTypeScript, listLayout } from './format.js';
import { GENERATED_HEADER, renderTemplate } from './render.js';
import { refSymbols, shapesOf, type Shape } from './shapes.js';
import { methodOf, typeId } from './symbols.js';
import { tsResponseType, tsTypeContext, type TsTypeContext } from './ts-types.js';

const DATE_TYPES = new Set<PrimitiveName>(['DateTime', 'DateTimeOffset', 'DateOnly']);
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

/** The symbols of the shape a reference is checked as (a generic use's own, else its type's). */
function symbolsOf(ref: TypeRef, names: SymbolNames): TypeSymbols | undefined {
  return ref.kind === 'ref' ? refSymbols(ref.name, ref.args, names) : undefined;
}

/** The shapes whose values (own or inherited members, at any depth) hold dates. */
function shapesWithDates(shapes: readonly Shape[], names: SymbolNames): Set<TypeSymbols> {
  const has = new Set<TypeSymbols>();
  const holds = (ref: TypeRef): boolean => {
    if (ref.kind === 'primitive') return DATE_TYPES.has(ref.name);
    if (ref.kind === 'list') return holds(ref.of);
    if (ref.kind === 'dictionary') return holds(ref.value);
    const symbols = symbolsOf(ref, names);
    return symbols !== undefined && has.has(symbols);
  };
  // A fixpoint, so that recursive types settle instead of recursing.
  for (let changed = true; changed;) {
    changed = false;
    for (const s of shapes)
      if (!has.has(s.symbols) && s.def.kind === 'object' && s.chain.some((link) => linkFields(link).some((f) => holds(f.type)))) {
        has.add(s.symbols);
        changed = true;
      }
  }
  return has;
}

/** The function (expression) that fixes the dates in a value of `ref`, if it holds any. */
function fixer(ref: TypeRef, has: Set<TypeSymbols>, names: SymbolNames): string | undefined {
  if (ref.kind === 'primitive') return DATE_TYPES.has(ref.name) ? 'date' : undefined;
  if (ref.kind === 'ref') {
    const symbols = symbolsOf(ref, names);
    return symbols && has.has(symbols) ? symbols.datesOf : undefined;
  }
  if (ref.kind === 'parameter') return undefined;
  const inner = fixer(ref.kind === 'list' ? ref.of : ref.value, has, names);
  return inner && `${ref.kind === 'list' ? 'each' : 'values'}(${inner})`;
}

/** One date-fixing function per shape reachable from a typed response that holds dates. */
function dateFunctions(model: ApiModel, shapes: readonly Shape[], names: SymbolNames) {
  const has = shapesWithDates(shapes, names);
  const bySymbols = new Map(shapes.map((s) => [s.symbols, s]));
  const todo = model.operations
    .flatMap((op) => (op.response.kind === 'typed' ? [symbolsOf(responseRef(op.response.type, op.response.args), names)!] : []))
    .filter((s) => has.has(s));
  const done = new Map<TypeSymbols, { name: string; fixes: { key: string; fix: string }[] }>();
  for (let symbols = todo.shift(); symbols !== undefined; symbols = todo.shift()) {
    if (done.has(symbols)) continue;
    const fixes = bySymbols
      .get(symbols)!
      .chain.flatMap(linkFields)
      .flatMap((f) => {
        const fix = fixer(f.type, has, names);
        return fix ? [{ key: jsString(f.wireName), fix, ref: f.type }] : [];
      });
    for (const f of fixes) for (const r of refsIn(f.ref, names)) if (has.has(r)) todo.push(r);
    done.set(symbols, { name: symbols.datesOf, fixes: fixes.map(({ key, fix }) => ({ key, fix })) });
  }
  return [...done.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function refsIn(ref: TypeRef, names: SymbolNames): TypeSymbols[] {
  if (ref.kind === 'list') return refsIn(ref.of, names);
  if (ref.kind === 'dictionary') return refsIn(ref.value, names);
  const symbols = symbolsOf(ref, names);
  return symbols ? [symbols] : [];
}

function operationDoc(op: Operation): string[] {
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

export async function emitClient(model: ApiModel, command: string): Promise<string> {
  const ctx = tsTypeContext(model, 'T.');
  const types = new Map(model.types.map((t) => [t.name, t]));
  const dates = dateFunctions(model, shapesOf(model, ctx.names), ctx.names);
  const hasDates = new Set(dates.map((d) => d.name));
  const view = {
    header: GENERATED_HEADER(command),
    clientName: ctx.names.client,
    dates,
    operations: model.operations.map((op) => operationView(op, types, hasDates, ctx)),
  };
  return formatTypeScript(renderTemplate('client.ts.hbs', view));
}

function operationView(op: Operation, types: Map<string, TypeDef>, hasDates: Set<string>, ctx: TsTypeContext) {
  const names = ctx.names;
  const wire = wireNames(op, types);
  const symbols = op.response.kind === 'typed' ? refSymbols(op.response.type, op.response.args, names) : undefined;
  const response = tsResponseType(op.response, ctx);
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
    dates: symbols && hasDates.has(symbols.datesOf) ? symbols.datesOf : '',
    oneWay: op.response.kind === 'none',
  };
}

/** `name(request, options): Promise<R> {`, a method of the client class (indented by 2). */
function methodSignature(name: string, request: string, response: string): string {
  return listLayout(`${name}(`, [`request: T.${request}`, 'options?: CallOptions'], `): Promise<${response}> {`, { indent: '  ' });
}
