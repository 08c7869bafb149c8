/**
 * Decides, for one page, what its unnamed facts are: the operation name, the response shape,
 * and which type each parameter table describes. Tables come in ServiceStack's order — the
 * request DTO, its bases, the types its members use (depth first), then the response DTO and
 * its references — so the page is walked in that order, and every name is checked against the
 * evidence (captions, DTO source classes, sample instances) before it is given.
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { EnumTableFragment, PageFragments, ParamTableFragment } from '../read/fragments.js';
import { BUILTIN_TYPE_NAMES, parseDotNetType, typeNamesIn } from '../read/dotnet-type.js';
import type { ResponseShape } from './api-model.js';
import { declaredClasses } from './declared.js';
import type { Evidence } from './evidence.js';
import { memberKey, pascalCaseWords } from './naming.js';

/** `dto`: a DTO source class (Python, C#, TypeScript) says so. */
export type NameSource = 'caption' | 'dto' | 'sample' | 'convention' | 'catalog' | 'position' | 'fallback';

export interface NamedTable {
  table: ParamTableFragment;
  name: string;
  how: NameSource;
  role: 'request' | 'base' | 'reference' | 'response';
}

export interface PagePlan {
  page: PageFragments;
  operation: string;
  operationFrom: 'heading' | 'sample' | 'dto' | 'route' | 'summary' | 'path';
  /** undefined when the page shows no samples at all. */
  response?: { shape: ResponseShape; loc: SourceLocation; how: NameSource };
  tables: NamedTable[];
  /** The page's untitled enum tables (pipe dumps), named by where the walk meets a known enum. */
  enums: { table: EnumTableFragment; name: string }[];
  /** `derived → base` links the page shows or implies. */
  bases: { type: string; base: string; how: NameSource; loc: SourceLocation }[];
}

/** Known member sets of named types, for matching an unnamed table to a name. */
export interface Catalog {
  evidence: Evidence;
  /** Member keys of tables already named with certainty (captions, or an earlier pass). */
  tableMembers: Map<string, Set<string>>;
  /** `derived → base` from DTO source classes. */
  declaredBases: Map<string, string>;
  /** Operation names by `VERB path` from pages that state them. */
  routeNames: Map<string, string>;
  /** Enums some page names: a titled enum table, or an enum in the DTO sources. */
  enumNames: Set<string>;
}

const DECLARED_LANGS = ['python', 'csharp', 'typescript'] as const;

export function routeKey(verbs: readonly string[], path: string): string {
  return `${[...verbs].sort().join(',')} ${path.toLowerCase()}`;
}

function namedKeys(table: ParamTableFragment): ReadonlySet<string> {
  // Asked again and again for the same tables as the walk tries them: worked out once per table.
  let keys = namedKeysOf.get(table);
  if (!keys) namedKeysOf.set(table, (keys = new Set(table.rows.flatMap((r) => (r.name ? [memberKey(r.name)] : [])))));
  return keys;
}
const namedKeysOf = new WeakMap<ParamTableFragment, Set<string>>();

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].every((k) => b.has(k));
}

function operationName(page: PageFragments, catalog: Catalog, bag: DiagnosticBag): Pick<PagePlan, 'operation' | 'operationFrom'> {
  const request = page.samples.find((s) => s.direction === 'request');
  const stated: { name: string; from: PagePlan['operationFrom']; loc: SourceLocation }[] = [];
  if (page.operationName) stated.push({ name: page.operationName.value, from: 'heading', loc: page.operationName.loc });
  if (request?.body?.format === 'xml') stated.push({ name: request.body.root.localName, from: 'sample', loc: request.body.loc });
  const first = stated[0];
  for (const other of stated.slice(1))
    if (first && other.name !== first.name)
      bag.warn('SS051', other.loc, `operation is '${first.name}' by its ${first.from} but '${other.name}' by its ${other.from}; using '${first.name}'`);
  if (first) return { operation: first.name, operationFrom: first.from };
  // DTO source: the class nothing else uses or extends is the request.
  const declared = declaredClasses(page);
  const used = new Set(declared.flatMap((c) => c.mentions));
  const roots = declared.filter((c) => !c.isEnum && !used.has(c.name) && !c.name.endsWith('Response'));
  if (roots.length === 1) return { operation: roots[0]!.name, operationFrom: 'dto' };
  for (const route of page.routes) {
    const known = catalog.routeNames.get(routeKey(route.verbs, route.path));
    if (known) return { operation: known, operationFrom: 'route' };
  }
  const route = page.routes[0];
  const fromSummary = route?.summary ? pascalCaseWords(route.summary) : undefined;
  const loc = route?.loc ?? { file: page.file, line: 1 };
  if (fromSummary) {
    bag.warn('SS050', loc, `the page does not name its operation; named it '${fromSummary}' after the route summary '${route!.summary}' (rename it in codegen.config.json if that is wrong)`);
    return { operation: fromSummary, operationFrom: 'summary' };
  }
  const fromPath = pascalCaseWords(`${route?.verbs[0] ?? 'call'} ${route?.path.replace(/\{[^}]*\}/g, '') ?? page.file}`) ?? 'Operation';
  bag.warn('SS050', loc, `the page does not name its operation; named it '${fromPath}' after its route`);
  return { operation: fromPath, operationFrom: 'path' };
}

