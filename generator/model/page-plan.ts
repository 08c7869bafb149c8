/**
 * Decides, for one page, which type each parameter table describes. Tables come in ServiceStack's
 * order — the request DTO, its bases, the types its members use (depth first), then the response
 * DTO and its references — so the page is walked in that order, and every name is checked against
 * the evidence (captions, DTO source classes, sample instances) before it is given.
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { EnumTableFragment, ParamTableFragment } from '../read/fragments.js';
import type { TypeRef } from './api-model.js';
import { BUILTIN_TYPE_NAMES, pushTypeNames } from '../read/dotnet-type.js';
import { builtinType } from './builtins.js';
import { closestShown, closestTable, closestTables, fit, FITS, keysOf, knownMembers, typeWithMembers, type Catalog } from './catalog.js';
import type { NameSource, PageOperation } from './name-operations.js';
import { memberKey } from './naming.js';

export interface NamedTable {
  table: ParamTableFragment;
  name: string;
  how: NameSource;
  role: 'request' | 'base' | 'reference' | 'response';
}

export interface PagePlan extends PageOperation {
  tables: NamedTable[];
  /** The page's untitled enum tables (pipe dumps), named by where the walk meets a known enum. */
  enums: { table: EnumTableFragment; name: string }[];
  /** `derived → base` links the page shows or implies. */
  /** `args`: a generic base's type arguments (`QueryDb<Customer>`), where the page implies them. */
  bases: { type: string; base: string; args?: TypeRef[]; how: NameSource; loc: SourceLocation }[];
}

/** The walk over one page: its plan so far and where it stands in the page's tables. */
interface Walk {
  plan: PagePlan;
  catalog: Catalog;
  bag: DiagnosticBag;
  tables: readonly ParamTableFragment[];
  next: number;
  untitledEnums: readonly EnumTableFragment[];
  nextEnum: number;
  visited: Set<string>;
  /** The names each table's rows use, worked out once per table of the walk. */
  references: Map<ParamTableFragment, readonly string[]>;
  /** Names the tables taken so far use: a titled table of one of them is that type's, never a base. */
  referenced: Set<string>;
  pageLoc: SourceLocation;
  responseType: string | undefined;
}

export function planPage(named: PageOperation, catalog: Catalog, bag: DiagnosticBag): PagePlan {
  const page = named.page.fragments;
  const plan: PagePlan = { ...named, tables: [], enums: [], bases: [] };
  const responseType = named.response?.shape.kind === 'typed' ? named.response.shape.type : undefined;
  const walk: Walk = {
    plan,
    catalog,
    bag,
    tables: page.tables,
    next: 0,
    untitledEnums: page.enums.filter((e) => !e.name),
    nextEnum: 0,
    visited: new Set(),
    referenced: new Set(),
    references: new Map(),
    pageLoc: page.routes[0]?.loc ?? { file: page.file, line: 1 },
    responseType,
  };
  visit(walk, named.operation, 'request');
  if (responseType) visit(walk, responseType, 'response');
  else if (!named.response) visitUnshownResponse(walk);
  for (const table of walk.untitledEnums.slice(walk.nextEnum))
    bag.warn('SS062', table.loc, 'enum table has no title and no enum the page uses comes here; its members are not read (add a page that names it)');
  takeUnreached(walk);
  return plan;
}

function take(walk: Walk, name: string, how: NameSource, role: NamedTable['role']): void {
  const table = walk.tables[walk.next]!;
  walk.plan.tables.push({ table, name, how, role });
  for (const ref of referencesOf(walk, table)) walk.referenced.add(ref);
  walk.next++;
}

function visit(walk: Walk, name: string, role: NamedTable['role']): void {
  if (walk.visited.has(name) || BUILTIN_TYPE_NAMES.has(name)) return;
  walk.visited.add(name);
  if (walk.catalog.enumNames.has(name) || (role === 'reference' && enumTableNext(walk) && !knownClass(walk, name))) return takeEnum(walk, name);
  const own = takeOwnTable(walk, name, role);
  // Any type's base table follows its own (ServiceStack adds a type's base before what it uses).
  visitBases(walk, name, own, role);
  for (const ref of referencesOf(walk, own)) visit(walk, ref, 'reference');
}

/** An enum has no parameter table: its own is the next untitled enum table, if one comes first. */
function takeEnum(walk: Walk, name: string): void {
  if (!enumTableNext(walk)) return;
  walk.plan.enums.push({ table: walk.untitledEnums[walk.nextEnum]!, name });
  walk.nextEnum++;
}

/** Whether the next table of the page, in page order, is an untitled enum table. */
function enumTableNext(walk: Walk): boolean {
  const table = walk.tables[walk.next];
  const enumTable = walk.untitledEnums[walk.nextEnum];
  return Boolean(enumTable && (!table || enumTable.loc.line < table.loc.line));
}

