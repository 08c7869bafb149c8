/**
 * Reads ServiceStack's VB.NET DTO source (the `&lang=vbnet` tab, `/types/vbnet`;
 * ServiceStack/src/ServiceStack/NativeTypes/VbNet/VbNetGenerator.cs), a statement a line:
 * `Namespace X` … `End Namespace` (`Namespace Global` is the root), `Public Partial Class X(Of T)`
 * with its `Inherits Y` and `Implements IReturn(Of Z)` lines, `Public Overridable Property Name As
 * Type` (the .NET name; a keyword escaped `[Name]`), `Public Enum X` with its `Name = value` lines,
 * `Interface`, attributes on the lines before (`<Route("/x", "GET")>`, `<ApiMember(Description:="…",
 * IsRequired:=true)>`, `<DataMember(Name:="…")>`) and `'''<Summary>` documentation. Types are read
 * into the generic grammar (`List(Of T)` → `List<T>`, `T()` → `T[]`), VB's names kept (`Integer`);
 * constructors and methods are skipped. Keywords are matched in any case, as VB does.
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                                   |
 * | ----- | -------- | ------------------------------------------------------------------------- |
 * | SS032 | warning  | a line or attribute not understood (skipped), an unterminated string     |
 * | SS033 | warning  | a property type not readable (member kept, type unknown)                   |
 */
import type { DiagnosticBag } from '../diagnostics.js';
import { declaredMember, declaredType, type Preamble, type Reader } from './dto-declarations.js';
import {
  attributeArguments,
  attributeName,
  byLine,
  Cursor,
  significant,
  Source,
  tokenize,
  VBNET,
  xmlDocText,
  type Significant,
  type Token,
} from './dto-source.js';
import { parseDotNetType } from './dotnet-type.js';
import type { DtoAttributeFragment, DtoTypeFragment, SourceLine } from './fragments.js';
import { pushAll } from '../arrays.js';

const WHAT = 'VB.NET DTOs';
const MODIFIERS = new Set([
  'public',
  'private',
  'protected',
  'friend',
  'partial',
  'overridable',
  'overrides',
  'mustinherit',
  'mustoverride',
  'notinheritable',
  'notoverridable',
  'shadows',
  'shared',
  'readonly',
  'writeonly',
  'default',
  'overloads',
]);
/** Blocks that hold no DTO: skipped to their `End` line. */
const SKIPPED_BLOCKS = new Set(['sub', 'function', 'get', 'set', 'operator', 'event']);

interface State {
  r: Reader;
  /** The enclosing namespaces (`Namespace Global` adds none). */
  namespaces: (string | undefined)[];
  /** The type being read, and the types it is nested in. */
  open: DtoTypeFragment[];
  /** Attributes and documentation read for the next declaration. */
  attributes: DtoAttributeFragment[];
  docs: Token[];
  /** Set while inside a `Sub … End Sub` (or the like) that is skipped: the keyword that ends it. */
  skipping?: string;
}

export function readVbNetDtos(file: string, lines: SourceLine[], bag: DiagnosticBag): DtoTypeFragment[] {
  const src = new Source(file, lines);
  const tokens = significant(tokenize(src, bag, 'SS032', WHAT, VBNET));
  const r: Reader = { src, cur: new Cursor(tokens), bag, what: WHAT, lang: 'vbnet', types: [] };
  const s: State = { r, namespaces: [], open: [], attributes: [], docs: [] };
  for (const line of byLine(tokens)) readLine(s, line);
  if (s.open.length) warn(s, s.open[0]!.loc.line, `'${s.open[0]!.name}' is not closed (no End line)`);
  return r.types;
}

function warn(s: State, line: number | Token, message: string): void {
  const loc = typeof line === 'number' ? { file: s.r.src.file, line } : line.loc;
  s.r.bag.warn('SS032', loc, `${WHAT}: ${message}`);
}

const word = (t: Token | undefined) => (t?.kind === 'ident' ? t.value.toLowerCase() : '');

function readLine(s: State, line: Significant[]): void {
  pushAll(s.docs, line[0]!.leading);
  if (s.skipping) {
    if (word(line[0]) === 'end' && word(line[1]) === s.skipping) s.skipping = undefined;
    return;
  }
  let k = 0;
  while (line[k]?.text === '<') {
    const end = readAttributes(s, line, k);
    if (end < 0) return;
    k = end;
  }
  if (k < line.length) readStatement(s, line.slice(k));
}

