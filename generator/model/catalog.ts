/**
 * What is known of named types before a page's untitled tables are named: member sets from
 * captions and DTO sources and samples, declared bases, enums. Built whole for each round of
 * table identification and never changed after, so the indexes it holds cannot go stale.
 */
import type { ParamTableFragment } from '../read/fragments.js';
import type { Evidence } from './evidence.js';
import type { Structure } from './lower-types.js';
import type { ModelPage } from './model-page.js';
import { BUILTIN_TYPES } from './builtins.js';
import type { DeclaredLang } from './facts.js';
import { memberKey } from './naming.js';
import { DECLARED_BY } from './sources.js';

/** Every DTO source language: the member sets their classes declare. */
const DECLARED_LANGS: readonly DeclaredLang[] = Object.keys(DECLARED_BY) as DeclaredLang[];

export interface Catalog {
  readonly evidence: Evidence;
  /** Member keys of tables named with certainty (captions, or an earlier round). */
  readonly tableMembers: ReadonlyMap<string, ReadonlySet<string>>;
  /** `derived → base` from DTO source classes. */
  readonly declaredBases: ReadonlyMap<string, string>;
  /** Enums some page names: a titled enum table, or an enum in the DTO sources. */
  readonly enumNames: ReadonlySet<string>;
  /** Types by their member set (sorted keys joined), the first name in sorted order winning. */
  readonly byTableMembers: ReadonlyMap<string, string>;
  readonly byDeclaredMembers: ReadonlyMap<string, string>;
  /** The named member keys of every table of every page. */
  readonly tableKeys: ReadonlyMap<ParamTableFragment, ReadonlySet<string>>;
}

/** The member keys a table's named rows give. */
export function rowKeys(table: ParamTableFragment): Set<string> {
  const keys = new Set<string>();
  for (const r of table.rows) if (r.name) keys.add(memberKey(r.name));
  return keys;
}

const memberSetKey = (keys: Iterable<string>) => [...keys].sort().join('\0');

/** `stated`: the structure `/types/metadata` states, whose tables and enums are known by name. */
export function buildCatalog(pages: readonly ModelPage[], stated: Structure, evidence: Evidence): Catalog {
  const tableMembers = new Map<string, ReadonlySet<string>>();
  const tableKeys = new Map<ParamTableFragment, ReadonlySet<string>>();
  const declaredBases = new Map<string, string>();
  const enumNames = new Set<string>();
  for (const { fragments, declared } of pages) {
    for (const e of fragments.enums) if (e.name) enumNames.add(e.name);
    for (const t of fragments.tables) {
      const keys = rowKeys(t);
      tableKeys.set(t, keys);
      if (t.caption && !tableMembers.has(t.caption)) tableMembers.set(t.caption, keys);
    }
    for (const c of declared) {
      if (c.isEnum) enumNames.add(c.name);
      const base = c.bases[0];
      if (base && !declaredBases.has(c.name)) declaredBases.set(c.name, base);
    }
  }
  for (const { table, name } of stated.tables) if (!tableMembers.has(name)) tableMembers.set(name, rowKeys(table));
  for (const { name } of stated.enums) enumNames.add(name);
  const byDeclaredMembers = new Map<string, string>();
  for (const name of [...evidence.types.keys()].sort()) {
    const key = memberSetKey(evidence.keys(name, DECLARED_LANGS));
    if (!byDeclaredMembers.has(key)) byDeclaredMembers.set(key, name);
  }
  return { evidence, tableMembers, declaredBases, enumNames, byTableMembers: byMembers(tableMembers), byDeclaredMembers, tableKeys };
}

/** The catalog with the member sets of tables an earlier round named with certainty (where no caption gave the name). */
export function extendCatalog(catalog: Catalog, learned: ReadonlyMap<string, ReadonlySet<string>>): Catalog {
  const tableMembers = new Map(catalog.tableMembers);
  for (const [name, keys] of learned) if (!tableMembers.has(name)) tableMembers.set(name, keys);
  return { ...catalog, tableMembers, byTableMembers: byMembers(tableMembers) };
}

function byMembers(tableMembers: ReadonlyMap<string, ReadonlySet<string>>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [name, members] of [...tableMembers].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = memberSetKey(members);
    if (!index.has(key)) index.set(key, name);
  }
  return index;
}

/** A named type whose own members are exactly these, found in captions, DTO source classes or earlier rounds. */
export function typeWithMembers(keys: ReadonlySet<string>, catalog: Catalog): string | undefined {
  const key = memberSetKey(keys);
  return catalog.byTableMembers.get(key) ?? catalog.byDeclaredMembers.get(key) ?? BUILTINS_BY_MEMBERS.get(key);
}

/** ServiceStack's own types by their member sets (`QueryBase`, `ResponseStatus`…), the weakest evidence of a table's name. */
const BUILTINS_BY_MEMBERS: ReadonlyMap<string, string> = new Map(
  BUILTIN_TYPES.filter((t) => t.members.length).map((t) => [memberSetKey(t.members.map(([name]) => memberKey(name))), t.name]),
);

/**
 * How much of a table a known member set explains: the share of the table's named rows it has.
 * A table that gained, lost or renamed a member or two still fits the type it describes.
 */
export function fit(table: ReadonlySet<string>, known: ReadonlySet<string>): number {
  if (!table.size) return 0;
  let shared = 0;
  for (const k of table) if (known.has(k)) shared++;
  return shared / table.size;
}

/** At least this share of a table's rows must be known members of a type for the table to be taken as that type's. */
export const FITS = 0.5;

/**
 * The named type whose table members (captions, earlier rounds) best explain these, when one
 * does clearly: most of the table's members, and more than any other type. `tied`: the types
 * that fit equally well, when several do (the evidence cannot decide).
 */
export function closestTable(keys: ReadonlySet<string>, catalog: Catalog): string | undefined {
  return closestTables(keys, catalog).best;
}

export function closestTables(keys: ReadonlySet<string>, catalog: Catalog): { best?: string; tied: string[] } {
  let best: string[] = [];
  let bestScore = FITS * FITS;
  for (const [name, members] of catalog.tableMembers) {
    const score = fit(keys, members) * fit(members, keys);
    if (score > bestScore) [best, bestScore] = [[name], score];
    else if (score === bestScore) best.push(name);
  }
  return best.length === 1 ? { best: best[0]!, tied: [] } : { tied: best.sort() };
}
/** The type whose sample instances show the members that best fit these both ways (`PostComment` in a `QueryResponse<PostComment>` sample), if one does. */
export function closestShown(keys: ReadonlySet<string>, catalog: Catalog): string | undefined {
  let best: string[] = [];
  let bestScore = FITS * FITS;
  for (const name of catalog.evidence.types.keys()) {
    const shown = catalog.evidence.keys(name);
    const score = fit(keys, shown) * fit(shown, keys);
    if (score > bestScore) [best, bestScore] = [[name], score];
    else if (score === bestScore) best.push(name);
  }
  return best.length === 1 ? best[0] : undefined;
}

/** Member keys a type is known to have from any source other than this page's unnamed tables. */
export function knownMembers(name: string, catalog: Catalog): Set<string> {
  const keys = catalog.evidence.keys(name); // (a new set)
  for (const k of catalog.tableMembers.get(name) ?? []) keys.add(k);
  return keys;
}

/** The named member keys of a table of some page. */
export function keysOf(table: ParamTableFragment, catalog: Catalog): ReadonlySet<string> {
  return catalog.tableKeys.get(table) ?? rowKeys(table);
}