function responseShape(page: PageFragments, operation: string, bag: DiagnosticBag): PagePlan['response'] {
  // Machine-readable metadata names the response outright, and so does the request DTO's
  // `IReturn<T>`; a page shows it otherwise only in its samples.
  const stated = page.response;
  if (!page.samples.length && stated)
    return { shape: stated.type ? { kind: 'typed', type: stated.type } : { kind: 'none' }, loc: stated.loc, how: 'caption' };
  const marker = declaredClasses(page).find((c) => c.name === operation && c.response)?.response;
  if (!page.samples.length && marker) return { ...marker, how: 'dto' };
  if (!page.samples.length) return undefined;
  const response = page.samples.find((s) => s.direction === 'response');
  const conventional = `${operation}Response`;
  if (!response) return { shape: { kind: 'none' }, loc: page.samples[0]!.loc, how: 'sample' };
  const body = response.body;
  if (!body) return { shape: { kind: 'none' }, loc: response.loc, how: 'sample' };
  if (body.format === 'xml') {
    if (body.root.localName === 'anyType') return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
    return { shape: { kind: 'typed', type: body.root.localName }, loc: body.loc, how: 'sample' };
  }
  if (body.format === 'json' && body.value.kind === 'object') {
    if (!body.value.members.length) return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
    if (marker?.shape.kind === 'typed') return { shape: marker.shape, loc: body.loc, how: 'dto' };
    bag.info('SS057', body.loc, `the response sample does not name its type; named it '${conventional}' by ServiceStack's {Operation}Response convention`);
    return { shape: { kind: 'typed', type: conventional }, loc: body.loc, how: 'convention' };
  }
  bag.warn('SS057', body.loc, 'the response sample is neither an object nor an XML element; the response is taken as untyped');
  return { shape: { kind: 'untyped' }, loc: body.loc, how: 'sample' };
}

/** Member keys a type is known to have from any source other than this page's unnamed tables. */
function knownMembers(name: string, catalog: Catalog): Set<string> {
  const keys = catalog.evidence.keys(name); // (a new set)
  for (const k of catalog.tableMembers.get(name) ?? []) keys.add(k);
  return keys;
}

/**
 * Types by their member set (sorted keys joined), the first name in sorted order winning: from
 * the named tables, then from the DTO source classes. Built once per catalog state (the catalog only
 * grows, so its sizes tell when to rebuild): a scan per unnamed table made big inputs quadratic.
 */
interface MemberIndex {
  tables: number;
  types: number;
  byTable: Map<string, string>;
  byDeclared: Map<string, string>;
}
const memberIndexes = new WeakMap<Catalog, MemberIndex>();
const memberSetKey = (keys: Iterable<string>) => [...keys].sort().join('\0');

function memberIndex(catalog: Catalog): MemberIndex {
  const cached = memberIndexes.get(catalog);
  if (cached && cached.tables === catalog.tableMembers.size && cached.types === catalog.evidence.types.size) return cached;
  const index: MemberIndex = { tables: catalog.tableMembers.size, types: catalog.evidence.types.size, byTable: new Map(), byDeclared: new Map() };
  for (const [name, members] of [...catalog.tableMembers].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = memberSetKey(members);
    if (!index.byTable.has(key)) index.byTable.set(key, name);
  }
  for (const name of [...catalog.evidence.types.keys()].sort()) {
    const key = memberSetKey(catalog.evidence.keys(name, DECLARED_LANGS));
    if (!index.byDeclared.has(key)) index.byDeclared.set(key, name);
  }
  memberIndexes.set(catalog, index);
  return index;
}

/** A named type whose own members are exactly these, found in captions, DTO source classes or earlier passes. */
function typeWithMembers(keys: ReadonlySet<string>, catalog: Catalog): string | undefined {
  const index = memberIndex(catalog);
  const key = memberSetKey(keys);
  return index.byTable.get(key) ?? index.byDeclared.get(key);
}

/**
 * `walk: false` gives the operation and response only, no tables or bases (for a first pass, where
 * a page whose tables all have titles, or that has none, can teach the catalog nothing more).
 */
