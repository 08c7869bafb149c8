/**
 * Reads ServiceStack's TypeScript DTO source (the `&lang=typescript` tab, `/types/typescript`):
 * classes and interfaces with their `extends` / `implements`, properties (named as they travel:
 * `customerId`), string and numeric enums, string unions, and the attributes ServiceStack writes
 * as comments (`// @Route("/orders", "POST")`, `// @ApiMember(Description="…", IsRequired=true)`,
 * `// @DataMember(Name="…")`) and descriptions (`/** @description … *\/`). Only records what is
 * written; the model decides what it means (TypeScript's `number` says nothing of int vs double).
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                                   |
 * | ----- | -------- | ------------------------------------------------------------------------- |
 * | SS032 | warning  | a declaration, member or attribute not understood (skipped), unterminated comment or string |
 * | SS033 | warning  | a member type that is not ServiceStack's TypeScript (member kept, type unknown) |
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { DtoAttributeFragment, DtoEnumMemberFragment, DtoMemberFragment, DtoTypeFragment, SourceLine, TsType } from './fragments.js';
import {
  append,
  clip,
  commentAttributes,
  Cursor,
  descriptionByAttributes,
  lineAt,
  typeList,
  typeParameters,
  requiredByAttributes,
  routeFromAttribute,
  significant,
  Source,
  splitTypeTokens,
  tokenize,
  type Significant,
  type Token,
} from './dto-source.js';

const WHAT = 'TypeScript DTOs';
const DECLARATION_MODIFIERS = new Set(['export', 'declare', 'default', 'abstract', 'const']);
const MEMBER_MODIFIERS = new Set(['public', 'private', 'protected', 'readonly', 'static', 'declare', 'abstract', 'override', 'accessor']);
/** Modules nest no deeper than this (ServiceStack writes one at most). */
const MAX_MODULE_DEPTH = 8;

interface Ctx {
  src: Source;
  cur: Cursor;
  bag: DiagnosticBag;
  types: DtoTypeFragment[];
}

export function readTypeScriptDtos(file: string, lines: SourceLine[], bag: DiagnosticBag): DtoTypeFragment[] {
  const src = new Source(file, lines);
  const cur = new Cursor(significant(tokenize(src, bag, 'SS032', WHAT)));
  const ctx: Ctx = { src, cur, bag, types: [] };
  readDeclarations(ctx, 0);
  return ctx.types;
}

function warn(ctx: Ctx, t: Token | undefined, message: string): void {
  ctx.bag.warn('SS032', t?.loc ?? ctx.src.loc(ctx.src.text.length), `${WHAT}: ${message}`);
}

/** Declarations until the `}` closing a module (not consumed) or the end. */
function readDeclarations(ctx: Ctx, depth: number): void {
  const { cur } = ctx;
  while (!cur.done) {
    if (cur.is('}')) {
      if (depth > 0) return;
      warn(ctx, cur.next(), "a '}' that closes nothing; skipped");
      continue;
    }
    const first = cur.peek()!;
    let j = 0;
    while (cur.peek(j)?.kind === 'ident' && DECLARATION_MODIFIERS.has(cur.peek(j)!.value) && cur.peek(j + 1)?.kind === 'ident') j++;
    const keyword = cur.peek(j);
    const word = keyword?.kind === 'ident' ? keyword.value : '';
    if (word === 'import') {
      cur.skipStatement();
    } else if (word === 'class' || word === 'interface') {
      cur.i += j + 1;
      readClass(ctx, word, first);
    } else if (word === 'enum') {
      cur.i += j + 1;
      readEnum(ctx, first);
    } else if (word === 'type' && cur.peek(j + 1)?.kind === 'ident') {
      cur.i += j + 1;
      readTypeAlias(ctx, first);
    } else if ((word === 'module' || word === 'namespace') && depth < MAX_MODULE_DEPTH) {
      cur.i += j + 1;
      while (cur.peek()?.kind === 'ident' || cur.peek()?.kind === 'string' || cur.is('.')) cur.next();
      if (!cur.eat('{')) {
        warn(ctx, first, `cannot read module declaration: ${lineAt(ctx.src, first)}`);
        cur.skipToLineEnd(first);
        continue;
      }
      readDeclarations(ctx, depth + 1);
      if (!cur.eat('}')) warn(ctx, first, 'module is not closed');
    } else {
      warn(ctx, first, `cannot read: ${lineAt(ctx.src, first)}`);
      cur.skipToLineEnd(first);
    }
  }
}

/** The attributes (`// @Name(args)`) and the description (`/** … *\/`) among comments. */
function readComments(ctx: Ctx, comments: readonly Token[]): { attributes: DtoAttributeFragment[]; doc?: string } {
  return commentAttributes(ctx.src, comments, ctx.bag, WHAT);
}

