/**
 * Pass "name operations": which operation each page describes, and its response. A page names
 * its operation in its heading, its XML request sample or its DTO source (the class nothing else
 * uses); a page that does not (a pipe dump) is matched by its route to a page that does, and only
 * then named after its route's summary or path (SS050). The response comes from what the source
 * states (`IReturn<T>`) or from the response sample; `/types/metadata` states both (lower-metadata.ts).
 */
import { DiagnosticBag, type SourceLocation } from '../diagnostics.js';
import type { ParamTableFragment } from '../read/fragments.js';
import type { ResponseShape } from './api-model.js';
import type { ModelPage } from './model-page.js';
import { fit, FITS, rowKeys } from './catalog.js';
import { memberKey, pascalCaseWords } from './naming.js';

/** Where a table's or a response's name comes from. `dto`: a DTO source class (Python, C#, TypeScript) says so. */
export type NameSource = 'caption' | 'dto' | 'sample' | 'convention' | 'catalog' | 'position' | 'fallback';

export interface PageOperation {
  page: ModelPage;
  operation: string;
  operationFrom: 'heading' | 'sample' | 'dto' | 'route' | 'summary' | 'path';
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
    if (named.operationFrom === 'heading' || named.operationFrom === 'sample' || named.operationFrom === 'dto')
      for (const r of page.fragments.routes) routeNames.set(routeKey(r.verbs, r.path), named.operation);
  }
  return pages.map((page) => {
    const named = operationName(page, routeNames, bag);
    const response = responseShape(page, named.operation, bag);
    return { page, ...named, ...(response ? { response } : {}) };
  });
}

type Named = Pick<PageOperation, 'operation' | 'operationFrom'>;

function operationName(page: ModelPage, routeNames: RouteNames, bag: DiagnosticBag): Named {
  return statedName(page, bag) ?? requestClass(page) ?? knownRoute(page, routeNames) ?? nameAfterRoute(page, bag);
}

/** The heading, or the root of the XML request sample; they must agree (SS051). */
function statedName({ fragments: page }: ModelPage, bag: DiagnosticBag): Named | undefined {
  const request = page.samples.find((s) => s.direction === 'request');
  const stated: { name: string; from: PageOperation['operationFrom']; loc: SourceLocation }[] = [];
  if (page.operationName) stated.push({ name: page.operationName.value, from: 'heading', loc: page.operationName.loc });
  if (request?.body?.format === 'xml') stated.push({ name: request.body.root.localName, from: 'sample', loc: request.body.loc });
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
  for (const route of page.fragments.routes) {
    const known = routeNames.get(routeKey(route.verbs, route.path));
    if (known) return { operation: known, operationFrom: 'route' };
  }
  return undefined;
}

function nameAfterRoute({ fragments: page }: ModelPage, bag: DiagnosticBag): Named {
  const route = page.routes[0];
  const fromSummary = route?.summary ? pascalCaseWords(route.summary) : undefined;
  const loc = route?.loc ?? { file: page.file, line: 1 };
  if (fromSummary) {
    bag.warn(
      'SS050',
      loc,
      `the page does not name its operation; named it '${fromSummary}' after the route summary '${route!.summary}' (rename it in codegen.config.json if that is wrong)`,
    );
    return { operation: fromSummary, operationFrom: 'summary' };
  }
  const fromPath = pascalCaseWords(`${route?.verbs[0] ?? 'call'} ${route?.path.replace(/\{[^}]*\}/g, '') ?? page.file}`) ?? 'Operation';
  bag.warn('SS050', loc, `the page does not name its operation; named it '${fromPath}' after its route`);
  return { operation: fromPath, operationFrom: 'path' };
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

/** The request DTO's `IReturn<T>` names the response outright; a page shows it otherwise only in its samples. */
function responseShape(page: ModelPage, operation: string, bag: DiagnosticBag): PageOperation['response'] {
  const { samples } = page.fragments;
  const marker = page.declared.find((c) => c.name === operation && c.response)?.response;
  if (!samples.length && marker) return { ...marker, how: 'dto' };
  if (!samples.length) return captionedResponse(page, operation);
  const response = samples.find((s) => s.direction === 'response');
  if (!response) return { shape: { kind: 'none' }, loc: samples[0]!.loc, how: 'sample' };
  const body = response.body;
  if (!body) return { shape: { kind: 'none' }, loc: response.loc, how: 'sample' };
  if (body.format === 'xml') {
    if (body.root.localName === 'anyType') return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
    return { shape: { kind: 'typed', type: body.root.localName }, loc: body.loc, how: 'sample' };
  }
  if ((body.format === 'json' || body.format === 'jsv') && body.value.kind === 'object') {
    if (!body.value.members.length) return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
    if (marker?.shape.kind === 'typed') return { shape: marker.shape, loc: body.loc, how: 'dto' };
    const conventional = `${operation}Response`;
    const captioned = captionFitting(
      page,
      operation,
      body.value.members.map((m) => memberKey(m.key)),
    );
    if (captioned && captioned.caption !== conventional) {
      const args = page.captionArgs.get(captioned);
      return { shape: { kind: 'typed', type: captioned.caption!, ...(args ? { args } : {}) }, loc: body.loc, how: 'caption' };
    }
    bag.info('SS057', body.loc, `the response sample does not name its type; named it '${conventional}' by ServiceStack's {Operation}Response convention`);
    return { shape: { kind: 'typed', type: conventional }, loc: body.loc, how: 'convention' };
  }
  bag.warn('SS057', body.loc, 'the response sample is neither an object nor an XML element; the response is taken as untyped');
  return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
}
