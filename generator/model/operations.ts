/**
 * Pass "operations": one Operation per operation name from every source that shows it (pages,
 * `/types/metadata`, the index), and where each request member travels: a route variable is a
 * path parameter (and required, whatever its table says); the rest go to the query (GET/DELETE)
 * or the body.
 *
 */
import { pushTo } from '../arrays.js';
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { AuthFragment, IndexOperationFragment, PageFragments, RouteFragment } from '../read/fragments.js';
import { pathVariables } from '../read/routes.js';
import type { Field, Operation, Parameter, ResponseShape, Route, TypeDef } from './api-model.js';
import type { DeclaredClass } from './declared.js';
import { routeKey } from './name-operations.js';
import { memberKey } from './naming.js';
import { sameTypeRefs } from './type-ref.js';
import type { PageOperation } from './name-operations.js';

/** What one source (a page, an operation of `/types/metadata`) says of an operation. */
export interface OperationSource {
  operation: string;
  /** The response the source states or shows; absent when it shows none. */
  response?: { shape: ResponseShape; loc: SourceLocation };
  form: PageFragments['form'];
  file: string;
  /** Where the source names the operation, if it does. */
  nameLoc?: SourceLocation;
  routes: RouteFragment[];
  auth?: AuthFragment;
  description?: string;
  tags: string[];
  formatHint?: string;
  /** The DTO classes of the source's page, for the request's `Route` attributes and `IReturn<T>`. */
  declared: readonly DeclaredClass[];
  /** The user route its sample request line shows (request-line.ts): the verb an "All Verbs" route is called with. */
  sampleRoute?: RouteFragment;
}

/** A page as a source of its operation. */
export function pageOperationSource(p: PageOperation): OperationSource {
  const page = p.page.fragments;
  return {
    operation: p.operation,
    ...(p.response ? { response: p.response } : {}),
    form: page.form,
    file: page.file,
    ...(page.operationName ? { nameLoc: page.operationName.loc } : {}),
    routes: p.page.routes,
    ...(page.auth ? { auth: page.auth } : {}),
    ...(page.description ? { description: page.description.value } : {}),
    tags: page.tags.map((t) => t.value),
    ...(page.formatHint ? { formatHint: page.formatHint.value } : {}),
    declared: p.page.declared,
    ...(p.page.requestLine?.kind === 'route' ? { sampleRoute: p.page.requestLine.route } : {}),
  };
}

/** Where a source shows its operation: its name, else its first route, else the file. */
function sourceLoc(p: OperationSource): SourceLocation {
  return p.nameLoc ?? p.routes[0]?.loc ?? { file: p.file, line: 1 };
}

const QUERY_VERBS = new Set(['GET', 'DELETE', 'HEAD', 'OPTIONS']);