function readClass(ctx: Ctx, keyword: 'class' | 'interface', first: Significant): void {
  const { cur } = ctx;
  const nameToken = cur.peek();
  if (nameToken?.kind !== 'ident') {
    warn(ctx, first, `cannot read ${keyword} declaration: ${lineAt(ctx.src, first)}`);
    cur.skipToLineEnd(first);
    return;
  }
  cur.next();
  const params = typeParameters(ctx.cur);
  const bases: string[] = [];
  const implemented: string[] = [];
  for (;;) {
    if (cur.eat('extends')) append(bases, typeList(ctx.cur, ctx.src, ['implements', 'extends']));
    else if (cur.eat('implements')) append(implemented, typeList(ctx.cur, ctx.src, ['implements', 'extends']));
    else break;
  }
  if (!cur.is('{')) {
    warn(ctx, first, `cannot read ${keyword} '${nameToken.value}': no '{' after its declaration`);
    cur.skipToLineEnd(first);
    return;
  }
  cur.next();
  const { attributes, doc } = readComments(ctx, first.leading);
  const type = dtoType(ctx, keyword, nameToken.value, params, attributes, doc, first);
  type.bases = bases;
  type.implements = implemented;
  readMembers(ctx, type);
  if (!cur.eat('}')) warn(ctx, first, `${keyword} '${type.name}' is not closed`);
  ctx.types.push(type);
}

function dtoType(
  ctx: Ctx,
  kind: DtoTypeFragment['kind'],
  name: string,
  params: string[],
  attributes: DtoAttributeFragment[],
  doc: string | undefined,
  first: Token,
): DtoTypeFragment {
  const description = descriptionByAttributes(attributes) ?? doc;
  const routes = attributes
    .filter((a) => a.name === 'Route')
    .flatMap((a) => {
      const r = routeFromAttribute(a);
      if ('error' in r) {
        warn(ctx, { ...first, loc: a.loc }, r.error);
        return [];
      }
      return [r];
    });
  return {
    lang: 'typescript',
    kind,
    name,
    typeParameters: params,
    bases: [],
    implements: [],
    ...(description ? { description } : {}),
    attributes,
    routes,
    members: [],
    enumMembers: [],
    loc: first.loc,
  };
}

/** Class and interface bodies: properties are read, methods, constructors and index signatures skipped. */
function readMembers(ctx: Ctx, type: DtoTypeFragment): void {
  const { cur } = ctx;
  while (!cur.done && !cur.is('}')) {
    const first = cur.peek()!;
    if (cur.eat(';') || cur.eat(',')) continue;
    while (cur.peek()?.kind === 'ident' && MEMBER_MODIFIERS.has(cur.peek()!.value) && (cur.peek(1)?.kind === 'ident' || cur.peek(1)?.kind === 'string'))
      cur.next();
    const nameToken = cur.peek()!;
    if (cur.is('[')) {
      cur.skipStatement(); // an index signature: `[Key: string]: T;`
      continue;
    }
    if ((nameToken.kind === 'ident' || nameToken.kind === 'string') && (cur.is('(', 1) || cur.is('<', 1))) {
      cur.next();
      skipMethod(ctx);
      continue;
    }
    if (nameToken.kind !== 'ident' && nameToken.kind !== 'string') {
      warn(ctx, first, `cannot read member of '${type.name}': ${lineAt(ctx.src, first)}`);
      cur.skipToLineEnd(first);
      continue;
    }
    cur.next();
    const optional = cur.eat('?');
    cur.eat('!');
    if (!cur.eat(':')) {
      warn(ctx, first, `cannot read member of '${type.name}' (no type): ${lineAt(ctx.src, first)}`);
      cur.skipToLineEnd(first);
      continue;
    }
    const typeText = typeTokens(ctx);
    if (cur.eat('=')) skipInitializer(ctx);
    const { attributes, doc } = readComments(ctx, first.leading);
    const tsType = parseTsType(typeText);
    if (!tsType) ctx.bag.warn('SS033', first.loc, `${WHAT}: cannot read the type of '${type.name}.${nameToken.value}': ${clip(typeText) || '(none)'}`);
    const description = descriptionByAttributes(attributes) ?? doc;
    const member: DtoMemberFragment = {
      name: nameToken.value,
      typeText,
      ...(tsType ? { tsType } : {}),
      optional,
      ...(description ? { description } : {}),
      required: requiredByAttributes(attributes),
      attributes,
      loc: first.loc,
    };
    type.members.push(member);
  }
}

