/**
 * Reads ServiceStack's F# DTO source (the `&lang=fsharp` tab, `/types/fsharp`;
 * ServiceStack/src/ServiceStack/NativeTypes/FSharp/FSharpGenerator.cs), a declaration a line:
 * `type X() =` (a class; `type X =` followed by `| A = 0` lines is an enum, by `abstract` lines an
 * interface) with its `inherit Base()`, `interface IReturn<Y>` and `member val Name:Type = … with
 * get,set` lines (the .NET name and type: `Int32`, `Nullable<Int32>`, `ResizeArray<T>`), attributes on
 * the lines before (`[<Route("/x", "GET")>]`, `[<ApiMember(Description="…")>]`,
 * `[<DataMember(Name="…")>]`) and `///<summary>` documentation. A generic parameter's tick is dropped
 * (`QueryResponse<'T>` → `QueryResponse<T>`). The file's one `namespace` is not the types' own:
 * it is not recorded.
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                                   |
 * | ----- | -------- | ------------------------------------------------------------------------- |
 * | SS032 | warning  | a line or attribute not understood (skipped), an unterminated comment or string |
 * | SS033 | warning  | a member type not readable (member kept, type unknown)                     |
 */
import type { DiagnosticBag } from '../diagnostics.js';
import { declaredMember, declaredType, type Preamble, type Reader } from './dto-declarations.js';
import {
  attributeArguments,
  attributeName,
  byLine,
  Cursor,
  FSHARP,
  significant,
  Source,
  tokenize,
  xmlDocText,
  type Significant,
  type Token,
} from './dto-source.js';
import { parseDotNetType } from './dotnet-type.js';
import type { DtoAttributeFragment, DtoTypeFragment, SourceLine } from './fragments.js';
import { pushAll } from '../arrays.js';

const WHAT = 'F# DTOs';

interface State {
  r: Reader;
  /** The type the member lines go to. */
  type?: DtoTypeFragment;
  attributes: DtoAttributeFragment[];
  docs: Token[];
}

export function readFSharpDtos(file: string, lines: SourceLine[], bag: DiagnosticBag): DtoTypeFragment[] {
  const src = new Source(file, lines);
  const tokens = significant(tokenize(src, bag, 'SS032', WHAT, FSHARP));
  const r: Reader = { src, cur: new Cursor(tokens), bag, what: WHAT, lang: 'fsharp', types: [] };
  const s: State = { r, attributes: [], docs: [] };
  const all = byStatement(tokens);
  all.forEach((line, i) => readLine(s, line, all[i + 1]));
  return r.types;
}

/** Lines, a line ending inside brackets (an attribute's arguments) going on on the next. */
function byStatement(tokens: readonly Significant[]): Significant[][] {
  const out: Significant[][] = [];
  let depth = 0;
  for (const line of byLine(tokens)) {
    if (depth > 0) pushAll(out.at(-1)!, line);
    else out.push(line);
    for (const t of line) {
      if (t.kind !== 'punct') continue;
      if ('([{'.includes(t.text)) depth++;
      if (')]}'.includes(t.text)) depth = Math.max(0, depth - 1);
    }
  }
  return out;
}

function warn(s: State, t: Token, message: string): void {
  s.r.bag.warn('SS032', t.loc, `${WHAT}: ${message}`);
}

function lineText(s: State, line: Significant[]): string {
  const text = s.r.src.slice(line[0]!, line.at(-1)!);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function readLine(s: State, line: Significant[], next: Significant[] | undefined): void {
  pushAll(s.docs, line[0]!.leading);
  let k = 0;
  while (line[k]?.text === '[' && line[k + 1]?.text === '<') {
    const end = readAttributes(s, line, k);
    if (end < 0) return;
    k = end;
  }
  if (k >= line.length) return;
  const rest = line.slice(k);
  const keyword = rest[0]!.kind === 'ident' ? rest[0]!.value : '';
  if (keyword === 'namespace' || keyword === 'open' || keyword === 'module') return resetPreamble(s);
  if (keyword === 'type') return readType(s, rest, next);
  if (keyword === 'member' || keyword === 'abstract') return readMember(s, rest);
  if (keyword === 'inherit' && s.type) return void s.type.bases.push(typeText(rest.slice(1)).replace(/\(\)$/, ''));
  if (keyword === 'interface') return readInterface(s, rest);
  if (rest[0]!.text === '|' && s.type?.kind === 'enum') return readEnumMember(s, s.type, rest);
  if ((keyword === 'class' || keyword === 'end') && rest.length <= 2) return; // `class end`, `interface end`, `end`
  warn(s, rest[0]!, `cannot read: ${lineText(s, line)}`);
  resetPreamble(s);
}

function resetPreamble(s: State): void {
  s.attributes = [];
  s.docs = [];
}

/** `[<A(args); B>]` at `line[k]`: the attributes; the index after `>]`, or -1 (reported) when unreadable. */
function readAttributes(s: State, line: Significant[], k: number): number {
  let i = k + 2;
  for (;;) {
    const name = line[i];
    if (name?.kind !== 'ident') break;
    let last = name;
    i++;
    while (line[i]?.text === '.' && line[i + 1]?.kind === 'ident') {
      last = line[i + 1]!;
      i += 2;
    }
    let parsed: { args: string[]; named: Record<string, string> } | undefined = { args: [], named: {} };
    if (line[i]?.text === '(') {
      const close = closing(line, i);
      parsed = attributeArguments(s.r.src, line.slice(i + 1, close));
      i = close + 1;
    }
    if (!parsed) break;
    s.attributes.push({ name: attributeName(last.value), ...parsed, loc: name.loc });
    if (line[i]?.text !== ';') break;
    i++;
  }
  if (line[i]?.text === '>' && line[i + 1]?.text === ']') return i + 2;
  warn(s, line[k]!, `cannot read attribute: ${lineText(s, line)}`);
  return -1;
}

function closing(line: Significant[], open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    if (line[i]!.text === '(') depth++;
    if (line[i]!.text === ')' && --depth === 0) return i;
  }
  return line.length;
}