/** `<A(args), B>` at `line[k]`: the attributes; returns the index after the `>`, or -1 (reported) when unreadable. */
function readAttributes(s: State, line: Significant[], k: number): number {
  const close = line.findIndex((t, i) => i > k && t.text === '>' && depthAt(line, k + 1, i) === 0);
  if (close < 0) {
    warn(s, line[k]!, `cannot read attribute: ${lineText(s, line)}`);
    return -1;
  }
  if (word(line[k + 1]) === 'assembly' || word(line[k + 1]) === 'module') return close + 1;
  for (let i = k + 1; i < close;) {
    const first = line[i]!;
    let name = first;
    // A namespace-qualified name: its last part (`System.Runtime.Serialization.DataMember`).
    while (line[i + 1]?.text === '.' && line[i + 2]?.kind === 'ident') name = line[(i += 2)]!;
    i++;
    let parsed: { args: string[]; named: Record<string, string> } | undefined = { args: [], named: {} };
    if (line[i]?.text === '(') {
      const closing = matching(line, i);
      parsed = attributeArguments(s.r.src, line.slice(i + 1, closing));
      i = closing + 1;
    }
    if (first.kind !== 'ident' || !parsed) {
      warn(s, first, `cannot read attribute: ${lineText(s, line)}`);
      return close + 1;
    }
    s.attributes.push({ name: attributeName(name.value), ...parsed, loc: first.loc });
    if (line[i]?.text === ',') i++;
    else if (i < close) {
      warn(s, line[i]!, `cannot read attribute: ${lineText(s, line)}`);
      return close + 1;
    }
  }
  return close + 1;
}

/** The index of the `)` closing the `(` at `open`, else the last token. */
function matching(line: Significant[], open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    if (line[i]!.kind === 'string') continue;
    if (line[i]!.text === '(') depth++;
    if (line[i]!.text === ')' && --depth === 0) return i;
  }
  return line.length - 1;
}

function depthAt(line: Significant[], from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (line[i]!.kind === 'string') continue;
    if (line[i]!.text === '(') depth++;
    if (line[i]!.text === ')') depth--;
  }
  return depth;
}

