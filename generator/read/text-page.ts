/**
 * Reads a text dump of a ServiceStack operation page: pipe tables (with or without a
 * leading `|`) or squashed text, plus its DTO source section (Python, TypeScript or C#) and HTTP samples.
 * The page is first cut into sections by the lines ServiceStack always prints; the
 * DTO source and samples are read before the tables, because their names settle
 * squashed rows that split more than one way.
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { PageFragments, ParamTableFragment, SourceLine, EnumTableFragment, JsonNode, XmlElement } from './fragments.js';
import { alignCells, chooseSplit, PARAM_TABLE_HEADER, squashedRowSplits, type KnownNames, type RowColumns } from './columns.js';
import { routeFromCells, splitSquashedRoute } from './routes.js';
import { readPythonDtos, pythonNameToCamel } from './python-dtos.js';
import { readTypeScriptDtos } from './typescript-dtos.js';
import { readCSharpDtos } from './csharp-dtos.js';
import { append } from './dto-source.js';
import { readHttpSamples } from './http-samples.js';
import { splitLines } from './lines.js';

const SAMPLES_INTRO = /^The following are sample HTTP requests and responses/;
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S* HTTP\/\d/;
const CALL_INFO = /^To override the Content-type in your clients/;
const ROUTES_INTRO = /^The following routes are available for this service:?$/;
const BACK_LINK = /^<\s*back to all web services$/i;
const AUTH = /^Requires Authentication$/;
const AUTH_DETAIL = /^Required (roles?|permissions?)\s*:\s*(.*)$/i;
const PYTHON_START = /^(import \w|from [\w.]+ import |@dataclass|class \w+\s*[(:])/;
const TYPESCRIPT_START = /^(\/\/ @ts-nocheck$|export (declare )?(class|interface|enum|type|module|namespace) \w|\/\/ @(Route|Api|DataContract)\b)/;
const CSHARP_START = /^(using (static )?[\w.]+;$|namespace [\w.]+\s*[{;]?$|\[(Route|Api|DataContract)\b|public (partial |abstract |sealed |static )*(class|enum|interface|record|struct) \w)/;
/** ServiceStack's header of `/types/…` sources, in TypeScript and C# alike. */
const OPTIONS_START = /^\/\* Options:$/;
/** The link under the DTO source: "Python UpdateCustomer DTOs", "C# CreateOrder DTOs". */
const DTO_END = /^(Python|TypeScript|C#) \S+ DTOs$/;
const DTO_END_LANGS: Record<string, DtoLang> = { Python: 'python', TypeScript: 'typescript', 'C#': 'csharp' };

type DtoLang = 'python' | 'typescript' | 'csharp';
const FORMAT_LABEL = /^HTTP \+ \w+$/;
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
  /** DTO source sections, each in the language its link (or its first line) names. */
  dtos: { lang: DtoLang | undefined; lines: SourceLine[] }[];
  samples: SourceLine[];
}

/** The language a DTO section starts in, by its first line; undefined for the shared `/* Options:` header. */
function dtoStart(text: string): DtoLang | 'options' | undefined {
  if (PYTHON_START.test(text)) return 'python';
  if (TYPESCRIPT_START.test(text)) return 'typescript';
  if (CSHARP_START.test(text)) return 'csharp';
  return OPTIONS_START.test(text) ? 'options' : undefined;
}

/** A section without its link: its language by what it declares. */
function sniffLanguage(lines: readonly SourceLine[]): DtoLang | undefined {
  for (const { text } of lines) {
    const t = text.trim();
    if (/^namespace [\w.]+|\{ get; set; \}|^using [\w.]+;$/.test(t)) return 'csharp';
    if (/^export (class|interface|enum|type) /.test(t)) return 'typescript';
  }
  return undefined;
}

