/**
 * Reads ServiceStack's C# DTO source (the `&lang=csharp` tab, `/types/csharp`): namespaces,
 * classes (their `: Base, IReturn<T>` list), properties with the .NET type exactly as declared
 * (`int?`, `Nullable<int>`, `List<T>`, `Dictionary<string,string>`), enums, nested types, and
 * attributes (`[Route("/path", "GET")]`, `[ApiMember(Description="…", IsRequired=true)]`,
 * `[DataMember(Name="…")]`, `[Description("…")]`) with `///<summary>` documentation. Only records
 * what is written; the model decides what it means.
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                                   |
 * | ----- | -------- | ------------------------------------------------------------------------- |
 * | SS032 | warning  | a declaration, member or attribute not understood (skipped), unterminated comment or string |
 * | SS033 | warning  | a member type that is not a .NET type (member kept, type unknown)           |
 */
import type { DiagnosticBag } from '../diagnostics.js';
import { parseDotNetType } from './dotnet-type.js';
import type { DtoAttributeFragment, DtoEnumMemberFragment, DtoTypeFragment, SourceLine } from './fragments.js';
import {
  append,
  attributeArguments,
  clip,
  attributeName,
  Cursor,
  descriptionByAttributes,
  lineAt,
  requiredByAttributes,
  routeFromAttribute,
  significant,
  Source,
  tokenize,
  typeList,
  typeParameters,
  xmlDocText,
  type Significant,
  type Token,
} from './dto-source.js';

const WHAT = 'C# DTOs';
const MODIFIERS = new Set([
  'public',
  'private',
  'protected',
  'internal',
  'static',
  'virtual',
  'override',
  'abstract',
  'sealed',
  'new',
  'readonly',
  'required',
  'const',
  'volatile',
  'unsafe',
  'extern',
  'partial',
  'async',
  'file',
  'ref',
]);
const TYPE_KEYWORDS = new Set(['class', 'struct', 'interface', 'record']);
/** Namespaces and nested types nest no deeper than this. */
const MAX_DEPTH = 16;

interface Ctx {
  src: Source;
  cur: Cursor;
  bag: DiagnosticBag;
  types: DtoTypeFragment[];
}

export function readCSharpDtos(file: string, lines: SourceLine[], bag: DiagnosticBag): DtoTypeFragment[] {
  const src = new Source(file, lines);
  const cur = new Cursor(significant(tokenize(src, bag, 'SS032', WHAT)));
  const ctx: Ctx = { src, cur, bag, types: [] };
  readDeclarations(ctx, undefined, 0);
  return ctx.types;
}

function warn(ctx: Ctx, t: Token | undefined, message: string): void {
  ctx.bag.warn('SS032', t?.loc ?? ctx.src.loc(ctx.src.text.length), `${WHAT}: ${message}`);
}

/** What comes before a declaration or member: comments, attributes, modifiers. */
interface Preamble {
  first: Significant;
  /** The first token after the attributes: where the declaration itself is. */
  start: Significant;
  comments: Token[];
  attributes: DtoAttributeFragment[];
}

function readPreamble(ctx: Ctx): Preamble | undefined {
  const { cur } = ctx;
  const first = cur.peek();
  if (!first) return undefined;
  const comments: Token[] = first.leading.slice();
  const attributes: DtoAttributeFragment[] = [];
  while (cur.is('[')) {
    const open = cur.peek()!;
    if (open !== first) append(comments, open.leading);
    append(attributes, readAttributeList(ctx));
  }
  const start = cur.peek() ?? first;
  while (cur.peek()?.kind === 'ident' && MODIFIERS.has(cur.peek()!.value) && cur.peek(1)?.kind === 'ident') {
    append(comments, cur.peek()!.leading);
    cur.next();
  }
  if (cur.peek() && cur.peek() !== first) append(comments, cur.peek()!.leading);
  return { first, start, comments, attributes };
}