export function planPage(page: PageFragments, catalog: Catalog, bag: DiagnosticBag, { walk = true } = {}): PagePlan {
  const op = operationName(page, catalog, bag);
  const response = responseShape(page, op.operation, bag);
  const plan: PagePlan = { page, ...op, ...(response ? { response } : {}), tables: [], enums: [], bases: [] };
  if (!walk) return plan;
  const tables = page.tables;
  let next = 0;
  const untitledEnums = page.enums.filter((e) => !e.name);
  let nextEnum = 0;
  const visited = new Set<string>();
  const pageLoc = page.routes[0]?.loc ?? { file: page.file, line: 1 };
  const responseType = response?.shape.kind === 'typed' ? response.shape.type : undefined;

  const take = (name: string, how: NameSource, role: NamedTable['role']) => {
    plan.tables.push({ table: tables[next]!, name, how, role });
    next++;
  };

  const visit = (name: string, role: NamedTable['role']) => {
    if (visited.has(name) || BUILTIN_TYPE_NAMES.has(name)) return;
    visited.add(name);
    const table = tables[next];
    // An enum has no parameter table: its own is the next untitled enum table, if one comes first.
    if (catalog.enumNames.has(name)) {
      const enumTable = untitledEnums[nextEnum];
      if (enumTable && (!table || enumTable.loc.line < table.loc.line)) {
        plan.enums.push({ table: enumTable, name });
        nextEnum++;
      }
      return;
    }
    let own: ParamTableFragment | undefined;
    if (table?.caption !== undefined) {
      if (table.caption === name) { own = table; take(name, 'caption', role); }
    } else if (table) {
      const known = knownMembers(name, catalog);
      if (known.size === 0 || isSubset(namedKeys(table), known)) {
        own = table;
        // Without evidence the name rests on the table's position alone.
        take(name, known.size ? 'sample' : 'position', role);
      }
    }
    if (role === 'request' || role === 'response') visitBases(name, own);
    else {
      const base = catalog.declaredBases.get(name);
      if (base) { plan.bases.push({ type: name, base, how: 'dto', loc: own?.loc ?? pageLoc }); visit(base, 'base'); }
    }
    for (const ref of referencesOf(own)) visit(ref, 'reference');
  };

  // Bases follow the table of the type that extends them. A table right after it is a base when
  // the DTO source says so, or when it holds members the type's sample shows but its own table
  // lacks; a titled table qualifies too when nothing before it references that title.
  const visitBases = (name: string, own: ParamTableFragment | undefined) => {
    const instance = catalog.evidence.keys(name);
    let covered: ReadonlySet<string> = own ? namedKeys(own) : new Set<string>();
    const referenced = new Set(referencesOf(own));
    let derived = name;
    // ServiceStack lists the whole base chain first, then the references of the deepest base up.
    const chain: ParamTableFragment[] = [];
    for (;;) {
      const declaredBase = catalog.declaredBases.get(derived);
      if (declaredBase) {
        plan.bases.push({ type: derived, base: declaredBase, how: 'dto', loc: own?.loc ?? pageLoc });
        visit(declaredBase, 'base');
        break;
      }
      const candidate = tables[next];
      if (!candidate || !own) break;
      const keys = namedKeys(candidate);
      const extra = [...instance].filter((k) => !covered.has(k));
      const holdsInherited = keys.size > 0 && isSubset(keys, instance) && [...keys].some((k) => extra.includes(k));
      let baseName: string;
      let how: NameSource;
      if (candidate.caption !== undefined) {
        const c = candidate.caption;
        if (visited.has(c) || referenced.has(c) || c === responseType || (instance.size > 0 && !holdsInherited)) break;
        [baseName, how] = [c, 'caption'];
      } else {
        if (!holdsInherited) break;
        const byMembers = typeWithMembers(keys, catalog);
        [baseName, how] = byMembers ? [byMembers, 'catalog'] : [`${derived}Base`, 'fallback'];
        if (!byMembers)
          bag.warn('SS060', candidate.loc, `table has no title; it holds members '${derived}' inherits, so it is a base class of '${derived}', named '${baseName}' for want of its real name (add the Python, C# or TypeScript DTOs or an XML sample page, or rename it in codegen.config.json)`);
      }
      plan.bases.push({ type: derived, base: baseName, how, loc: candidate.loc });
      visited.add(baseName);
      take(baseName, how, 'base');
      for (const ref of referencesOf(candidate)) referenced.add(ref);
      chain.push(candidate);
      covered = new Set([...covered, ...keys]);
      derived = baseName;
      own = candidate;
    }
    for (const base of chain.reverse()) for (const ref of referencesOf(base)) visit(ref, 'reference');
  };

  visit(op.operation, 'request');
  if (response?.shape.kind === 'typed') visit(response.shape.type, 'response');

  for (const table of untitledEnums.slice(nextEnum))
    bag.warn('SS062', table.loc, 'enum table has no title and no enum the page uses comes here; its members are not read (add a page that names it)');
  // Tables the walk did not reach: named by caption, or by matching members, or reported.
  for (; next < tables.length; ) {
    const table = tables[next]!;
    const byMembers = table.caption ?? typeWithMembers(namedKeys(table), catalog);
    if (byMembers) take(byMembers, table.caption ? 'caption' : 'catalog', 'reference');
    else {
      const name = `${op.operation}Table${next + 1}`;
      bag.warn('SS061', table.loc, `cannot tell which type this table describes; named it '${name}'`);
      take(name, 'fallback', 'reference');
    }
  }
  return plan;

}

/** DTO and enum names the rows of a table mention, in row order. */
function referencesOf(table: ParamTableFragment | undefined): string[] {
  return (table?.rows ?? [])
    .flatMap((r) => {
      const t = parseDotNetType(r.dataType);
      return t ? typeNamesIn(t) : [];
    })
    .filter((n) => !BUILTIN_TYPE_NAMES.has(n));
}