function cutSections(lines: SourceLine[], page: PageFragments, bag: DiagnosticBag): Sections {
  const s: Sections = { header: [], routes: [], body: [], dtos: [], samples: [] };
  let mode: 'header' | 'routes' | 'body' | 'dto' = 'header';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    const loc = { file: page.file, line: line.line };
    if (SAMPLES_INTRO.test(text) || REQUEST_LINE.test(text)) {
      s.samples = lines.slice(SAMPLES_INTRO.test(text) ? i + 1 : i);
      break;
    }
    if (mode === 'dto') {
      const end = DTO_END.exec(text);
      if (end) {
        s.dtos.at(-1)!.lang = DTO_END_LANGS[end[1]!];
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
    if (CALL_INFO.test(text)) {
      const format = /\?format=(\w+)/.exec(text);
      if (format) page.formatHint = { value: format[1]!, loc };
      else bag.warn('SS020', loc, 'content-type line names no ?format=');
      continue;
    }
    if (FORMAT_LABEL.test(text)) continue;
    if (AUTH.test(text)) {
      page.auth = { required: true, roles: [], permissions: [], loc };
      continue;
    }
    const detail = AUTH_DETAIL.exec(text);
    if (detail && page.auth) {
      const values = detail[2]!.split(',').map((v) => v.trim()).filter(Boolean);
      (detail[1]!.toLowerCase().startsWith('role') ? page.auth.roles : page.auth.permissions).push(...values);
      continue;
    }
    if (ROUTES_INTRO.test(text)) { mode = 'routes'; continue; }
    const dto = dtoStart(text);
    if (dto) {
      mode = 'dto';
      s.dtos.push({ lang: dto === 'options' ? undefined : dto, lines: [line] });
      continue;
    }
    const cells = pipeCells(text);
    const startsTable =
      PARAMS_CAPTION.test(text) || ENUM_CAPTION.test(text) || text === SQUASHED_HEADER || (cells && sameCells(cells, PARAM_TABLE_HEADER));
    if (startsTable) mode = 'body';
    if (mode === 'header' && cells && routeFromCells(cells)) mode = 'routes';
    s[mode].push(line);
  }
  return s;
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
    if (n.kind === 'object') for (const m of n.members) { fieldNames.add(m.key.toLowerCase()); visitJson(m.value); }
    if (n.kind === 'array') n.items.forEach(visitJson);
  };
  for (const s of page.samples) {
    if (s.body?.format === 'xml') visitXml(s.body.root);
    if (s.body?.format === 'json') visitJson(s.body.value);
  }
  for (const t of page.tables) if (t.caption) typeNames.add(t.caption);
  return { typeNames, fieldNames };
}

function readTables(lines: SourceLine[], page: PageFragments, bag: DiagnosticBag): void {
  const known = collectKnownNames(page);
  for (const line of lines) {
    const caption = PARAMS_CAPTION.exec(line.text.trim());
    if (caption) (known.typeNames as Set<string>).add(caption[1]!);
  }
  let table: ParamTableFragment | undefined;
  let enumTable: EnumTableFragment | undefined;
  let squashed = false;
  let caption: { name: string; loc: SourceLocation } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    const loc = { file: page.file, line: line.line };
    if (!text) { enumTable = undefined; continue; }
    if (SEPARATOR.test(text)) continue;
    const paramsCaption = PARAMS_CAPTION.exec(text);
    if (paramsCaption) { caption = { name: paramsCaption[1]!, loc }; table = undefined; enumTable = undefined; continue; }
    const enumCaption = ENUM_CAPTION.exec(text);
    if (enumCaption) {
      enumTable = { name: enumCaption[1]!, members: [], loc };
      page.enums.push(enumTable);
      table = undefined;
      continue;
    }
    const cells = squashed && table ? undefined : pipeCells(text);
    const isHeader = text === SQUASHED_HEADER || (cells !== undefined && sameCells(cells, PARAM_TABLE_HEADER));
    if (isHeader) {
      squashed = text === SQUASHED_HEADER;
      table = { ...(caption ? { caption: caption.name } : {}), rows: [], loc: caption?.loc ?? loc };
      page.tables.push(table);
      caption = undefined;
      enumTable = undefined;
      continue;
    }
    if (cells && (sameCells(cells, ['Name', 'Value']) || sameCells(cells, ['Name']))) {
      enumTable = { members: [], loc };
      page.enums.push(enumTable);
      table = undefined;
      continue;
    }
    if (enumTable) {
      if (text === 'NameValue' || text === 'Name') continue;
      const [name, value] = cells ?? [text];
      if (name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) enumTable.members.push({ name, ...(value ? { value } : {}), loc });
      else bag.warn('SS016', loc, `cannot read enum member: ${clip(text)}`);
      continue;
    }
    if (!table) {
      bag.info('SS019', loc, `line not understood, ignored: ${clip(text)}`);
      continue;
    }
    if (!squashed) {
      i = readPipeRow(lines, i, table, page.file, bag);
      continue;
    }
    const { chosen, ambiguous } = chooseSplit(squashedRowSplits(text), known);
    if (!chosen) {
      const previous = table.rows.at(-1);
      if (previous) {
        previous.description = `${previous.description} ${text}`.trim();
        bag.warn('SS013', loc, `line does not fit the columns; read as the rest of the description of '${previous.name ?? '?'}' (line ${previous.loc.line})`);
      } else bag.warn('SS012', loc, `table row fits no split into Name, Parameter, Data Type, Required, Description: ${clip(text)}`);
      continue;
    }
    if (ambiguous.length) {
      const shown = ambiguous.map((a) => `${a.name ?? ''}|${a.parameter}|${a.dataType}`).join(', ');
      bag.warn('SS011', loc, `squashed row splits more than one way (${shown}); nothing on the page decides, took '${chosen.name ?? ''}'`);
    }
    table.rows.push(rowFragment(chosen, loc, ambiguous.filter((a) => a !== chosen)));
  }
  if (caption) bag.warn('SS017', caption.loc, `caption '${caption.name} Parameters:' has no table under it`);
}