/**
 * A type some source shows members of (a table, a DTO class, a sample) is a class. One no source
 * describes, used where an untitled enum table comes next, is that enum: pipe dumps keep enum
 * tables in the order of first use in the Data Type column.
 */
function knownClass(walk: Walk, name: string): boolean {
  return walk.catalog.tableMembers.has(name) || walk.catalog.declaredBases.has(name) || walk.catalog.evidence.types.has(name);
}

/** The next table, when it is the type's: by its caption, or (untitled) by members that fit what is known of the type. */
function takeOwnTable(walk: Walk, name: string, role: NamedTable['role']): ParamTableFragment | undefined {
  const table = walk.tables[walk.next];
  if (!table) return undefined;
  if (table.caption !== undefined) {
    if (table.caption !== name) return undefined;
    take(walk, name, 'caption', role);
    return table;
  }
  const known = knownMembers(name, walk.catalog);
  const keys = keysOf(table, walk.catalog);
  if (known.size !== 0 && fit(keys, known) < FITS) return undefined;
  if (known.size === 0 && role === 'request' && isResponseTable(walk, keys)) return undefined;
  // Without evidence the name rests on the table's position alone.
  take(walk, name, known.size ? 'sample' : 'position', role);
  if (known.size) reportUnknownMembers(walk, table, name, keys, known);
  return table;
}

/**
 * A request without members has no table (a GET page shows no request body to say so): the first
 * table is then the response's when the response's sample shows its members.
 */
function isResponseTable(walk: Walk, keys: ReadonlySet<string>): boolean {
  if (walk.responseType === undefined) return false;
  const response = walk.catalog.evidence.keys(walk.responseType);
  return response.size > 0 && fit(keys, response) >= FITS;
}

/**
 * Bases follow the table of the type that extends them. A table right after it is a base when
 * the DTO source says so, or when it holds members the type's sample shows but its own table
 * lacks; a titled table qualifies too when nothing before it references that title.
 * ServiceStack lists the whole base chain first, then the references of the deepest base up.
 */
function visitBases(walk: Walk, name: string, own: ParamTableFragment | undefined, role: NamedTable['role']): void {
  const declared = walk.catalog.declaredBases.get(name) ?? builtinType(name)?.base;
  if (!declared && (!own || walk.next >= walk.tables.length)) return; // no base to find: most types
  const instance = walk.catalog.evidence.keys(name);
  const chain: ParamTableFragment[] = [];
  const state = { covered: own ? new Set(keysOf(own, walk.catalog)) : new Set<string>(), referenced: new Set(referencesOf(walk, own)) };
  for (let derived = name; ;) {
    const builtin = builtinType(derived);
    const declaredBase = walk.catalog.declaredBases.get(derived) ?? builtin?.base;
    if (!declaredBase && builtin) break; // ServiceStack's own type: its declaration says it has no base
    if (declaredBase) {
      walk.plan.bases.push({ type: derived, base: declaredBase, how: 'dto', loc: own?.loc ?? walk.pageLoc });
      visit(walk, declaredBase, 'base');
      break;
    }
    const candidate = walk.tables[walk.next];
    const base = candidate && own ? baseTable(walk, derived, candidate, instance, { ...state, root: role }) : undefined;
    if (!base || !candidate) break;
    walk.plan.bases.push({ type: derived, base: base.name, how: base.how, loc: candidate.loc });
    walk.visited.add(base.name);
    take(walk, base.name, base.how, 'base');
    for (const ref of referencesOf(walk, candidate)) state.referenced.add(ref);
    for (const k of keysOf(candidate, walk.catalog)) state.covered.add(k);
    chain.push(candidate);
    derived = base.name;
    own = candidate;
  }
  for (const base of chain.reverse()) for (const ref of referencesOf(walk, base)) visit(walk, ref, 'reference');
}

function abstractBuiltinWith(keys: ReadonlySet<string>, catalog: Catalog): { name: string; how: NameSource } | undefined {
  const name = typeWithMembers(keys, catalog);
  return name !== undefined && builtinType(name)?.abstract ? { name, how: 'catalog' } : undefined;
}

