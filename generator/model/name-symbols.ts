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
 * Then the symbol table: per type its validator's functions and its date reviver (and a generic
 * type's parameters, kept apart from every type name so that none is hidden inside it), per use of
 * a generic type that needs code of its own (`QueryResponse<PostComment>`, model/instances.ts) the
 * same under a name of its own (`QueryResponse_PostComment`), per operation its client method.
 * Those are module-private or class members, so they are not renamed in the model: a clash gets a
 * suffix in the generated code only.
 */
import type { DiagnosticBag } from '../diagnostics.js';
import { classIdentifier, methodName, safeTypeName } from '../names/identifiers.js';
import { classMembers, declaredNames, runtimeExports } from '../names/reserved.js';
import type { ApiModel, InstanceSymbols, Operation, SymbolNames, TypeDef, TypeRef, TypeSymbols } from './api-model.js';
import { renameTypes } from './apply-config.js';
import { genericInstances, type Instance } from './instances.js';

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

const runtimeNames = (clientName: string) => new Set([...runtimeExports(), classIdentifier(clientName)]);

export function nameSymbols(model: ApiModel, clientName: string, bag: DiagnosticBag): void {
  uniqueTypeNames(model, runtimeNames(clientName), bag);
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
  const scopes = symbolScopes(model.types);
  const types = typeSymbols(model.types, scopes);
  const instances = instanceSymbols(genericInstances(model), types, scopes, runtimeNames(clientName));
  return { client, types, instances, methods: methodNames(model.operations, methodScope(clientName, types, instances)) };
}

/** The names validators.ts and dates.ts declare at module level, claimed as the symbols are made. */
interface Scopes {
  ids: string[];
  validators: Set<string>;
  dates: Set<string>;
}

function symbolScopes(types: readonly TypeDef[]): Scopes {
  const ids = types.map((t) => safeTypeName(t.name));
  return {
    ids,
    validators: new Set([...declaredNames('validators.ts.hbs'), ...ids.map((id) => `${id}Schema`)]),
    dates: new Set(declaredNames('dates.ts.hbs')),
  };
}

/**
 * `XSchema` is public and claimed first, so it never moves; `isX`, `checkX` and `XMembers` can
 * still meet another type's (`isDate` the members of DTO `isDate`, `isDateSchema` the guard of
 * DTO `DateSchema`) or the validators template's names, and `datesOfX` those of dates.ts:
 * those get a suffix, `isDate_2`.
 */
function typeSymbols(types: readonly TypeDef[], scopes: Scopes): Map<string, TypeSymbols> {
  const typeIds = new Set(scopes.ids);
  const table = new Map<string, TypeSymbols>();
  types.forEach((t, i) => {
    const id = scopes.ids[i]!;
    const parameters = t.typeParameters && parameterNames(t.typeParameters, typeIds);
    table.set(t.name, { ...functionSymbols(id, `${id}Schema`, scopes), ...(parameters ? { parameters } : {}) });
  });
  return table;
}

function functionSymbols(id: string, schema: string, scopes: Scopes): TypeSymbols {
  return {
    id,
    schema,
    is: claim(scopes.validators, `is${id}`, underscored),
    check: claim(scopes.validators, `check${id}`, underscored),
    members: claim(scopes.validators, `${id}Members`, underscored),
    values: `${id}Values`,
    datesOf: claim(scopes.dates, `datesOf${id}`, underscored),
  };
}

/** A generic type's parameters as identifiers, none named like a type (which it would hide in the interface). */
function parameterNames(parameters: readonly string[], typeIds: ReadonlySet<string>): string[] {
  const taken = new Set(typeIds);
  return parameters.map((p) => claim(taken, safeTypeName(p), underscored));
}

/**
 * `QueryResponse_PostComment` for `QueryResponse<PostComment>`: the name of its OpenAPI schema, and
 * `…Schema` that of its validator, neither meeting a type's, a schema's or a generated export.
 */
function instanceSymbols(
  instances: readonly Instance[],
  types: ReadonlyMap<string, TypeSymbols>,
  scopes: Scopes,
  runtime: ReadonlySet<string>,
): Map<string, InstanceSymbols> {
  const exported = new Set([...runtime, ...scopes.ids, ...scopes.ids.map((id) => `${id}Schema`)]);
  const table = new Map<string, InstanceSymbols>();
  for (const i of instances) {
    const wanted = [types.get(i.type)!.id, ...i.args.map((a) => argumentWord(a, types))].join('_');
    const id = freeName(wanted, (x) => exported.has(x) || exported.has(`${x}Schema`), underscored);
    exported.add(id).add(`${id}Schema`);
    scopes.validators.add(`${id}Schema`);
    table.set(i.key, { ...functionSymbols(id, `${id}Schema`, scopes), type: i.type, args: i.args });
  }
  return table;
}

/** An argument in an instance's name: `PostComment`, `List_PostComment`, `Dictionary_string_int`. */
function argumentWord(t: TypeRef, types: ReadonlyMap<string, TypeSymbols>): string {
  switch (t.kind) {
    case 'list':
      return `List_${argumentWord(t.of, types)}`;
    case 'dictionary':
      return `Dictionary_${argumentWord(t.key, types)}_${argumentWord(t.value, types)}`;
    case 'ref':
      return [types.get(t.name)?.id ?? safeTypeName(t.name), ...(t.args ?? []).map((a) => argumentWord(a, types))].join('_');
    default:
      // A primitive's or parameter's name is an identifier; inside the name, a reserved word is harmless.
      return t.name;
  }
}

/**
 * What a method name must not be: an operation's name is both a method of the client class and a
 * function of operations.ts that the entry point exports, next to every other export (the
 * runtime's `createClient`, the types, the schemas) and in a module that imports `call`.
 */
function methodScope(clientName: string, types: ReadonlyMap<string, TypeSymbols>, instances: ReadonlyMap<string, InstanceSymbols>): Set<string> {
  const scope = new Set([...runtimeNames(clientName), ...declaredNames('operations.ts.hbs'), ...classMembers()]);
  for (const s of [...types.values(), ...instances.values()]) scope.add(s.id).add(s.schema).add(s.values);
  return scope;
}

/** Names that meet an earlier one (differing only in case or odd characters) or a name in `taken` get a number: `createCustomer2`. */
function methodNames(operations: readonly Operation[], taken: Set<string>): Map<string, string> {
  return new Map(operations.map((op) => [op.name, claim(taken, methodName(op.name), appended)]));
}
