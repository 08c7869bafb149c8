/**
 * Pass "lower types": every type the pages name — by a table, an enum, a DTO class, a base, a
 * member type, an operation — gets its TypeFacts, with what the sources say of the type as a whole
 * (bases, enum members, description, C# namespace, where it is described and used). Members are
 * lowered by the next pass, once bases are resolved (lower-members.ts).
 */
import type { SourceLocation } from '../diagnostics.js';
import { parseDotNetType } from '../read/dotnet-type.js';
import type { EnumTableFragment } from '../read/fragments.js';
import type { DeclaredClass } from './declared.js';
import { memberReferences } from './declared.js';
import type { Evidence } from './evidence.js';
import { FactStore, type TypeFacts } from './facts.js';
import type { ModelPage } from './model-page.js';
import type { NamedTable, PagePlan } from './page-plan.js';
import { BUILTINS } from './builtins.js';
import { DECLARED_BY } from './sources.js';
import { fromDotNet, referencedNames } from './type-ref.js';

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
  bases: { type: string; base: string; loc: SourceLocation }[];
  /** Operations' requests and responses. */
  named: string[];
}

/** A page's structure, as table identification planned it. */
export function planStructure(plan: PagePlan): Structure {
  const response = plan.response?.shape.kind === 'typed' ? [plan.response.shape.type] : [];
  return { tables: plan.tables, enums: plan.enums, bases: plan.bases, named: [plan.operation, ...response] };
}

export interface LoweredTypes {
  store: FactStore;
  sources: Map<string, TypeSources>;
}

export function lowerTypes(structures: readonly Structure[], pages: readonly ModelPage[], evidence: Evidence): LoweredTypes {
  const lowered: LoweredTypes = { store: new FactStore(), sources: new Map() };
  const type = (name: string) => typeOf(lowered, name);
  for (const s of structures) {
    for (const t of s.tables) addTable(type(t.name), lowered, t);
    for (const e of s.enums) addEnumTable(type(e.name), lowered, e.table);
    for (const b of s.bases) type(b.type).base.push({ value: b.base, source: 'table', loc: b.loc });
    for (const name of s.named) type(name);
  }
  for (const page of pages) {
    for (const c of page.declared) addDeclaredClass(type(c.name), lowered, c);
    for (const e of page.fragments.enums) if (e.name) addEnumTable(type(e.name), lowered, e);
  }
  addReferences(lowered);
  addBuiltins(lowered);
  for (const t of lowered.store.types.values()) {
    const { enums, declared } = lowered.sources.get(t.name)!;
    t.enumLists.push(...enums.map((e) => ({ members: e.members, what: 'the enum table', loc: e.loc })));
    for (const c of declared) if (c.isEnum) t.enumLists.push({ members: c.enumMembers, what: DECLARED_BY[c.lang], loc: c.loc });
    const seen = evidence.types.get(t.name);
    t.shownAt.push(...(seen?.sources ?? []));
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
}

function addEnumTable(t: TypeFacts, lowered: LoweredTypes, table: EnumTableFragment): void {
  lowered.sources.get(t.name)!.enums.push(table);
  t.describedAt.push(table.loc);
}

function addDeclaredClass(t: TypeFacts, lowered: LoweredTypes, c: DeclaredClass): void {
  lowered.sources.get(t.name)!.declared.push(c);
  t.described = true;
  t.describedAt.push(c.loc);
  for (const b of c.bases) t.base.push({ value: b, source: c.lang, loc: c.loc });
  if (c.description) t.description.push({ value: c.description, source: c.lang, loc: c.loc });
  if (c.namespace) t.namespace.push({ value: c.namespace.value, source: c.lang, loc: c.namespace.loc });
  if (c.genericBase) t.genericBase.push({ value: c.genericBase, source: c.lang, loc: c.loc });
}

/**
 * ServiceStack's own types that the docs use but no page describes: defined by its declaration,
 * which may use more of them (`ResponseStatus.Errors` is `List<ResponseError>`).
 */
function addBuiltins(lowered: LoweredTypes): void {
  const pending = [...lowered.store.types.values()];
  for (let t = pending.pop(); t; t = pending.pop()) {
    const builtin = BUILTINS.get(t.name);
    // Generic ones need the model's generics (not yet): their members use type parameters.
    if (!builtin || builtin.typeParameters || t.described || t.enumLists.length || t.builtin) continue;
    t.builtin = builtin;
    const loc = t.referencedAt[0] ?? t.shownAt[0];
    if (!loc) continue;
    if (builtin.base) t.base.push({ value: builtin.base, source: 'builtin', loc });
    for (const [, written] of builtin.members) {
      const type = parseDotNetType(written);
      for (const n of type ? referencedNames(fromDotNet(type)) : []) {
        const used = typeOf(lowered, n);
        used.referencedAt.push(loc);
        pending.push(used);
      }
    }
  }
}

/** Names the bases, tables and DTO members use: a type used but never described is still a type (open). */
function addReferences(lowered: LoweredTypes): void {
  const referenced = (name: string, loc: SourceLocation) => typeOf(lowered, name).referencedAt.push(loc);
  for (const t of [...lowered.store.types.values()]) {
    const sources = lowered.sources.get(t.name)!;
    for (const b of t.base) referenced(b.value, b.loc);
    for (const table of sources.tables)
      for (const r of table.table.rows) if (r.type) for (const n of referencedNames(fromDotNet(r.type))) referenced(n, r.loc);
    for (const c of sources.declared) for (const m of c.members) for (const n of memberReferences(m)) referenced(n, m.loc);
  }
}
