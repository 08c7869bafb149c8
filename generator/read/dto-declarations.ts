/**
 * What the readers of the Kotlin, Java, Swift, Dart and JavaScript DTO sources share, on top of
 * the tokenizer (dto-source.ts): the preamble of a declaration or member (its comments, the
 * attributes ServiceStack writes as `// @Route(…)` comments or `@Route(…)` annotations, modifier
 * words), the type fragment and member fragment built from it, a member type read to where it
 * ends, and the skips over what is no DTO (methods, initializers, blocks).
 *
 * Nothing here throws or recurses on the input.
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { DotNetType } from './dotnet-type.js';
import type { DtoAttributeFragment, DtoLang, DtoMemberFragment, DtoTypeFragment, TsType } from './fragments.js';
import {
  attributeArguments,
  attributeName,
  commentAttributes,
  Cursor,
  descriptionByAttributes,
  lineAt,
  requiredByAttributes,
  routeFromAttribute,
  significant,
  Source,
  tokenize,
  type Dialect,
  type Significant,
  type Token,
} from './dto-source.js';
import type { SourceLine } from './fragments.js';
import { pushAll } from '../arrays.js';

const NO_STOPS: ReadonlySet<string> = new Set();
/** The words that end a supertype in Java, Dart and JavaScript headers. */
export const HEADER_WORDS: ReadonlySet<string> = new Set(['extends', 'implements', 'with']);

export interface Reader {
  src: Source;
  cur: Cursor;
  bag: DiagnosticBag;
  /** How messages name the source: 'Kotlin DTOs'. */
  what: string;
  lang: DtoLang;
  types: DtoTypeFragment[];
}

export function newReader(file: string, lines: SourceLine[], bag: DiagnosticBag, lang: DtoLang, what: string, dialect?: Dialect): Reader {
  const src = new Source(file, lines);
  return { src, cur: new Cursor(significant(tokenize(src, bag, 'SS032', what, dialect))), bag, what, lang, types: [] };
}

export function warn(r: Reader, t: Token | undefined, message: string): void {
  r.bag.warn('SS032', t?.loc ?? r.src.loc(r.src.text.length), `${r.what}: ${message}`);
}

/** What comes before a declaration or member. */
export interface Preamble {
  first: Significant;
  /** The first token after the annotations: where the declaration itself is, its location. */
  start: Significant;
  /** `// @Route(…)` comments and `@Route(…)` annotations, in source order. */
  attributes: DtoAttributeFragment[];
  /** The text of a `/** … *\/` comment. */
  doc?: string;
  modifiers: Set<string>;
}

/** An annotation's token: `@Name` (the tokenizer keeps the `@` in its text only). */
export function isAnnotation(t: Token | undefined): boolean {
  return t?.kind === 'ident' && t.text.startsWith('@');
}

/** Comments, annotations and the given modifier words at the cursor; undefined at the end. */
export function readPreamble(r: Reader, modifiers: ReadonlySet<string>): Preamble | undefined {
  const { cur } = r;
  const first = cur.peek();
  if (!first) return undefined;
  const comments: Token[] = first.leading.slice();
  const annotations: DtoAttributeFragment[] = [];
  const words = new Set<string>();
  let start: Significant | undefined;
  for (;;) {
    const t = cur.peek();
    if (t && t !== first) pushAll(comments, t.leading);
    if (t && !isAnnotation(t)) start ??= t;
    if (isAnnotation(t)) {
      const a = readAnnotation(r);
      if (a) annotations.push(a);
    } else if (t?.kind === 'ident' && modifiers.has(t.value) && cur.peek(1)?.kind === 'ident') {
      words.add(t.value);
      cur.next();
    } else break;
  }
  const { attributes, doc } = commentAttributes(r.src, comments, r.bag, r.what);
  const all = [...attributes, ...annotations].sort((a, b) => a.loc.line - b.loc.line || (a.loc.column ?? 0) - (b.loc.column ?? 0));
  return { first, start: start ?? first, attributes: all, ...(doc ? { doc } : {}), modifiers: words };
}

