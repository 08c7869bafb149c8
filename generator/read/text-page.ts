/**
 * Reads a text dump of a ServiceStack operation page: pipe tables (with or without a
 * leading `|`) or squashed text, plus the DTO source section of a language tab (its language
 * named by the "Kotlin X DTOs" line under it, else told by its syntax: tab-languages.ts) and HTTP
 * samples; the tabs' nav line(s) ("Metadata C# JavaScript …") are skipped.
 * Pipe dumps lose captions: an enum table there is known by its header (`| Name | Value | |`) or,
 * having none, by rows that fit no parameter table (enum-rows.ts); the model names it.
 * The page is first cut into sections by the lines ServiceStack always prints; the
 * DTO source and samples are read before the tables, because their names settle
 * squashed rows that split more than one way.
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { PageFragments, ParamTableFragment, SourceLine, EnumTableFragment, JsonNode, XmlElement } from './fragments.js';
import { enumHeader, enumRow, type EnumRow } from './enum-rows.js';
import { splitSquashedEnumRows } from './squashed-enum-rows.js';
import { alignCells, chooseSplit, PARAM_TABLE_HEADER, squashedRowSplits, type KnownNames, type RowColumns } from './columns.js';
import { routeFromCells, splitSquashedRoute } from './routes.js';
import { pythonNameToCamel } from './python-dtos.js';
import { readDtoTab } from './dto-tab.js';
import { isTabNav, sniffTabLanguage, tabOfDtoLink, tabStart, type TabLang } from './tab-languages.js';
import { readHttpSamples } from './http-samples.js';
import { splitLines } from './lines.js';
import { pushAll } from '../arrays.js';

const SAMPLES_INTRO = /^The following are sample HTTP requests and responses/;
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S* HTTP\/\d/;
const CALL_INFO = /^To override the Content-type in your clients/;
const ROUTES_INTRO = /^The following routes are available for this service:?$/;
const BACK_LINK = /^<\s*back to all web services$/i;
const AUTH = /^Requires Authentication$/;
const AUTH_DETAIL = /^Required (roles?|permissions?)\s*:/i;
const AUTH_LABEL = /Required (roles?|permissions?)\s*:\s*/gi;
const FORMAT_LABEL = /^HTTP \+ \w+$/;
/** The JSON page's second call-info line: boilerplate. */
const JSONP_NOTE = /^To embed the response in a jsonp callback, append \?callback=/;
const PARAMS_CAPTION = /^(\S.*?) Parameters:$/;
const ENUM_CAPTION = /^(\S.*?) Enum:$/;
const SQUASHED_HEADER = 'NameParameterData TypeRequiredDescription';
const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Cells of a pipe row; `undefined` when the line is not one. */
export function pipeCells(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.includes('|') || (!t.startsWith('|') && !t.endsWith('|') && !t.includes(' | '))) return undefined;
  const cells = t.split('|').map((c) => c.trim());
  if (t.startsWith('|')) cells.shift();
  if (t.endsWith('|')) cells.pop();
  return cells;
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

export function isPipeDump(lines: readonly string[]): boolean {
  return lines.some((l) => {
    if (!l.includes('Data Type')) return false; // (a header row has that cell; most lines are no header)
    const cells = pipeCells(l);
    return cells !== undefined && sameCells(cells, PARAM_TABLE_HEADER);
  });
}

interface Sections {
  header: SourceLine[];
  routes: SourceLine[];
  body: SourceLine[];
  /**
   * DTO source sections: the language their link names ("Kotlin Hello DTOs"), and the one their
   * first line suggests, for a dump that lost the link.
   */
  dtos: { link?: TabLang; start?: TabLang; lines: SourceLine[] }[];
  samples: SourceLine[];
}