/** At `(` or `<` after a method's name: past its parameters, return type and body. */
function skipMethod(ctx: Ctx): void {
  const { cur } = ctx;
  if (cur.is('<')) cur.skipAngles();
  if (!cur.is('(')) return cur.skipToLineEnd(cur.previous ?? cur.peek()!);
  const start = cur.peek()!;
  if (!cur.skipBalanced()) return warn(ctx, start, `unclosed '(': the rest of the source is skipped`);
  if (cur.eat(':')) typeTokens(ctx, true);
  const body = cur.peek();
  if (body && cur.is('{') && !cur.skipBalanced()) warn(ctx, body, `unclosed '{': the rest of the source is skipped`);
  else cur.eat(';');
}

/**
 * A type after `:`: to `;` or `}` outside a type literal, to `=`, `,` or `)` outside any bracket,
 * or to a line end where the type cannot go on. `<` cannot hold a `;`, so a broken generic ends there.
 */
function typeTokens(ctx: Ctx, methodReturn = false): string {
  const { cur, src } = ctx;
  let first: Token | undefined;
  let last: Token | undefined;
  let braces = 0;
  let other = 0;
  while (!cur.done) {
    const t = cur.peek()!;
    const punct = t.kind === 'punct' ? t.text : '';
    if (braces === 0 && (punct === ';' || punct === '}')) break;
    if (braces === 0 && other === 0 && (punct === '=' || punct === ',' || punct === ')')) break;
    if (braces === 0 && other === 0 && methodReturn && punct === '{' && last) break;
    if (braces === 0 && other === 0 && last && t.loc.line > last.loc.line && !continues(last, t)) break;
    if (punct === '{') braces++;
    if (punct === '}') braces--;
    if (punct === '<' || punct === '(' || punct === '[') other++;
    if (punct === '>' || punct === ')' || punct === ']') other = Math.max(0, other - 1);
    cur.next();
    first ??= t;
    last = t;
  }
  return first && last ? src.slice(first, last) : '';
}

/** Whether a type written over two lines goes on from `last` to `t`. */
function continues(last: Token, t: Token): boolean {
  return (last.kind === 'punct' && '|&,<([{:'.includes(last.text)) || (t.kind === 'punct' && '|&[>'.includes(t.text));
}

/** After `=`: to the `;` (or `,` / `}`) ending the member, brackets balanced. */
function skipInitializer(ctx: Ctx): void {
  const { cur } = ctx;
  let depth = 0;
  while (!cur.done) {
    const t = cur.peek()!;
    if (t.kind === 'punct') {
      if (depth === 0 && (t.text === ';' || t.text === ',' || t.text === '}')) break;
      if ('([{'.includes(t.text)) depth++;
      if (')]}'.includes(t.text)) depth--;
    }
    cur.next();
  }
}

function readEnum(ctx: Ctx, first: Significant): void {
  const { cur } = ctx;
  const name = cur.ident();
  if (!name || !cur.eat('{')) {
    warn(ctx, first, `cannot read enum declaration: ${lineAt(ctx.src, first)}`);
    cur.skipToLineEnd(first);
    return;
  }
  const { attributes, doc } = readComments(ctx, first.leading);
  const type = dtoType(ctx, 'enum', name, [], attributes, doc, first);
  while (!cur.done && !cur.is('}')) {
    const m = cur.peek()!;
    if (cur.eat(',')) continue;
    if (m.kind !== 'ident' && m.kind !== 'string') {
      warn(ctx, m, `cannot read member of enum '${name}': ${lineAt(ctx.src, m)}`);
      skipEnumMember(ctx);
      continue;
    }
    cur.next();
    const member: DtoEnumMemberFragment = { name: m.value, quoted: false, attributes: readComments(ctx, m.leading).attributes, loc: m.loc };
    if (cur.eat('=')) {
      const from = cur.i;
      skipEnumMember(ctx);
      const valueTokens = cur.tokens.slice(from, cur.i);
      const only = valueTokens.length === 1 ? valueTokens[0]! : undefined;
      if (!valueTokens.length) warn(ctx, m, `enum member '${name}.${m.value}' has no value after '='`);
      else if (only?.kind === 'string') Object.assign(member, { value: only.value, quoted: true });
      else member.value = ctx.src.slice(valueTokens[0]!, valueTokens.at(-1)!);
    }
    type.enumMembers.push(member);
  }
  if (!cur.eat('}')) warn(ctx, first, `enum '${name}' is not closed`);
  ctx.types.push(type);
}

