/**
 * The text a person gets by copying an operation page, in the three shapes the seeds (input/)
 * and saved copies of public ServiceStack pages show:
 *
 * - **pipe** (seed 000 with a leading `|`, seed 002 without): only tables, the call info and the
 *   samples survive; headings, captions and the "Requires Authentication" caption are lost. A
 *   cell is ` text |`, an empty cell ` |`, an empty italic cell (a route's notes) `|`. A table
 *   without a header row gets a separator after its first row when that row holds `th` cells (the
 *   routes: `|---|` for one route, four columns for more). The last row of a table loses its
 *   trailing empty cells (`| Value3 |`, `| Value123 | 7 |`); a route row that lost some keeps a
 *   space after its last `|` in the leading form. Sample bodies lose their indentation and blank
 *   lines, and the response is squashed onto one line.
 * - **squashed** (seeds 001/003): the page's text with each table row's cells run together
 *   (`POST/customer/{brand}/export…`, `NameParameterData TypeRequiredDescription`, `Value1237`),
 *   captions kept, samples as in the `<pre>` blocks.
 * - **tab** (seed 001's Python section, on a page of today's ServiceStack): the squashed page
 *   with the tabs' nav (a link a line) and a language's DTO source where the tables were, followed
 *   by its "Kotlin Hello DTOs" link.
 */
import type { TableView } from './metadata.js';
import { CONTENT_TYPES, type PageView } from './page.js';

interface Cell {
  text: string;
  italic?: boolean;
}

interface PipeTable {
  header?: string[];
  rows: Cell[][];
  /** Rows with `th` cells and no header: a separator after the first row. */
  routes?: boolean;
}

const INTRO = 'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.';
const callInfo = (p: PageView) => [
  `To override the Content-type in your clients, use the HTTP Accept Header, append the .${p.format} suffix or ?format=${p.format}`,
  ...(p.format === 'json' ? ['To embed the response in a jsonp callback, append ?callback=myCallback'] : []),
];

export function pipePage(p: PageView, leading: boolean): string {
  const tables: PipeTable[] = [];
  if (p.auth?.length) tables.push({ rows: [p.auth.map((text) => ({ text }))], routes: true });
  if (p.routes.length)
    tables.push({ rows: p.routes.map((r) => [{ text: r.verbs }, { text: r.path }, { text: r.summary }, { text: r.notes, italic: true }]), routes: true });
  tables.push(...p.tables.map(pipeTable));
  const lines = tables.flatMap((t) => writePipeTable(t, leading));
  const response =
    p.response === undefined ? [] : [`HTTP/1.1 200 OK Content-Type: ${CONTENT_TYPES[p.format]} Content-Length: length ${bodyLines(p.response).join(' ')}`];
  const body = p.request.body === undefined ? [] : bodyLines(p.request.body);
  return [...lines, ...callInfo(p), INTRO, p.request.line, ...p.request.headers, ...body, ...response].join('\n');
}

function pipeTable(t: TableView): PipeTable {
  if (t.kind === 'params') {
    const header = ['Name', 'Parameter', 'Data Type', 'Required', 'Description'];
    return { header, rows: t.rows.map((r) => [r.name, r.parameter, r.dataType, r.required, r.description].map((text) => ({ text }))) };
  }
  const rows = t.rows.map((r) => (t.hasValues ? [r.name, r.value, r.description] : [r.name, r.description]).map((text) => ({ text })));
  return t.hasValues ? { header: ['Name', 'Value', ''], rows } : { rows };
}

function writePipeTable(t: PipeTable, leading: boolean): string[] {
  const lines: string[] = [];
  const separator = (n: number) => `${leading ? '|' : ''}${'---|'.repeat(n)}`;
  if (t.header)
    lines.push(
      pipeRow(
        t.header.map((text) => ({ text })),
        leading,
      ),
      separator(t.header.length),
    );
  t.rows.forEach((cells, i) => {
    const last = i === t.rows.length - 1;
    const kept = last ? trimTrailingEmpty(cells) : cells;
    const trailing = last && t.routes && leading && kept.length < cells.length ? ' ' : '';
    lines.push(pipeRow(kept, leading) + trailing);
    if (i === 0 && t.routes) lines.push(separator(t.rows.length > 1 ? cells.length : 1));
  });
  return lines;
}

function pipeRow(cells: Cell[], leading: boolean): string {
  return cells
    .map((c, i) => {
      if (c.text) return `${i === 0 && !leading ? '' : ' '}${c.text} |`;
      return c.italic ? '|' : ' |';
    })
    .join('')
    .replace(/^/, leading ? '|' : '');
}

function trimTrailingEmpty(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 1 && !cells[end - 1]!.text) end--;
  return cells.slice(0, end);
}

/** A `<pre>` body copied by a pipe dump: no indentation, no blank lines. */
function bodyLines(body: string): string[] {
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export function squashedPage(p: PageView): string {
  const lines = [p.service, '', '<back to all web services', '', p.operation, ''];
  if (p.auth) lines.push('Requires Authentication', ...(p.auth.length ? [p.auth.join('')] : []));
  if (p.routes.length) {
    lines.push('The following routes are available for this service:');
    lines.push(...p.routes.map((r) => `${r.verbs}${r.path}${r.summary}${r.notes}`));
  }
  if (p.tab) lines.push('Metadata', ...TAB_LABELS, ...p.tab.source.split('\n'), `${p.tab.label} ${p.operation} DTOs`);
  else for (const t of p.tables) lines.push(...squashedTable(t));
  return [...lines, ...sampleSection(p)].join('\n');
}

const TAB_LABELS = ['C#', 'JavaScript', 'TypeScript', 'Dart', 'Java', 'Kotlin', 'Python', 'PHP', 'Swift', 'VB.NET', 'F#', 'Go', 'Rust', 'Ruby', 'Zig'];

function sampleSection(p: PageView): string[] {
  const lines: string[] = [];
  lines.push('', ...callInfo(p).flatMap((l) => [l, '']), `HTTP + ${p.format.toUpperCase()}`, '', INTRO, '');
  const [host, accept, ...rest] = p.request.headers;
  lines.push(`${p.request.line} `, `${host} `, accept!);
  if (p.request.body !== undefined) lines.push(...rest, '', ...p.request.body.split('\n'));
  if (p.response !== undefined)
    lines.push('HTTP/1.1 200 OK', `Content-Type: ${CONTENT_TYPES[p.format]}`, 'Content-Length: length', '', ...p.response.split('\n'));
  return lines;
}

function squashedTable(t: TableView): string[] {
  if (t.kind === 'params')
    return [
      `${t.caption} Parameters:`,
      'NameParameterData TypeRequiredDescription',
      ...t.rows.map((r) => `${r.name}${r.parameter}${r.dataType}${r.required}${r.description}`),
    ];
  const rows = t.rows.map((r) => `${r.name}${t.hasValues ? r.value : ''}${r.description}`);
  return [`${t.caption} Enum:`, ...(t.hasValues ? ['NameValue'] : []), ...rows];
}
