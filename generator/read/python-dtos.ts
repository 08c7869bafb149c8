/**
 * Reads the "Python DTOs" section of a `lang=python` metadata page: ServiceStack's dataclass
 * source, with `# @Route(…)` and `# @ApiMember(…)` comments and docstrings. Only records what is written;
 * the model decides what it means (wire names, required-ness, inheritance).
 */
import type { SourceLine, PythonClassFragment, PythonFieldFragment, PythonType, RouteFragment } from './fragments.js';
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import { routeFromAttribute, splitTypeTokens } from './dto-source.js';

const CLASS_LINE = /^class\s+([A-Za-z_]\w*)\s*(?:\((.*)\))?\s*:\s*(?:#.*)?$/;
const FIELD_LINE = /^([A-Za-z_]\w*)\s*:(.*)$/;
const ASSIGN_LINE = /^([A-Za-z_]\w*)\s*=(.*)$/;
const API_MEMBER = /^#\s*@ApiMember\s*\((.*)\)\s*$/;
const ROUTE_COMMENT = /^#\s*@Route\s*\((.*)\)\s*$/;
/** One argument of a route comment: a double-quoted string, named (`Summary="…"`) or not, then a comma or the end. */
const ROUTE_ARGUMENT = /\s*(?:([A-Za-z_]\w*)\s*=\s*)?"([^"\\]*(?:\\.[^"\\]*)*)"\s*(?:,|$)/y;
const LETTER_CASE = /letter_case\s*=\s*LetterCase\.(\w+)/;
const ENUM_BASES: ReadonlySet<string> = new Set(['Enum', 'IntEnum', 'StrEnum', 'enum.Enum', 'enum.IntEnum', 'enum.StrEnum']);
const DOC_QUOTE = '"""';

/** What the reader carries from one line to the next. */
interface ReaderState {
  file: string;
  bag: DiagnosticBag;
  classes: PythonClassFragment[];
  current?: PythonClassFragment;
  /** From `@dataclass_json(letter_case=…)`, waiting for its class line. */
  letterCase?: string;
  /** From `# @ApiMember(…)`, waiting for its field line. */
  apiMember?: Record<string, string>;
  /** From `# @Route(…)` comments, waiting for their class line. */
  routes: RouteFragment[];
  /** Receives a docstring written right under the class or field line just read. */
  docTarget?: (text: string) => void;
}

export function readPythonDtos(file: string, lines: SourceLine[], bag: DiagnosticBag): PythonClassFragment[] {
  const state: ReaderState = { file, bag, classes: [], routes: [] };
  for (let i = 0; i < lines.length; i++) {
    const { text, line } = lines[i]!;
    const trimmed = text.trim();
    if (trimmed === '') continue;
    const indent = text.length - text.trimStart().length;
    const loc: SourceLocation = { file, line, column: indent + 1 };
    if (trimmed.startsWith(DOC_QUOTE)) {
      i = readDocstringAt(state, lines, i, loc);
      continue;
    }
    state.docTarget = undefined; // a docstring belongs only to the line right above it
    const classMatch = CLASS_LINE.exec(trimmed);
    if (classMatch) startClass(state, classMatch, loc);
    else if (indent === 0) readTopLevelLine(state, trimmed, loc);
    else readBodyLine(state, trimmed, loc);
  }
  return state.classes;
}

/** Consumes the docstring starting at `lines[start]`; returns the index of its last line. */
function readDocstringAt(state: ReaderState, lines: SourceLine[], start: number, loc: SourceLocation): number {
  const doc = readDocstring(lines, start);
  if (doc.closed) {
    if (doc.text) state.docTarget?.(doc.text);
  } else {
    const last = lines[doc.end]!.line;
    state.bag.warn('SS030', loc, `unterminated docstring: skipped lines ${lines[start]!.line}-${last}`);
  }
  state.docTarget = undefined;
  return doc.end;
}

/**
 * Finds the closing `"""`. An unclosed docstring stops before the next class or decorator,
 * so one broken docstring cannot swallow the classes after it.
 */
function readDocstring(lines: SourceLine[], start: number): { text: string; end: number; closed: boolean } {
  const first = lines[start]!.text.trim().slice(DOC_QUOTE.length);
  const parts = [first];
  let end = start;
  let close = first.indexOf(DOC_QUOTE);
  while (close < 0) {
    const next = lines[end + 1]?.text;
    if (next === undefined || /^(class\s|@)/.test(next)) return { text: '', end, closed: false };
    end++;
    parts.push(next);
    close = next.indexOf(DOC_QUOTE);
  }
  parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, close);
  return { text: joinDocLines(parts), end, closed: true };
}

function joinDocLines(parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' ');
}

