/**
 * Reads ServiceStack's Swift DTO source (the `&lang=swift` tab, `/types/swift`;
 * ServiceStack/src/ServiceStack/NativeTypes/Swift/SwiftGenerator.cs): `public class X : Base,
 * IReturn` (ServiceStack adds `Codable` only to a class without a base, so the first supertype of a
 * list without it is the base class) with its `public typealias Return = Y` (read as `IReturn<Y>`),
 * `public var name:Type?` properties (named as they travel), `public enum X : Int, Codable` with its
 * `case` values, `public protocol`s, and the attributes ServiceStack writes as comments
 * (`// @Route("/x", "GET")`, `// @ApiMember(…)`, `// @DataMember(Name=…)`). Initializers, `encode`,
 * `CodingKeys` and `extension` blocks are skipped. Only records what is written; the model decides
 * what it means (Swift's `?` follows the MakePropertiesOptional option: it says nothing here).
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                                   |
 * | ----- | -------- | ------------------------------------------------------------------------- |
 * | SS032 | warning  | a declaration, member or attribute not understood (skipped), unterminated comment or string |
 * | SS033 | warning  | a property type not readable (member kept, type unknown)                   |
 */
import type { DiagnosticBag } from '../diagnostics.js';
import {
  declaredMember,
  declaredType,
  newReader,
  readPreamble,
  skipStatementOrLine,
  typeText,
  typeTexts,
  warn,
  type Preamble,
  type Reader,
} from './dto-declarations.js';
import { lineAt, splitTypeTokens, typeParameters } from './dto-source.js';
import type { DotNetType } from './dotnet-type.js';
import type { DtoTypeFragment, SourceLine } from './fragments.js';

const MODIFIERS = new Set(['public', 'private', 'fileprivate', 'internal', 'open', 'final', 'required', 'override', 'static', 'convenience', 'lazy', 'weak']);
/** Swift's own protocols and ServiceStack's markers, never a base class. */
const PROTOCOLS = new Set(['Codable', 'Decodable', 'Encodable', 'IReturn', 'IReturnVoid', 'IGet', 'IPost', 'IPut', 'IDelete', 'IPatch', 'IOptions', 'IStream']);

export function readSwiftDtos(file: string, lines: SourceLine[], bag: DiagnosticBag): DtoTypeFragment[] {
  const r = newReader(file, lines, bag, 'swift', 'Swift DTOs');
  const { cur } = r;
  while (!cur.done) {
    const start = cur.i;
    const word = cur.peek()!.kind === 'ident' ? cur.peek()!.value : '';
    if (word === 'import') skipStatementOrLine(r, cur.peek()!);
    else if (word === 'extension') skipBlock(r);
    else {
      const p = readPreamble(r, MODIFIERS)!;
      const keyword = cur.peek()?.kind === 'ident' ? cur.peek()!.value : '';
      if (keyword === 'class' || keyword === 'protocol' || keyword === 'struct') readClass(r, p);
      else if (keyword === 'enum') readEnum(r, p);
      else if (!cur.done) {
        warn(r, p.first, `cannot read: ${lineAt(r.src, p.first)}`);
        skipStatementOrLine(r, p.first);
      }
    }
    if (cur.i === start) cur.next();
  }
  return r.types;
}

/** Past the `{…}` block of the declaration at the cursor (`extension X : Y { … }`). */
function skipBlock(r: Reader): void {
  const { cur } = r;
  while (!cur.done && !cur.is('{')) cur.next();
  cur.skipBalanced();
}

/** At `class`, `struct` or `protocol`. */
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
  const type = declaredType(r, keyword === 'protocol' ? 'interface' : 'class', nameToken.value, typeParameters(cur), p);
  const supertypes = cur.eat(':') ? typeTexts(r) : [];
  const [first] = supertypes;
  if (keyword !== 'protocol' && first && !supertypes.includes('Codable') && !PROTOCOLS.has(first)) type.bases.push(supertypes.shift()!);
  type.implements = supertypes.filter((s) => s !== 'Codable');
  if (!cur.eat('{')) {
    warn(r, p.first, `cannot read ${keyword} '${type.name}': no '{' after its declaration`);
    skipStatementOrLine(r, p.first);
    return;
  }
  r.types.push(type);
  readMembers(r, type);
  if (!cur.eat('}')) warn(r, p.first, `${keyword} '${type.name}' is not closed`);
}

/** Properties are read and `typealias Return` noted; initializers, functions and nested types skipped. */
function readMembers(r: Reader, type: DtoTypeFragment): void {
  const { cur } = r;
  while (!cur.done && !cur.is('}')) {
    const start = cur.i;
    if (cur.eat(';')) continue;
    const p = readPreamble(r, MODIFIERS)!;
    const word = cur.peek()?.kind === 'ident' ? cur.peek()!.value : '';
    if (word === 'var' || word === 'let') readProperty(r, type, p);
    else if (word === 'typealias') readTypeAlias(r, type, p);
    else if (word === 'enum' || word === 'struct' || word === 'class' || word === 'extension') skipBlock(r);
    else if (!cur.done && !cur.is('}')) {
      if (word !== 'init' && word !== 'func' && word !== 'deinit' && word !== 'subscript')
        warn(r, p.first, `cannot read member of '${type.name}': ${lineAt(r.src, p.first)}`);
      skipStatementOrLine(r, p.first);
    }
    if (cur.i === start) cur.next();
  }
}