/** At `@Name`: the annotation with its arguments (`@Route(Path="/x", Verbs="GET")`); undefined (reported) when they do not read. */
function readAnnotation(r: Reader): DtoAttributeFragment | undefined {
  const { cur } = r;
  const at = cur.next()!;
  let name = at.value;
  while (cur.is('.') && cur.peek(1)?.kind === 'ident') {
    cur.next();
    name += `.${cur.next()!.value}`;
  }
  const attribute = { name: attributeName(name.split('.').pop()!), args: [] as string[], named: {} as Record<string, string>, loc: at.loc };
  if (!cur.is('(') || cur.peek()!.loc.line !== cur.previous!.loc.line) return attribute;
  const from = cur.i + 1;
  if (!cur.skipBalanced()) {
    warn(r, at, `cannot read annotation '@${name}': its arguments are not closed`);
    return undefined;
  }
  const parsed = attributeArguments(r.src, cur.tokens.slice(from, cur.i - 1));
  if (!parsed) warn(r, at, `cannot read annotation: ${lineAt(r.src, at)}`);
  return parsed && { ...attribute, ...parsed };
}

/** A class, interface or enum, with the routes and description its preamble states. */
export function declaredType(r: Reader, kind: DtoTypeFragment['kind'], name: string, typeParameters: string[], p: Preamble): DtoTypeFragment {
  const description = descriptionByAttributes(p.attributes) ?? p.doc;
  const routes = p.attributes
    .filter((a) => a.name === 'Route')
    .flatMap((a) => {
      const route = routeFromAttribute(a);
      if (!('error' in route)) return [route];
      r.bag.warn('SS032', a.loc, `${r.what}: ${route.error}`);
      return [];
    });
  return {
    lang: r.lang,
    kind,
    name,
    typeParameters,
    bases: [],
    implements: [],
    ...(description ? { description } : {}),
    attributes: p.attributes,
    routes,
    members: [],
    enumMembers: [],
    loc: p.start.loc,
  };
}

/** A member as its preamble and type state it; the type not reading is reported (SS033). */
export function declaredMember(
  r: Reader,
  owner: string,
  name: string,
  typeText: string,
  parsed: { langType?: DotNetType | undefined; tsType?: TsType | undefined },
  p: Preamble,
  optional = false,
): DtoMemberFragment {
  if (!parsed.langType && !parsed.tsType)
    r.bag.warn(
      'SS033',
      p.start.loc,
      `${r.what}: cannot read the type of '${owner}.${name}': ${typeText.length > 80 ? `${typeText.slice(0, 77)}...` : typeText || '(none)'}`,
    );
  const description = descriptionByAttributes(p.attributes) ?? p.doc;
  return {
    name,
    typeText,
    ...(parsed.langType ? { langType: parsed.langType } : {}),
    ...(parsed.tsType ? { tsType: parsed.tsType } : {}),
    optional,
    ...(description ? { description } : {}),
    required: requiredByAttributes(p.attributes),
    attributes: p.attributes,
    loc: p.start.loc,
  };
}

/**
 * A type as written, from the cursor: to a `=`, `;`, `{` or `}` (no type holds one), to a `,` or `)`
 * outside brackets (and a `(`, with `call`: Kotlin's `Base()`), to one of the `stops` words
 * (`implements`), or to a line end where the type cannot go on (`,` or `<` ending the line, `>`
 * starting the next): ServiceStack writes a type on one line, so a broken one ends with its line.
 */
export function typeText(r: Reader, call = false, stops: ReadonlySet<string> = NO_STOPS): string {
  const { cur, src } = r;
  let first: Token | undefined;
  let last: Token | undefined;
  let depth = 0;
  while (!cur.done) {
    const t = cur.peek()!;
    const punct = t.kind === 'punct' ? t.text : '';
    if (punct === '=' || punct === ';' || punct === '{' || punct === '}') break;
    if (depth === 0 && (punct === ')' || punct === ',' || (call && punct === '('))) break;
    if (depth === 0 && t.kind === 'ident' && stops.has(t.value)) break;
    if (last && t.loc.line > last.loc.line && !((last.kind === 'punct' && ',<:'.includes(last.text)) || punct === '>')) break;
    if (punct === '<' || punct === '(' || punct === '[') depth++;
    if (punct === '>' || punct === ')' || punct === ']') depth = Math.max(0, depth - 1);
    cur.next();
    first ??= t;
    last = t;
  }
  return first && last ? src.slice(first, last) : '';
}