function startClass(state: ReaderState, m: RegExpExecArray, loc: SourceLocation): void {
  // Bases are kept as written (`Generic[T]`, `IReturn[X]`…): which ones matter is the model's call.
  const bases = m[2] ? splitTopLevel(m[2], ',').filter(Boolean) : [];
  const cls: PythonClassFragment = {
    name: m[1]!,
    bases,
    isEnum: bases.some((b) => ENUM_BASES.has(b)),
    fields: [],
    enumMembers: [],
    ...(state.letterCase ? { letterCase: state.letterCase } : {}),
    ...(state.routes.length ? { routes: state.routes } : {}),
    loc,
  };
  state.classes.push(cls);
  state.current = cls;
  state.letterCase = undefined;
  state.routes = [];
  state.apiMember = undefined;
  state.docTarget = (text) => (cls.docstring = text);
}

/** Imports, decorators, comments and module-level assignments (`T = TypeVar('T')`, aliases). */
function readTopLevelLine(state: ReaderState, trimmed: string, loc: SourceLocation): void {
  state.current = undefined; // an unindented line ends the class body
  state.apiMember = undefined;
  const route = ROUTE_COMMENT.exec(trimmed);
  if (route) {
    readRouteComment(state, route[1]!, loc);
    return;
  }
  if (/^(import|from)\s/.test(trimmed) || trimmed.startsWith('#') || ASSIGN_LINE.test(trimmed)) return;
  if (trimmed.startsWith('@')) {
    const letterCase = /^@dataclass_json\b/.test(trimmed) ? LETTER_CASE.exec(trimmed)?.[1] : undefined;
    if (letterCase) state.letterCase = letterCase;
    return;
  }
  state.bag.warn('SS030', loc, `cannot read Python line: ${trimmed}`);
}

/** `# @Route("/orders/{Id}", "GET")` (ServiceStack's Python DTOs write a request's routes so): for the class that follows. */
function readRouteComment(state: ReaderState, text: string, loc: SourceLocation): void {
  const args: string[] = [];
  const named: Record<string, string> = {};
  ROUTE_ARGUMENT.lastIndex = 0;
  while (ROUTE_ARGUMENT.lastIndex < text.length) {
    const m = ROUTE_ARGUMENT.exec(text);
    if (!m) return state.bag.warn('SS030', loc, `cannot read Python route comment: @Route(${text})`);
    const value = m[2]!.replace(/\\(.)/g, '$1');
    if (m[1]) named[m[1]] = value;
    else args.push(value);
  }
  const route = routeFromAttribute({ name: 'Route', args, named, loc });
  if ('error' in route) state.bag.warn('SS030', loc, `cannot read Python route comment: ${route.error}`);
  else state.routes.push(route);
}

/** Fields, enum members and `# @ApiMember(…)` comments inside a class. */
function readBodyLine(state: ReaderState, trimmed: string, loc: SourceLocation): void {
  const cls = state.current;
  const fail = () => state.bag.warn('SS030', loc, `cannot read Python field: ${trimmed}`);
  if (!cls) return fail();
  if (trimmed.startsWith('#')) {
    const m = API_MEMBER.exec(trimmed);
    if (!m) return; // other comments (`# @DataMember`, notes) carry nothing we read
    const args = parseApiMemberArgs(m[1]!);
    if (!args) return fail();
    state.apiMember = args;
    return;
  }
  if (trimmed === 'pass' || trimmed === '...') return;
  const assign = cls.isEnum ? ASSIGN_LINE.exec(trimmed) : null;
  if (assign) {
    const value = assign[2]!.trim();
    if (!value) return fail();
    cls.enumMembers.push({ name: assign[1]!, value: unquote(value), loc });
    return;
  }
  const fieldMatch = FIELD_LINE.exec(trimmed);
  const field = fieldMatch ? readField(state, fieldMatch, loc) : undefined;
  if (!field) return fail();
  cls.fields.push(field);
  state.apiMember = undefined;
  state.docTarget = (text) => (field.description ??= text);
}

/** `name: Annotation [= default]`, with the pending ApiMember comment; undefined when malformed. */
function readField(state: ReaderState, m: RegExpExecArray, loc: SourceLocation): PythonFieldFragment | undefined {
  const code = stripComment(m[2]!);
  const eq = topLevelIndex(code, '=');
  const annotation = (eq < 0 ? code : code.slice(0, eq)).trim();
  const defaultValue = eq < 0 ? undefined : code.slice(eq + 1).trim();
  if (!annotation || defaultValue === '') return undefined;
  const type = parsePythonType(annotation);
  if (!type) state.bag.warn('SS031', loc, `cannot read Python type: ${annotation}`);
  const apiMember = state.apiMember;
  const description = apiMember?.Description?.trim();
  return {
    name: m[1]!,
    annotation,
    ...(type ? { type } : {}),
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    ...(description ? { description } : {}),
    required: /^true$/i.test(apiMember?.IsRequired ?? ''),
    ...(apiMember ? { apiMember } : {}),
    loc,
  };
}

