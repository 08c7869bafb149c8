/**
 * Pass "lower members": each type's members as facts, in the order the sources first state them —
 * its table rows, then its DTO classes' members, then (for a type known only from samples) the
 * sample's keys — and what sample instances of it and of the types derived from it show. A table
 * row without a name (seed 000: `| form | string | Yes | ||`) is the one member other sources give
 * the type that neither the table nor the type's bases or subtypes have; else it is skipped (SS063).
 */
import { pushTo } from '../arrays.js';
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import { parseDotNetType } from '../read/dotnet-type.js';
import type { ParamRowFragment } from '../read/fragments.js';
import type { TypeRef } from './api-model.js';
import { builtinType } from './builtins.js';
import type { DeclaredClass, DeclaredMember } from './declared.js';
import type { Evidence, MemberSighting } from './evidence.js';
import { addFact, emptyMemberFacts, type FactStore, type MemberFacts, type TypeFacts } from './facts.js';
import { generalize, withParameters } from './generics.js';
import { isKeyedSample } from './sources.js';
import type { LoweredTypes, TypeSources } from './lower-types.js';
import { memberKey } from './naming.js';
import type { NamedTable } from './page-plan.js';
import { resolveMemberName } from './resolve/member-name.js';
import { typeParametersOf } from './resolve/type-parameters.js';
import { fromDotNet } from './type-ref.js';
import { WireAliases } from './wire-aliases.js';

/** What member lowering reads besides the facts: the resolved bases and the sightings. */
export interface MemberContext {
  lowered: LoweredTypes;
  evidence: Evidence;
  aliases: WireAliases;
  baseOf: ReadonlyMap<string, string>;
  derived: ReadonlyMap<string, readonly string[]>;
  bag: DiagnosticBag;
  /** The member keys each type's own tables and DTO classes declare (worked out once per type). */
  ownKeys: Map<string, ReadonlySet<string>>;
}

export function lowerMembers(lowered: LoweredTypes, evidence: Evidence, baseOf: ReadonlyMap<string, string>, bag: DiagnosticBag): void {
  const derived = new Map<string, string[]>();
  for (const [d, b] of baseOf) pushTo(derived, b, d);
  const aliases = new WireAliases(lowered.sources);
  const ctx: MemberContext = { lowered, evidence, aliases, baseOf, derived, bag, ownKeys: new Map() };
  for (const t of lowered.store.types.values()) if (!t.enumLists.length) lowerTypeMembers(t, ctx);
}

function lowerTypeMembers(t: TypeFacts, ctx: MemberContext): void {
  const store = ctx.lowered.store;
  const sources = ctx.lowered.sources.get(t.name)!;
  const inChain = chainKeys(t.name, ctx);
  const parameters = typeParametersOf(t, ctx.lowered).names;
  for (const table of sources.tables) lowerTable(t, table, inChain, ctx, parameters);
  for (const c of sources.declared) for (const m of c.members) lowerDeclared(store.member(t, ctx.aliases.keyIn(t.name, m.key)), m);
  if (t.builtin) lowerBuiltin(t, store, parameters);
  const seen = ctx.evidence.types.get(t.name);
  if (!t.described && !t.builtin && seen) for (const k of seen.members.keys()) if (!inChain.has(k)) store.member(t, k);
  for (const m of t.members.values()) lowerSightings(m, sightings(t.name, m.key, ctx));
  const xml = firstNamespace(t) ?? seen?.namespace;
  if (xml) t.namespace.push({ value: xml.value, source: 'xml', loc: xml.loc });
}

function lowerTable(t: TypeFacts, table: NamedTable, inChain: ReadonlySet<string>, ctx: MemberContext, parameters: readonly string[]): void {
  let unnamed = 0;
  for (const r of table.table.rows) if (!r.name) unnamed++;
  const candidates = unnamed === 1 ? missingMembers(t, table, inChain, ctx) : [];
  const args = ctx.lowered.captionArgs.get(table.table);
  for (const row of table.table.rows) {
    const name = row.name ?? recoverRowName(t, row, candidates, ctx);
    if (name === undefined) continue;
    const key = memberKey(name);
    const type = row.type && rowType(fromDotNet(row.type), parameters, args, () => knownType(t, key, ctx, parameters));
    lowerRow(ctx.lowered.store.member(t, key), row, name, table.role, type);
  }
}

