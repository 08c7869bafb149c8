/**
 * Pass "lower types": every type the pages name — by a table, an enum, a DTO class, a base, a
 * member type, an operation — gets its TypeFacts, with what the sources say of the type as a whole
 * (bases, enum members, description, C# namespace, where it is described and used). Members are
 * lowered by the next pass, once bases are resolved (lower-members.ts).
 */
import type { SourceLocation } from '../diagnostics.js';
import { parseDotNetType } from '../read/dotnet-type.js';
import type { EnumTableFragment, ParamTableFragment } from '../read/fragments.js';
import type { TypeRef } from './api-model.js';
import type { DeclaredClass } from './declared.js';
import type { Evidence } from './evidence.js';
import { enumMemberFact, FactStore, type EnumListFact, type TypeFacts } from './facts.js';
import type { ModelPage } from './model-page.js';
import type { NamedTable, PagePlan } from './page-plan.js';
import { builtinType, type BuiltinType } from './builtins.js';
import { DECLARED_BY } from './sources.js';
import { fromDotNet, referencedNames } from './type-ref.js';
import { pushAll } from '../arrays.js';

/** The sources of one type gathered from every page: its tables, DTO classes and enum tables. */
export interface TypeSources {
  tables: NamedTable[];
  declared: DeclaredClass[];
  enums: EnumTableFragment[];
}

/** What a source shows of the API's structure: named tables and enum tables, base links, and the types it names besides. */
export interface Structure {
  tables: NamedTable[];
  enums: { table: EnumTableFragment; name: string }[];
  bases: { type: string; base: string; args?: TypeRef[]; loc: SourceLocation }[];
  /** Operations' requests and responses. */
  named: string[];
  /** Responses that are uses of a generic type (`QueryResponse<PostComment>`). */
  generic?: { type: string; args: TypeRef[]; loc: SourceLocation }[];
}

/** A page's structure, as table identification planned it. */
export function planStructure(plan: PagePlan): Structure {
  const shape = plan.response?.shape;
  const response = shape?.kind === 'typed' ? [shape.type] : [];
  const generic = shape?.kind === 'typed' && shape.args ? [{ type: shape.type, args: shape.args, loc: plan.response!.loc }] : [];
  return { tables: plan.tables, enums: plan.enums, bases: plan.bases, named: [plan.operation, ...response], generic };
}

export interface LoweredTypes {
  store: FactStore;
  sources: Map<string, TypeSources>;
  /** The type arguments of tables captioned as a generic type's use (`QueryResponse<PostComment>`), by table. */
  captionArgs: ReadonlyMap<ParamTableFragment, TypeRef[]>;
  /** The number of type arguments each type is first used with, where it is used with any. */
  arities: Map<string, number>;
  /**
   * Types only sample values name (a nested instance no table or DTO row of its page names, and
   * ServiceStack's types they use): kept only where a member ends up of that type (sample-types.ts).
   */
  fromSamples: ReadonlySet<string>;
}

export function lowerTypes(structures: readonly Structure[], pages: readonly ModelPage[], evidence: Evidence): LoweredTypes {
  const captionArgs = new Map(pages.flatMap((p) => [...p.captionArgs]));
  const lowered: LoweredTypes = { store: new FactStore(), sources: new Map(), captionArgs, arities: new Map(), fromSamples: new Set() };
  const type = (name: string) => typeOf(lowered, name);
  for (const s of structures) {
    for (const t of s.tables) addTable(type(t.name), lowered, t);
    for (const e of s.enums) addEnumTable(type(e.name), lowered, e.table);
    for (const b of s.bases) addBaseLink(type(b.type), lowered, b);
    for (const name of s.named) type(name);
    for (const g of s.generic ?? []) useType(lowered, { kind: 'ref', name: g.type, nullable: false, args: g.args }, g.loc);
  }
  for (const page of pages) {
    for (const c of page.declared) addDeclaredClass(type(c.name), lowered, c);
    for (const e of page.fragments.enums) if (e.name) addEnumTable(type(e.name), lowered, e);
  }
  addReferences(lowered);
  addBuiltins(lowered);
  addShownTypes(lowered, evidence);
  for (const t of lowered.store.types.values()) {
    const { enums, declared } = lowered.sources.get(t.name)!;
    for (const e of enums) t.enumLists.push(enumTableList(e));
    for (const c of declared)
      if (c.isEnum)
        t.enumLists.push({ members: c.enumMembers, source: c.lang, what: DECLARED_BY[c.lang], ...(c.travels ? { travels: c.travels } : {}), loc: c.loc });
    const seen = evidence.types.get(t.name);
    pushAll(t.shownAt, seen?.sources ?? []);
    t.shown = (seen?.members.size ?? 0) > 0;
  }
  return lowered;
}