function cutSections(lines: SourceLine[], page: PageFragments, bag: DiagnosticBag): Sections {
  const s: Sections = { header: [], routes: [], body: [], dtos: [], samples: [] };
  let mode: 'header' | 'routes' | 'body' | 'dto' = 'header';
  let at = 0;
  const neighbour = (offset: -1 | 1) => lines[at + offset]?.text.trim();
  for (let i = 0; i < lines.length; i++) {
    at = i;
    const line = lines[i]!;
    const text = line.text.trim();
    const loc = { file: page.file, line: line.line };
    if (SAMPLES_INTRO.test(text) || REQUEST_LINE.test(text)) {
      s.samples = lines.slice(SAMPLES_INTRO.test(text) ? i + 1 : i);
      break;
    }
    if (mode === 'dto') {
      const link = tabOfDtoLink(text);
      if (link) {
        s.dtos.at(-1)!.link = link;
        mode = 'body';
        continue;
      }
      // A dump that lost the link line: the content-type note is no source.
      if (!CALL_INFO.test(text)) {
        s.dtos.at(-1)!.lines.push(line);
        continue;
      }
      mode = 'body';
    }
    if (readPageLine(text, loc, page, bag) || isTabNav(text, neighbour)) continue;
    if (ROUTES_INTRO.test(text)) {
      mode = 'routes';
      continue;
    }
    const dto = tabStart(text);
    if (dto) {
      mode = 'dto';
      s.dtos.push({ ...(dto === 'options' ? {} : { start: dto }), lines: [line] });
      continue;
    }
    const cells = pipeCells(text);
    const startsTable = PARAMS_CAPTION.test(text) || ENUM_CAPTION.test(text) || text === SQUASHED_HEADER || (cells && sameCells(cells, PARAM_TABLE_HEADER));
    if (startsTable) mode = 'body';
    if (mode === 'header' && cells && routeFromCells(cells)) mode = 'routes';
    s[mode].push(line);
  }
  return s;
}

/** A line that says something of the whole page (content-type note, format label, authentication): read, and true. */
function readPageLine(text: string, loc: SourceLocation, page: PageFragments, bag: DiagnosticBag): boolean {
  if (CALL_INFO.test(text)) {
    const format = /\?format=(\w+)/.exec(text);
    if (format) page.formatHint = { value: format[1]!, loc };
    else bag.warn('SS020', loc, 'content-type line names no ?format=');
    return true;
  }
  if (FORMAT_LABEL.test(text) || JSONP_NOTE.test(text)) return true;
  if (AUTH.test(text)) {
    page.auth = { required: true, roles: [], permissions: [], loc };
    return true;
  }
  return readAuthDetail(text, loc, page);
}

/**
 * The authentication table's row: `Required role: Employee`, squashed (`Required role:EmployeeRequired
 * permission:ThePermission`) or as a pipe dump keeps it (`| Required role: | Employee | Required
 * permission: | ThePermission |`), whose caption "Requires Authentication" may be lost: roles and
 * permissions are only checked for an authenticated caller, so the row says that too.
 */
function readAuthDetail(text: string, loc: SourceLocation, page: PageFragments): boolean {
  if (!/^\|?\s*Required /i.test(text)) return false; // every line of a page comes here: most at once
  const cells = pipeCells(text);
  const detail = cells ? cells.filter(Boolean).join(' ') : text;
  if (!AUTH_DETAIL.test(detail)) return false;
  page.auth ??= { required: true, roles: [], permissions: [], loc };
  const labels = [...detail.matchAll(AUTH_LABEL)];
  labels.forEach((label, i) => {
    const values = detail
      .slice(label.index + label[0].length, labels[i + 1]?.index ?? detail.length)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    pushAll(label[1]!.toLowerCase().startsWith('role') ? page.auth!.roles : page.auth!.permissions, values);
  });
  return true;
}