/** To the `,` or `}` ending an enum member. */
function skipEnumMember(ctx: Ctx): void {
  const { cur } = ctx;
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

/** `type X = "A" | "B";`: a string union, ServiceStack's enums when UseUnionTypeEnums is set. */
function readTypeAlias(ctx: Ctx, first: Significant): void {
  const { cur } = ctx;
  const name = cur.ident()!;
  typeParameters(ctx.cur);
  if (!cur.eat('=')) {
    warn(ctx, first, `cannot read type alias: ${lineAt(ctx.src, first)}`);
    cur.skipToLineEnd(first);
    return;
  }
  const from = cur.i;
  const text = typeTokens(ctx);
  cur.eat(';');
  const literals = stringLiteralUnion(text);
  if (!literals) {
    warn(ctx, first, `type alias '${name}' is not a union of string literals; not read`);
    return;
  }
  const { attributes, doc } = readComments(ctx, first.leading);
  const type = dtoType(ctx, 'enum', name, [], attributes, doc, first);
  const strings = cur.tokens.slice(from, cur.i).filter((t) => t.kind === 'string');
  type.enumMembers = literals.map((value, k) => ({ name: value, value, quoted: true, attributes: [], loc: strings[k]?.loc ?? first.loc }));
  ctx.types.push(type);
}

// ---- TypeScript types ----

const TYPE_TOKEN = /\s*([\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|[[\]{}<>(),|&:;?])\s*/uy;

/** Type arguments nest no deeper than this (real ones: 3 or 4). */
const MAX_TYPE_DEPTH = 32;

const isQuoted = (t: string | undefined) => t !== undefined && /^['"]/.test(t);
const unquote = (t: string) => t.slice(1, -1).replace(/\\(.)/g, '$1');

/**
 * ServiceStack's TypeScript types: `string`, `number`, `boolean`, names with type arguments,
 * `T[]`, `Array<T>`, `{ [index:string]: T; }`, `Record<K, T>`, parentheses, and `| null` /
 * `| undefined`. Undefined for anything else (other unions, intersections, functions).
 */
export function parseTsType(text: string): TsType | undefined {
  const tokens = splitTypeTokens(TYPE_TOKEN, text);
  if (!tokens?.length) return undefined;
  let pos = 0;
  const peek = () => tokens[pos];
  const eat = (t: string) => (tokens[pos] === t ? (pos++, true) : false);

  const union = (depth: number): TsType | undefined => {
    if (depth > MAX_TYPE_DEPTH) return undefined;
    eat('|');
    const parts: TsType[] = [];
    for (;;) {
      const p = postfix(depth);
      if (!p) return undefined;
      parts.push(p);
      if (!eat('|')) break;
    }
    const isNull = (p: TsType) => p.kind === 'name' && (p.name === 'null' || p.name === 'undefined') && !p.args.length;
    const rest = parts.filter((p) => !isNull(p));
    if (rest.length !== 1) return parts.length === 1 ? parts[0] : undefined;
    return rest.length < parts.length ? { kind: 'nullable', of: rest[0]! } : rest[0];
  };
  const postfix = (depth: number): TsType | undefined => {
    let t = primary(depth);
    while (t && peek() === '[' && tokens[pos + 1] === ']') {
      pos += 2;
      t = { kind: 'array', of: t };
    }
    return t;
  };
  const primary = (depth: number): TsType | undefined => {
    const head = tokens[pos++];
    if (head === undefined) return undefined;
    if (head === '(') {
      const inner = union(depth + 1);
      return inner && eat(')') ? inner : undefined;
    }
    if (head === '{') {
      // `{ [index:string]: T; }`
      if (!eat('[') || !/^[\p{L}_$]/u.test(peek() ?? '')) return undefined;
      pos++;
      if (!eat(':')) return undefined;
      const key = union(depth + 1);
      if (!key || !eat(']') || !eat(':')) return undefined;
      const value = union(depth + 1);
      if (!value) return undefined;
      eat(';') || eat(',');
      return eat('}') ? { kind: 'dict', key, value } : undefined;
    }
    if (isQuoted(head)) return { kind: 'literal', value: unquote(head) };
    if (!/^[\p{L}_$]/u.test(head)) return undefined;
    const args: TsType[] = [];
    if (eat('<')) {
      for (;;) {
        const a = union(depth + 1);
        if (!a) return undefined;
        args.push(a);
        if (eat('>')) break;
        if (!eat(',')) return undefined;
      }
    }
    if (head === 'Array' && args.length === 1) return { kind: 'array', of: args[0]! };
    if (head === 'Record' && args.length === 2) return { kind: 'dict', key: args[0]!, value: args[1]! };
    return { kind: 'name', name: head, args };
  };

  const type = union(0);
  return type && pos === tokens.length ? type : undefined;
}

/** `"A" | "B" | 'C'` → the strings; undefined for any other type. */
export function stringLiteralUnion(text: string): string[] | undefined {
  const tokens = splitTypeTokens(TYPE_TOKEN, text);
  if (!tokens?.length) return undefined;
  const values: string[] = [];
  let pos = tokens[0] === '|' ? 1 : 0;
  for (;;) {
    const t = tokens[pos++];
    if (!isQuoted(t)) return undefined;
    values.push(unquote(t!));
    if (pos === tokens.length) return values;
    if (tokens[pos++] !== '|') return undefined;
  }
}
