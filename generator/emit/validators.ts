/**
 * output/src/validators.ts: per DTO, a type guard `isX` (allocation-free, stops at the first
 * problem), an issue collector `checkX` (every problem with its path) and `XSchema` (Standard
 * Schema v1 + parse/is/validate). The checks are generated as straight-line code here; the
 * small runtime they call is templates/runtime/checks.ts. Doc strings only land in code through jsString or
 * propertyAccess.
 */
import type { ApiModel, Field, PrimitiveName, Rule, SymbolNames, TypeDef, TypeRef } from '../model/api-model.js';
import { baseRef, chainRules, effectiveMembers, linkFields } from '../model/chain.js';
import { membersOmittedFromBase } from '../model/redeclared.js';
import { STRING_FORMATS } from '../config.js';
import { textOf, type StreamedText } from '../file-content.js';
import { enumExpected, enumLiteral, flagsMask } from './enums.js';
import { jsString, propertyAccess } from './escape.js';
import { block, callStatement, clause, functionBody, ifElse, listLayout, returnAnyOf, type Lines } from './layout.js';
import { GENERATED_HEADER } from './render.js';
import { streamedTypeScript, type ListTemplate } from './streamed-typescript.js';
import { refSymbols, shapesOf, type Shape } from './shapes.js';
import { namesOf } from './symbols.js';
import { tsPrimitive, tsRefName, tsTypeContext, type TsTypeContext } from './ts-types.js';

/** .NET integer ranges; 64-bit ones are cut to what a JSON number holds exactly. */
const INTEGER_RANGES: Partial<Record<PrimitiveName, [string, string]>> = {
  byte: ['0', '255'],
  sbyte: ['-128', '127'],
  short: ['-32768', '32767'],
  ushort: ['0', '65535'],
  int: ['-2147483648', '2147483647'],
  uint: ['0', '4294967295'],
  long: ['-9007199254740991', '9007199254740991'],
  ulong: ['0', '9007199254740991'],
};

/** How a primitive value fails (`fails(x)` is true for a bad value, null included) and what was expected. */
interface PrimitiveCheck {
  fails: (x: string) => string;
  expected: string;
}

function primitiveCheck(name: PrimitiveName): PrimitiveCheck | undefined {
  const range = INTEGER_RANGES[name];
  if (range) return { fails: (x) => `!integer(${x}, ${range[0]}, ${range[1]})`, expected: `an integer from ${range[0]} to ${range[1]}` };
  const pattern = (re: string, expected: string): PrimitiveCheck => ({ fails: (x) => `typeof ${x} !== 'string' || !${re}.test(${x})`, expected });
  switch (name) {
    case 'float':
    case 'double':
    case 'decimal':
      return { fails: (x) => `!Number.isFinite(${x})`, expected: 'a finite number' };
    case 'bool':
      return { fails: (x) => `typeof ${x} !== 'boolean'`, expected: 'true or false' };
    case 'char':
      return { fails: (x) => `typeof ${x} !== 'string' || ${x}.length !== 1`, expected: 'a single character' };
    case 'DateTime':
    case 'DateTimeOffset':
    case 'DateOnly':
      return pattern('DATE', 'an ISO 8601 date or /Date(ms)/');
    case 'TimeOnly':
      return pattern('TIME_OF_DAY', 'a time of day (hh:mm:ss)');
    case 'TimeSpan':
      return pattern('DURATION', 'a duration (ISO 8601 like PT1H30M, or [d.]hh:mm:ss)');
    case 'Guid':
      return pattern('GUID', 'a Guid (32 hex digits, dashes optional)');
    case 'object':
      return undefined; // `unknown`: any value
    default:
      return { fails: (x) => `typeof ${x} !== 'string'`, expected: 'a string' };
  }
}

const oneOf = (values: string[]) => `one of ${values.map((v) => `'${v}'`).join(', ')}`;

/** Code-building context: the model's types, and the identifiers of their validators (model.names). */
interface Gen {
  types: Map<string, TypeDef>;
  names: SymbolNames;
}

/** A check that is one condition: `fails` is true for a bad value (null and undefined included). */
interface Test {
  fails: string;
  expected: string;
  /** The `checkX` that explains a failure (for DTO references). */
  target?: string;
}