function typeOf(lowered: LoweredTypes, name: string): TypeFacts {
  if (!lowered.sources.has(name)) lowered.sources.set(name, { tables: [], declared: [], enums: [] });
  return lowered.store.type(name);
}

function addTable(t: TypeFacts, lowered: LoweredTypes, table: NamedTable): void {
  lowered.sources.get(t.name)!.tables.push(table);
  t.described = true;
  t.describedAt.push(table.table.loc);
  const args = lowered.captionArgs.get(table.table);
  if (!args) return;
  // `X<T>` names the parameters; `X<PostComment>` is a use, its arguments referenced.
  if (args.every(isParameterName)) t.typeParameters.push({ value: args.map((a) => (a as { name: string }).name), source: 'table', loc: table.table.loc });
  else useType(lowered, { kind: 'ref', name: t.name, nullable: false, args }, table.table.loc);
}

/** A caption's argument that reads as a type parameter (`T`, `TKey`, `T1`) rather than a type. */
function isParameterName(t: TypeRef): boolean {
  return t.kind === 'ref' && !t.args && /^T(?:[A-Z0-9][A-Za-z0-9]*)?$/.test(t.name);
}

function enumTableList(e: EnumTableFragment): EnumListFact {
  return {
    members: e.members.map((m) => enumMemberFact(m.name, m.value, m.description, m.loc)),
    source: 'table',
    what: 'the enum table',
    ...(e.integer ? { travels: 'integer' as const } : {}),
    loc: e.loc,
  };
}

function addEnumTable(t: TypeFacts, lowered: LoweredTypes, table: EnumTableFragment): void {
  lowered.sources.get(t.name)!.enums.push(table);
  t.describedAt.push(table.loc);
}

/** A base the page's structure shows; a generic one (`QueryDb<Customer>`) is a use of that type too. */
function addBaseLink(t: TypeFacts, lowered: LoweredTypes, b: Structure['bases'][number]): void {
  t.base.push({ value: b.base, source: 'table', loc: b.loc });
  if (!b.args) return;
  t.baseArgs.push({ value: { base: b.base, args: b.args }, source: 'table', loc: b.loc });
  useType(lowered, { kind: 'ref', name: b.base, nullable: false, args: b.args }, b.loc);
}

function addDeclaredClass(t: TypeFacts, lowered: LoweredTypes, c: DeclaredClass): void {
  lowered.sources.get(t.name)!.declared.push(c);
  t.described = true;
  t.describedAt.push(c.loc);
  for (const b of c.bases) t.base.push({ value: b, source: c.lang, loc: c.loc });
  if (c.description) t.description.push({ value: c.description, source: c.lang, loc: c.loc });
  if (c.namespace) t.namespace.push({ value: c.namespace.value, source: c.lang, loc: c.namespace.loc });
  if (c.baseArgs && c.bases[0]) t.baseArgs.push({ value: { base: c.bases[0], args: c.baseArgs }, source: c.lang, loc: c.loc });
  if (c.typeParameters.length) t.typeParameters.push({ value: c.typeParameters, source: c.lang, loc: c.loc });
  const shape = c.response?.shape;
  if (shape?.kind === 'typed' && shape.args) useType(lowered, { kind: 'ref', name: shape.type, nullable: false, args: shape.args }, c.loc);
}

/** The types nested sample values name that no table or DTO row of their page does (with ServiceStack's types they use). */
function addShownTypes(lowered: LoweredTypes, evidence: Evidence): void {
  if (!evidence.shownTypes.length) return;
  const before = new Set(lowered.store.types.keys());
  for (const { name, loc } of evidence.shownTypes) typeOf(lowered, name).referencedAt.push(loc);
  addBuiltins(lowered);
  lowered.fromSamples = new Set([...lowered.store.types.keys()].filter((name) => !before.has(name)));
}

