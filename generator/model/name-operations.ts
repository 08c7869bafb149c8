/**
 * Pass "name operations": which operation each page describes, and its response. A page names
 * its operation in its heading, its XML request sample, its sample request line
 * (`/{format}/reply/{Op}`) or its DTO source (the class nothing else uses); a page that does not
 * (a pipe dump) is matched by its route to a page that does, then named after its XML response
 * sample's root by the `{Op}Response` convention, its route's summary or path, and only last its
 * file name (SS050, saying which). Its response: page-response.ts; `/types/metadata` states both
 * (lower-metadata.ts).
 */
import { DiagnosticBag, type SourceLocation } from '../diagnostics.js';
import type { ModelPage } from './model-page.js';
import { pascalCaseWords } from './naming.js';
import { responseShape, type NameSource, type PageResponse } from './page-response.js';

export type { NameSource };

export interface PageOperation {
  page: ModelPage;
  operation: string;
  operationFrom: 'heading' | 'sample' | 'request line' | 'dto' | 'route' | 'response sample' | 'summary' | 'path' | 'file';
  /** undefined when the page shows no samples at all. */
  response?: PageResponse;
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
