/**
 * Reads ServiceStack's `/metadata` index page: one row per operation, its `th` holding the
 * tags (`data-tags`), the lock icon (`i.auth`, roles and permissions in its title) and the name,
 * then one `td` per format with a link to that format's page (a bare name when hidden).
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                        |
 * | ----- | -------- | -------------------------------------------------------------- |
 * | SS120 | warning  | the index lists no operation                                    |
 * | SS121 | warning  | an operations row has no operation name (skipped)              |
 * | SS122 | warning  | an operation is listed twice (the first row is kept)            |
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { IndexFragments, IndexOperationFragment } from './fragments.js';
import { elementLoc, loadHtml, oneLine, type CheerioAPI, type Element } from './html-shared.js';

/** True for the index page: ServiceStack wraps it in `div.operations` (an operation page uses `div.operation`). */
export function isIndexHtml(text: string): boolean {
  return /<div\s+class=["']operations["']/i.test(text);
}

export function readHtmlIndex(file: string, source: string, bag: DiagnosticBag): IndexFragments {
  const $ = loadHtml(source);
  const index: IndexFragments = { file, operations: [] };
  const h1 = $('h1').first();
  const service = oneLine(h1);
  if (service) index.serviceName = { value: service, loc: elementLoc(file, source, h1.get(0)) };
  const seen = new Set<string>();
  // The operations table is the one whose row headers carry `data-tags` (older hosts: the first table).
  const rows = $('div.operations tr').filter((_, tr) => $(tr).children('th').length > 0).toArray();
  for (const tr of rows) {
    const op = readRow($, file, source, tr);
    if (!op) {
      bag.warn('SS121', elementLoc(file, source, tr), `operations row has no operation name: ${oneLine($(tr))}`);
      continue;
    }
    if (seen.has(op.name)) {
      bag.warn('SS122', op.loc, `operation '${op.name}' is listed twice; the first row is kept`);
      continue;
    }
    seen.add(op.name);
    index.operations.push(op);
  }
  if (!index.operations.length) bag.warn('SS120', { file, line: 1 }, 'the index page lists no operation');
  return index;
}

function readRow($: CheerioAPI, file: string, source: string, tr: Element): IndexOperationFragment | undefined {
  const th = $(tr).children('th').first();
  const name = oneLine(th.clone().find('.icons').remove().end());
  if (!/^[A-Za-z_][\w`]*$/.test(name)) return undefined;
  const tags = (th.attr('data-tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const lock = th.find('i.auth');
  const links = $(tr)
    .children('td')
    .toArray()
    .flatMap((td) => {
      const a = $(td).find('a[href]').first();
      return a.length ? [{ format: oneLine(a), href: a.attr('href')! }] : [];
    });
  return { name, tags, ...(lock.length ? { auth: authFromTitle(lock.attr('title') ?? '') } : {}), links, loc: elementLoc(file, source, tr) };
}

/** `Requires Roles: Admin, Sales?. Requires Permissions: orders:delete` (`?`: any of), or `Requires Authentication`. */
export function authFromTitle(title: string): { roles: string[]; permissions: string[] } {
  const list = (label: string) => {
    const m = new RegExp(`Requires ${label}:(.*?)(?:\\.\\s+Requires |$)`).exec(title);
    return (m?.[1] ?? '').split(',').map((v) => v.trim().replace(/\?$/, '')).filter(Boolean);
  };
  return { roles: list('Roles'), permissions: list('Permissions') };
}