/** The one-condition test of `ref` on `x`, if it has one (lists and dictionaries need loops). */
function singleTest(ref: TypeRef, x: string, g: Gen): Test | undefined {
  if (ref.kind === 'primitive') {
    const p = primitiveCheck(ref.name);
    return p && { fails: p.fails(x), expected: p.expected };
  }
  if (ref.kind !== 'ref') return undefined;
  const t = g.types.get(ref.name);
  const names = refSymbols(ref.name, ref.args, g.names);
  if (!t || !names) return undefined; // not in the model: types.ts cannot name it either
  if (t.kind === 'enum') return { fails: `!${names.is}(${x})`, expected: enumExpected(t) };
  return { fails: `!${names.is}(${x}, d + 1)`, expected: 'an object', target: names.check };
}

/** A member's one-condition test: its closed example set, else its type's. */
function memberTest(f: Field, g: Gen): Test | undefined {
  const closed = closedValues(f);
  if (closed) return { fails: closed.map((v) => `x !== ${jsString(v)}`).join(' && '), expected: oneOf(closed) };
  const test = singleTest(f.type, 'x', g);
  const pattern = stringPattern(f);
  // The pattern comes from the config, quoted as a string literal: nothing from it runs as code.
  if (test && pattern) return { fails: `${wrap(test.fails)} || !new RegExp(${jsString(pattern.regex)}, 'u').test(x as string)`, expected: pattern.expected };
  return test;
}

const nullableElement = (ref: TypeRef) => (ref.kind === 'primitive' || ref.kind === 'ref') && ref.nullable;
const wrap = (fails: string) => (fails.includes('||') ? `(${fails})` : fails);

const report = (key: string, message: string) => callStatement('report', ['c', key, message]);

/** Statements that `return false` unless `x` is a valid non-null value of `ref`. */
function isValue(ref: TypeRef, x: string, g: Gen, level: number): Lines {
  const test = singleTest(ref, x, g);
  if (test) return [clause(`if (${test.fails})`, 'return false;')];
  const e = `e${level}`;
  const element = (of: TypeRef) => {
    const body = isValue(of, e, g, level + 1);
    return nullableElement(of) && body.length ? block(`if (${e} !== null)`, body) : body;
  };
  if (ref.kind === 'list') {
    const i = `i${level}`;
    return [
      clause(`if (!Array.isArray(${x}))`, 'return false;'),
      ...block(`for (let ${i} = 0; ${i} < ${x}.length; ${i}++)`, [`const ${e}: unknown = ${x}[${i}];`, ...element(ref.of)]),
    ];
  }
  if (ref.kind === 'dictionary') {
    const k = `k${level}`;
    return [
      clause(`if (!objectLike(${x}))`, 'return false;'),
      ...block(`for (const ${k} in ${x})`, [`if (!hasOwn(${x}, ${k})) continue;`, `const ${e} = ${x}[${k}];`, ...element(ref.value)]),
    ];
  }
  return [];
}

/**
 * `stmt` run with `segments` pushed onto `c.path`, as the body of `head` (`if (…)`, `else`).
 * Checks push only when something is wrong, so that valid arrays cost no path bookkeeping.
 */
function withPath(head: string, segments: string[], stmt: string): Lines {
  if (!segments.length) return [clause(head, stmt)];
  // pop() rather than `length -= n`: setting the length is a slow path in V8.
  return block(head, [`c.path.push(${segments.join(', ')});`, stmt, ...segments.map(() => 'c.path.pop();')]);
}

/** Statements that report every problem of the non-null value `x`, whose path is `c.path` + `keys` (code expressions). */
function checkValue(ref: TypeRef, x: string, keys: string[], g: Gen, level: number): Lines {
  const key = keys[keys.length - 1]!;
  /** `head` reporting at `keys`: the last one goes to the report, the others onto the path. */
  const reportAt = (head: string, message: string) => withPath(head, keys.slice(0, -1), report(key, message));
  const test = singleTest(ref, x, g);
  if (test?.target)
    // Valid elements of a big array cost one guard call; strict mode must still look for unknown members.
    return withPath(`if (c.strict || ${test.fails})`, keys, `${test.target}(${x}, c, d + 1);`);
  if (test) return reportAt(`if (${test.fails})`, jsString(`expected ${test.expected}`));
  const e = `e${level}`;
  const element = (of: TypeRef, at: string) => {
    const body = checkValue(of, e, [...keys, at], g, level + 1);
    return nullableElement(of) && body.length ? block(`if (${e} !== null)`, body) : body;
  };
  if (ref.kind === 'list') {
    const i = `i${level}`;
    const loop = block(`for (let ${i} = 0; ${i} < ${x}.length; ${i}++)`, [`const ${e}: unknown = ${x}[${i}];`, ...element(ref.of, i)]);
    return ifElse(reportAt(`if (!Array.isArray(${x}))`, "'expected an array'"), block('else', loop));
  }
  if (ref.kind === 'dictionary') {
    const k = `k${level}`;
    const loop = block(`for (const ${k} in ${x})`, [`if (!hasOwn(${x}, ${k})) continue;`, `const ${e} = ${x}[${k}];`, ...element(ref.value, k)]);
    return ifElse(reportAt(`if (!objectLike(${x}))`, "'expected an object (dictionary)'"), block('else', loop));
  }
  return [];
}