/**
 * ServiceStack's own types that the docs use but no page describes: defined by its declaration
 * (a generic one by the number of arguments it is used with), which may use more of them
 * (`ResponseStatus.Errors` is `List<ResponseError>`).
 */
function addBuiltins(lowered: LoweredTypes): void {
  const pending = [...lowered.store.types.values()];
  for (let t = pending.pop(); t; t = pending.pop()) {
    const builtin = builtinType(t.name, lowered.arities.get(t.name));
    if (builtin && t.described) addBuiltinParameters(t, builtin, lowered);
    if (!builtin || t.described || t.enumLists.length || t.builtin) continue;
    t.builtin = builtin;
    const loc = t.referencedAt[0] ?? t.shownAt[0];
    if (!loc) continue;
    if (builtin.typeParameters) t.typeParameters.push({ value: [...builtin.typeParameters], source: 'builtin', loc });
    const uses = (n: string) => {
      const used = typeOf(lowered, n);
      used.referencedAt.push(loc);
      pending.push(used);
    };
    if (builtin.base) {
      t.base.push({ value: builtin.base, source: 'builtin', loc });
      uses(builtin.base);
    }
    for (const [, written] of builtin.members) {
      const type = parseDotNetType(written);
      for (const n of type ? referencedNames(fromDotNet(type)) : []) if (!builtin.typeParameters?.includes(n)) uses(n);
    }
  }
}

/**
 * A page that describes one of ServiceStack's generic types (a table of `QueryResponse<PostComment>`)
 * still has ServiceStack's declaration tell its parameters, when the docs use it with that many arguments.
 */
function addBuiltinParameters(t: TypeFacts, builtin: BuiltinType, lowered: LoweredTypes): void {
  const parameters = builtin.typeParameters;
  if (!parameters || lowered.arities.get(t.name) !== parameters.length || t.typeParameters.some((f) => f.source === 'builtin')) return;
  t.typeParameters.push({ value: [...parameters], source: 'builtin', loc: t.describedAt[0]! });
}

/** A use of a type with type arguments: its arity is noted and what the arguments name referenced. */
function useType(lowered: LoweredTypes, t: TypeRef, loc: SourceLocation): void {
  for (const n of referencedNames(t)) typeOf(lowered, n).referencedAt.push(loc);
  noteArities(lowered, t);
}

function noteArities(lowered: LoweredTypes, t: TypeRef): void {
  if (t.kind === 'list') return noteArities(lowered, t.of);
  if (t.kind === 'dictionary') return noteArities(lowered, t.value);
  if (t.kind !== 'ref' || !t.args) return;
  if (!lowered.arities.has(t.name)) lowered.arities.set(t.name, t.args.length);
  for (const a of t.args) noteArities(lowered, a);
}

/**
 * Names the bases, tables and DTO members use: a type used but never described is still a type
 * (open). A generic type's parameters (`T` in its `List<T>`) are no types.
 */
function addReferences(lowered: LoweredTypes): void {
  const referenced = (name: string, loc: SourceLocation) => typeOf(lowered, name).referencedAt.push(loc);
  const uses = (t: TypeRef, parameters: readonly string[], loc: SourceLocation) => {
    for (const n of referencedNames(t)) if (!parameters.includes(n)) referenced(n, loc);
    noteArities(lowered, t);
  };
  for (const t of [...lowered.store.types.values()]) {
    const sources = lowered.sources.get(t.name)!;
    const parameters = t.typeParameters.flatMap((f) => f.value);
    for (const b of t.base) referenced(b.value, b.loc);
    for (const b of t.baseArgs) uses({ kind: 'ref', name: b.value.base, nullable: false, args: b.value.args }, parameters, b.loc);
    for (const table of sources.tables) for (const r of table.table.rows) if (r.type) uses(fromDotNet(r.type), parameters, r.loc);
    for (const c of sources.declared) for (const m of c.members) if (m.type) uses(m.type, parameters, m.loc);
  }
}
