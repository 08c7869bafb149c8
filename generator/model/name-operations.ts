/**
 * Pass "name operations": which operation each page describes, and its response. A page names
 * its operation in its heading, its XML request sample, its sample request line
 * (`/{format}/reply/{Op}`) or its DTO source (the class nothing else uses); a page that does not
 * (a pipe dump) is matched by its route to a page that does, then named after its XML response
 * sample's root by the `{Op}Response` convention, its route's summary or path, and only last its
 * file name (SS050, saying which). The response comes from what the source states (`IReturn<T>`,
 * or a ServiceStack base that returns one: `QueryDb<X>`), the request line (`/oneway/`: none) or
 * the response sample (its XML root, else the titled table or DTO class its keys fit);
 * `/types/metadata` states both (lower-metadata.ts).
 */
import { DiagnosticBag, type SourceLocation } from '../diagnostics.js';
import type { JsonNode, ParamTableFragment, XmlElement } from '../read/fragments.js';
import type { ResponseShape, TypeRef } from './api-model.js';
import { demangleGenericName, elementNames, isOneParameterGeneric } from './datacontract-names.js';
import { parseDotNetType } from '../read/dotnet-type.js';
import { builtinType, type BuiltinType } from './builtins.js';
import { withParameters } from './generics.js';
import type { DeclaredClass } from './declared.js';
import type { ModelPage } from './model-page.js';
import { fromDotNet } from './type-ref.js';
import { fit, FITS, rowKeys } from './catalog.js';
import { memberKey, pascalCaseWords } from './naming.js';

/** Where a table's or a response's name comes from. `dto`: a DTO source class (Python, C#, TypeScript) says so. */
export type NameSource = 'caption' | 'dto' | 'sample' | 'convention' | 'catalog' | 'position' | 'fallback';

export interface PageOperation {
  page: ModelPage;
  operation: string;
  operationFrom: 'heading' | 'sample' | 'request line' | 'dto' | 'route' | 'response sample' | 'summary' | 'path' | 'file';
  /** undefined when the page shows no samples at all. */
  response?: { shape: ResponseShape; loc: SourceLocation; how: NameSource };
}

/** Operation names by `VERB path`, from pages that state them. */
type RouteNames = ReadonlyMap<string, string>;

export function routeKey(verbs: readonly string[], path: string): string {
  return `${[...verbs].sort().join(',')} ${path.toLowerCase()}`;
}

export function nameOperations(pages: readonly ModelPage[], bag: DiagnosticBag): PageOperation[] {
  const routeNames = new Map<string, string>();
  const quiet = new DiagnosticBag();
  for (const page of pages) {
    const named = operationName(page, routeNames, quiet);
    if (STATED.has(named.operationFrom)) for (const r of page.routes) routeNames.set(routeKey(r.verbs, r.path), named.operation);
  }
  return pages.map((page) => {
    const named = operationName(page, routeNames, bag);
    noteRequestLineRoute(page, named.operation, bag);
    const response = responseShape(page, named.operation, bag);
    return { page, ...named, ...(response ? { response } : {}) };
  });
}

type Named = Pick<PageOperation, 'operation' | 'operationFrom'>;

/** Where a page states its operation's name, rather than a name being inferred. */
const STATED: ReadonlySet<PageOperation['operationFrom']> = new Set(['heading', 'sample', 'request line', 'dto']);

function operationName(page: ModelPage, routeNames: RouteNames, bag: DiagnosticBag): Named {
  return statedName(page, bag) ?? requestClass(page) ?? knownRoute(page, routeNames) ?? responseRoot(page, bag) ?? nameAfterRoute(page, bag);
}