function at(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}`;
}

/** `declared`: the `Route` attributes of the request DTO's source (C#, TypeScript), which state no summary or notes. */
function mergeRoutes(plans: OperationSource[], declared: readonly RouteFragment[], bag: DiagnosticBag): Route[] {
  const routes = new Map<string, Route & { exact: boolean; loc: SourceLocation }>();
  // Pipe tables, HTML and JSON keep the columns apart, so their summary and notes beat a squashed split.
  const exact = (p: OperationSource) => p.form !== 'squashed-text';
  const ordered = [...plans].sort((a, b) => Number(exact(b)) - Number(exact(a)));
  const all = [
    ...ordered.flatMap((plan) => plan.routes.map((r) => ({ r, exact: exact(plan), stated: true }))),
    ...declared.map((r) => ({ r, exact: true, stated: false })),
  ];
  for (const { r, exact: isExact, stated } of all) {
    const vars = pathVariables(r.path);
    if (!vars) {
      bag.warn('SS054', r.loc, `route path '${r.path}' has unbalanced braces; route skipped`);
      continue;
    }
    const key = routeKey(r.verbs, r.path);
    const existing = routes.get(key);
    if (!existing) {
      routes.set(key, {
        verbs: r.verbs,
        path: r.path,
        pathVariables: vars,
        ...(r.summary ? { summary: r.summary } : {}),
        ...(r.notes ? { notes: r.notes } : {}),
        sources: [r.loc],
        exact: isExact,
        loc: r.loc,
      });
      continue;
    }
    existing.sources.push(r.loc);
    // A Route attribute says nothing of summary and notes unless it names them.
    if (!stated && r.summary === undefined && r.notes === undefined) continue;
    if ((existing.summary ?? '') !== (r.summary ?? '') || (existing.notes ?? '') !== (r.notes ?? ''))
      bag.info(
        'SS053',
        r.loc,
        `route ${r.verbs.join(',') || 'ANY'} ${r.path} reads summary '${r.summary ?? ''}', notes '${r.notes ?? ''}' here but '${existing.summary ?? ''}', '${existing.notes ?? ''}' at ${at(existing.loc)}; using the latter`,
      );
  }
  return [...routes.values()].map(({ exact: _e, loc: _l, ...route }) => ({
    ...route,
    ...(route.verbs.length ? {} : { allVerbs: verbSent(route.path, plans) }),
    sources: sortLocs(route.sources),
  }));
}

/** The verb a sample request on the path uses (`GET /hello/World` on `/hello/{Name}`), else POST. */
function verbSent(path: string, plans: readonly OperationSource[]): NonNullable<Route['allVerbs']> {
  // A variable is one segment, a wildcard `{Path*}` any; the rest is literal.
  const source = path
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith('{') ? (part.endsWith('*}') ? '.+' : '[^/]+') : part.replace(/[.*+?^$()[\]{}\\|]/g, '\\$&')))
    .join('');
  const pattern = new RegExp(`^${source}$`);
  const hit = plans.find((p) => p.sampleRoute && pattern.test(p.sampleRoute.path))?.sampleRoute;
  return hit ? { send: hit.verbs[0]!, from: 'sample' } : { send: 'POST', from: 'default' };
}

/** By file, line and column, each place once. */
export function sortLocs(locs: SourceLocation[]): SourceLocation[] {
  if (locs.length < 2) return [...locs]; // most members are seen once
  const sorted = [...locs].sort(compareLocs);
  return sorted.filter((l, i) => i === 0 || compareLocs(sorted[i - 1]!, l) !== 0);
}

function compareLocs(a: SourceLocation, b: SourceLocation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

/**
 * A response named without the arguments its generic type takes: JavaScript erases them
 * (`createResponse() { return new QueryResponse() }`), so the page's sample says more.
 */
function erasedGeneric(shape: ResponseShape, types: ReadonlyMap<string, TypeDef>): boolean {
  return shape.kind === 'typed' && !shape.args && (types.get(shape.type)?.typeParameters?.length ?? 0) > 0;
}

/** `declared`: what the request DTO's `IReturn<T>` / `IReturnVoid` says, which is stated, not shown. */
function mergeResponse(
  name: string,
  plans: OperationSource[],
  declared: readonly { shape: ResponseShape; loc: SourceLocation }[],
  bag: DiagnosticBag,
): ResponseShape {
  const shown = [...plans.flatMap((p) => (p.response ? [p.response] : [])), ...declared];
  const typed = shown.find((r) => r.shape.kind === 'typed');
  const chosen = declared[0] ?? typed ?? shown.find((r) => r.shape.kind === 'untyped') ?? shown[0];
  for (const r of shown)
    if (chosen && !sameShape(r.shape, chosen.shape))
      bag.warn('SS058', r.loc, `response of '${name}' is ${describe(r.shape)} here but ${describe(chosen.shape)} at ${at(chosen.loc)}; using the latter`);
  if (chosen) return chosen.shape;
  bag.warn(
    'SS058',
    plans[0]!.routes[0]?.loc ?? { file: plans[0]!.file, line: 1 },
    `no page shows a sample response for '${name}'; its response is taken as untyped`,
  );
  return { kind: 'untyped' };
}

function sameShape(a: ResponseShape, b: ResponseShape): boolean {
  if (a.kind !== 'typed' || b.kind !== 'typed') return a.kind === b.kind;
  return a.type === b.type && sameTypeRefs(a.args, b.args);
}

function describe(shape: ResponseShape): string {
  return shape.kind === 'typed' ? `'${shape.type}'` : shape.kind;
}

/** `configured`: the config sets `requiresAuth` for this operation, so no page need say it. */
function mergeAuth(
  name: string,
  plans: OperationSource[],
  bag: DiagnosticBag,
  listed: IndexOperationFragment | undefined,
  configured: boolean,
): Operation['auth'] {
  const stated = plans.filter((p) => p.auth || p.form !== 'pipe-text');
  const required = plans.some((p) => p.auth?.required) || Boolean(listed?.auth);
  if (!stated.length && !listed && !configured)
    bag.warn(
      'SS052',
      plans[0]!.routes[0]?.loc ?? { file: plans[0]!.file, line: 1 },
      `no page says whether '${name}' requires authentication (pipe-table dumps drop that line); taken as not required (set operations.${name}.requiresAuth in codegen.config.json)`,
    );
  // The index and a page that states auth (HTML, squashed text, metadata JSON) must agree.
  const dissent = listed && stated.find((p) => Boolean(p.auth?.required) !== Boolean(listed.auth));
  if (listed && dissent)
    bag.warn(
      'SS141',
      listed.loc,
      `the index says '${name}' ${listed.auth ? 'requires' : 'does not require'} authentication, but ${dissent.file} says the opposite; taken as required`,
    );
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  return {
    required,
    roles: sorted([...plans.flatMap((p) => p.auth?.roles ?? []), ...(listed?.auth?.roles ?? [])]),
    permissions: sorted([...plans.flatMap((p) => p.auth?.permissions ?? []), ...(listed?.auth?.permissions ?? [])]),
  };
}

/** The request type and its bases, most derived first. */
export function typeChain(name: string, types: Map<string, TypeDef>): TypeDef[] {
  const chain: TypeDef[] = [];
  for (let t = types.get(name); t && chain.length < 32 && !chain.includes(t); t = t.base ? types.get(t.base) : undefined) chain.push(t);
  return chain;
}

function parameters(op: Operation, types: Map<string, TypeDef>, bag: DiagnosticBag): Parameter[] {
  const first = op.routes[0];
  const chain = typeChain(op.request, types);
  const members = chain
    .slice()
    .reverse()
    .flatMap((t) => t.fields.map((f) => ({ t, f })));
  settleRouteVariables(op, members, bag);
  const inPath = new Set((first?.pathVariables ?? []).map(memberKey));
  const verbs = first?.allVerbs ? [first.allVerbs.send] : (first?.verbs ?? ['POST']);
  const byVerb = verbs.every((v) => QUERY_VERBS.has(v)) ? 'query' : 'body';
  return members.map(({ t, f }) => ({
    name: f.wireName,
    declaredIn: t.name,
    in: inPath.has(memberKey(f.name)) ? 'path' : t.name === op.request && f.parameter === 'query' ? 'query' : byVerb,
    required: f.required,
  }));
}

/**
 * A route variable in every route of its operation is required: no path can be built without it,
 * whatever the docs say (SS056). One in only some routes (`/hello` and `/hello/{Name}`) chooses
 * the route and stays as the docs say (SS069). One matching no member is reported (SS055).
 */
function settleRouteVariables(op: Operation, members: { t: TypeDef; f: Field }[], bag: DiagnosticBag): void {
  const routesOf = new Map<{ t: TypeDef; f: Field }, Route[]>();
  for (const route of op.routes)
    for (const v of route.pathVariables) {
      const hit = members.find((m) => memberKey(m.f.name) === memberKey(v));
      if (hit) pushTo(routesOf, hit, route);
      else bag.warn('SS055', route.sources[0], `route variable {${v}} of '${op.name}' matches no member of '${op.request}'`);
    }
  for (const [{ t, f }, routes] of routesOf) {
    const where = f.sources[0] ?? routes[0]!.sources[0];
    const label = `'${t.name}.${f.name}'`;
    if (routes.length < op.routes.length) {
      const paths = routes.map((r) => r.path).join(', ');
      if (!f.required) bag.info('SS069', where, `${label} is a route variable of '${op.name}' in ${paths} only, not in every route; it stays optional`);
    } else if (!f.required) {
      bag.info('SS056', where, `${label} is a route variable of '${op.name}' (${routes[0]!.path}), so it is required although the docs mark it optional`);
      f.required = true;
    }
  }
}

/**
 * `listed`: the operations of the `/metadata` index pages, by name; their tags and auth count like a page's.
 * `authConfigured`: the operations whose `requiresAuth` the config sets.
 */
export function mergeOperations(
  plans: OperationSource[],
  types: Map<string, TypeDef>,
  bag: DiagnosticBag,
  listed = new Map<string, IndexOperationFragment>(),
  authConfigured: ReadonlySet<string> = new Set(),
): Operation[] {
  const byName = new Map<string, OperationSource[]>();
  for (const p of plans) pushTo(byName, p.operation, p);
  // The request DTOs as the pages' DTO sources declare them, for their routes and IReturn<T>.
  const requestClasses = new Map<string, DeclaredClass[]>();
  for (const p of plans)
    for (const c of p.declared) {
      if (!byName.has(c.name)) continue;
      const list = requestClasses.get(c.name);
      if (list) list.push(c);
      else requestClasses.set(c.name, [c]);
    }
  const ops: Operation[] = [];
  for (const [name, group] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const description = group.find((p) => p.description)?.description;
    const op: Operation = {
      name,
      ...(description ? { description } : {}),
      tags: [...new Set([...group.flatMap((p) => p.tags), ...(listed.get(name)?.tags ?? [])])].sort(),
      routes: mergeRoutes(
        group,
        (requestClasses.get(name) ?? []).flatMap((c) => c.routes),
        bag,
      ),
      auth: mergeAuth(name, group, bag, listed.get(name), authConfigured.has(name)),
      request: name,
      response: mergeResponse(
        name,
        group,
        (requestClasses.get(name) ?? []).flatMap((c) => (c.response && !erasedGeneric(c.response.shape, types) ? [c.response] : [])),
        bag,
      ),
      formats: [...new Set(group.flatMap((p) => (p.formatHint ? [p.formatHint] : [])))].sort(),
      parameters: [],
      sources: sortLocs(group.map(sourceLoc)),
    };
    op.parameters = parameters(op, types, bag);
    ops.push(op);
  }
  return ops;
}
