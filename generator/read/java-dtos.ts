/**
 * Reads ServiceStack's Java DTO source (the `&lang=java` tab, `/types/java`;
 * ServiceStack/src/ServiceStack/NativeTypes/Java/JavaGenerator.cs): the `public static class X
 * extends Base implements IReturn<Y>` classes nested in the file's one wrapper class (`public class
 * dtos`, no DTO itself), their fields (`public String name = null;`, named as they travel,
 * `@SerializedName("…")` where that differs), `enum`s with their values, `interface`s, and the
 * annotations (`@Route(Path="/x", Verbs="GET")`, a repeated one commented out: `// @Route(…)`;
 * `@ApiMember(…)`, `@DataMember(Name=…)`). Accessors, `responseType` and other static members are
 * skipped. Only records what is written; the model decides what it means.
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                                   |
 * | ----- | -------- | ------------------------------------------------------------------------- |
 * | SS032 | warning  | a declaration, member or annotation not understood (skipped), unterminated comment or string |
 * | SS033 | warning  | a field type not readable (member kept, type unknown)                      |
 */
import type { DiagnosticBag } from '../diagnostics.js';
import {
  declaredMember,
  declaredType,
  HEADER_WORDS,
  newReader,
  readPreamble,
  skipStatementOrLine,
  typeFirstField,
  typeTexts,
  warn,
  type Preamble,
  type Reader,
} from './dto-declarations.js';
import { lineAt, typeParameters } from './dto-source.js';
import { parseDotNetType } from './dotnet-type.js';
import type { DtoTypeFragment, SourceLine } from './fragments.js';
import { pushAll } from '../arrays.js';

const MODIFIERS = new Set(['public', 'private', 'protected', 'static', 'final', 'abstract', 'transient', 'volatile', 'synchronized', 'default']);
const TYPE_KEYWORDS = new Set(['class', 'interface', 'enum']);
/** Types nest no deeper than this (ServiceStack writes two levels: the wrapper and the DTOs). */
const MAX_DEPTH = 8;

export function readJavaDtos(file: string, lines: SourceLine[], bag: DiagnosticBag): DtoTypeFragment[] {
  const r = newReader(file, lines, bag, 'java', 'Java DTOs');
  readBody(r, undefined, 0);
  return r.types;
}

/** Declarations and members up to the `}` closing `owner` (not consumed), or the end of the file. */
function readBody(r: Reader, owner: DtoTypeFragment | undefined, depth: number): void {
  const { cur } = r;
  while (!cur.done && !(owner && cur.is('}'))) {
    const start = cur.i;
    if (cur.eat(';')) continue;
    const word = cur.peek()!.kind === 'ident' ? cur.peek()!.value : '';
    if (!owner && (word === 'package' || word === 'import')) {
      skipStatementOrLine(r, cur.peek()!);
      continue;
    }
    const p = readPreamble(r, MODIFIERS)!;
    const keyword = cur.peek()?.kind === 'ident' ? cur.peek()!.value : '';
    if (TYPE_KEYWORDS.has(keyword) && depth < MAX_DEPTH) readType(r, p, depth);
    else if (cur.done || cur.is('}')) warn(r, p.first, 'annotations followed by no declaration');
    else if (owner) readMember(r, owner, p);
    else {
      warn(r, p.first, `cannot read: ${lineAt(r.src, p.first)}`);
      skipStatementOrLine(r, p.first);
    }
    if (cur.i === start) cur.next();
  }
}

/** At `class`, `interface` or `enum`. A top-level class holding only other classes is the file's wrapper: no DTO. */
function readType(r: Reader, p: Preamble, depth: number): void {
  const { cur } = r;
  const keyword = cur.next()!.value;
  const nameToken = cur.peek();
  if (nameToken?.kind !== 'ident') {
    warn(r, p.first, `cannot read ${keyword} declaration: ${lineAt(r.src, p.first)}`);
    skipStatementOrLine(r, p.first);
    return;
  }
  cur.next();
  const type = declaredType(r, keyword === 'enum' ? 'enum' : keyword === 'interface' ? 'interface' : 'class', nameToken.value, typeParameters(cur), p);
  for (;;) {
    if (cur.eat('extends')) pushAll(keyword === 'interface' ? type.implements : type.bases, typeTexts(r, HEADER_WORDS));
    else if (cur.eat('implements')) pushAll(type.implements, typeTexts(r, HEADER_WORDS));
    else break;
  }
  if (!cur.eat('{')) {
    warn(r, p.first, `cannot read ${keyword} '${type.name}': no '{' after its declaration`);
    skipStatementOrLine(r, p.first);
    return;
  }
  const at = r.types.push(type) - 1;
  const before = r.types.length;
  if (keyword === 'enum') readEnumEntries(r, type);
  readBody(r, type, depth + 1);
  if (!cur.eat('}')) warn(r, p.first, `${keyword} '${type.name}' is not closed`);
  const wrapper = depth === 0 && keyword === 'class' && !type.members.length && r.types.length > before;
  if (wrapper) r.types.splice(at, 1);
}

/** `A,` `@SerializedName("2") B(2);` … up to `;` or the body's end. */
function readEnumEntries(r: Reader, type: DtoTypeFragment): void {
  const { cur } = r;
  while (!cur.done && !cur.is('}')) {
    if (cur.eat(',')) continue;
    if (cur.eat(';')) return;
    const p = readPreamble(r, MODIFIERS)!;
    const name = cur.peek();
    if (name?.kind !== 'ident') return;
    cur.next();
    let value: string | undefined;
    if (cur.is('(')) {
      const from = cur.i + 1;
      cur.skipBalanced();
      if (cur.i - 2 >= from) value = r.src.slice(cur.tokens[from]!, cur.tokens[cur.i - 2]!);
    }
    type.enumMembers.push({ name: name.value, ...(value ? { value } : {}), quoted: false, attributes: p.attributes, loc: name.loc });
  }
}

/** A field (`public String name = null;`); methods, constructors and static members are skipped. */
function readMember(r: Reader, owner: DtoTypeFragment, p: Preamble): void {
  const { cur } = r;
  // An enum's fields (`private final int value;`) and static ones (`responseType`) are no DTO members.
  const field = p.modifiers.has('static') || owner.kind === 'enum' ? 'other' : typeFirstField(r);
  if (field === undefined) warn(r, p.first, `cannot read member of '${owner.name}': ${lineAt(r.src, p.first)}`);
  if (field === undefined || field === 'other') {
    skipStatementOrLine(r, p.first);
    return;
  }
  if (cur.is('=')) skipStatementOrLine(r, cur.peek()!);
  else cur.eat(';');
  owner.members.push(declaredMember(r, owner.name, field.name.value, field.typeText, { langType: parseDotNetType(field.typeText) }, p));
}