/** The heading, the root of the XML request sample, the request line's `/{format}/reply/{Op}`; they must agree (SS051). */
function statedName({ fragments: page, requestLine }: ModelPage, bag: DiagnosticBag): Named | undefined {
  const request = page.samples.find((s) => s.direction === 'request');
  const stated: { name: string; from: PageOperation['operationFrom']; loc: SourceLocation }[] = [];
  if (page.operationName) stated.push({ name: page.operationName.value, from: 'heading', loc: page.operationName.loc });
  if (request?.body?.format === 'xml') stated.push({ name: request.body.root.localName, from: 'sample', loc: request.body.loc });
  if (requestLine?.kind === 'predefined') stated.push({ name: requestLine.operation, from: 'request line', loc: requestLine.loc });
  const first = stated[0];
  for (const other of stated.slice(1))
    if (first && other.name !== first.name)
      bag.warn('SS051', other.loc, `operation is '${first.name}' by its ${first.from} but '${other.name}' by its ${other.from}; using '${first.name}'`);
  return first && { operation: first.name, operationFrom: first.from };
}

/** DTO source: the class nothing else uses or extends is the request. */
function requestClass(page: ModelPage): Named | undefined {
  const used = new Set(page.declared.flatMap((c) => c.mentions));
  const roots = page.declared.filter((c) => !c.isEnum && !used.has(c.name) && !c.name.endsWith('Response'));
  return roots.length === 1 ? { operation: roots[0]!.name, operationFrom: 'dto' } : undefined;
}

function knownRoute(page: ModelPage, routeNames: RouteNames): Named | undefined {
  for (const route of page.routes) {
    const known = routeNames.get(routeKey(route.verbs, route.path));
    if (known) return { operation: known, operationFrom: 'route' };
  }
  return undefined;
}

/** An XML response sample's root `<XResponse>` gives `X`, by ServiceStack's `{Op}Response` convention. */
function responseRoot({ fragments: page }: ModelPage, bag: DiagnosticBag): Named | undefined {
  const body = page.samples.find((s) => s.direction === 'response')?.body;
  const root = body?.format === 'xml' ? body.root.localName : undefined;
  const operation = root && /^([A-Za-z_]\w*)Response$/.exec(root)?.[1];
  if (!operation || !body) return undefined;
  bag.warn(
    'SS050',
    body.loc,
    `the page does not name its operation; named it '${operation}' after its response sample's root <${root}> by ServiceStack's {Operation}Response convention (rename it in codegen.config.json if that is wrong)`,
  );
  return { operation, operationFrom: 'response sample' };
}

function nameAfterRoute(page: ModelPage, bag: DiagnosticBag): Named {
  const route = page.routes[0];
  if (!route) return nameAfterFile(page.fragments.file, bag);
  const fromSummary = route.summary ? pascalCaseWords(route.summary) : undefined;
  const loc = route.loc;
  const shown = page.routesFromRequestLine ? 'the route its sample request line shows' : 'its route';
  if (fromSummary) {
    bag.warn(
      'SS050',
      loc,
      `the page does not name its operation; named it '${fromSummary}' after the route summary '${route.summary}' (rename it in codegen.config.json if that is wrong)`,
    );
    return { operation: fromSummary, operationFrom: 'summary' };
  }
  const fromPath = pascalCaseWords(`${route.verbs[0] ?? 'call'} ${route.path.replace(/\{[^}]*\}/g, '')}`) ?? 'Operation';
  bag.warn('SS050', loc, `the page does not name its operation; named it '${fromPath}' after ${shown} ${route.verbs.join(',') || 'ANY'} ${route.path}`);
  return { operation: fromPath, operationFrom: 'path' };
}

/** The last resort: nothing on the page names or routes its operation. */
function nameAfterFile(file: string, bag: DiagnosticBag): Named {
  const fromFile = pascalCaseWords(`call ${file}`) ?? 'Operation';
  bag.warn(
    'SS050',
    { file, line: 1 },
    `the page names its operation nowhere (no heading, request sample, DTO class, route or XML response sample); named it '${fromFile}' after its file name (rename it in codegen.config.json)`,
  );
  return { operation: fromFile, operationFrom: 'file' };
}