/** `[A, B(x, Name="y")]`; an `[assembly: …]` list gives nothing. */
function readAttributeList(ctx: Ctx): DtoAttributeFragment[] {
  const { cur, src } = ctx;
  const open = cur.next()!;
  const out: DtoAttributeFragment[] = [];
  const target = cur.peek()?.kind === 'ident' && cur.is(':', 1) ? cur.peek()!.value : undefined;
  if (target) cur.i += 2;
  while (!cur.done && !cur.is(']')) {
    const nameToken = cur.peek()!;
    if (nameToken.kind !== 'ident') break;
    let name = cur.next()!.value;
    while (cur.is('.') && cur.peek(1)?.kind === 'ident') {
      cur.next();
      name += `.${cur.next()!.value}`;
    }
    let parsed: { args: string[]; named: Record<string, string> } | undefined = { args: [], named: {} };
    if (cur.is('(')) {
      const from = cur.i + 1;
      if (!skipArguments(cur)) {
        warn(ctx, nameToken, `cannot read attribute '${name}': its arguments are not closed`);
        cur.i = from;
        while (!cur.done && cur.peek()!.loc.line === open.loc.line) cur.next();
        return [];
      }
      parsed = attributeArguments(src, cur.tokens.slice(from, cur.i - 1));
    }
    if (parsed) out.push({ name: attributeName(name.split('.').pop()!), ...parsed, loc: nameToken.loc });
    else warn(ctx, nameToken, `cannot read attribute: ${lineAt(src, nameToken)}`);
    if (!cur.eat(',')) break;
  }
  if (!cur.eat(']')) {
    warn(ctx, open, `cannot read attribute list: ${lineAt(src, open)}`);
    // To the `]` closing it on its line, if any.
    while (!cur.done && cur.peek()!.loc.line === open.loc.line && !cur.eat(']')) cur.next();
  }
  return target === 'assembly' || target === 'module' ? [] : out;
}

/**
 * At an attribute's `(`: past its `)`. False, where it stopped, at a `;` or an unopened `}`:
 * arguments hold neither, so the attribute is broken (an unterminated string, say).
 */
function skipArguments(cur: Cursor): boolean {
  let parens = 0;
  let braces = 0;
  while (!cur.done) {
    const t = cur.peek()!;
    if (t.kind === 'punct') {
      if (t.text === ';' || (t.text === '}' && braces === 0)) return false;
      if (t.text === '{') braces++;
      if (t.text === '}') braces--;
      if (t.text === '(') parens++;
      if (t.text === ')' && --parens === 0) {
        cur.next();
        return true;
      }
    }
    cur.next();
  }
  return false;
}

/** `///` documentation (else `/** *\/`) among the comments: its summary. */
function docComment(comments: readonly Token[]): string | undefined {
  const lines = comments.filter((c) => c.text.startsWith('///')).map((c) => c.value.slice(1));
  if (lines.length) return xmlDocText(lines);
  const block = comments.filter((c) => c.text.startsWith('/**')).at(-1);
  return block ? xmlDocText([block.value.replace(/^\*/, '').replace(/^\s*\*/gm, '')]) : undefined;
}

function description(p: Preamble): string | undefined {
  return descriptionByAttributes(p.attributes) ?? docComment(p.comments);
}

/** Declarations until the `}` closing a namespace (not consumed) or the end. */
function readDeclarations(ctx: Ctx, namespace: string | undefined, depth: number): void {
  const { cur } = ctx;
  let ns = namespace;
  while (!cur.done) {
    if (cur.is('}')) {
      if (depth > 0) return;
      warn(ctx, cur.next(), "a '}' that closes nothing; skipped");
      continue;
    }
    if (cur.is('#')) {
      skipLine(cur);
      continue;
    }
    if (cur.eat(';')) continue;
    const p = readPreamble(ctx)!;
    const keyword = cur.peek();
    const word = keyword?.kind === 'ident' ? keyword.value : '';
    if (word === 'using') {
      cur.skipStatement();
    } else if (word === 'namespace') {
      cur.next();
      const name = dottedName(cur);
      if (!name) {
        warn(ctx, p.first, `cannot read namespace declaration: ${lineAt(ctx.src, p.first)}`);
        cur.skipToLineEnd(p.start);
      } else if (cur.eat(';')) {
        ns = name; // file-scoped: for the rest of the file
      } else if (cur.eat('{') && depth < MAX_DEPTH) {
        readDeclarations(ctx, name, depth + 1);
        if (!cur.eat('}')) warn(ctx, p.first, `namespace '${name}' is not closed`);
      } else {
        warn(ctx, p.first, `cannot read namespace declaration: ${lineAt(ctx.src, p.first)}`);
        cur.skipToLineEnd(p.start);
      }
    } else if (TYPE_KEYWORDS.has(word) || word === 'enum') {
      readTypeDeclaration(ctx, p, ns, depth);
    } else if (!keyword || cur.is('}')) {
      warn(ctx, p.first, 'attributes followed by no declaration');
    } else {
      warn(ctx, p.first, `cannot read: ${lineAt(ctx.src, p.first)}`);
      cur.skipToLineEnd(p.start);
    }
  }
}