/** Reads a member as an own property: a plain read is exact except for names Object.prototype has (`constructor`, `__proto__`, …). */
function read(wireName: string): string {
  return wireName in Object.prototype ? `ownMember(v, ${jsString(wireName)})` : `v${propertyAccess(wireName)}`;
}

/** A string member's configured format or pattern (codegen.config.json `fields`), as a regular expression. */
function stringPattern(f: Field): { regex: string; expected: string } | undefined {
  if (f.type.kind !== 'primitive' || tsPrimitive(f.type.name) !== 'string') return undefined;
  if (f.pattern) return { regex: f.pattern, expected: `a string matching /${f.pattern}/` };
  const named = f.format ? STRING_FORMATS[f.format] : undefined;
  return named ? { regex: named, expected: `a valid ${f.format}` } : undefined;
}

/** Config can close a string member's examples; types.ts then declares their union (tsFieldType). */
function closedValues(f: Field): string[] | undefined {
  return f.closed && f.examples.length && f.type.kind === 'primitive' && tsPrimitive(f.type.name) === 'string' ? f.examples : undefined;
}

function isMember(f: Field, g: Gen): Lines {
  const test = memberTest(f, g);
  const load = `x = ${read(f.wireName)};`;
  // Every test fails on null/undefined, so a required member needs no separate presence check.
  if (test) return [load, clause(`if (${f.required ? test.fails : `x != null && ${wrap(test.fails)}`})`, 'return false;')];
  const body = isValue(f.type, 'x', g, 0);
  if (!body.length) return f.required ? [load, 'if (x == null) return false;'] : [];
  return f.required ? [load, ...body] : [load, ...block('if (x != null)', body)];
}

function checkMember(f: Field, g: Gen): Lines {
  const key = jsString(f.wireName);
  const test = memberTest(f, g);
  const load = `x = ${read(f.wireName)};`;
  const missing = clause('if (x == null)', report(key, "'required'"));
  if (test && !test.target) {
    const reportIt = report(key, jsString(`expected ${test.expected}`));
    return f.required ? [load, missing, clause(`else if (${test.fails})`, reportIt)] : [load, clause(`if (x != null && ${wrap(test.fails)})`, reportIt)];
  }
  const body = checkValue(f.type, 'x', [key], g, 0);
  if (!body.length) return f.required ? [load, missing] : [];
  return f.required ? [load, missing, ...block('else', body)] : [load, ...block('if (x != null)', body)];
}

/** `clientType === 'PRIVATE'`; numbers and booleans compare by their text. */
function ruleCondition(r: Rule, members: Field[]): string {
  const when = members.find((m) => m.wireName === r.when.field);
  const byText = when?.type.kind === 'primitive' && ['number', 'boolean'].includes(tsPrimitive(when.type.name));
  return `${byText ? `String(${read(r.when.field)})` : read(r.when.field)} === ${jsString(r.when.equals)} && ${read(r.field)} == null`;
}

/**
 * The members a shape's guard and check test themselves, and the base whose guard and check test
 * the rest: all of them when the type redeclares a member its base declares otherwise (SS083), so
 * that the base's own check of it does not reject what the type allows.
 */
/**
 * The members and rules a shape's code checks itself, and the base whose code it calls: all of
 * them (its bases' rules too), and no base, when the type redeclares a member its base declares
 * otherwise (SS083).
 */
function ownAndBase(shape: Shape, g: Gen): { own: Field[]; rules: Rule[]; base: ReturnType<typeof refSymbols> } {
  const [link, next] = shape.chain;
  const rules = shape.def.rules;
  if (!next || next.def.kind !== 'object') return { own: linkFields(link!), rules, base: undefined };
  if (membersOmittedFromBase(shape.def, g.types).length)
    return { own: [...effectiveMembers(shape.chain).values()].map((m) => m.field), rules: chainRules(shape.chain), base: undefined };
  const ref = baseRef(link!)!;
  return { own: linkFields(link!), rules, base: refSymbols(next.def.name, ref.kind === 'ref' ? ref.args : undefined, g.names) };
}