/**
 * A row's type as the generic type's member: `T` where the table writes a parameter, and, in a
 * table captioned as a use (`QueryResponse<PostComment>`), where it writes the argument.
 */
function rowType(type: TypeRef, parameters: readonly string[], args: readonly TypeRef[] | undefined, known: () => TypeRef | undefined): TypeRef {
  if (!parameters.length) return type;
  const own = withParameters(type, parameters);
  return args?.length === parameters.length ? generalize(own, args, parameters, known()) : own;
}

/** The member's type as the generic type's DTO class or ServiceStack's declaration states it. */
function knownType(t: TypeFacts, key: string, ctx: MemberContext, parameters: readonly string[]): TypeRef | undefined {
  for (const c of ctx.lowered.sources.get(t.name)!.declared) for (const m of c.members) if (m.type && ctx.aliases.keyIn(t.name, m.key) === key) return m.type;
  const builtin = t.builtin ?? builtinType(t.name, ctx.lowered.arities.get(t.name));
  const written = builtin?.typeParameters?.length === parameters.length ? builtin.members.find(([name]) => memberKey(name) === key)?.[1] : undefined;
  const parsed = written === undefined ? undefined : parseDotNetType(written);
  return parsed && withParameters(fromDotNet(parsed), parameters);
}

function lowerRow(m: MemberFacts, row: ParamRowFragment, name: string, role: NamedTable['role'], type: TypeRef | undefined): void {
  const loc = row.loc;
  addFact(m, 'name', { value: name, source: 'table', loc });
  if (type) addFact(m, 'type', { value: type, written: row.dataType, ts: undefined, source: 'table', loc });
  addFact(m, 'required', { value: row.required, source: 'table', loc });
  const description = normalise(row.description);
  if (description) addFact(m, 'description', { value: description, source: 'table', loc });
  if (role === 'request') addFact(m, 'parameter', { value: row.parameter, source: 'table', loc });
  addFact(m, 'statedAt', loc);
}

function lowerDeclared(m: MemberFacts, d: DeclaredMember): void {
  const { lang: source, loc } = d;
  const name = d.dotNetName ?? (source === 'python' ? d.wireName : d.written);
  if (name) addFact(m, 'name', { value: name, source, loc });
  if (d.type || d.tsType) addFact(m, 'type', { value: d.type, written: d.annotation, ts: d.tsType, source, loc });
  addFact(m, 'required', { value: d.required, source, loc });
  const description = d.description && normalise(d.description);
  if (description) addFact(m, 'description', { value: description, source, loc });
  if (d.wireName) addFact(m, 'wireName', { value: d.wireName, source, loc });
  addFact(m, 'statedAt', loc);
}

/** ServiceStack's declaration of one of its types, located where the docs use the type. */
function lowerBuiltin(t: TypeFacts, store: FactStore, parameters: readonly string[]): void {
  const loc = t.referencedAt[0] ?? t.shownAt[0];
  if (!loc) return;
  for (const [name, written, required] of t.builtin!.members) {
    const m = store.member(t, memberKey(name));
    const type = parseDotNetType(written);
    addFact(m, 'name', { value: name, source: 'builtin', loc });
    addFact(m, 'required', { value: required === 'required', source: 'builtin', loc });
    if (type) addFact(m, 'type', { value: withParameters(fromDotNet(type), parameters), written, ts: undefined, source: 'builtin', loc });
  }
}

/** What sample instances show of a member: its name as written, its placeholder, its wire name (JSON, JSV), its namespace (XML). */
function lowerSightings(m: MemberFacts, seen: readonly MemberSighting[]): void {
  for (const s of seen) {
    const { from: source, loc } = s;
    if (source !== 'xml' && !isKeyedSample(source)) continue;
    addFact(m, 'name', { value: s.name, source, loc });
    if (s.sample !== undefined) addFact(m, 'sample', { value: s.sample, source, loc });
    else if (s.shape) addFact(m, 'sampleType', { value: s.shape, source, loc });
    if (isKeyedSample(source)) addFact(m, 'wireName', { value: s.name, source, loc });
    if (s.namespace) addFact(m, 'namespace', { value: s.namespace, source, loc });
  }
}