function dottedName(cur: Cursor): string | undefined {
  let name = cur.ident();
  if (!name) return undefined;
  while (cur.is('.') && cur.peek(1)?.kind === 'ident') {
    cur.next();
    name += `.${cur.next()!.value}`;
  }
  return name;
}

/** Every token on the line of the current one (`#region`, `#nullable enable`). */
function skipLine(cur: Cursor): void {
  const line = cur.peek()?.loc.line;
  while (!cur.done && cur.peek()!.loc.line === line) cur.next();
}

/** At `class`, `struct`, `interface`, `record` or `enum`. */
function readTypeDeclaration(ctx: Ctx, p: Preamble, namespace: string | undefined, depth: number): void {
  const { cur } = ctx;
  let word = cur.next()!.value;
  if (word === 'record' && (cur.is('class') || cur.is('struct'))) word = cur.next()!.value;
  const nameToken = cur.peek();
  if (nameToken?.kind !== 'ident') {
    warn(ctx, p.first, `cannot read ${word} declaration: ${lineAt(ctx.src, p.first)}`);
    cur.skipToLineEnd(p.start);
    return;
  }
  cur.next();
  const params = typeParameters(cur);
  if (word === 'record' && cur.is('(')) cur.skipBalanced();
  const bases = cur.eat(':') ? typeList(cur, ctx.src, ['where']) : [];
  while (!cur.done && !cur.is('{') && !cur.is(';') && !cur.is('}')) cur.next(); // `where T : class`
  const desc = description(p);
  const routes = p.attributes
    .filter((a) => a.name === 'Route')
    .flatMap((a) => {
      const r = routeFromAttribute(a);
      if ('error' in r) {
        ctx.bag.warn('SS032', a.loc, `${WHAT}: ${r.error}`);
        return [];
      }
      return [r];
    });
  const type: DtoTypeFragment = {
    lang: 'csharp',
    kind: word === 'enum' ? 'enum' : word === 'interface' ? 'interface' : 'class',
    name: nameToken.value,
    typeParameters: params,
    ...(namespace ? { namespace } : {}),
    bases: word === 'enum' ? [] : bases,
    implements: [],
    ...(desc ? { description: desc } : {}),
    attributes: p.attributes,
    routes,
    members: [],
    enumMembers: [],
    loc: p.start.loc,
  };
  if (!cur.eat('{')) {
    if (!cur.eat(';')) warn(ctx, p.first, `cannot read ${word} '${type.name}': no '{' after its declaration`);
    ctx.types.push(type);
    return;
  }
  // Nested types are pushed as they are read; the enclosing type comes first.
  ctx.types.push(type);
  if (word === 'enum') readEnumMembers(ctx, type);
  else readMembers(ctx, type, namespace, depth);
  if (!cur.eat('}')) warn(ctx, p.first, `${word} '${type.name}' is not closed`);
}