/** `Description="a \"b\", (c)", IsRequired=true` → named args, unquoted; undefined when malformed. */
function parseApiMemberArgs(text: string): Record<string, string> | undefined {
  const args: Record<string, string> = {};
  let rest = text.trim();
  while (rest) {
    const name = /^([A-Za-z_]\w*)\s*=\s*/.exec(rest);
    if (!name) return undefined;
    rest = rest.slice(name[0].length);
    // A quoted value, escapes included (the loop unrolled: an alternation per character is slow on long descriptions).
    const value = /^"([^"\\]*(?:\\.[^"\\]*)*)"/.exec(rest) ?? /^[^,"]*/.exec(rest)!;
    const raw = value[1] !== undefined ? value[1].replace(/\\(["\\])/g, '$1') : value[0].trim();
    if (value[1] === undefined && !raw) return undefined;
    args[name[1]!] = raw;
    rest = rest.slice(value[0].length).trimStart();
    if (rest.startsWith(',')) rest = rest.slice(1).trimStart();
    else if (rest) return undefined;
  }
  return args;
}

function unquote(value: string): string {
  const m = /^(['"])(.*)\1$/.exec(value);
  return m ? m[2]! : value;
}

function stripComment(code: string): string {
  const hash = topLevelIndex(code, '#');
  return hash < 0 ? code : code.slice(0, hash);
}

/** Index of the first `ch` outside quotes and brackets, or -1. */
function topLevelIndex(text: string, ch: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ch && depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(text: string, ch: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let i = topLevelIndex(rest, ch); i >= 0; i = topLevelIndex(rest, ch)) {
    parts.push(rest.slice(0, i).trim());
    rest = rest.slice(i + 1);
  }
  parts.push(rest.trim());
  return parts;
}

// ---- Python annotations ----

const TYPE_TOKEN = /\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*|'[^']*'|"[^"]*"|[[\],])\s*/y;

/** Type arguments nest no deeper than this (real ones: 3 or 4), so that no reader or pass recurses without bound. */
const MAX_TYPE_DEPTH = 32;

export function parsePythonType(annotation: string): PythonType | undefined {
  return parseAnnotation(annotation, 0);
}

function parseAnnotation(annotation: string, outer: number): PythonType | undefined {
  const tokens = splitTypeTokens(TYPE_TOKEN, annotation);
  if (!tokens) return undefined;
  let pos = 0;
  /** type := quoted-type | dotted-name [ '[' type (',' type)* ']' ] */
  const parse = (depth: number): PythonType | undefined => {
    if (depth > MAX_TYPE_DEPTH) return undefined;
    const head = tokens[pos++];
    if (head === undefined || head === '[' || head === ']' || head === ',') return undefined;
    if (head.startsWith("'") || head.startsWith('"')) return parseAnnotation(head.slice(1, -1), depth + 1); // forward reference
    const args: PythonType[] = [];
    if (tokens[pos] === '[') {
      pos++;
      for (;;) {
        const arg = parse(depth + 1);
        if (!arg) return undefined;
        args.push(arg);
        const sep = tokens[pos++];
        if (sep === ']') break;
        if (sep !== ',') return undefined;
      }
    }
    return buildType(head.replace(/^typing\./, ''), args);
  };
  const type = parse(outer);
  return type && pos === tokens.length ? type : undefined;
}

/** Maps the typing constructors onto PythonType; other names with arguments are not representable. */
function buildType(name: string, args: PythonType[]): PythonType | undefined {
  const [first, second] = args;
  switch (name) {
    case 'Optional':
      return args.length === 1 ? { kind: 'optional', of: first! } : undefined;
    case 'Union': {
      const rest = args.filter((a) => !(a.kind === 'name' && a.name === 'None'));
      if (rest.length !== 1) return undefined;
      return rest.length < args.length ? { kind: 'optional', of: rest[0]! } : rest[0];
    }
    case 'List':
    case 'list':
      if (args.length === 0) return { kind: 'name', name };
      return args.length === 1 ? { kind: 'list', of: first! } : undefined;
    case 'Dict':
    case 'dict':
      if (args.length === 0) return { kind: 'name', name };
      return args.length === 2 ? { kind: 'dict', key: first!, value: second! } : undefined;
    default:
      return args.length === 0 ? { kind: 'name', name } : undefined;
  }
}

// ---- Names ----

/** dataclasses_json's `stringcase.camelcase`: drop one leading separator, lower the first letter, upper what follows `_ - . space`. */
export function pythonNameToCamel(name: string): string {
  const s = name.replace(/^[-_.]/, '');
  if (!s) return s;
  return s[0]!.toLowerCase() + s.slice(1).replace(/[-_.\s]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
