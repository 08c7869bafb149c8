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
import { hasChildren, isComment, isTag, isText } from 'domhandler';
import { findOne } from 'domutils';
import { childElements, elementLoc, hasClass, lineOf, loadHtml, oneLine, tidy, type AnyNode, type Element } from './html-shared.js';

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
  const rows = $('div.operations tr')
    .toArray()
    .filter((tr) => childElements(tr, 'th').length > 0);
  for (const tr of rows) {
    const op = readRow(file, source, tr);
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

function readRow(file: string, source: string, tr: Element): IndexOperationFragment | undefined {
  const th = childElements(tr, 'th')[0];
  if (!th) return undefined;
  const name = tidy(textWithout(th, (el) => hasClass(el, 'icons'))).replace(/\n/g, ' ');
  if (!/^[A-Za-z_][\w`]*$/.test(name)) return undefined;
  const tags = (th.attribs['data-tags'] ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const lock = findOne((el) => el.name === 'i' && hasClass(el, 'auth'), th.children);
  const links = childElements(tr, 'td').flatMap((td) => {
    const a = findOne((el) => el.name === 'a' && el.attribs.href !== undefined, td.children);
    return a ? [{ format: lineOf(a), href: a.attribs.href! }] : [];
  });
  return { name, tags, ...(lock ? { auth: authFromTitle(lock.attribs.title ?? '') } : {}), links, loc: elementLoc(file, source, tr) };
}

/** A node's text without that of the elements `skip` picks (the icons in an operation's name cell). */
function textWithout(node: AnyNode, skip: (el: Element) => boolean): string {
  if (isComment(node) || (isTag(node) && skip(node))) return '';
  if (hasChildren(node)) return node.children.map((c) => textWithout(c, skip)).join('');
  return isText(node) ? node.data : '';
}

/** `Requires Roles: Admin, Sales?. Requires Permissions: orders:delete` (`?`: any of), or `Requires Authentication`. */
export function authFromTitle(title: string): { roles: string[]; permissions: string[] } {
  const list = (pattern: RegExp) =>
    (pattern.exec(title)?.[1] ?? '')
      .split(',')
      .map((v) => v.trim().replace(/\?$/, ''))
      .filter(Boolean);
  return { roles: list(REQUIRES_ROLES), permissions: list(REQUIRES_PERMISSIONS) };
}
const requires = (label: string) => new RegExp(`Requires ${label}:(.*?)(?:\\.\\s+Requires |$)`);
const REQUIRES_ROLES = requires('Roles');
const REQUIRES_PERMISSIONS = requires('Permissions');
