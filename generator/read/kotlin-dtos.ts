/**
 * Reads ServiceStack's Kotlin DTO source (the `&lang=kotlin` tab, `/types/kotlin`;
 * ServiceStack/src/ServiceStack/NativeTypes/Kotlin/KotlinGenerator.cs): `open class X : Base(),
 * IReturn<Y>` (the supertype called as a constructor is the base class), `open var name:Type? = null`
 * properties (named as they travel, `@SerializedName("…")` where that differs), `enum class`,
 * `interface`, and the annotations (`@Route(Path="/x", Verbs="GET")`, a repeated one commented out:
 * `// @Route(…)`; `@ApiMember(…)`, `@DataMember(Name=…)`). The `companion object` and
 * `getResponseType()` plumbing and other functions are skipped. Only records what is written;
 * the model decides what it means (every property is `T?`: Kotlin's `?` says nothing here).
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                                   |
 * | ----- | -------- | ------------------------------------------------------------------------- |
 * | SS032 | warning  | a declaration, member or annotation not understood (skipped), unterminated comment or string |
 * | SS033 | warning  | a property type not readable (member kept, type unknown)                   |
 */
import type { DiagnosticBag } from '../diagnostics.js';
import { declaredMember, declaredType, newReader, readPreamble, skipStatementOrLine, typeText, warn, type Preamble, type Reader } from './dto-declarations.js';
import { lineAt, typeParameters } from './dto-source.js';
import { parseDotNetType } from './dotnet-type.js';
import type { DtoTypeFragment, SourceLine } from './fragments.js';

const MODIFIERS = new Set([
  'open',
  'override',
  'abstract',
  'public',
  'private',
  'protected',
  'internal',
  'data',
  'sealed',
  'enum',
  'lateinit',
  'const',
  'inner',
  'final',
]);

export function readKotlinDtos(file: string, lines: SourceLine[], bag: DiagnosticBag): DtoTypeFragment[] {
  const r = newReader(file, lines, bag, 'kotlin', 'Kotlin DTOs');
  readDeclarations(r);
  return r.types;
}

function readDeclarations(r: Reader): void {
  const { cur } = r;
  while (!cur.done) {
    const start = cur.i;
    const word = cur.peek()!.kind === 'ident' ? cur.peek()!.value : '';
    if (word === 'package' || word === 'import') {
      skipLine(r);
      continue;
    }
    const p = readPreamble(r, MODIFIERS)!;
    const keyword = cur.peek();
    if (keyword?.kind === 'ident' && (keyword.value === 'class' || keyword.value === 'interface')) readClass(r, p);
    else if (!keyword) warn(r, p.first, 'annotations followed by no declaration');
    else {
      warn(r, p.first, `cannot read: ${lineAt(r.src, p.first)}`);
      skipStatementOrLine(r, p.first);
      if (cur.i === start) cur.next();
    }
  }
}

function skipLine(r: Reader): void {
  const line = r.cur.peek()!.loc.line;
  while (!r.cur.done && r.cur.peek()!.loc.line === line) r.cur.next();
}

/** At `class` or `interface`: its header, then its body (enum entries for an `enum class`). */
function readClass(r: Reader, p: Preamble): void {
  const { cur } = r;
  const keyword = cur.next()!.value;
  const nameToken = cur.peek();
  if (nameToken?.kind !== 'ident') {
    warn(r, p.first, `cannot read ${keyword} declaration: ${lineAt(r.src, p.first)}`);
    skipStatementOrLine(r, p.first);
    return;
  }
  cur.next();
  const isEnum = p.modifiers.has('enum');
  const type = declaredType(r, isEnum ? 'enum' : keyword === 'interface' ? 'interface' : 'class', nameToken.value, typeParameters(cur), p);
  if (cur.is('(')) cur.skipBalanced(); // `(val value:Int)`: an enum's constructor
  if (cur.eat(':')) readSupertypes(r, type);
  r.types.push(type);
  if (!cur.eat('{')) return; // a class without a body
  if (isEnum) readEnumEntries(r, type);
  readMembers(r, type);
  if (!cur.eat('}')) warn(r, p.first, `${keyword} '${type.name}' is not closed`);
}

/** `: Base(), IReturn<X>, IPost`: the supertype called as a constructor is the base class, the others interfaces. */
function readSupertypes(r: Reader, type: DtoTypeFragment): void {
  const { cur } = r;
  for (;;) {
    const text = typeText(r, true);
    if (!text) break;
    if (cur.is('(')) {
      cur.skipBalanced();
      type.bases.push(text);
    } else type.implements.push(text);
    if (!cur.eat(',')) break;
  }
}

/** `A,` `@SerializedName("2") B(2),` … up to `;` or the body's end. */
function readEnumEntries(r: Reader, type: DtoTypeFragment): void {
  const { cur } = r;
  while (!cur.done && !cur.is('}')) {
    if (cur.eat(',')) continue;
    if (cur.eat(';')) return;
    const p = readPreamble(r, MODIFIERS)!;
    const name = cur.peek();
    if (name?.kind !== 'ident') return;
    cur.next();
    const value = cur.is('(') ? argumentsText(r) : undefined;
    type.enumMembers.push({ name: name.value, ...(value ? { value } : {}), quoted: false, attributes: p.attributes, loc: name.loc });
  }
}

/** At `(`: what the parentheses hold, as written; undefined when they hold nothing. */
function argumentsText(r: Reader): string | undefined {
  const { cur } = r;
  const from = cur.i + 1;
  cur.skipBalanced();
  const last = cur.i - 2;
  return last >= from ? r.src.slice(cur.tokens[from]!, cur.tokens[last]!) : undefined;
}

/** Properties are read; functions, `companion object`, `init` blocks and nested declarations skipped. */
function readMembers(r: Reader, type: DtoTypeFragment): void {
  const { cur } = r;
  while (!cur.done && !cur.is('}')) {
    if (cur.eat(';')) continue;
    const start = cur.i;
    const p = readPreamble(r, MODIFIERS)!;
    const word = cur.peek()?.kind === 'ident' ? cur.peek()!.value : '';
    if (word === 'var' || word === 'val') readProperty(r, type, p);
    else if (cur.is('}') || cur.done) warn(r, p.first, 'annotations followed by no member');
    else {
      if (word !== 'fun' && word !== 'companion' && word !== 'init' && word !== 'constructor' && word !== 'object' && word !== 'class')
        warn(r, p.first, `cannot read member of '${type.name}': ${lineAt(r.src, p.first)}`);
      skipStatementOrLine(r, p.first);
    }
    if (cur.i === start) cur.next();
  }
}

/** `var name:Type? = null`. */
function readProperty(r: Reader, type: DtoTypeFragment, p: Preamble): void {
  const { cur } = r;
  cur.next();
  const name = cur.peek();
  if (name?.kind !== 'ident' || !cur.is(':', 1)) {
    warn(r, p.first, `cannot read property of '${type.name}': ${lineAt(r.src, p.first)}`);
    skipStatementOrLine(r, p.first);
    return;
  }
  cur.i += 2;
  const written = typeText(r);
  if (cur.is('=')) skipStatementOrLine(r, cur.peek()!);
  const langType = parseDotNetType(written);
  type.members.push(declaredMember(r, type.name, name.value, written, { langType }, p));
}