/**
 * Past the rest of a statement that is no member (a method, an initializer, a nested block): to the
 * `;` ending it, past a `{…}` block that ends it, or to its line's end (Kotlin and Swift end
 * statements there), brackets balanced; never past the `}` closing the enclosing body.
 */
/** `A, B<C>, D` (after `implements`, Swift's `:`…): each type as written, each ending at a comma or one of `stops`. */
export function typeTexts(r: Reader, stops: ReadonlySet<string> = NO_STOPS): string[] {
  const out: string[] = [];
  do {
    const text = typeText(r, false, stops);
    if (text) out.push(text);
  } while (r.cur.eat(','));
  return out;
}

export function skipStatementOrLine(r: Reader, from: Token): void {
  const { cur } = r;
  let depth = 0;
  let line = from.loc.line;
  while (!cur.done) {
    const t = cur.peek()!;
    const punct = t.kind === 'punct' ? t.text : '';
    if (depth === 0 && t.loc.line > line && !continuesStatement(cur.previous, t)) return;
    if (depth === 0 && punct === '}') return;
    if (depth === 0 && punct === ';') {
      cur.next();
      return;
    }
    if (punct === '{' || punct === '(' || punct === '[') depth++;
    if (punct === '}' || punct === ')' || punct === ']') {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && punct === '}') {
        cur.next();
        if (!cur.is(';') && !cur.is(')') && !cur.is('.')) return; // a block ends the statement (`fun f() { … }`), not `=> {…};`
        continue;
      }
    }
    line = Math.max(line, t.loc.line);
    cur.next();
  }
}

/** Whether a statement goes on from `last` on the next line (`=`, `=>`, `.` or an open operator at a line's end or start). */
function continuesStatement(last: Token | undefined, t: Token): boolean {
  const ends = last?.kind === 'punct' && '=>.,:+-*|&'.includes(last.text);
  const starts = t.kind === 'punct' && '.=?:'.includes(t.text);
  return ends || starts;
}

/** The tokens a type written before its field's name holds: names, `<`, `>`, `,`, `.`, `?`, `[`, `]`. */
const TYPE_PUNCT = new Set(['<', '>', ',', '.', '?', '[', ']']);

/**
 * At a member written type first (Java's `public String name = null;`, Dart's `String? name;`):
 * the field's name and type, the cursor left at the `=` or `;` after the name. `other`, the cursor
 * unmoved, for what is no field and no mistake: a method or constructor (a `(` comes first), a Dart
 * getter (`int get value => _value;`), a nested block; undefined for anything else (unreadable).
 */
export function typeFirstField(r: Reader): { name: Token; typeText: string } | 'other' | undefined {
  const { cur } = r;
  let depth = 0;
  for (let k = cur.i; k < cur.tokens.length && k - cur.i < 64; k++) {
    const t = cur.tokens[k]!;
    const punct = t.kind === 'punct' ? t.text : '';
    if (punct === '<') depth++;
    if (punct === '>') depth = Math.max(0, depth - 1);
    if (depth > 0 || punct === '<' || punct === '>') continue;
    if (punct === '(' || punct === '{' || punct === '}') return 'other';
    if (punct !== '=' && punct !== ';') continue;
    const name = cur.tokens[k - 1]!;
    if (cur.tokens[k + 1]?.text === '>') return 'other';
    const type = cur.tokens.slice(cur.i, k - 1);
    if (type.some((x) => x.kind === 'ident' && (x.value === 'get' || x.value === 'set'))) return 'other';
    if (k - 1 <= cur.i || name.kind !== 'ident' || !type.every((x) => x.kind === 'ident' || TYPE_PUNCT.has(x.text))) return undefined;
    const typeText = r.src.slice(type[0]!, type.at(-1)!);
    cur.i = k;
    return { name, typeText };
  }
  return undefined;
}