/**
 * Sightings of a member in instances of the type or of any type derived from it, under its key
 * and under the wire names a C# DataMember gives it.
 */
function sightings(type: string, key: string, ctx: MemberContext): MemberSighting[] {
  const seen = new Set<string>();
  const out: MemberSighting[] = [];
  const keys = [key, ...ctx.aliases.wireKeys(type, key)];
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const members = ctx.evidence.types.get(name)?.members;
    for (const k of keys) for (const s of members?.get(k) ?? []) out.push(s);
    for (const d of ctx.derived.get(name) ?? []) walk(d);
  };
  walk(type);
  return out;
}

/** The member keys a type's own tables and DTO classes declare. */
function ownKeys(name: string, ctx: MemberContext): ReadonlySet<string> {
  let keys = ctx.ownKeys.get(name);
  if (keys) return keys;
  const sources: TypeSources | undefined = ctx.lowered.sources.get(name);
  const own = new Set<string>();
  for (const t of sources?.tables ?? []) for (const r of t.table.rows) if (r.name) own.add(memberKey(r.name));
  for (const c of sources?.declared ?? []) for (const m of c.members) own.add(ctx.aliases.keyIn(name, m.key));
  ctx.ownKeys.set(name, (keys = own));
  return keys;
}

/** Members the type's bases (all the way up) and direct subtypes declare. */
function chainKeys(name: string, ctx: MemberContext): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<string>([name]);
  for (let n = ctx.baseOf.get(name); n && !seen.has(n); n = ctx.baseOf.get(n)) {
    seen.add(n);
    for (const k of ownKeys(n, ctx)) keys.add(k);
  }
  for (const d of ctx.derived.get(name) ?? []) for (const k of ownKeys(d, ctx)) keys.add(k);
  return keys;
}

/** The members other sources give the type that this table and the chain lack: one of them names a lone unnamed row. */
function missingMembers(t: TypeFacts, table: NamedTable, inChain: ReadonlySet<string>, ctx: MemberContext): string[] {
  const own = new Set(table.table.rows.flatMap((r) => (r.name ? [memberKey(r.name)] : [])));
  const declared = ctx.lowered.sources.get(t.name)!.declared.flatMap((c: DeclaredClass) => c.members.map((m) => m.key));
  const known = [...(ctx.evidence.types.get(t.name)?.members.keys() ?? []), ...declared].map((k) => ctx.aliases.keyIn(t.name, k));
  return [...new Set(known)].filter((k) => !own.has(k) && !inChain.has(k));
}

function recoverRowName(t: TypeFacts, row: ParamRowFragment, candidates: readonly string[], ctx: MemberContext): string | undefined {
  const key = candidates.length === 1 ? candidates[0]! : undefined;
  const probe = emptyMemberFacts(key ?? '');
  if (key) {
    for (const c of ctx.lowered.sources.get(t.name)!.declared) for (const m of c.members) if (ctx.aliases.keyIn(t.name, m.key) === key) lowerDeclared(probe, m);
    const seen = [key, ...ctx.aliases.wireKeys(t.name, key)].flatMap((k) => ctx.evidence.types.get(t.name)?.members.get(k) ?? []);
    lowerSightings(probe, seen);
    for (const s of seen) addFact(probe, 'statedAt', s.loc);
  }
  const name = resolveMemberName(probe);
  if (!name) {
    ctx.bag.warn('SS063', row.loc, `table row of '${t.name}' has no name and no other source names it; row skipped`);
    return undefined;
  }
  const where = [...new Set(probe.statedAt.map(at))].sort().join(', ');
  ctx.bag.warn('SS063', row.loc, `table row of '${t.name}' has no name; it is '${name}', the one member of ${t.name} the table lacks (seen at ${where})`);
  return name;
}

/** The first member (in order) that an XML sample shows in a namespace: the type's namespace. */
function firstNamespace(t: TypeFacts): { value: string; loc: SourceLocation } | undefined {
  for (const m of t.members.values()) if (m.namespace[0]) return m.namespace[0];
  return undefined;
}

function at(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}`;
}

function normalise(text: string): string {
  if (!/[^\S ]| {2}|^ | $/.test(text)) return text; // most are: single spaces, none at the ends
  return text.replace(/\s+/g, ' ').trim();
}