function rowFragment(columns: RowColumns, loc: SourceLocation, alternatives: RowColumns[] = []) {
  return { ...columns, loc, ...(alternatives.length ? { alternatives } : {}) };
}

/** Reads the pipe row at `i`, joining it with following lines when it was broken across them. */
function readPipeRow(lines: SourceLine[], i: number, table: ParamTableFragment, file: string, bag: DiagnosticBag): number {
  const line = lines[i]!;
  const loc = { file, line: line.line };
  let joined = line.text.trim();
  for (let extra = 0; extra <= 3 && i + extra < lines.length; extra++) {
    if (extra > 0) joined = `${joined} ${lines[i + extra]!.text.trim()}`;
    const cells = pipeCells(joined);
    const columns = cells && cells.length >= 4 ? alignCells(cells) : undefined;
    if (!columns) continue;
    // Rows end with `|`: one that does not, followed by a line that is no row of its own, was broken in its description.
    const next = lines[i + extra + 1]?.text.trim();
    if (extra < 3 && !joined.endsWith('|') && next && isRowRest(next)) continue;
    if (extra > 0) bag.warn('SS013', loc, `table row is broken across ${extra + 1} lines; read them as one`);
    table.rows.push(rowFragment(columns, loc));
    return i + extra;
  }
  bag.warn('SS012', loc, `table row fits no split into Name, Parameter, Data Type, Required, Description: ${clip(line.text)}`);
  return i;
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
  for (const { lang, lines: dto } of sections.dtos) {
    const language = lang ?? sniffLanguage(dto);
    if (language === 'python') append(page.pythonClasses, readPythonDtos(file, dto, bag));
    else if (language === 'typescript') append(page.dtoTypes, readTypeScriptDtos(file, dto, bag));
    else if (language === 'csharp') append(page.dtoTypes, readCSharpDtos(file, dto, bag));
    else bag.warn('SS032', { file, line: dto[0]!.line }, `DTO source in a language not recognised (no "Python|TypeScript|C# X DTOs" line after it); lines ${dto[0]!.line}-${dto.at(-1)!.line} skipped`);
  }
  if (sections.samples.length) page.samples = readHttpSamples(file, sections.samples, bag);
  const knownPaths = page.samples.flatMap((s) => (s.path ? [s.path] : []));
  readRoutes(sections.routes, knownPaths, page, bag);
  readTables(sections.body, page, bag);
  return page;
}
