/**
 * Reads a ServiceStack operation page saved as HTML (`/json|xml|jsv|csv/metadata?op=X`, with or
 * without `&lang=…`) into the same PageFragments the text readers give. The page's structure
 * (DESIGN.md §2) names every part, so nothing is guessed: captions name the tables, `th`/`td`
 * keep the columns apart. The `<pre>` blocks go to the text readers line by line, with the
 * file's own line numbers.
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                               |
 * | ----- | -------- | --------------------------------------------------------------------- |
 * | SS100 | warning  | the page has no operation name (`h2`)                                  |
 * | SS101 | warning  | a row of `table.routes` is not verbs, path, summary, notes (skipped)   |
 * | SS102 | warning  | a row of a `table.params` does not fit the columns (skipped)           |
 * | SS103 | warning  | a `table.params` / `table.enum` caption names no type                  |
 * | SS104 | warning  | a row of a `table.enum` has no member name (skipped)                   |
 * | SS097 | info     | a language tab recognised but not read (PHP, Go, Rust, Ruby, Zig): skipped, the rest of the page read |
 * | SS105 | info     | DTO source whose `language-…` class names no ServiceStack tab: not read |
 * | SS106 | warning  | `div.call-info` names no `?format=`                                    |
 * | SS108 | warning  | an authentication row that names neither roles nor permissions         |
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { EnumTableFragment, PageFragments, ParamTableFragment, SourceLine } from './fragments.js';
import { alignCells, PARAM_TABLE_HEADER } from './columns.js';
import { routeFromCells } from './routes.js';
import { readDtoTab } from './dto-tab.js';
import { sniffTabLanguage, tabByKey, type TabLang } from './tab-languages.js';
import { readHttpSamples } from './http-samples.js';
import { isTag, isText } from 'domhandler';
import { textContent, uniqueSort } from 'domutils';
import {
  childElements,
  elementLoc,
  ElementIndex,
  every,
  hasClass,
  headerCells,
  innerLines,
  insidePre,
  lineOf,
  ownRows,
  parseHtml,
  textWithBreaks,
  tidy,
  type AnyNode,
  type Element,
} from './html-shared.js';
import { pushAll } from '../arrays.js';

const PARAMS_CAPTION = /^(\S.*?)\s+Parameters:$/;
const ENUM_CAPTION = /^(\S.*?)\s+Enum:$/;

/** Context every part of the reader needs. */
interface Ctx {
  /** The page's elements by name: the lookups run on every page, without a selector engine. */
  elements: ElementIndex;
  source: string;
  page: PageFragments;
  bag: DiagnosticBag;
}

export function readHtmlPage(file: string, source: string, bag: DiagnosticBag): PageFragments {
  const page: PageFragments = { file, form: 'html', tags: [], routes: [], tables: [], enums: [], pythonClasses: [], dtoTypes: [], samples: [] };
  const ctx: Ctx = { elements: new ElementIndex(parseHtml(source)), source, page, bag };
  readHeader(ctx);
  readAuth(ctx);
  readRoutes(ctx);
  readTypeTables(ctx);
  readLanguageTab(ctx);
  readCallInfo(ctx);
  readSamples(ctx);
  return page;
}

function loc(ctx: Ctx, el: AnyNode | undefined) {
  return elementLoc(ctx.page.file, ctx.source, el);
}

/** h1 service, h2 operation, `h3#desc` description (`<br />` kept as line breaks), `div.tags` tags. */
function readHeader(ctx: Ctx): void {
  const { page, elements } = ctx;
  const at = (name: string) => {
    const el = elements.named(name)[0];
    const value = el ? lineOf(el) : '';
    return value ? { value, loc: loc(ctx, el) } : undefined;
  };
  const service = at('h1');
  const operation = at('h2');
  if (service) page.serviceName = service;
  if (operation) page.operationName = operation;
  else ctx.bag.warn('SS100', { file: page.file, line: 1 }, 'the page has no operation name (h2); the model will infer one');
  const desc = elements.withId('desc');
  if (desc) {
    const value = tidy(textWithBreaks(desc));
    if (value) page.description = { value, loc: loc(ctx, desc) };
  }
  const tagBoxes = elements.named('div').filter((e) => hasClass(e, 'tags'));
  for (const span of uniqueSort(tagBoxes.flatMap((div) => every(div, (e) => e.name === 'span')))) {
    const value = lineOf(span);
    if (value) page.tags.push({ value, loc: loc(ctx, span) });
  }
}

