/**
 * output/src/dates.ts: for each shape reachable from a typed response that holds dates, a function
 * that rewrites `/Date(…)/` in exactly those members (own or inherited, at any depth) into ISO
 * 8601. The operations' functions (operations.ts) name the one of their response.
 */
import type { ApiModel, PrimitiveName, SymbolNames, TypeRef, TypeSymbols } from '../model/api-model.js';
import { linkFields } from '../model/chain.js';
import { responseRef } from '../model/instances.js';
import { jsString } from './escape.js';
import { formatTypeScript } from './format.js';
import { GENERATED_HEADER, renderTemplate } from './render.js';
import { refSymbols, shapesOf, type Shape } from './shapes.js';
import { namesOf } from './symbols.js';

const DATE_TYPES = new Set<PrimitiveName>(['DateTime', 'DateTimeOffset', 'DateOnly']);

/** The symbols of the shape a reference is checked as (a generic use's own, else its type's). */
export function symbolsOf(ref: TypeRef, names: SymbolNames): TypeSymbols | undefined {
  return ref.kind === 'ref' ? refSymbols(ref.name, ref.args, names) : undefined;
}

/** The shapes whose values (own or inherited members, at any depth) hold dates. */
function shapesWithDates(shapes: readonly Shape[], names: SymbolNames): Set<TypeSymbols> {
  const has = new Set<TypeSymbols>();
  const holds = (ref: TypeRef): boolean => {
    if (ref.kind === 'primitive') return DATE_TYPES.has(ref.name);
    if (ref.kind === 'list') return holds(ref.of);
    if (ref.kind === 'dictionary') return holds(ref.value);
    const symbols = symbolsOf(ref, names);
    return symbols !== undefined && has.has(symbols);
  };
  // A fixpoint, so that recursive types settle instead of recursing.
  for (let changed = true; changed;) {
    changed = false;
    for (const s of shapes)
      if (!has.has(s.symbols) && s.def.kind === 'object' && s.chain.some((link) => linkFields(link).some((f) => holds(f.type)))) {
        has.add(s.symbols);
        changed = true;
      }
  }
  return has;
}

/** The function (expression) that fixes the dates in a value of `ref`, if it holds any. */
function fixer(ref: TypeRef, has: Set<TypeSymbols>, names: SymbolNames): string | undefined {
  if (ref.kind === 'primitive') return DATE_TYPES.has(ref.name) ? 'date' : undefined;
  if (ref.kind === 'ref') {
    const symbols = symbolsOf(ref, names);
    return symbols && has.has(symbols) ? symbols.datesOf : undefined;
  }
  if (ref.kind === 'parameter') return undefined;
  const inner = fixer(ref.kind === 'list' ? ref.of : ref.value, has, names);
  return inner && `${ref.kind === 'list' ? 'each' : 'values'}(${inner})`;
}

/** One date-fixing function per shape reachable from a typed response that holds dates. */
export function dateFunctions(model: ApiModel, shapes: readonly Shape[], names: SymbolNames) {
  const has = shapesWithDates(shapes, names);
  const bySymbols = new Map(shapes.map((s) => [s.symbols, s]));
  const todo = model.operations
    .flatMap((op) => (op.response.kind === 'typed' ? [symbolsOf(responseRef(op.response.type, op.response.args), names)!] : []))
    .filter((s) => has.has(s));
  const done = new Map<TypeSymbols, { name: string; fixes: { key: string; fix: string }[] }>();
  for (let symbols = todo.shift(); symbols !== undefined; symbols = todo.shift()) {
    if (done.has(symbols)) continue;
    const fixes = bySymbols
      .get(symbols)!
      .chain.flatMap(linkFields)
      .flatMap((f) => {
        const fix = fixer(f.type, has, names);
        return fix ? [{ key: jsString(f.wireName), fix, ref: f.type }] : [];
      });
    for (const f of fixes) for (const r of refsIn(f.ref, names)) if (has.has(r)) todo.push(r);
    done.set(symbols, { name: symbols.datesOf, fixes: fixes.map(({ key, fix }) => ({ key, fix })) });
  }
  return [...done.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function refsIn(ref: TypeRef, names: SymbolNames): TypeSymbols[] {
  if (ref.kind === 'list') return refsIn(ref.of, names);
  if (ref.kind === 'dictionary') return refsIn(ref.value, names);
  const symbols = symbolsOf(ref, names);
  return symbols ? [symbols] : [];
}

export async function emitDates(model: ApiModel, command: string): Promise<string> {
  const names = namesOf(model);
  const view = { header: GENERATED_HEADER(command), dates: dateFunctions(model, shapesOf(model, names), names) };
  return formatTypeScript(renderTemplate('dates.ts.hbs', view));
}
