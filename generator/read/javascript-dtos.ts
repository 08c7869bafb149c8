/**
 * Reads ServiceStack's JavaScript DTO source (the `&lang=mjs` tab, `/types/mjs`;
 * ServiceStack/src/ServiceStack/NativeTypes/TypeScript/MjsGenerator.cs). JavaScript carries little
 * of the API, and this is what it does carry, read as evidence:
 * - class names and `extends` (generic arguments erased: `extends QueryDb`), and a generic class's
 *   parameters from the `/** @typedef T {any} *\/` comments ServiceStack writes before it;
 * - members, named as they travel (`name;`, `items = [];`), with the TypeScript type of their JSDoc
 *   `/** @type {string} *\/` (ServiceStack's `?` before it, `{?string}`, means "optional", whose
 *   meaning changed between versions as TypeScript's did: not read) and its `@description`;
 * - the response: `createResponse() { return new X() }` is read as `IReturn<X>` (erased generic
 *   arguments and all), an empty one as `IReturnVoid`; the tab on an operation page has neither;
 * - enums: `export var E; (function (E) { E["A"] = "a" … })(…)` with their values, a numeric one's
 *   `E[E["A"] = 1] = "A"` too.
 * Routes and attributes are not written in JavaScript: the page's route table gives the routes.
 * `getTypeName()`, `getMethod()` and the constructor are skipped.
 *
 * Diagnostics (the reader never throws):
 * | code  | severity | meaning                                                                   |
 * | ----- | -------- | ------------------------------------------------------------------------- |
 * | SS032 | warning  | a declaration or member not understood (skipped), unterminated comment or string |
 * | SS033 | warning  | a JSDoc `@type` not readable (member kept, type unknown)                   |
 */
import type { DiagnosticBag } from '../diagnostics.js';
import {
  declaredMember,
  declaredType,
  HEADER_WORDS,
  newReader,
  readPreamble,
  skipStatementOrLine,
  typeText,
  warn,
  type Preamble,
  type Reader,
} from './dto-declarations.js';
import { lineAt, type Token } from './dto-source.js';
import type { DtoTypeFragment, SourceLine } from './fragments.js';
import { parseTsType } from './typescript-dtos.js';

const MODIFIERS = new Set(['export', 'default', 'static', 'async']);

export function readJavaScriptDtos(file: string, lines: SourceLine[], bag: DiagnosticBag): DtoTypeFragment[] {
  const r = newReader(file, lines, bag, 'javascript', 'JavaScript DTOs');
  const { cur } = r;
  while (!cur.done) {
    const start = cur.i;
    if (cur.peek()!.kind === 'string' || cur.is(';') || cur.is('import'))
      skipStatementOrLine(r, cur.peek()!); // "use strict";
    else {
      const p = readPreamble(r, MODIFIERS)!;
      const keyword = cur.peek()?.kind === 'ident' ? cur.peek()!.value : '';
      if (keyword === 'class') readClass(r, p);
      else if (keyword === 'var' || keyword === 'let' || keyword === 'const') readEnum(r, p);
      else if (!cur.done) {
        warn(r, p.first, `cannot read: ${lineAt(r.src, p.first)}`);
        skipStatementOrLine(r, p.first);
      }
    }
    if (cur.i === start) cur.next();
  }
  return r.types;
}

/** At `class`. */
function readClass(r: Reader, p: Preamble): void {
  const { cur } = r;
  cur.next();
  const name = cur.ident();
  if (!name) {
    warn(r, p.first, `cannot read class declaration: ${lineAt(r.src, p.first)}`);
    skipStatementOrLine(r, p.first);
    return;
  }
  const type = declaredType(r, 'class', name, typedefParameters(p.first.leading), p);
  if (cur.eat('extends')) type.bases.push(typeText(r, false, HEADER_WORDS));
  if (!cur.eat('{')) {
    warn(r, p.first, `cannot read class '${name}': no '{' after its declaration`);
    skipStatementOrLine(r, p.first);
    return;
  }
  r.types.push(type);
  readMembers(r, type);
  if (!cur.eat('}')) warn(r, p.first, `class '${name}' is not closed`);
}