/** A route known only from the sample request line: its verb is the one the sample uses, though the route may accept more. */
function noteRequestLineRoute(page: ModelPage, operation: string, bag: DiagnosticBag): void {
  if (!page.routesFromRequestLine) return;
  const route = page.routes[0]!;
  bag.info(
    'SS085',
    route.loc,
    `the page lists no routes; took ${route.verbs.join(',')} ${route.path} from its sample request line as a route of '${operation}' (the route may accept other verbs)`,
  );
}

/**
 * The titled table the JSON response sample shows: the one whose members the sample's keys explain
 * best (the sample holds inherited members too), unless `{Operation}Response` has a table of its own.
 */
function captionFitting(page: ModelPage, operation: string, sampleKeys: readonly string[]): ParamTableFragment | undefined {
  const tables = page.fragments.tables.filter((t) => t.caption !== undefined && t.caption !== operation);
  if (tables.some((t) => t.caption === `${operation}Response`)) return undefined;
  const keys = new Set(sampleKeys);
  let best: ParamTableFragment | undefined;
  let bestScore = FITS;
  for (const t of tables) {
    const score = fit(rowKeys(t), keys);
    if (score > bestScore || (score === bestScore && best === undefined)) [best, bestScore] = [t, score];
  }
  return best;
}

/** A page without samples whose tables include one captioned `{Operation}Response`: ServiceStack's convention names it the response. */
function captionedResponse(page: ModelPage, operation: string): PageOperation['response'] {
  const table = page.fragments.tables.find((t) => t.caption === `${operation}Response`);
  return table && { shape: { kind: 'typed', type: table.caption! }, loc: table.loc, how: 'caption' };
}

/** The response an XML root names: a generic type's use by its DataContract name (`QueryResponseOfCustomer…`), else the root's name. */
function xmlRootType(page: ModelPage, root: XmlElement): ResponseShape {
  const known = new Set([...elementNames(root), ...page.declared.map((c) => c.name), ...page.fragments.tables.flatMap((t) => (t.caption ? [t.caption] : []))]);
  const generic = demangleGenericName(root.localName, isOneParameterGeneric(page.declared), known);
  return generic ? { kind: 'typed', ...generic } : { kind: 'typed', type: root.localName };
}

/**
 * The response the request class's `IReturn<T>` names, unless its generic arguments were erased
 * (JavaScript's `createResponse() { return new QueryResponse() }`): a generic type named without
 * them says less than the base and the sample do.
 */
function statedResponse(page: ModelPage, operation: string): DeclaredClass['response'] {
  const stated = page.declared.find((c) => c.name === operation && c.response)?.response;
  if (stated?.shape.kind !== 'typed' || stated.shape.args) return stated;
  const name = stated.shape.type;
  const generic = page.declared.find((c) => c.name === name)?.typeParameters.length ?? builtinType(name)?.typeParameters?.length;
  return generic ? undefined : stated;
}

/**
 * The response a request class's ServiceStack base returns (`QueryDb<Customer>` is an
 * `IReturn<QueryResponse<Customer>>`: builtins.ts), for a DTO source written without `IReturn<T>`
 * (a tab of an operation page: ServiceStack writes no operation there, so no marker). JavaScript
 * erases the base's arguments (`extends QueryDb`): they are read from the response sample then,
 * where it shows them (`results: [{…PostComment's members…}]`).
 */
