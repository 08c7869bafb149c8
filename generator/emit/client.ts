/**
 * output/src/client.ts: the fetch client. The template holds the small runtime (auth, errors,
 * timeouts, retries, validation); this file turns each operation into a method and a
 * descriptor of plain data (routes with wire-name placeholders, auth flag, schemas), plus,
 * for response types that hold dates, a generated function that rewrites `/Date(…)/` in
 * exactly those members: date knowledge is compiled in, the model is not shipped.
 */
import type { CodegenConfig } from '../config.js';
import type { ApiModel, Operation, PrimitiveName, Route, TypeDef, TypeRef } from '../model/api-model.js';
import { memberKey } from '../model/naming.js';
import { typeChain } from '../model/operations.js';
import { docText, isIdentifier, jsString, safeTypeName } from './escape.js';
import { formatTypeScript, listLayout } from './format.js';
import { GENERATED_HEADER, renderTemplate } from './render.js';
import { tsResponseType } from './ts-types.js';

const DATE_TYPES = new Set<PrimitiveName>(['DateTime', 'DateTimeOffset', 'DateOnly']);
const BODY_VERBS = new Set(['POST', 'PUT', 'PATCH']);

/** `CreateCustomer` → `createCustomer`, `XMLExport` → `xmlExport`: a method name. */
export function methodName(operation: string): string {
  const name = safeTypeName(operation).replace(/^[A-Z]+(?=[A-Z][a-z]|\d|_|$)|^[A-Z]/, (m) => m.toLowerCase());
  // `constructor` would declare the constructor, not a method.
  return name === 'constructor' ? 'constructor_' : name;
}

/**
 * The client's method names, one per operation in the model's order: a name that meets an
 * earlier one (names differing only in case or odd characters) gets a suffix, `createCustomer2`.
 * The README shows the same names.
 */
export function clientMethodNames(model: ApiModel): string[] {
  const taken = new Set<string>();
  return model.operations.map((op) => {
    const base = methodName(op.name);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    return name;
  });
}

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

const datesFn = (type: string) => `datesOf${safeTypeName(type)}`;

/** The function (expression) that fixes the dates in a value of `ref`, if it holds any. */
function fixer(ref: TypeRef, has: Set<string>): string | undefined {
  if (ref.kind === 'primitive') return DATE_TYPES.has(ref.name) ? 'date' : undefined;
  if (ref.kind === 'ref') return has.has(ref.name) ? datesFn(ref.name) : undefined;
  const inner = fixer(ref.kind === 'list' ? ref.of : ref.value, has);
  return inner && `${ref.kind === 'list' ? 'each' : 'values'}(${inner})`;
}

/** One date-fixing function per type reachable from a typed response that holds dates. */
function dateFunctions(model: ApiModel, types: Map<string, TypeDef>) {
  const has = typesWithDates(model, types);
  const todo = model.operations.flatMap((op) => (op.response.kind === 'typed' && has.has(op.response.type) ? [op.response.type] : []));
  const done = new Map<string, { name: string; type: string; fixes: { key: string; fix: string }[] }>();
  for (let name = todo.shift(); name !== undefined; name = todo.shift()) {
    if (done.has(name)) continue;
    const fixes = typeChain(name, types)
      .flatMap((t) => t.fields)
      .flatMap((f) => {
        const fix = fixer(f.type, has);
        return fix ? [{ key: jsString(f.wireName), fix, ref: f.type }] : [];
      });
    for (const f of fixes) todo.push(...refsIn(f.ref).filter((r) => has.has(r)));
    done.set(name, { name: datesFn(name), type: name, fixes: fixes.map(({ key, fix }) => ({ key, fix })) });
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

/** The configured class name, as an identifier. */
export function clientClassName(config: CodegenConfig): string {
  return isIdentifier(config.clientName) ? config.clientName : safeTypeName(config.clientName);
}

export async function emitClient(model: ApiModel, config: CodegenConfig, command: string): Promise<string> {
  const types = new Map(model.types.map((t) => [t.name, t]));
  const dates = dateFunctions(model, types);
  const hasDates = new Set(dates.map((d) => d.type));
  const methods = clientMethodNames(model);
  const view = {
    header: GENERATED_HEADER(command),
    clientName: clientClassName(config),
    dates,
    operations: model.operations.map((op, i) => {
      const wire = wireNames(op, types);
      const typed = op.response.kind === 'typed' ? op.response.type : undefined;
      const response = op.response.kind === 'typed' ? `T.${tsResponseType(op.response)}` : tsResponseType(op.response);
      return {
        signature: methodSignature(methods[i]!, safeTypeName(op.request), response),
        name: op.name,
        doc: operationDoc(op),
        request: safeTypeName(op.request),
        type: op.request === op.name ? '' : op.request,
        response,
        routes: (op.routes.length ? op.routes.map((r) => routeCode(op, r, wire)) : [fallbackRoute(op)]).join(', '),
        auth: op.auth.required,
        responseSchema: typed ? `S.${safeTypeName(typed)}Schema` : '',
        dates: typed && hasDates.has(typed) ? datesFn(typed) : '',
        oneWay: op.response.kind === 'none',
      };
    }),
  };
  return formatTypeScript(renderTemplate('client.ts.hbs', view));
}

/** `name(request, options): Promise<R> {`, a method of the client class (indented by 2). */
function methodSignature(name: string, request: string, response: string): string {
  return listLayout(`${name}(`, [`request: T.${request}`, 'options?: CallOptions'], `): Promise<${response}> {`, { indent: '  ' });
}