/** `public var name:Type?`, `var name:Type { get set }` (a protocol's). */
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
  if (cur.is('{')) cur.skipBalanced(); // `{ get set }`
  if (cur.is('=')) skipStatementOrLine(r, cur.peek()!);
  type.members.push(declaredMember(r, type.name, name.value, written, { langType: parseSwiftType(written) }, p));
}

/** `public typealias Return = Y`: the response of a class that is an `IReturn`. */
function readTypeAlias(r: Reader, type: DtoTypeFragment, p: Preamble): void {
  const { cur } = r;
  cur.next();
  const name = cur.ident();
  const target = cur.eat('=') ? typeText(r) : '';
  const marker = type.implements.indexOf('IReturn');
  if (name === 'Return' && target && marker >= 0) type.implements[marker] = `IReturn<${target}>`;
  else if (!target) warn(r, p.first, `cannot read type alias: ${lineAt(r.src, p.first)}`);
}

/** `public enum X : Int, Codable { case A = 1 … }`. */
function readEnum(r: Reader, p: Preamble): void {
  const { cur } = r;
  cur.next();
  const name = cur.ident();
  if (!name) {
    warn(r, p.first, `cannot read enum declaration: ${lineAt(r.src, p.first)}`);
    skipStatementOrLine(r, p.first);
    return;
  }
  const type = declaredType(r, 'enum', name, [], p);
  if (cur.eat(':')) typeTexts(r);
  if (!cur.eat('{')) {
    warn(r, p.first, `cannot read enum '${name}': no '{' after its declaration`);
    skipStatementOrLine(r, p.first);
    return;
  }
  r.types.push(type);
  while (!cur.done && !cur.is('}')) {
    const start = cur.i;
    const member = readPreamble(r, MODIFIERS)!;
    if (cur.eat('case')) readCases(r, type, member);
    else if (!cur.is('}')) skipStatementOrLine(r, member.first);
    if (cur.i === start) cur.next();
  }
  if (!cur.eat('}')) warn(r, p.first, `enum '${name}' is not closed`);
}

/** After `case`: `A`, `A = 1`, `A, B`. */
function readCases(r: Reader, type: DtoTypeFragment, p: Preamble): void {
  const { cur } = r;
  do {
    const m = cur.peek();
    if (m?.kind !== 'ident') {
      warn(r, p.first, `cannot read case of enum '${type.name}': ${lineAt(r.src, p.first)}`);
      skipStatementOrLine(r, p.first);
      return;
    }
    cur.next();
    const value = cur.eat('=') ? cur.next() : undefined;
    const quoted = value?.kind === 'string';
    type.enumMembers.push({ name: m.value, ...(value ? { value: value.value } : {}), quoted, attributes: p.attributes, loc: m.loc });
  } while (cur.eat(','));
}

const SWIFT_TYPE_TOKEN = /\s*([\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*|[[\]<>,:?!])\s*/uy;
/** Type arguments nest no deeper than this. */
const MAX_TYPE_DEPTH = 32;

/**
 * A Swift type in the generic grammar: `Name<Args>`, `[T]` as `T[]`, `[K:V]` as
 * `Dictionary<K,V>`, a trailing `?` or `!` as nullable. Undefined for anything else.
 */
export function parseSwiftType(text: string): DotNetType | undefined {
  const tokens = splitTypeTokens(SWIFT_TYPE_TOKEN, text);
  if (!tokens?.length) return undefined;
  let pos = 0;
  const eat = (t: string) => (tokens[pos] === t ? (pos++, true) : false);
  const type = (depth: number): DotNetType | undefined => {
    if (depth > MAX_TYPE_DEPTH) return undefined;
    let t: DotNetType | undefined;
    if (eat('[')) {
      const element = type(depth + 1);
      if (!element) return undefined;
      if (eat(':')) {
        const value = type(depth + 1);
        t = value && eat(']') ? { name: 'Dictionary', args: [element, value], arrayRank: 0, nullable: false } : undefined;
      } else t = eat(']') ? { ...element, arrayRank: element.arrayRank + 1, nullable: element.arrayRank ? element.nullable : false } : undefined;
    } else {
      const name = tokens[pos++];
      if (!name || !/^[\p{L}_]/u.test(name)) return undefined;
      const args: DotNetType[] = [];
      if (eat('<'))
        do {
          const a = type(depth + 1);
          if (!a) return undefined;
          args.push(a);
        } while (eat(','));
      if (args.length && !eat('>')) return undefined;
      t = { name, args, arrayRank: 0, nullable: false };
    }
    if (t && (eat('?') || eat('!'))) t = { ...t, nullable: true };
    return t;
  };
  const t = type(0);
  return t && pos === tokens.length ? t : undefined;
}