/** `/** @typedef T {any} *\/` comments: a generic class's type parameters. */
function typedefParameters(comments: readonly Token[]): string[] {
  return comments.flatMap((c) => {
    const m = /^\*\s*@typedef\s+([A-Za-z_]\w*)\s+\{any\}\s*$/.exec(c.value);
    return m ? [m[1]!] : [];
  });
}

/** Fields (`name;`, `name = [];`) with their JSDoc type; `createResponse()` noted; other methods skipped. */
function readMembers(r: Reader, type: DtoTypeFragment): void {
  const { cur } = r;
  while (!cur.done && !cur.is('}')) {
    const start = cur.i;
    if (cur.eat(';')) continue;
    const p = readPreamble(r, MODIFIERS)!;
    const name = cur.peek();
    if (name?.kind === 'ident' && cur.is('(', 1)) readMethod(r, type, name);
    else if (name?.kind === 'ident' && (cur.is(';', 1) || cur.is('=', 1))) readField(r, type, p);
    else if (!cur.is('}')) {
      warn(r, p.first, `cannot read member of '${type.name}': ${lineAt(r.src, p.first)}`);
      skipStatementOrLine(r, p.first);
    }
    if (cur.i === start) cur.next();
  }
}

function readField(r: Reader, type: DtoTypeFragment, p: Preamble): void {
  const { cur } = r;
  const name = cur.next()!;
  if (cur.is('=')) skipStatementOrLine(r, cur.peek()!);
  else cur.eat(';');
  const written = jsDocType(p.first.leading);
  const tsType = written === undefined ? undefined : parseTsType(written);
  if (written === undefined) {
    type.members.push({ name: name.value, typeText: '', optional: false, required: false, attributes: p.attributes, loc: p.first.loc });
    return;
  }
  type.members.push(declaredMember(r, type.name, name.value, written, { tsType }, p));
}

/** The type of the last `@type {…}` among comments (its braces balanced), without the optional marker `?`. */
function jsDocType(comments: readonly Token[]): string | undefined {
  for (let k = comments.length - 1; k >= 0; k--) {
    const value = comments[k]!.value;
    const at = value.indexOf('@type');
    const open = at < 0 ? -1 : value.indexOf('{', at);
    if (open < 0) continue;
    let depth = 0;
    for (let i = open; i < value.length; i++) {
      if (value[i] === '{') depth++;
      if (value[i] === '}' && --depth === 0)
        return value
          .slice(open + 1, i)
          .trim()
          .replace(/^\?/, '');
    }
  }
  return undefined;
}

/** `createResponse() { return new X() }` gives the response (`{ }`: none); other methods are skipped. */
function readMethod(r: Reader, type: DtoTypeFragment, name: Token): void {
  const { cur } = r;
  const from = cur.i;
  skipStatementOrLine(r, name);
  if (name.value !== 'createResponse') return;
  const body = cur.tokens.slice(from, cur.i);
  const open = body.findIndex((t) => t.text === '{');
  const inner = body.slice(open + 1, -1);
  if (!inner.length) type.implements.push('IReturnVoid');
  else if (inner[0]?.value === 'return' && inner[1]?.value === 'new' && inner[2]?.kind === 'ident') type.implements.push(`IReturn<${inner[2].value}>`);
}

/** `export var E;` and the function after it that fills E: an enum. */
function readEnum(r: Reader, p: Preamble): void {
  const { cur } = r;
  cur.next();
  const name = cur.ident();
  skipStatementOrLine(r, p.first);
  if (!name || !cur.is('(') || cur.peek(1)?.value !== 'function') {
    if (name) warn(r, p.first, `a variable that is no enum; skipped: ${lineAt(r.src, p.first)}`);
    return;
  }
  const from = cur.i;
  skipStatementOrLine(r, cur.peek()!);
  const type = declaredType(r, 'enum', name, [], p);
  const body = cur.tokens.slice(from, cur.i);
  for (let k = 0; k + 5 < body.length; k++) {
    const [e, open, key, close, eq, value] = body.slice(k, k + 6);
    if (e!.value !== name || open!.text !== '[' || key!.kind !== 'string' || close!.text !== ']' || eq!.text !== '=') continue;
    if (value!.kind !== 'string' && value!.kind !== 'number') continue;
    type.enumMembers.push({ name: key!.value, value: value!.value, quoted: value!.kind === 'string', attributes: [], loc: key!.loc });
  }
  r.types.push(type);
}