function lineText(s: State, line: Significant[]): string {
  const text = s.r.src.slice(line[0]!, line.at(-1)!);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function readStatement(s: State, line: Significant[]): void {
  let k = 0;
  while (MODIFIERS.has(word(line[k])) && line[k + 1]) k++;
  const keyword = word(line[k]);
  const type = s.open.at(-1);
  if (keyword === 'imports' || keyword === 'option') return;
  if (keyword === 'namespace') return openNamespace(s, line.slice(k + 1));
  if (keyword === 'end') return closeBlock(s, line, word(line[k + 1]));
  if (keyword === 'class' || keyword === 'structure' || keyword === 'interface' || keyword === 'enum') return openType(s, line, k);
  if (keyword === 'inherits' && type) return void pushAll(type.bases, typeTexts(line.slice(k + 1)));
  if (keyword === 'implements' && type) return void pushAll(type.implements, typeTexts(line.slice(k + 1)));
  if (keyword === 'property' && type) return readProperty(s, type, line, k);
  if (SKIPPED_BLOCKS.has(keyword)) return skipBlock(s, line, keyword);
  if (type?.kind === 'enum' && (line[k]?.kind === 'ident' || line[k]?.text === '[')) return readEnumMember(s, type, line.slice(k));
  warn(s, line[0]!, `cannot read: ${lineText(s, line)}`);
  takePreamble(s, line[0]!);
}

/** A constructor or method: skipped, to its `End` line where it has a body (not in an interface, nor `MustOverride`). */
function skipBlock(s: State, line: Significant[], keyword: string): void {
  takePreamble(s, line[0]!);
  if (s.open.at(-1)?.kind !== 'interface' && !line.some((t) => word(t) === 'mustoverride')) s.skipping = keyword;
}

function openNamespace(s: State, rest: Significant[]): void {
  s.attributes = [];
  s.docs = [];
  const name = rest.map((t) => t.text).join('');
  s.namespaces.push(/^global$/i.test(name) ? undefined : name.replace(/^Global\./i, ''));
}

function closeBlock(s: State, line: Significant[], what: string): void {
  if (what === 'namespace') s.namespaces.pop();
  else if (what === 'class' || what === 'structure' || what === 'interface' || what === 'enum') {
    if (!s.open.pop()) warn(s, line[0]!, `'End ${line[1]?.value ?? ''}' closes nothing`);
  }
  s.attributes = [];
  s.docs = [];
}

/** The attributes and documentation gathered for the declaration starting at `first`. */
function takePreamble(s: State, first: Significant): Preamble {
  const lines = s.docs.filter((c) => c.value.startsWith("''")).map((c) => c.value.slice(2));
  const doc = lines.length ? xmlDocText(lines) : undefined;
  const p: Preamble = { first, start: first, attributes: s.attributes, ...(doc ? { doc } : {}), modifiers: new Set() };
  s.attributes = [];
  s.docs = [];
  return p;
}

/** `Public Partial Class Name(Of T)`, `Interface`, `Enum Name [As Integer]`. */
function openType(s: State, line: Significant[], k: number): void {
  const p = takePreamble(s, line[0]!);
  const keyword = word(line[k]);
  const name = line[k + 1];
  if (name?.kind !== 'ident') return warn(s, line[0]!, `cannot read ${keyword} declaration: ${lineText(s, line)}`);
  // `(Of T, U As Class)`: the names after `Of` and each `,`.
  const params: string[] = [];
  if (line[k + 2]?.text === '(' && word(line[k + 3]) === 'of')
    for (let i = k + 4; i < line.length && line[i]!.text !== ')'; i++) {
      const before = line[i - 1]!.text.toLowerCase();
      if (line[i]!.kind === 'ident' && (before === 'of' || before === ',')) params.push(line[i]!.value);
    }
  const kind = keyword === 'enum' ? 'enum' : keyword === 'interface' ? 'interface' : 'class';
  const type = declaredType(s.r, kind, name.value, params, p);
  const namespace = s.namespaces.filter(Boolean).join('.');
  if (namespace) type.namespace = namespace;
  s.r.types.push(type);
  s.open.push(type);
}

/** `Public Overridable Property Name As Type [= New …] [Implements I.Name]`. */
function readProperty(s: State, type: DtoTypeFragment, line: Significant[], k: number): void {
  const p = takePreamble(s, line[0]!);
  const escaped = line[k + 1]?.text === '[';
  const name = line[escaped ? k + 2 : k + 1];
  const as = escaped ? k + 4 : k + 2;
  if (name?.kind !== 'ident' || word(line[as]) !== 'as') return warn(s, line[0]!, `cannot read property of '${type.name}': ${lineText(s, line)}`);
  let end = as + 1;
  while (end < line.length && line[end]!.text !== '=' && word(line[end]) !== 'implements') end++;
  const written = line.slice(as + 1, end);
  const text = written.length ? s.r.src.slice(written[0]!, written.at(-1)!) : '';
  const langType = parseDotNetType(genericGrammar(written));
  type.members.push(declaredMember(s.r, type.name, name.value, text, { langType }, p));
}

/** `Name`, `Name = 4`, `[Name] = 4`. */
function readEnumMember(s: State, type: DtoTypeFragment, line: Significant[]): void {
  const p = takePreamble(s, line[0]!);
  const name = line[0]!.text === '[' ? line[1] : line[0];
  if (name?.kind !== 'ident') return warn(s, line[0]!, `cannot read member of enum '${type.name}': ${lineText(s, line)}`);
  const eq = line.findIndex((t) => t.text === '=');
  const value = eq >= 0 && eq + 1 < line.length ? s.r.src.slice(line[eq + 1]!, line.at(-1)!) : undefined;
  type.enumMembers.push({ name: name.value, ...(value ? { value } : {}), quoted: false, attributes: p.attributes, loc: name.loc });
}

/** `A(Of B), C` → `A<B>`, `C`. */
function typeTexts(tokens: Significant[]): string[] {
  const out: Significant[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    if (t.text === ')') depth--;
    if (t.text === ',' && depth === 0) out.push([]);
    else out.at(-1)!.push(t);
  }
  return out.filter((ts) => ts.length).map(genericGrammar);
}

/** VB's type tokens in the generic grammar: `(Of A, B)` → `<A,B>`, `()` → `[]`. */
export function genericGrammar(tokens: readonly Token[]): string {
  const opened: ('generic' | 'array')[] = [];
  let text = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === '(' && word(tokens[i + 1]) === 'of') {
      opened.push('generic');
      text += '<';
      i++;
    } else if (t.text === '(') {
      opened.push('array');
      text += '[';
    } else if (t.text === ')') text += opened.pop() === 'generic' ? '>' : ']';
    else text += t.text;
  }
  return text;
}