function inheritedResponse(page: ModelPage, operation: string, sample?: JsonObject): DeclaredClass['response'] {
  const request = page.declared.find((c) => c.name === operation && c.bases.length);
  const base = request && builtinType(request.bases[0]!, request.baseArgs?.length);
  const returns = base?.returns && parseDotNetType(base.returns);
  if (!request || !base?.typeParameters || !returns) return undefined;
  const stated = request.baseArgs?.length === base.typeParameters.length ? request.baseArgs : undefined;
  const returned = builtinType(returns.name, returns.args.length);
  const shown = (a: string) => (sample && returned ? argumentShown(page, builtinClass(returned), a, sample) : undefined);
  const args = returns.args.map((a) => {
    const at = base.typeParameters!.indexOf(a.name);
    return at < 0 ? fromDotNet(a) : stated ? stated[at] : shown(returned!.typeParameters![returns.args.indexOf(a)]!);
  });
  if (!args.every((a): a is TypeRef => a !== undefined)) return undefined;
  return { shape: { kind: 'typed', type: returns.name, ...(args.length ? { args } : {}) }, loc: request.loc };
}

/** ServiceStack's declaration of one of its types as the members a sample is matched against. */
function builtinClass(t: BuiltinType): ShownClass {
  const params = t.typeParameters ?? [];
  const members = t.members.map(([name, written]) => {
    const parsed = parseDotNetType(written);
    return { key: memberKey(name), ...(parsed ? { type: withParameters(fromDotNet(parsed), params) } : {}) };
  });
  return { name: t.name, typeParameters: [...params], members };
}

/**
 * The DTO class the JSON response sample shows: the one (no enum) whose members, its bases' on the
 * page included, best match the sample's keys both ways (most of its members in the sample, most of
 * the sample's keys its members), the request's only where no other fits as well (`EchoTypes :
 * IReturn<EchoTypes>`). A generic class's arguments are read from the sample too.
 */
function classFitting(page: ModelPage, operation: string, sample: JsonObject): ResponseShape | undefined {
  const byName = declaredByName(page);
  const best = bestClass(page, objectKeys(sample), byName, operation);
  if (!best) return undefined;
  const args = best.typeParameters.map((p) => argumentShown(page, best, p, sample, byName));
  const known = args.every((a): a is TypeRef => a !== undefined);
  return { kind: 'typed', type: best.name, ...(args.length && known ? { args } : {}) };
}

type JsonObject = Extract<JsonNode, { kind: 'object' }>;

function declaredByName(page: ModelPage): Map<string, DeclaredClass> {
  return new Map(page.declared.map((c) => [c.name, c]));
}

function objectKeys(o: JsonObject): Set<string> {
  return new Set(o.members.map((m) => memberKey(m.key)));
}

function bestClass(page: ModelPage, keys: ReadonlySet<string>, byName: ReadonlyMap<string, DeclaredClass>, operation?: string): DeclaredClass | undefined {
  let best: DeclaredClass | undefined;
  let bestScore = FITS * FITS;
  for (const c of page.declared) {
    if (c.isEnum || !c.members.length) continue;
    const members = withBaseMembers(c, byName);
    const score = fit(members, keys) * fit(keys, members);
    if (score > bestScore || (score === bestScore && best?.name === operation)) [best, bestScore] = [c, score];
  }
  return best;
}

/** A class's member keys and those of its bases the page declares. */
function withBaseMembers(c: DeclaredClass, byName: ReadonlyMap<string, DeclaredClass>): Set<string> {
  const keys = new Set<string>();
  for (let k: DeclaredClass | undefined = c, depth = 0; k && depth < 16; k = k.bases[0] ? byName.get(k.bases[0]) : undefined, depth++)
    for (const m of k.members) keys.add(m.key);
  return keys;
}

/** What a sample is matched against: a class's type parameters and members with their types. */
type ShownClass = Pick<DeclaredClass, 'name' | 'typeParameters'> & { members: readonly { key: string; type?: TypeRef }[] };