function readHeader(lines: SourceLine[], page: PageFragments, bag: DiagnosticBag): void {
  const nonEmpty = lines.filter((l) => l.text.trim());
  const back = nonEmpty.findIndex((l) => BACK_LINK.test(l.text.trim()));
  const at = (l: SourceLine) => ({ value: l.text.trim(), loc: { file: page.file, line: l.line } });
  if (back >= 0) {
    const service = nonEmpty[back - 1];
    const op = nonEmpty[back + 1];
    if (service) page.serviceName = at(service);
    if (op && /^[A-Za-z_][A-Za-z0-9_]*$/.test(op.text.trim())) page.operationName = at(op);
    const rest = nonEmpty.slice(back + (page.operationName ? 2 : 1));
    if (rest.length) page.description = { value: rest.map((l) => l.text.trim()).join('\n'), loc: at(rest[0]!).loc };
    for (const l of nonEmpty.slice(0, Math.max(0, back - 1))) bag.info('SS019', at(l).loc, `line not understood, ignored: ${clip(l.text)}`);
    return;
  }
  for (const l of nonEmpty) bag.info('SS019', at(l).loc, `line not understood, ignored: ${clip(l.text)}`);
}

function clip(text: string): string {
  const t = text.trim();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

function readRoutes(lines: SourceLine[], knownPaths: string[], page: PageFragments, bag: DiagnosticBag): void {
  for (const line of lines) {
    const text = line.text.trim();
    const loc = { file: page.file, line: line.line };
    if (!text || SEPARATOR.test(text)) continue;
    const cells = pipeCells(text);
    const route = cells ? routeFromCells(cells) : splitSquashedRoute(text, knownPaths);
    if (!route) {
      bag.warn('SS014', loc, `cannot read route: ${clip(text)}`);
      continue;
    }
    if (route.guess) bag.warn('SS015', loc, `squashed route split by guess (${route.guess}); no sample on the page shows the path`);
    const { guess: _guess, ...fact } = route;
    page.routes.push({ ...fact, loc });
  }
}

/** Field and type names from the page's samples and Python DTOs. */
function collectKnownNames(page: PageFragments): KnownNames {
  const typeNames = new Set<string>(page.pythonClasses.map((c) => c.name));
  const fieldNames = new Set<string>();
  for (const c of page.pythonClasses) for (const f of c.fields) fieldNames.add(pythonNameToCamel(f.name).toLowerCase());
  for (const t of page.dtoTypes) {
    typeNames.add(t.name);
    for (const m of t.members) fieldNames.add(m.name.toLowerCase());
  }
  const visitXml = (e: XmlElement) => {
    (/^[A-Z]/.test(e.localName) ? typeNames : fieldNames).add(/^[A-Z]/.test(e.localName) ? e.localName : e.localName.toLowerCase());
    fieldNames.add(e.localName.toLowerCase());
    e.children.forEach(visitXml);
  };
  const visitJson = (n: JsonNode) => {
    if (n.kind === 'object')
      for (const m of n.members) {
        fieldNames.add(m.key.toLowerCase());
        visitJson(m.value);
      }
    if (n.kind === 'array') n.items.forEach(visitJson);
  };
  for (const s of page.samples) {
    if (s.body?.format === 'xml') visitXml(s.body.root);
    if (s.body?.format === 'json' || s.body?.format === 'jsv') visitJson(s.body.value);
  }
  for (const t of page.tables) if (t.caption) typeNames.add(t.caption);
  return { typeNames, fieldNames };
}

/** An enum table being read: whether a header named its Value column, and whether only its rows told it (no caption, no header). */
interface OpenEnum {
  fragment: EnumTableFragment;
  valued: boolean;
  inferred: boolean;
  /** A squashed dump's valued table: its rows, split together when the page is read (squashed-enum-rows.ts). */
  squashedRows?: SourceLine[];
}

/** Where the table reader stands in the body of a page. */
interface TableReader {
  lines: SourceLine[];
  page: PageFragments;
  bag: DiagnosticBag;
  known: KnownNames;
  table?: ParamTableFragment;
  enumTable?: OpenEnum;
  squashed: boolean;
  caption?: { name: string; loc: SourceLocation };
  /** Enum-like rows up to this line index are stray rows of the parameter table: a parameter row follows them. */
  strayUntil: number;
  squashedEnums: OpenEnum[];
}

function readTables(lines: SourceLine[], page: PageFragments, bag: DiagnosticBag): void {
  const known = collectKnownNames(page);
  for (const line of lines) {
    const caption = PARAMS_CAPTION.exec(line.text.trim());
    if (caption) (known.typeNames as Set<string>).add(caption[1]!);
  }
  const r: TableReader = { lines, page, bag, known, squashed: false, strayUntil: -1, squashedEnums: [] };
  for (let i = 0; i < lines.length; i++) i = readBodyLine(r, i);
  if (r.caption) bag.warn('SS017', r.caption.loc, `caption '${r.caption.name} Parameters:' has no table under it`);
  for (const open of r.squashedEnums) readSquashedEnumRows(open, page.file, bag);
}

/**
 * The rows of a squashed valued enum table, split together. Where they do not split as one table,
 * the longest run of first rows that does is taken (a prefix of a table that splits splits too, so
 * it is found by halving) and the rest are skipped (SS016): text that ran into the table.
 */
function readSquashedEnumRows(open: OpenEnum, file: string, bag: DiagnosticBag): void {
  const rows = open.squashedRows!;
  const texts = rows.map((l) => l.text.trim());
  let split = splitSquashedEnumRows(texts);
  if (!split) {
    let [fits, fails] = [0, rows.length];
    while (fails - fits > 1) {
      const mid = (fits + fails) >> 1;
      if (splitSquashedEnumRows(texts.slice(0, mid))) fits = mid;
      else fails = mid;
    }
    split = fits ? splitSquashedEnumRows(texts.slice(0, fits))! : [];
  }
  pushAll(
    open.fragment.members,
    split.map((row, i) => ({ ...row, loc: { file, line: rows[i]!.line } })),
  );
  for (const l of rows.slice(split.length)) bag.warn('SS016', { file, line: l.line }, `cannot read enum member: ${clip(l.text.trim())}`);
}

/** Reads the body line at `i`; returns the index of the last line it took (a broken row takes more). */
function readBodyLine(r: TableReader, i: number): number {
  const text = r.lines[i]!.text.trim();
  const loc = { file: r.page.file, line: r.lines[i]!.line };
  if (!text) {
    r.enumTable = undefined;
    return i;
  }
  if (SEPARATOR.test(text) || readCaption(r, text, loc)) return i;
  const cells = r.squashed && r.table ? undefined : pipeCells(text);
  if (readTableHeader(r, text, cells, loc)) return i;
  if (r.enumTable && readEnumLine(r, i, text, cells, loc)) return i;
  return readRowLine(r, i, text, cells, loc);
}

function readCaption(r: TableReader, text: string, loc: SourceLocation): boolean {
  const params = PARAMS_CAPTION.exec(text);
  if (params) {
    r.caption = { name: params[1]!, loc };
    r.table = undefined;
    r.enumTable = undefined;
    return true;
  }
  const enumCaption = ENUM_CAPTION.exec(text);
  if (enumCaption) openEnum(r, { name: enumCaption[1]!, members: [], loc }, false, false);
  return enumCaption !== null;
}

/** A parameter table's header (pipe or squashed), or an enum table's (`| Name | Value | |`). */
function readTableHeader(r: TableReader, text: string, cells: string[] | undefined, loc: SourceLocation): boolean {
  const squashed = text === SQUASHED_HEADER;
  if (squashed || (cells && sameCells(cells, PARAM_TABLE_HEADER))) {
    r.squashed = squashed;
    r.table = { ...(r.caption ? { caption: r.caption.name } : {}), rows: [], loc: r.caption?.loc ?? loc };
    r.page.tables.push(r.table);
    r.caption = undefined;
    r.enumTable = undefined;
    return true;
  }
  const header = cells && enumHeader(cells);
  if (!header) return false;
  const open = r.enumTable;
  // The header right under "X Enum:" is that table's.
  if (open?.fragment.name !== undefined && !open.fragment.members.length) open.valued = header.valued;
  else openEnum(r, { members: [], loc }, header.valued, false);
  return true;
}

/** An inferred table leaves the parameter table open: a line after its rows that is no member goes back to it. */
function openEnum(r: TableReader, fragment: EnumTableFragment, valued: boolean, inferred: boolean): void {
  r.page.enums.push(fragment);
  r.enumTable = { fragment, valued, inferred };
  if (!inferred) r.table = undefined;
}

/**
 * A line of the open enum table; false when a parameter row ends a table told only by its rows
 * (the row is read as outside it). Any other line that is no member is skipped: SS016 under a
 * caption or header, SS012 (fits no columns at all) where only the rows told the table.
 */
function readEnumLine(r: TableReader, i: number, text: string, cells: string[] | undefined, loc: SourceLocation): boolean {
  const open = r.enumTable!;
  if (text === 'NameValue' && !open.fragment.members.length) {
    // A squashed dump's header: its rows ran together, and only the whole table tells how to split them.
    open.squashedRows = [];
    r.squashedEnums.push(open);
    return true;
  }
  if (text === 'Name') return true; // a squashed dump's header
  if (open.squashedRows && !cells) {
    open.squashedRows.push(r.lines[i]!);
    return true;
  }
  // Dumps underline the first row of every table: an underlined row starts the next enum (one without
  // header). So does a row with an empty Value under a `Name | Value` header: ServiceStack prints every value.
  const underlined = open.fragment.members.length > 0 && SEPARATOR.test(r.lines[i + 1]?.text.trim() ?? '');
  const startsNext = underlined || (open.valued && open.fragment.members.length > 0 && cells !== undefined && cells.length > 1 && cells[1] === '');
  const row = enumRow(cells ?? [text], open.valued && !startsNext);
  if (row) {
    if (startsNext) openEnum(r, { members: [], loc }, false, true);
    r.enumTable!.fragment.members.push({ ...row, loc });
    return true;
  }
  if (!open.inferred) r.bag.warn('SS016', loc, `cannot read enum member: ${clip(text)}`);
  else if (!pipeRowAt(r.lines, i)) fitsNoSplit(r.bag, loc, text);
  else r.enumTable = undefined;
  return r.enumTable !== undefined;
}

/** A line outside enum tables: a row of the open parameter table, else the first row of an enum table without header. */
function readRowLine(r: TableReader, i: number, text: string, cells: string[] | undefined, loc: SourceLocation): number {
  if (r.table && !r.squashed) {
    const row = pipeRowAt(r.lines, i);
    if (row) {
      if (row.extra > 0) r.bag.warn('SS013', loc, `table row is broken across ${row.extra + 1} lines; read them as one`);
      r.table.rows.push(rowFragment(row.columns, loc));
      return i + row.extra;
    }
  }
  const member = cells && headerlessEnumRow(r, i, cells);
  if (member) {
    openEnum(r, { members: [], loc }, false, true);
    r.enumTable!.fragment.members.push({ ...member, loc });
  } else if (!r.table) r.bag.info('SS019', loc, `line not understood, ignored: ${clip(text)}`);
  else if (!r.squashed) fitsNoSplit(r.bag, loc, text);
  else readSquashedRow(r, r.table, text, loc);
  return i;
}

/**
 * The first row of an enum table without caption or header (ServiceStack prints none for an
 * enum without values), in a pipe dump. Enum-like rows that run into a parameter row are stray
 * rows of that parameter table instead, which fit no split (SS012).
 */
function headerlessEnumRow(r: TableReader, i: number, cells: readonly string[]): EnumRow | undefined {
  if (r.squashed || r.page.form !== 'pipe-text' || i <= r.strayUntil) return undefined;
  const row = enumRow(cells, false);
  if (!row || !r.table) return row;
  const end = enumRunEnd(r.lines, i);
  if (end >= r.lines.length || !pipeRowAt(r.lines, end)) return row;
  r.strayUntil = end - 1;
  return undefined;
}

/** The index of the first line from `i` that is neither a separator nor an enum row. */
function enumRunEnd(lines: readonly SourceLine[], i: number): number {
  for (let j = i; j < lines.length; j++) {
    const text = lines[j]!.text.trim();
    if (SEPARATOR.test(text)) continue;
    const cells = pipeCells(text);
    if (!cells || enumHeader(cells) || !enumRow(cells, false)) return j;
  }
  return lines.length;
}

function readSquashedRow(r: TableReader, table: ParamTableFragment, text: string, loc: SourceLocation): void {
  const { chosen, ambiguous } = chooseSplit(squashedRowSplits(text), r.known);
  if (!chosen) {
    const previous = table.rows.at(-1);
    if (previous) {
      previous.description = `${previous.description} ${text}`.trim();
      r.bag.warn('SS013', loc, `line does not fit the columns; read as the rest of the description of '${previous.name ?? '?'}' (line ${previous.loc.line})`);
    } else fitsNoSplit(r.bag, loc, text);
    return;
  }
  if (ambiguous.length) {
    const shown = ambiguous.map((a) => `${a.name ?? ''}|${a.parameter}|${a.dataType}`).join(', ');
    r.bag.warn('SS011', loc, `squashed row splits more than one way (${shown}); nothing on the page decides, took '${chosen.name ?? ''}'`);
  }
  table.rows.push(
    rowFragment(
      chosen,
      loc,
      ambiguous.filter((a) => a !== chosen),
    ),
  );
}

function fitsNoSplit(bag: DiagnosticBag, loc: SourceLocation, text: string): void {
  bag.warn('SS012', loc, `table row fits no split into Name, Parameter, Data Type, Required, Description: ${clip(text)}`);
}

function rowFragment(columns: RowColumns, loc: SourceLocation, alternatives: RowColumns[] = []) {
  return { ...columns, loc, ...(alternatives.length ? { alternatives } : {}) };
}

/** The pipe row at `i`, with how many more lines it took when it was broken across them; undefined when it fits no split. */
function pipeRowAt(lines: readonly SourceLine[], i: number): { columns: RowColumns; extra: number } | undefined {
  let joined = lines[i]!.text.trim();
  for (let extra = 0; extra <= 3 && i + extra < lines.length; extra++) {
    if (extra > 0) joined = `${joined} ${lines[i + extra]!.text.trim()}`;
    const cells = pipeCells(joined);
    const columns = cells && cells.length >= 4 ? alignCells(cells) : undefined;
    if (!columns) continue;
    // Rows end with `|`: one that does not, followed by a line that is no row of its own, was broken in its description.
    const next = lines[i + extra + 1]?.text.trim();
    if (extra < 3 && !joined.endsWith('|') && next && isRowRest(next)) continue;
    return { columns, extra };
  }
  return undefined;
}

/** A line that can only be the rest of a broken pipe row: not blank, no row, header, separator or caption of its own. */
function isRowRest(text: string): boolean {
  if (SEPARATOR.test(text) || PARAMS_CAPTION.test(text) || ENUM_CAPTION.test(text)) return false;
  const cells = pipeCells(text);
  return !(cells && (sameCells(cells, PARAM_TABLE_HEADER) || alignCells(cells)));
}

export function readTextPage(file: string, text: string, bag: DiagnosticBag): PageFragments {
  const texts = splitLines(text);
  const lines = texts.map((t, i) => ({ text: t, line: i + 1 }));
  const page: PageFragments = {
    file,
    form: isPipeDump(texts) ? 'pipe-text' : 'squashed-text',
    tags: [],
    routes: [],
    tables: [],
    enums: [],
    pythonClasses: [],
    dtoTypes: [],
    samples: [],
  };
  const sections = cutSections(lines, page, bag);
  readHeader(sections.header, page, bag);
  for (const { link, start, lines: dto } of sections.dtos) {
    const language = link ?? sniffTabLanguage(dto.map((l) => l.text)) ?? start;
    const loc = { file, line: dto[0]!.line };
    if (language) readDtoTab(page, language, () => dto, bag, loc);
    else
      bag.warn(
        'SS032',
        loc,
        `DTO source in a language not recognised (no "<Language> X DTOs" line after it); lines ${dto[0]!.line}-${dto.at(-1)!.line} skipped`,
      );
  }
  if (sections.samples.length) page.samples = readHttpSamples(file, sections.samples, bag, page.formatHint?.value);
  const knownPaths = page.samples.flatMap((s) => (s.path ? [s.path] : []));
  readRoutes(sections.routes, knownPaths, page, bag);
  readTables(sections.body, page, bag);
  return page;
}