/** `table.authentication`: present means required; its cells pair a label ("Required roles:") with a list. */
function readAuth(ctx: Ctx): void {
  const { page } = ctx;
  const table = ctx.elements.named('table').find((e) => hasClass(e, 'authentication'));
  if (!table) return;
  const auth = { required: true, roles: [] as string[], permissions: [] as string[], loc: loc(ctx, table) };
  page.auth = auth;
  const cells = every(table, (e) => e.name === 'td');
  for (let i = 0; i + 1 < cells.length; i += 2) {
    const label = lineOf(cells[i]!);
    const values = lineOf(cells[i + 1]!)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (/role/i.test(label)) pushAll(auth.roles, values);
    else if (/permission/i.test(label)) pushAll(auth.permissions, values);
    else ctx.bag.warn('SS108', loc(ctx, cells[i]), `authentication row '${label}' names neither roles nor permissions; ignored`);
  }
}

/** `table.routes`: `th` verbs, `th` path, `td` summary, `td` notes. ServiceStack's stray extra `<tbody>` just holds no rows. */
function readRoutes(ctx: Ctx): void {
  const { page } = ctx;
  for (const tr of ownRows(ctx.elements.named('table').filter((e) => hasClass(e, 'routes')))) {
    const cells = childElements(tr, 'th', 'td').map(lineOf);
    if (!cells.length) continue;
    const route = routeFromCells(cells);
    if (route) page.routes.push({ ...route, loc: loc(ctx, tr) });
    else ctx.bag.warn('SS101', loc(ctx, tr), `cannot read route row: ${cells.join(' | ')}`);
  }
}

/** Parameter and enum tables, in page order (the order carries meaning for the model). */
function readTypeTables(ctx: Ctx): void {
  for (const table of ctx.elements.named('table').filter((e) => hasClass(e, 'params') || hasClass(e, 'enum'))) {
    if (hasClass(table, 'enum')) readEnumTable(ctx, table);
    else readParamsTable(ctx, table);
  }
}

function captionName(ctx: Ctx, table: Element, pattern: RegExp, kind: string): string | undefined {
  const caption = lineOf(childElements(table, 'caption'));
  const name = pattern.exec(caption)?.[1];
  if (!name) ctx.bag.warn('SS103', loc(ctx, table), `${kind} table caption '${caption}' names no type`);
  return name;
}

function readParamsTable(ctx: Ctx, table: Element): void {
  const caption = captionName(ctx, table, PARAMS_CAPTION, 'parameter');
  const fragment: ParamTableFragment = { ...(caption ? { caption } : {}), rows: [], loc: loc(ctx, table) };
  ctx.page.tables.push(fragment);
  // Columns by their header, so that a page with reordered or extra columns still reads right.
  const header = headerCells(table).map((th) => lineOf(th));
  const index = PARAM_TABLE_HEADER.map((name, i) => (header.length ? header.indexOf(name) : i));
  for (const tr of ownRows([table])) {
    const cells = childElements(tr, 'td');
    if (!cells.length) continue; // the header row
    const texts = index.map((i, column) => {
      const c = i >= 0 ? cells[i] : undefined;
      return c ? (column === 4 ? descriptionText(c) : lineOf(c)) : '';
    });
    const columns = alignCells(texts);
    if (columns) fragment.rows.push({ ...columns, loc: loc(ctx, tr) });
    else ctx.bag.warn('SS102', loc(ctx, tr), `parameter row does not fit Name, Parameter, Data Type, Required, Description: ${texts.slice(0, 4).join(' | ')}`);
  }
}

/** `table.enum`: Name, Value, Description columns under a header when the enum has values, else Name, Description (no header). */
function readEnumTable(ctx: Ctx, table: Element): void {
  const name = captionName(ctx, table, ENUM_CAPTION, 'enum');
  const fragment: EnumTableFragment = { ...(name ? { name } : {}), members: [], loc: loc(ctx, table) };
  ctx.page.enums.push(fragment);
  const hasValues = headerCells(table).some((th) => lineOf(th) === 'Value');
  for (const tr of ownRows([table])) {
    const cells = childElements(tr, 'td').map((td) => lineOf(td));
    if (!cells.length) continue;
    const [member, value] = cells;
    if (!member || !/^[A-Za-z_]\w*$/.test(member)) {
      ctx.bag.warn('SS104', loc(ctx, tr), `enum row has no member name: ${cells.join(' | ')}`);
      continue;
    }
    const description = cells[hasValues ? 2 : 1];
    fragment.members.push({ name: member, ...(hasValues && value ? { value } : {}), ...(description ? { description } : {}), loc: loc(ctx, tr) });
  }
}