function takePreamble(s: State, first: Significant): Preamble {
  const lines = s.docs.filter((c) => c.value.startsWith('/')).map((c) => c.value.slice(1));
  const doc = lines.length ? xmlDocText(lines) : undefined;
  const p: Preamble = { first, start: first, attributes: s.attributes, ...(doc ? { doc } : {}), modifiers: new Set() };
  resetPreamble(s);
  return p;
}

/** `type X() =` a class, `type X =` then `| A = 0` an enum, else an interface. */
function readType(s: State, line: Significant[], next: Significant[] | undefined): void {
  const p = takePreamble(s, line[0]!);
  const name = line[1];
  if (name?.kind !== 'ident') return warn(s, line[0]!, `cannot read type declaration: ${lineText(s, line)}`);
  let k = 2;
  const params: string[] = [];
  if (line[k]?.text === '<') {
    for (; k < line.length && line[k]!.text !== '>'; k++) if (line[k]!.kind === 'ident' && line[k - 1]!.text !== ':') params.push(line[k]!.value);
    k++;
  }
  const constructed = line[k]?.text === '(';
  const kind = constructed ? 'class' : next?.[0]?.text === '|' ? 'enum' : 'interface';
  const type = declaredType(s.r, kind, name.value, params, p);
  s.r.types.push(type);
  s.type = type;
}

/** `interface IReturn<X>` (and `interface IExtensibleDataObject with`). */
function readInterface(s: State, line: Significant[]): void {
  resetPreamble(s);
  const end = line.findIndex((t) => t.kind === 'ident' && t.value === 'with');
  const text = typeText(line.slice(1, end < 0 ? undefined : end));
  if (s.type && text && text !== 'end') s.type.implements.push(text);
}

/** `member val Name:Type = … with get,set`, `abstract Name:Type with get,set`. */
function readMember(s: State, line: Significant[]): void {
  const p = takePreamble(s, line[0]!);
  const type = s.type;
  const k = line[1]?.value === 'val' ? 2 : 1;
  const name = line[k];
  if (!type || name?.kind !== 'ident' || line[k + 1]?.text !== ':') return warn(s, line[0]!, `cannot read member: ${lineText(s, line)}`);
  let end = k + 2;
  let depth = 0;
  for (; end < line.length; end++) {
    const t = line[end]!;
    if (t.text === '<') depth++;
    if (t.text === '>') depth--;
    if (depth === 0 && (t.text === '=' || (t.kind === 'ident' && t.value === 'with'))) break;
  }
  const written = line.slice(k + 2, end);
  const text = typeText(written);
  type.members.push(declaredMember(s.r, type.name, name.value, text, { langType: parseDotNetType(text) }, p));
}

/** `| Name = 0`. */
function readEnumMember(s: State, type: DtoTypeFragment, line: Significant[]): void {
  const p = takePreamble(s, line[0]!);
  const name = line[1];
  if (name?.kind !== 'ident') return warn(s, line[0]!, `cannot read member of enum '${type.name}': ${lineText(s, line)}`);
  const eq = line.findIndex((t) => t.text === '=');
  const value = eq >= 0 && eq + 1 < line.length ? s.r.src.slice(line[eq + 1]!, line.at(-1)!) : undefined;
  type.enumMembers.push({ name: name.value, ...(value ? { value } : {}), quoted: false, attributes: p.attributes, loc: name.loc });
}

/** Tokens as a type in the generic grammar: white space dropped, a type parameter's tick too (`ResizeArray<'T>` → `ResizeArray<T>`). */
function typeText(tokens: readonly Token[]): string {
  return tokens
    .filter((t) => t.text !== "'")
    .map((t) => t.text)
    .join('');
}
