/**
 * What a page's sample request line says of its operation. ServiceStack's metadata page
 * (Metadata/OperationControl.cs, `RequestUri`) writes the path of the operation's first route
 * that accepts POST (else its first route), with the verb the routes allow; an operation without
 * routes gets the predefined `/{format}/reply/{Op}`, or `/{format}/oneway/{Op}` when it has no
 * response type. So the line names the operation, tells a one-way one, or shows a user route.
 */
import type { SourceLocation } from '../diagnostics.js';
import type { PageFragments, RouteFragment } from '../read/fragments.js';
import type { DeclaredClass } from './declared.js';

export type RequestLine =
  /** `POST /json/reply/Hello`: ServiceStack's predefined route, never a user route. */
  | { kind: 'predefined'; operation: string; oneWay: boolean; loc: SourceLocation }
  /** `GET /persons/{Id}`: a route of the operation, with the verb the sample uses. */
  | { kind: 'route'; route: RouteFragment };

/** `/{format}/reply|oneway/{Op}`, after any handler path (`/api`), before any query string. */
const PREDEFINED = /^(?:\/[^/?#]+)*?\/[a-z][\w-]*\/(reply|oneway)\/([A-Za-z_]\w*)\/?(?:[?#].*)?$/;

/** The page's sample request line, read; undefined when the page shows no request. */
export function requestLineOf(page: PageFragments): RequestLine | undefined {
  const request = page.samples.find((s) => s.direction === 'request');
  if (!request?.verb || !request.path?.startsWith('/')) return undefined;
  const predefined = PREDEFINED.exec(request.path);
  if (predefined) return { kind: 'predefined', operation: predefined[2]!, oneWay: predefined[1] === 'oneway', loc: request.loc };
  return { kind: 'route', route: { verbs: [request.verb], path: request.path.replace(/[?#].*$/, ''), loc: request.loc } };
}

/**
 * The routes a page gives its operation: those it states (its routes table, its DTO classes'
 * `Route` attributes), else the one its sample request line shows. A stated list always wins:
 * pages of ServiceStack v3 show `POST /jsv/reply/Op` even for a GET route.
 */
export function pageRoutes(
  page: PageFragments,
  declared: readonly DeclaredClass[],
  line: RequestLine | undefined,
): { routes: RouteFragment[]; fromRequestLine: boolean } {
  if (page.routes.length || declared.some((c) => c.routes.length)) return { routes: page.routes, fromRequestLine: false };
  return line?.kind === 'route' ? { routes: [line.route], fromRequestLine: true } : { routes: page.routes, fromRequestLine: false };
}
