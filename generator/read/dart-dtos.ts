/**
 * Reads ServiceStack's Dart DTO source (the `&lang=dart` tab, `/types/dart`;
 * ServiceStack/src/ServiceStack/NativeTypes/Dart/DartGenerator.cs): `class X extends Base implements
 * IReturn<Y>, IConvertible` with its fields (`String? name;`, `int id = 0;`, named as they travel),
 * `enum`s, the `class X { static const X A = const X._(1); … }` form of an enum with values, and the
 * attributes ServiceStack writes as comments (`// @Route("/x", "GET")`, `// @ApiMember(…)`,
 * `// @DataMember(Name=…)`). Constructors, `fromMap`, `toJson`, `createResponse`, the
 * `TypeContext? context` field and the file's `TypeContext _ctx` are skipped. Only records what is
 * written; the model decides what it means (a reference type without `?` is a required member).
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                                   |
 * | ----- | -------- | ------------------------------------------------------------------------- |
 * | SS032 | warning  | a declaration, member or attribute not understood (skipped), unterminated comment or string |
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
  typeText,
  typeTexts,
  warn,
  type Preamble,
  type Reader,
} from './dto-declarations.js';
import { lineAt, typeParameters } from './dto-source.js';
import { parseDotNetType } from './dotnet-type.js';
import type { DtoTypeFragment, SourceLine } from './fragments.js';
import { pushAll } from '../arrays.js';

const MODIFIERS = new Set(['abstract', 'final', 'late', 'static', 'const', 'external', 'covariant']);
/** Statements of a Dart file that declare no DTO. */
const FILE_STATEMENTS = new Set(['library', 'import', 'export', 'part']);

export function readDartDtos(file: string, lines: SourceLine[], bag: DiagnosticBag): DtoTypeFragment[] {
  const r = newReader(file, lines, bag, 'dart', 'Dart DTOs');
  const { cur } = r;
  while (!cur.done) {
    const start = cur.i;
    const word = cur.peek()!.kind === 'ident' ? cur.peek()!.value : '';
    if (FILE_STATEMENTS.has(word)) skipStatementOrLine(r, cur.peek()!);
    else {
      const p = readPreamble(r, MODIFIERS)!;
      const keyword = cur.peek()?.kind === 'ident' ? cur.peek()!.value : '';
      if (keyword === 'class') readClass(r, p);
      else if (keyword === 'enum') readEnum(r, p);
      else if (!cur.done && !isContext(r)) {
        warn(r, p.first, `cannot read: ${lineAt(r.src, p.first)}`);
        skipStatementOrLine(r, p.first);
      } else skipStatementOrLine(r, p.first);
    }
    if (cur.i === start) cur.next();
  }
  return r.types;
}

/** `TypeContext _ctx = …` (the file's) or `TypeContext? context = _ctx;` (each class's): ServiceStack's plumbing. */
function isContext(r: Reader): boolean {
  return r.cur.peek()?.value === 'TypeContext';
}

/** At `class`: its header and body; a class of `static const X A = const X._(1);` members is an enum. */
function readClass(r: Reader, p: Preamble): void {
  const { cur } = r;
  cur.next();
  const nameToken = cur.peek();
  if (nameToken?.kind !== 'ident') {
    warn(r, p.first, `cannot read class declaration: ${lineAt(r.src, p.first)}`);
    skipStatementOrLine(r, p.first);
    return;
  }
  cur.next();
  const type = declaredType(r, 'class', nameToken.value, typeParameters(cur), p);
  for (;;) {
    if (cur.eat('extends')) type.bases.push(typeText(r, false, HEADER_WORDS));
    else if (cur.eat('implements') || cur.eat('with')) pushAll(type.implements, typeTexts(r, HEADER_WORDS));
    else break;
  }
  if (!cur.eat('{')) {
    warn(r, p.first, `cannot read class '${type.name}': no '{' after its declaration`);
    skipStatementOrLine(r, p.first);
    return;
  }
  r.types.push(type);
  readMembers(r, type);
  if (!cur.eat('}')) warn(r, p.first, `class '${type.name}' is not closed`);
  if (type.enumMembers.length) Object.assign(type, { kind: 'enum', members: [], implements: [] });
}

/** Fields are read; constructors, methods, getters, private and static members skipped. */
function readMembers(r: Reader, type: DtoTypeFragment): void {
  const { cur } = r;
  while (!cur.done && !cur.is('}')) {
    const start = cur.i;
    if (cur.eat(';')) continue;
    const p = readPreamble(r, MODIFIERS)!;
    if (p.modifiers.has('static')) readEnumValue(r, type, p);
    else if (!isContext(r)) readField(r, type, p);
    else skipStatementOrLine(r, p.first);
    if (cur.i === start) cur.next();
  }
}

/** `String? name;`, `int id = 0;`; methods, constructors and private fields are skipped, anything else reported. */
function readField(r: Reader, type: DtoTypeFragment, p: Preamble): void {
  const { cur } = r;
  const field = typeFirstField(r);
  if (field === undefined) warn(r, p.first, `cannot read member of '${type.name}': ${lineAt(r.src, p.first)}`);
  if (field === undefined || field === 'other' || field.name.value.startsWith('_')) {
    skipStatementOrLine(r, p.first);
    return;
  }
  if (cur.is('=')) skipStatementOrLine(r, cur.peek()!);
  else cur.eat(';');
  type.members.push(declaredMember(r, type.name, field.name.value, field.typeText, { langType: parseDotNetType(field.typeText) }, p));
}

/** `static const X A = const X._(1);`: a member of the enum class X; other static members are skipped. */
function readEnumValue(r: Reader, type: DtoTypeFragment, p: Preamble): void {
  const { cur } = r;
  const [ownType, name, eq, konst, owner, dot, underscore, open, value, close] = cur.tokens.slice(cur.i, cur.i + 10);
  const isMember =
    ownType?.value === type.name &&
    name?.kind === 'ident' &&
    eq?.text === '=' &&
    konst?.value === 'const' &&
    owner?.value === type.name &&
    dot?.text === '.' &&
    underscore?.text === '_' &&
    open?.text === '(' &&
    close?.text === ')';
  if (isMember) type.enumMembers.push({ name: name.value, value: value!.value, quoted: value!.kind === 'string', attributes: p.attributes, loc: name.loc });
  skipStatementOrLine(r, p.first);
}

/** `enum X { A, B, }`. */
function readEnum(r: Reader, p: Preamble): void {
  const { cur } = r;
  cur.next();
  const name = cur.ident();
  if (!name || !cur.eat('{')) {
    warn(r, p.first, `cannot read enum declaration: ${lineAt(r.src, p.first)}`);
    skipStatementOrLine(r, p.first);
    return;
  }
  const type = declaredType(r, 'enum', name, [], p);
  r.types.push(type);
  while (!cur.done && !cur.is('}')) {
    if (cur.eat(',')) continue;
    const member = readPreamble(r, MODIFIERS)!;
    const m = cur.peek();
    if (m?.kind !== 'ident') {
      warn(r, member.first, `cannot read member of enum '${name}': ${lineAt(r.src, member.first)}`);
      skipStatementOrLine(r, member.first);
      if (cur.is(';')) cur.next();
      continue;
    }
    cur.next();
    type.enumMembers.push({ name: m.value, quoted: false, attributes: member.attributes, loc: m.loc });
    if (cur.is('(')) cur.skipBalanced();
  }
  if (!cur.eat('}')) warn(r, p.first, `enum '${name}' is not closed`);
}