/** The name of `candidate` as a base of `derived`, or undefined when it is not one. */
function baseTable(
  walk: Walk,
  derived: string,
  candidate: ParamTableFragment,
  instance: ReadonlySet<string>,
  state: { covered: ReadonlySet<string>; referenced: ReadonlySet<string>; root: NamedTable['role'] },
): { name: string; how: NameSource } | undefined {
  const keys = keysOf(candidate, walk.catalog);
  const holdsInherited = fit(keys, instance) >= FITS && [...keys].some((k) => instance.has(k) && !state.covered.has(k));
  if (candidate.caption !== undefined) {
    const c = candidate.caption;
    const used = walk.visited.has(c) || state.referenced.has(c) || walk.referenced.has(c);
    // A titled table is a base by the evidence of an instance that holds its members. Where the page
    // shows no instance of the type, by its place alone only in the request's or response's chain, or
    // on a page without samples: a used type's next table is as likely another type its parent uses
    // (`QueryBase` then `PostComment`, which `QueryDb<PostComment>` uses).
    const rootChain = state.root === 'request' || state.root === 'response';
    const unshown = instance.size === 0 && (rootChain || !walk.plan.page.fragments.samples.length);
    if (used || c === walk.responseType || !(holdsInherited || unshown)) return undefined;
    return { name: c, how: 'caption' };
  }
  // No instance shows it (a GET page has no request sample): a table of exactly an abstract type of
  // ServiceStack's (`QueryBase`) right under the type can only be its base.
  if (!holdsInherited) return abstractBuiltinWith(keys, walk.catalog);
  const byMembers = typeWithMembers(keys, walk.catalog) ?? closestTable(keys, walk.catalog);
  if (byMembers) return { name: byMembers, how: 'catalog' };
  const name = `${derived}Base`;
  walk.bag.warn(
    'SS060',
    candidate.loc,
    `table has no title; it holds members '${derived}' inherits, so it is a base class of '${derived}', named '${name}' for want of its real name (add the Python, C# or TypeScript DTOs or an XML sample page, or rename it in codegen.config.json)`,
  );
  return { name, how: 'fallback' };
}

/**
 * A page shows only what its request and its response use, the request's first: on a page that
 * shows no response (no sample, no `IReturn<T>`), an untitled table after all the request's is
 * the response's (SS057) — the type whose members it fits, else `{Operation}Response`.
 */
function visitUnshownResponse(walk: Walk): void {
  const table = walk.tables[walk.next];
  if (!table || table.caption !== undefined) return;
  const keys = keysOf(table, walk.catalog);
  const known = typeWithMembers(keys, walk.catalog) ?? closestTable(keys, walk.catalog);
  const name = known ?? `${walk.plan.operation}Response`;
  walk.bag.info(
    'SS057',
    table.loc,
    `the page shows no response; the table after the request's is its response, '${name}' ${known ? 'by its members' : "by ServiceStack's {Operation}Response convention"}`,
  );
  walk.plan.response = { shape: { kind: 'typed', type: name }, loc: table.loc, how: known ? 'catalog' : 'convention' };
  walk.responseType = name;
  visit(walk, name, 'response');
}

/** Tables the walk did not reach: named by caption, or by matching members, or reported. */
function takeUnreached(walk: Walk): void {
  while (walk.next < walk.tables.length) {
    const table = walk.tables[walk.next]!;
    const keys = keysOf(table, walk.catalog);
    const closest = closestTables(keys, walk.catalog);
    const byMembers =
      table.caption ?? typeWithMembers(keys, walk.catalog) ?? closest.best ?? (closest.tied.length ? undefined : closestShown(keys, walk.catalog));
    if (byMembers) take(walk, byMembers, table.caption ? 'caption' : 'catalog', 'reference');
    else {
      const name = `${walk.plan.operation}Table${walk.next + 1}`;
      const why = closest.tied.length ? ` (its members fit ${closest.tied.map((n) => `'${n}'`).join(' and ')} equally well)` : '';
      walk.bag.warn('SS061', table.loc, `cannot tell which type this table describes${why}; named it '${name}'`);
      take(walk, name, 'fallback', 'reference');
    }
  }
}

/** A table taken for a type by most of its members: the members no other source gives the type are noted (SS067). */
function reportUnknownMembers(walk: Walk, table: ParamTableFragment, name: string, keys: ReadonlySet<string>, known: ReadonlySet<string>): void {
  const unknown = table.rows.filter((r) => r.name && !known.has(memberKey(r.name)));
  if (!unknown.length) return;
  const names = unknown.map((r) => `'${r.name}'`).join(', ');
  walk.bag.info(
    'SS067',
    table.loc,
    `table taken for '${name}' by ${keys.size - unknown.length} of its ${keys.size} members; ${names} no other source gives '${name}'`,
  );
}

/** DTO and enum names the rows of a table mention, in row order. */
function referencesOf(walk: Walk, table: ParamTableFragment | undefined): readonly string[] {
  if (!table) return [];
  let refs = walk.references.get(table);
  if (!refs) walk.references.set(table, (refs = tableReferences(table)));
  return refs;
}

function tableReferences(table: ParamTableFragment): string[] {
  const names: string[] = [];
  for (const r of table.rows) if (r.type) pushTypeNames(r.type, names);
  return names.filter((n) => !BUILTIN_TYPE_NAMES.has(n));
}
