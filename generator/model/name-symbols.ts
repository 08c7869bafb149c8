/**
 * Pass "naming": every identifier the generated code declares is made here, once, and stored
 * on the model (`model.names`); the emitters only read them.
 *
 * First every type gets a TypeScript name of its own. Types are declared under
 * `safeTypeName(name)`: a name that is not an identifier loses its odd characters (`Foo.Bar`,
 * `Foo Bar` → `Foo_Bar`) and a reserved word gets a `_` (`default` → `default_`), so two docs
 * names can meet as one. And the package entry point exports the types next to what the
 * generator itself names (`ApiError`, `ValidationError`, `Issue`, the client class, the
 * `Operations` map, and `XSchema` for every type `X`): a type named like one of those would hide
 * it. Such a type is renamed with a suffix, everywhere the model names it, and reported (SS064).
 * Generated names never move, and neither does a type that clashes with nothing.
 *
 * Then the symbol table: per type its validator's functions and its date reviver, per operation
 * its client method. Those are module-private or class members, so they are not renamed in the
 * model: a clash gets a suffix in the generated code only.
 */
import type { DiagnosticBag } from '../diagnostics.js';
import { classIdentifier, methodName, safeTypeName } from '../names/identifiers.js';
import { declaredNames, exportedNames } from '../names/reserved.js';
import type { ApiModel, Operation, SymbolNames, TypeDef, TypeSymbols } from './api-model.js';
import { renameTypes } from './apply-config.js';

/** How a name that is taken gets its n-th alternative (n = 2, 3, …). */
type Suffix = (wanted: string, n: number) => string;
const underscored: Suffix = (wanted, n) => `${wanted}_${n}`;
const appended: Suffix = (wanted, n) => `${wanted}${n}`;

/** `wanted` when it is free, else its first free alternative. */
function freeName(wanted: string, taken: (name: string) => boolean, suffix: Suffix): string {
  let name = wanted;
  for (let n = 2; taken(name); n++) name = suffix(wanted, n);
  return name;
}

/** Claims a free name in `scope` (the names one generated module, or one class, declares). */
function claim(scope: Set<string>, wanted: string, suffix: Suffix): string {
  const name = freeName(wanted, (x) => scope.has(x), suffix);
  scope.add(name);
  return name;
}

const byName = <T extends { name: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

export function nameSymbols(model: ApiModel, clientName: string, bag: DiagnosticBag): void {
  const runtime = new Set([...exportedNames('types.ts.hbs', 'validators.ts.hbs', 'client.ts.hbs'), classIdentifier(clientName)]);
  uniqueTypeNames(model, runtime, bag);
  // Claimed in the order the finished model lists them (finalize sorts by name), as the emitters read them.
  model.names = symbolNames({ types: byName(model.types), operations: byName(model.operations) }, clientName);
}

/** Renames the types whose TypeScript names would meet another's, or a generated name (`runtime`). */
function uniqueTypeNames(model: ApiModel, runtime: ReadonlySet<string>, bag: DiagnosticBag): void {
  const sorted = byName(model.types);
  const schemas = new Set(sorted.map((t) => `${safeTypeName(t.name)}Schema`));
  const typeNames = new Set(model.types.map((t) => t.name));
  const taken = new Map<string, string>();
  const clash = (id: string): string | undefined =>
    taken.has(id) ? `'${taken.get(id)}'` : runtime.has(id) ? `the generated '${id}'` : schemas.has(id) ? `the schema '${id}'` : undefined;
  // Names that already are what TypeScript declares go first: `Foo_Bar` stays, `Foo.Bar` moves.
  const order = [...sorted.filter((t) => safeTypeName(t.name) === t.name), ...sorted.filter((t) => safeTypeName(t.name) !== t.name)];
  const renames = new Map<string, string>();
  for (const t of order) {
    const wanted = safeTypeName(t.name);
    const why = clash(wanted);
    const to = why ? freeName(wanted, (x) => clash(x) !== undefined || typeNames.has(x), underscored) : wanted;
    taken.set(to, t.name);
    if (!why) continue;
    renames.set(t.name, to);
    bag.warn(
      'SS064',
      locationOf(t, model),
      `type '${t.name}' would be declared in TypeScript as '${wanted}', like ${why}; named it '${to}' (rename it in codegen.config.json)`,
    );
  }
  if (renames.size) renameTypes(model, renames);
}

function locationOf(t: TypeDef, model: ApiModel) {
  return t.sources[0] ?? model.operations.find((o) => o.request === t.name)?.sources[0];
}

/**
 * The symbol table of a model whose type names are already distinct identifiers, claimed in the
 * order given. The naming pass is its one caller in the generator; tests use it for models they
 * write by hand.
 */
export function symbolNames(model: Pick<ApiModel, 'types' | 'operations'>, clientName: string): SymbolNames {
  const client = classIdentifier(clientName);
  return { client, types: typeSymbols(model.types, client), methods: methodNames(model.operations) };
}

/**
 * `XSchema` is public and claimed first, so it never moves; `isX`, `checkX` and `XMembers` can
 * still meet another type's (`isDate` the members of DTO `isDate`, `isDateSchema` the guard of
 * DTO `DateSchema`) or the validators template's names, and `datesOfX` the client template's:
 * those get a suffix, `isDate_2`.
 */
function typeSymbols(types: readonly TypeDef[], client: string): Map<string, TypeSymbols> {
  const ids = types.map((t) => safeTypeName(t.name));
  const validators = new Set([...declaredNames('validators.ts.hbs'), ...ids.map((id) => `${id}Schema`)]);
  const clientScope = new Set([...declaredNames('client.ts.hbs'), client]);
  const table = new Map<string, TypeSymbols>();
  types.forEach((t, i) => {
    const id = ids[i]!;
    table.set(t.name, {
      id,
      schema: `${id}Schema`,
      is: claim(validators, `is${id}`, underscored),
      check: claim(validators, `check${id}`, underscored),
      members: claim(validators, `${id}Members`, underscored),
      values: `${id}Values`,
      datesOf: claim(clientScope, `datesOf${id}`, underscored),
    });
  });
  return table;
}

/** Names that meet an earlier one (differing only in case or odd characters) get a number: `createCustomer2`. */
function methodNames(operations: readonly Operation[]): Map<string, string> {
  const taken = new Set<string>();
  return new Map(operations.map((op) => [op.name, claim(taken, methodName(op.name), appended)]));
}
