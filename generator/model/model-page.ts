/**
 * Pass "lower DTO sources": each page with its DTO classes (Python, C#, TypeScript) in the one
 * shape the later passes read (declared.ts), and its tables captioned as a generic type's use
 * named by the generic type (generic-captions.ts); and the routes it gives its operation (request-line.ts).
 * Done once per page, here; no pass converts them again.
 */
import type { PageFragments, ParamTableFragment, RouteFragment } from '../read/fragments.js';
import type { TypeRef } from './api-model.js';
import { declaredClasses, type DeclaredClass } from './declared.js';
import { splitGenericCaptions } from './generic-captions.js';
import { pageRoutes, requestLineOf, type RequestLine } from './request-line.js';

export interface ModelPage {
  fragments: PageFragments;
  declared: readonly DeclaredClass[];
  /** The type arguments of tables captioned `X<A>` (now captioned `X`), by table. */
  captionArgs: ReadonlyMap<ParamTableFragment, TypeRef[]>;
  /** The sample request line, read. */
  requestLine?: RequestLine;
  /** The routes the page states, else the one its sample request line shows (`routesFromRequestLine`). */
  routes: RouteFragment[];
  routesFromRequestLine: boolean;
}

export function lowerPages(pages: readonly PageFragments[]): ModelPage[] {
  return pages.map((page) => {
    const { fragments, captionArgs } = splitGenericCaptions(page);
    const declared = declaredClasses(fragments);
    const requestLine = requestLineOf(fragments);
    const { routes, fromRequestLine } = pageRoutes(fragments, declared, requestLine);
    return { fragments, declared, captionArgs, ...(requestLine ? { requestLine } : {}), routes, routesFromRequestLine: fromRequestLine };
  });
}