/** Class bodies: properties and fields are read, methods and constructors skipped, nested types read. */
function readMembers(ctx: Ctx, type: DtoTypeFragment, namespace: string | undefined, depth: number): void {
  const { cur, src } = ctx;
  while (!cur.done && !cur.is('}')) {
    if (cur.is('#')) {
      skipLine(cur);
      continue;
    }
    if (cur.eat(';')) continue;
    const p = readPreamble(ctx)!;
    if (cur.done || cur.is('}')) {
      warn(ctx, p.first, 'attributes followed by no member');
      continue;
    }
    const word = cur.peek()?.kind === 'ident' ? cur.peek()!.value : '';
    if (TYPE_KEYWORDS.has(word) || word === 'enum') {
      if (depth < MAX_DEPTH) readTypeDeclaration(ctx, p, namespace, depth + 1);
      else {
        warn(ctx, p.first, `types nested more than ${MAX_DEPTH} deep; skipped`);
        cur.skipToLineEnd(p.start);
      }
      continue;
    }
    // The type and the name: to `{`, `(`, `;`, `=` or `}`, none of which a type holds.
    const from = cur.i;
    while (!cur.done && !(cur.peek()!.kind === 'punct' && '{(;=}'.includes(cur.peek()!.text))) cur.next();
    const head = cur.tokens.slice(from, cur.i);
    const stop = cur.peek();
    if (stop?.text === '(') {
      skipMethod(ctx);
      continue;
    }
    const nameToken = head.at(-1);
    if (head.length < 2 || nameToken?.kind !== 'ident' || !stop || stop.text === '}') {
      warn(ctx, p.first, `cannot read member of '${type.name}': ${lineAt(src, p.first)}`);
      if (stop?.text !== '}') cur.skipToLineEnd(p.start);
      continue;
    }
    if (stop.text === '{') {
      if (!cur.skipBalanced()) warn(ctx, stop, `unclosed '{': the rest of the source is skipped`);
      if (cur.is('=')) cur.skipStatement(); // `{ get; set; } = [];`
    } else if (stop.text === '=' || stop.text === ';') cur.skipStatement(); // a field, or `=> expression;`
    const typeText = src.slice(head[0]!, head.at(-2)!);
    const dotNetType = parseDotNetType(typeText);
    if (!dotNetType) ctx.bag.warn('SS033', p.start.loc, `${WHAT}: cannot read the type of '${type.name}.${nameToken.value}': ${clip(typeText)}`);
    const desc = description(p);
    type.members.push({
      name: nameToken.value,
      typeText,
      ...(dotNetType ? { dotNetType } : {}),
      optional: false,
      ...(desc ? { description: desc } : {}),
      required: requiredByAttributes(p.attributes),
      attributes: p.attributes,
      loc: p.start.loc,
    });
  }
}

/** At the `(` after a method's or constructor's name: past its parameters, initializer and body. */
function skipMethod(ctx: Ctx): void {
  const { cur } = ctx;
  const open = cur.peek()!;
  if (!cur.skipBalanced()) return warn(ctx, open, `unclosed '(': the rest of the source is skipped`);
  while (!cur.done && !cur.is('{') && !cur.is(';') && !cur.is('=') && !cur.is('}')) {
    if (cur.is('(')) cur.skipBalanced();
    else cur.next(); // `: base(init)`, `where T : …`
  }
  const body = cur.peek();
  if (cur.is('{')) {
    if (!cur.skipBalanced()) warn(ctx, body, `unclosed '{': the rest of the source is skipped`);
  } else if (cur.is('=')) cur.skipStatement();
  else cur.eat(';');
}

function readEnumMembers(ctx: Ctx, type: DtoTypeFragment): void {
  const { cur, src } = ctx;
  while (!cur.done && !cur.is('}')) {
    if (cur.eat(',')) continue;
    if (cur.is('#')) {
      skipLine(cur);
      continue;
    }
    const p = readPreamble(ctx)!;
    const m = cur.peek();
    if (!m || m.text === '}') {
      warn(ctx, p.first, `attributes followed by no member of enum '${type.name}'`);
      continue;
    }
    if (m.kind !== 'ident') {
      warn(ctx, p.first, `cannot read member of enum '${type.name}': ${lineAt(src, p.first)}`);
      skipEnumMember(cur);
      continue;
    }
    cur.next();
    const member: DtoEnumMemberFragment = { name: m.value, quoted: false, attributes: p.attributes, loc: m.loc };
    if (cur.eat('=')) {
      const from = cur.i;
      skipEnumMember(cur);
      const value = cur.tokens.slice(from, cur.i);
      if (value.length) member.value = src.slice(value[0]!, value.at(-1)!);
      else warn(ctx, m, `enum member '${type.name}.${m.value}' has no value after '='`);
    }
    type.enumMembers.push(member);
  }
}

/** To the `,` or `}` ending an enum member. */
function skipEnumMember(cur: Cursor): void {
  let depth = 0;
  while (!cur.done) {
    const t = cur.peek()!;
    if (t.kind === 'punct') {
      if (depth === 0 && (t.text === ',' || t.text === '}')) return;
      if ('([{'.includes(t.text)) depth++;
      if (')]}'.includes(t.text)) depth--;
    }
    cur.next();
  }
}