/**
 * A Description cell as text. ServiceStack appends "Allowable Values" (an `h4` and a `ul`) and
 * "Valid Range: min - max" (an `h4`) to the description; they are kept, readable on one line.
 */
function descriptionText(cell: Element): string {
  const parts: string[] = [];
  for (const node of cell.children) {
    const name = isTag(node) ? node.name : '';
    if (isText(node)) parts.push(node.data);
    else if (node.nodeType !== 1)
      continue; // a comment or CDATA
    else if (name === 'br') parts.push('\n');
    else if (name === 'ul' || name === 'ol')
      parts.push(
        ` ${childElements(node, 'li')
          .map((li) => lineOf(li))
          .join(', ')}`,
      );
    else if (name === 'h4') {
      const heading = lineOf(node);
      parts.push(` ${heading}${/[:\d]$/.test(heading) ? '' : ':'}`);
    } else parts.push(` ${textContent(node)}`);
  }
  return tidy(parts.join('')).replace(/\n/g, ' ');
}

/**
 * `?lang=…`: the DTO source in `<pre><code class="language-…">`, read by that language's reader
 * (dto-tab.ts) with the file's line numbers. The language is the code's class (or `lang`
 * attribute), else the page's active nav link's `lang=`, else its syntax. A class naming no
 * ServiceStack tab is noted (SS105) and not read.
 */
function readLanguageTab(ctx: Ctx): void {
  // Outermost blocks only: an unclosed one holds those after it, whose lines it already gives.
  const tabs = ctx.elements.named('code').filter((e) => /language-/.test(e.attribs.class ?? '') && isPre(e.parent) && !insidePre(e.parent as Element));
  for (const code of tabs) {
    const written = /language-([\w#.+-]+)/.exec(code.attribs.class ?? '')?.[1] ?? code.attribs.lang ?? '';
    const lines = () => innerLines(ctx.source, code);
    const lang = tabByKey(written) ?? activeTab(ctx) ?? sniffTabLanguage(lines().map((l) => l.text));
    if (lang) readDtoTab(ctx.page, lang, lines, ctx.bag, loc(ctx, code));
    else
      ctx.bag.info(
        'SS105',
        loc(ctx, code),
        `the ${written} DTO source is not read (no ServiceStack tab is in that language); save the '&lang=csharp' page for the DTO facts`,
      );
  }
}

/** The tab the page's nav marks active (`<a class="active" href="?op=X&lang=kotlin">`). */
function activeTab(ctx: Ctx): TabLang | undefined {
  const active = ctx.elements.named('a').find((a) => hasClass(a, 'active') && /[?&](amp;)?lang=/.test(a.attribs.href ?? ''));
  const key = active && /[?&](?:amp;)?lang=(\w+)/.exec(active.attribs.href!)?.[1];
  return key ? tabByKey(key) : undefined;
}

function isPre(node: AnyNode | null): boolean {
  return node !== null && isTag(node) && node.name === 'pre';
}

function readCallInfo(ctx: Ctx): void {
  const info = ctx.elements.named('div').find((e) => hasClass(e, 'call-info'));
  if (!info) return;
  // Each `<p>` on its own, so that the next sentence does not run into the format name.
  const texts = every(info, (e) => e.name === 'p').map((p) => lineOf(p));
  const format = texts.map((t) => /\?format=(\w+)/.exec(t)).find(Boolean) ?? /\?format=(\w+)/.exec(lineOf(info));
  if (format) ctx.page.formatHint = { value: format[1]!, loc: loc(ctx, info) };
  else ctx.bag.warn('SS106', loc(ctx, info), 'content-type note names no ?format=');
}

/**
 * `div.example`: the request and response `<pre>` blocks, read as the sample section of a text page,
 * in the format its heading names (`HTTP + JSV`), else the call info's `?format=`.
 */
function readSamples(ctx: Ctx): void {
  const example = ctx.elements.named('div').find((e) => hasClass(e, 'example'));
  if (!example) return;
  const label = /^HTTP \+ (\w+)$/.exec(lineOf(childElements(example, 'h3').slice(0, 1)).trim());
  const format = label?.[1] ?? ctx.page.formatHint?.value;
  // Outermost `<pre>`s only: an unclosed one holds those after it, whose lines it already gives.
  const pres = every(example, (e) => e.name === 'pre' && !insidePre(e));
  const lines: SourceLine[] = pres.flatMap((pre) => innerLines(ctx.source, pre));
  if (lines.some((l) => l.text.trim())) ctx.page.samples = readHttpSamples(ctx.page.file, lines, ctx.bag, format);
}