/** The argument of a generic class's parameter: the class whose members the sample shows in a member typed as it (`T`, `List<T>`). */
function argumentShown(page: ModelPage, c: ShownClass, parameter: string, sample: JsonObject, byName = declaredByName(page)): TypeRef | undefined {
  for (const m of c.members) {
    const t = m.type?.kind === 'list' ? m.type.of : m.type;
    if (t?.kind !== 'parameter' || t.name !== parameter) continue;
    let value = sample.members.find((s) => memberKey(s.key) === m.key)?.value;
    if (value?.kind === 'array') value = value.items[0];
    const shown = value?.kind === 'object' ? bestClass(page, objectKeys(value), byName) : undefined;
    if (shown && !shown.typeParameters.length) return { kind: 'ref', name: shown.name, nullable: false };
  }
  return undefined;
}

/**
 * A page with a request sample and no response: ServiceStack shows none for an operation without a
 * response type, unless the copy lost it. Its DTO source declaring `{Operation}Response` says the
 * copy did (ServiceStack puts the response type among the page's types, and finds it by that name).
 */
function unshownResponse(page: ModelPage, operation: string, loc: SourceLocation, bag: DiagnosticBag): PageOperation['response'] {
  const conventional = page.declared.find((c) => c.name === `${operation}Response` && !c.isEnum);
  if (!conventional) return { shape: { kind: 'none' }, loc, how: 'sample' };
  bag.info(
    'SS057',
    loc,
    `the page shows no response sample but its DTO source declares '${conventional.name}': taken as the response by ServiceStack's {Operation}Response convention`,
  );
  return { shape: { kind: 'typed', type: conventional.name }, loc, how: 'convention' };
}

/** The request DTO's `IReturn<T>` names the response outright; a page shows it otherwise only in its samples. */
function responseShape(page: ModelPage, operation: string, bag: DiagnosticBag): PageOperation['response'] {
  const { samples } = page.fragments;
  // ServiceStack writes `/{format}/oneway/{Op}` for an operation without a response type.
  if (page.requestLine?.kind === 'predefined' && page.requestLine.oneWay) return { shape: { kind: 'none' }, loc: page.requestLine.loc, how: 'sample' };
  const sample = samples.find((s) => s.direction === 'response')?.body;
  const shown = (sample?.format === 'json' || sample?.format === 'jsv') && sample.value.kind === 'object' ? sample.value : undefined;
  const marker = statedResponse(page, operation) ?? inheritedResponse(page, operation, shown);
  if (!samples.length && marker) return { ...marker, how: 'dto' };
  if (!samples.length) return captionedResponse(page, operation);
  const response = samples.find((s) => s.direction === 'response');
  if (!response) return unshownResponse(page, operation, samples[0]!.loc, bag);
  const body = response.body;
  if (!body) return { shape: { kind: 'none' }, loc: response.loc, how: 'sample' };
  if (body.format === 'xml') {
    if (body.root.localName === 'anyType') return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
    return { shape: xmlRootType(page, body.root), loc: body.loc, how: 'sample' };
  }
  if ((body.format === 'json' || body.format === 'jsv') && body.value.kind === 'object') {
    if (!body.value.members.length) return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
    if (marker?.shape.kind === 'typed') return { shape: marker.shape, loc: body.loc, how: 'dto' };
    const conventional = `${operation}Response`;
    const keys = body.value.members.map((m) => memberKey(m.key));
    const captioned = captionFitting(page, operation, keys);
    if (captioned && captioned.caption !== conventional) {
      const args = page.captionArgs.get(captioned);
      return { shape: { kind: 'typed', type: captioned.caption!, ...(args ? { args } : {}) }, loc: body.loc, how: 'caption' };
    }
    const declared = captioned ? undefined : classFitting(page, operation, body.value);
    if (declared) return { shape: declared, loc: body.loc, how: 'dto' };
    bag.info('SS057', body.loc, `the response sample does not name its type; named it '${conventional}' by ServiceStack's {Operation}Response convention`);
    return { shape: { kind: 'typed', type: conventional }, loc: body.loc, how: 'convention' };
  }
  bag.warn('SS057', body.loc, 'the response sample is neither an object nor an XML element; the response is taken as untyped');
  return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
}