/** The view of an object type: its guard and check bodies, and every member name it knows. */
function objectView(shape: Shape, g: Gen) {
  const { symbols: names } = shape;
  const members = [...effectiveMembers(shape.chain).values()].map((m) => m.field);
  const { own, rules: checked, base } = ownAndBase(shape, g);
  const rules = checked.map((r) => ({
    condition: ruleCondition(r, members),
    key: jsString(r.field),
    message: jsString(`required when ${r.when.field} is '${r.when.equals}'`),
  }));
  const isMembers = own.flatMap((f) => isMember(f, g));
  const checkMembers = own.flatMap((f) => checkMember(f, g));
  return {
    base: base?.id ?? '',
    baseIs: base?.is ?? '',
    baseCheck: base?.check ?? '',
    checkSignature: listLayout(`function ${names.check}(`, ['v: unknown', 'c: Context', 'd: number', `known = ${names.members}`], '): void {'),
    // Prettier hugs an array that is the only argument: `new Set([` then one element per line.
    // Marked pure: not every bundler knows that `new Set` has no side effects.
    membersDeclaration: listLayout(
      `const ${names.members}: ReadonlySet<string> = /* @__PURE__ */ new Set([`,
      [...new Set(members.map((f) => jsString(f.wireName)))],
      ']);',
    ),
    usesX: isMembers.length > 0,
    usesCheckX: checkMembers.length > 0,
    isBody: functionBody([...isMembers, ...rules.map((r) => clause(`if (${r.condition})`, 'return false;'))]),
    checkBody: functionBody([...checkMembers, ...rules.map((r) => clause(`if (${r.condition})`, report(r.key, r.message)))]),
  };
}

/** `return v === 'A' || …;`, the comparisons one per line (in parentheses) when the line is too long, as prettier does. */
function enumIsBody(t: TypeDef): string {
  // Integer, non-negative, and no bit outside the flags' (the mask fits 31 bits: resolve/enum-members.ts).
  if (t.enumWire === 'flags') return `  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && (v | ${flagsMask(t)}) === ${flagsMask(t)};`;
  const tests = t.enumMembers.map((m) => `v === ${enumLiteral(m)}`);
  return returnAnyOf(tests.length ? tests : ['false']);
}

const NO_OBJECT = {
  checkSignature: '',
  base: '',
  baseIs: '',
  baseCheck: '',
  membersDeclaration: '',
  usesX: false,
  usesCheckX: false,
  isBody: '',
  checkBody: '',
};

/** One type's, or one generic type use's, guard, check and schema. */
function shapeView(shape: Shape, g: Gen, ctx: TsTypeContext) {
  const { def: t, symbols: names } = shape;
  return {
    name: names.id,
    typeExpr: tsRefName(t.name, shape.args, ctx),
    isName: names.is,
    checkName: names.check,
    doc: `Standard Schema, type guard and parser for \`${shape.label}\`.`,
    isEnum: t.kind === 'enum',
    open: t.kind === 'object' && Boolean(t.incomplete),
    enumIsBody: enumIsBody(t),
    enumCheckBody: functionBody([clause(`if (!${names.is}(v))`, report('undefined', jsString(`expected ${enumExpected(t)}`)))]),
    // Pure, so that a bundle keeps only the schemas its program uses.
    schemaDeclaration: listLayout(`export const ${names.schema} = /* @__PURE__ */ schema(`, [jsString(shape.label), names.is, names.check], ');'),
    ...(t.kind === 'object' && !t.incomplete ? objectView(shape, g) : NO_OBJECT),
  };
}

/** validators.ts as a template and its list of types. */
export function validatorsTemplate(model: ApiModel, command: string): ListTemplate<Shape> {
  const g: Gen = { types: new Map(model.types.map((t) => [t.name, t])), names: namesOf(model) };
  const ctx = tsTypeContext(model, 'Types.');
  const items = shapesOf(model, g.names);
  return { name: 'validators.ts.hbs', view: { header: GENERATED_HEADER(command) }, key: 'types', items, toView: (shape) => shapeView(shape, g, ctx) };
}

/** validators.ts, rendered and handed over a slice of its types at a time (it is the largest file). */
export function validatorsSource(model: ApiModel, command: string): StreamedText {
  return streamedTypeScript(validatorsTemplate(model, command));
}

export async function emitValidators(model: ApiModel, command: string): Promise<string> {
  return textOf(validatorsSource(model, command));
}
