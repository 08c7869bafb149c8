/**
 * Builds one TypeDef per DTO and enum from every page that describes it: named tables,
 * DTO source classes (Python, C#, TypeScript), enum tables and sample instances.
 * Disagreements are reported. A member's type comes from the strongest source that states it:
 * the table, then C# (the .NET type exactly), then Python (by family: `int` for every integer).
 * TypeScript's type is a *weaker fact* (`number` is every .NET number, `string` also a date or a
 * Guid): it is checked against the stronger source and reported when it cannot be that type, but
 * never overrides or refines it; alone, it is read as leniently as it allows (`number` → double,
 * SS090). A sample's placeholder value is no type at all where anything else states one.
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { EnumTableFragment, PageFragments, ParamRowFragment } from '../read/fragments.js';
import { parseDotNetType } from '../read/dotnet-type.js';
import type { Field, TypeDef, TypeRef } from './api-model.js';
import { DECLARED_BY, declaredClasses, memberReferences, tsAgrees, tsHasNumber, type DeclaredClass, type DeclaredLang, type DeclaredMember } from './declared.js';
import { extractExamples } from './description.js';
import type { Evidence, MemberSighting } from './evidence.js';
import { memberKey, serviceStackCamelCase } from './naming.js';
import type { NamedTable, PagePlan } from './page-plan.js';
import { formatTypeRef, fromDotNet, fromSampleValue, isNullable, isValueType, referencedNames, sameTypeFamily } from './type-ref.js';

interface TypeDraft {
  name: string;
  tables: NamedTable[];
  declared: DeclaredClass[];
  enums: EnumTableFragment[];
  bases: { base: string; loc: SourceLocation }[];
  referencedAt: SourceLocation[];
}

interface RowSource {
  row: ParamRowFragment;
  name: string;
  role: NamedTable['role'];
}

function draftsFrom(plans: PagePlan[], pages: PageFragments[]): Map<string, TypeDraft> {
  const drafts = new Map<string, TypeDraft>();
  const draft = (name: string) => {
    let d = drafts.get(name);
    if (!d) drafts.set(name, (d = { name, tables: [], declared: [], enums: [], bases: [], referencedAt: [] }));
    return d;
  };
  for (const plan of plans) {
    for (const t of plan.tables) draft(t.name).tables.push(t);
    for (const e of plan.enums) draft(e.name).enums.push(e.table);
    for (const b of plan.bases) draft(b.type).bases.push({ base: b.base, loc: b.loc });
    draft(plan.operation);
    if (plan.response?.shape.kind === 'typed') draft(plan.response.shape.type);
  }
  for (const page of pages) {
    for (const c of declaredClasses(page)) {
      draft(c.name).declared.push(c);
      for (const b of c.bases) draft(c.name).bases.push({ base: b, loc: c.loc });
    }
    for (const e of page.enums) if (e.name) draft(e.name).enums.push(e);
  }
  // Names the tables and DTOs use, bases included: an undescribed base is still declared (open).
  for (const d of [...drafts.values()]) {
    for (const b of d.bases) draft(b.base).referencedAt.push(b.loc);
    for (const t of d.tables)
      for (const r of t.table.rows) {
        const type = parseDotNetType(r.dataType);
        if (type) for (const n of referencedNames(fromDotNet(type))) draft(n).referencedAt.push(r.loc);
      }
    for (const c of d.declared) for (const m of c.members) for (const n of memberReferences(m)) draft(n).referencedAt.push(m.loc);
  }
  return drafts;
}

/**
 * Sample sightings of a member in instances of the type or of any type derived from it, under its
 * key and under the wire names (`wireKeys`) a C# DataMember gives it.
 */
function sightings(type: string, key: string, evidence: Evidence, derived: Map<string, string[]>, wireKeys: readonly string[] = []): MemberSighting[] {
  const seen = new Set<string>();
  const out: MemberSighting[] = [];
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const members = evidence.types.get(name)?.members;
    for (const k of [key, ...wireKeys]) for (const s of members?.get(k) ?? []) out.push(s);
    for (const d of derived.get(name) ?? []) walk(d);
  };
  walk(type);
  return out;
}

/**
 * C#'s `[DataMember(Name="cust_id")] CustomerId`: the wire key (`custid`) of the member whose
 * .NET key is `customerid`, per type, and back. TypeScript, samples and Python write the wire name.
 */
interface WireAliases {
  toKey: Map<string, Map<string, string>>;
  toWire: Map<string, Map<string, Set<string>>>;
}

function wireAliases(drafts: Iterable<TypeDraft>): WireAliases {
  const aliases: WireAliases = { toKey: new Map(), toWire: new Map() };
  for (const d of drafts)
    for (const c of d.declared)
      for (const m of c.members) {
        if (m.lang !== 'csharp' || !m.wireName || memberKey(m.wireName) === m.key) continue;
        const wire = memberKey(m.wireName);
        const toKey = aliases.toKey.get(d.name) ?? new Map<string, string>();
        const toWire = aliases.toWire.get(d.name) ?? new Map<string, Set<string>>();
        if (!toKey.has(wire)) toKey.set(wire, m.key);
        toWire.set(m.key, (toWire.get(m.key) ?? new Set<string>()).add(wire));
        aliases.toKey.set(d.name, toKey);
        aliases.toWire.set(d.name, toWire);
      }
  return aliases;
}

function at(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}`;
}

export function mergeTypes(plans: PagePlan[], pages: PageFragments[], evidence: Evidence, bag: DiagnosticBag): TypeDef[] {
  const drafts = draftsFrom(plans, pages);
  const aliases = wireAliases(drafts.values());
  /** A member's key in its type: the .NET one where a C# DataMember renames it. */
  const keyIn = (type: string, key: string) => aliases.toKey.get(type)?.get(key) ?? key;
  const wireKeys = (type: string, key: string) => [...(aliases.toWire.get(type)?.get(key) ?? [])];
  const enumNames = new Set([...drafts.values()].filter((d) => d.enums.length || d.declared.some((c) => c.isEnum)).map((d) => d.name));
  const isEnum = (name: string) => enumNames.has(name);
  const baseOf = new Map<string, string>();
  for (const d of drafts.values()) {
    const first = d.bases[0];
    if (!first) continue;
    baseOf.set(d.name, first.base);
    for (const other of d.bases.slice(1))
      if (other.base !== first.base) bag.warn('SS078', other.loc, `'${d.name}' extends '${first.base}' at ${at(first.loc)} but '${other.base}' here; using '${first.base}'`);
  }
  const derived = new Map<string, string[]>();
  for (const [d, b] of baseOf) derived.set(b, [...(derived.get(b) ?? []), d]);
  // The member keys a type's own tables and DTO source classes declare, once per type: a base shown on
  // many pages has as many tables, and every type of its chain asks for them.
  const ownKeys = new Map<string, Set<string>>();
  const declared = (n: string): Set<string> => {
    let keys = ownKeys.get(n);
    if (keys) return keys;
    keys = new Set<string>();
    for (const t of drafts.get(n)?.tables ?? []) for (const r of t.table.rows) if (r.name) keys.add(memberKey(r.name));
    for (const c of drafts.get(n)?.declared ?? []) for (const m of c.members) keys.add(keyIn(n, m.key));
    ownKeys.set(n, keys);
    return keys;
  };
  const chainKeys = (name: string): Set<string> => {
    const keys = new Set<string>();
    const add = (n: string | undefined, depth: number) => {
      if (!n || depth > 20) return;
      for (const k of declared(n)) keys.add(k);
    };
    let n = baseOf.get(name);
    for (let depth = 0; n && depth < 20; depth++, n = baseOf.get(n)) add(n, depth);
    for (const d of derived.get(name) ?? []) add(d, 0);
    return keys;
  };

  const types: TypeDef[] = [];
  for (const d of [...drafts.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const ev = evidence.types.get(d.name);
    const sources = [...d.tables.map((t) => t.table.loc), ...d.declared.map((c) => c.loc), ...d.enums.map((e) => e.loc)];
    const base = baseOf.get(d.name);
    const declaredEnums = d.declared.filter((c) => c.isEnum);
    if (d.enums.length || declaredEnums.length) {
      const members = new Map<string, TypeDef['enumMembers'][number]>();
      // By memberKey: Python writes the .NET member `Pending` as `PENDING`. Each source already
      // names a member by what travels (a string value, C#'s EnumMember), an int value stays a value.
      for (const m of [...d.enums.flatMap((e) => e.members), ...declaredEnums.flatMap((c) => c.enumMembers)]) {
        const existing = members.get(memberKey(m.name));
        if (existing) existing.sources.push(m.loc);
        else members.set(memberKey(m.name), { name: m.name, ...(m.value !== undefined ? { value: m.value } : {}), sources: [m.loc] });
      }
      reportMissingEnumMembers(d.name, [...d.enums.map((e) => ({ ...e, what: 'the enum table' })), ...declaredEnums.map((c) => ({ ...c, members: c.enumMembers, what: DECLARED_BY[c.lang] }))], bag);
      types.push({ name: d.name, kind: 'enum', fields: [], enumMembers: [...members.values()], rules: [], sources });
      continue;
    }
    // Members the bases and derived types declare: computed once per type, not per candidate member.
    const inChain = chainKeys(d.name);
    const rows = new Map<string, RowSource[]>();
    const order: string[] = [];
    const note = (key: string) => { if (!rows.has(key)) { rows.set(key, []); order.push(key); } };
    for (const t of d.tables) {
      const unnamed = t.table.rows.filter((r) => !r.name);
      /** The members other sources give the type that this table and the chain lack: one names a lone unnamed row. */
      const missing = () => {
        const own = new Set(t.table.rows.flatMap((r) => (r.name ? [memberKey(r.name)] : [])));
        return [...new Set([...(ev?.members.keys() ?? []), ...d.declared.flatMap((c) => c.members.map((m) => m.key))].map((k) => keyIn(d.name, k)))].filter(
          (k) => !own.has(k) && !inChain.has(k),
        );
      };
      const candidates = unnamed.length === 1 ? missing() : [];
      for (const r of t.table.rows) {
        let name = r.name;
        if (!name) {
          const key = candidates.length === 1 ? candidates[0]! : undefined;
          const seen = key ? [key, ...wireKeys(d.name, key)].flatMap((k) => ev?.members.get(k) ?? []) : [];
          const decl = key ? d.declared.flatMap((c) => c.members).filter((m) => keyIn(d.name, m.key) === key) : [];
          name = memberName(decl, seen);
          if (!name) {
            bag.warn('SS063', r.loc, `table row of '${d.name}' has no name and no other source names it; row skipped`);
            continue;
          }
          const where = [...new Set([...seen.map((s) => s.loc), ...decl.map((m) => m.loc)].map(at))].sort().join(', ');
          bag.warn('SS063', r.loc, `table row of '${d.name}' has no name; it is '${name}', the one member of ${d.name} the table lacks (seen at ${where})`);
        }
        const key = memberKey(name);
        note(key);
        rows.get(key)!.push({ row: r, name, role: t.role });
      }
    }
    const declaredMembers = new Map<string, DeclaredMember[]>();
    for (const c of d.declared)
      for (const m of c.members) {
        const k = keyIn(d.name, m.key);
        const list = declaredMembers.get(k);
        if (list) list.push(m);
        else declaredMembers.set(k, [m]);
        note(k);
      }
    const sampleOnly = !d.tables.length && !d.declared.length;
    if (sampleOnly && ev) for (const k of ev.members.keys()) if (!inChain.has(k)) note(k);

    const fields: Field[] = [];
    for (const key of order) {
      const field = mergeField(d.name, rows.get(key) ?? [], declaredMembers.get(key) ?? [], sightings(d.name, key, evidence, derived, wireKeys(d.name, key)), isEnum, bag);
      if (field) fields.push(field);
    }
    if (d.tables.length && d.declared.length) {
      const inTables = new Set([...rows.keys()].filter((k) => rows.get(k)!.length));
      for (const [k, ms] of declaredMembers) {
        if (inTables.has(k)) continue;
        for (const lang of new Set(ms.map((m) => m.lang))) {
          const m = ms.find((x) => x.lang === lang)!;
          bag.warn('SS076', m.loc, `'${d.name}.${m.wireName ?? m.written}' is in ${DECLARED_BY[lang]} but in no table of '${d.name}'`);
        }
      }
    }
    if (sampleOnly && ev?.members.size)
      bag.warn('SS071', ev.sources[0], `'${d.name}' is known only from a sample; its member types are guessed from placeholder values`);
    const incomplete = !d.tables.length && !d.declared.length && !ev?.members.size;
    if (incomplete && d.referencedAt.length)
      bag.warn('SS070', d.referencedAt[0], `type '${d.name}' is used but no page describes it (a class without own members gets no table); emitted as an open object`);
    const generic = d.declared.find((c) => c.genericBase);
    if (generic && !base)
      bag.warn('SS065', generic.loc, `'${d.name}' extends '${generic.genericBase}', a generic class the generator does not follow: it gets no base, and what it inherits comes only from its tables and samples`);
    const description = d.declared.find((c) => c.description)?.description;
    const namespace = typeNamespace(d, firstWithNamespace(order, (k) => sightings(d.name, k, evidence, derived)), ev?.namespace, bag);
    types.push({
      name: d.name,
      kind: 'object',
      ...(namespace ? { namespace } : {}),
      ...(base ? { base } : {}),
      ...(description ? { description } : {}),
      fields,
      enumMembers: [],
      rules: [],
      ...(incomplete ? { incomplete: true } : {}),
      sources: sources.length ? sources : [...(ev?.sources.slice(0, 1) ?? []), ...d.referencedAt.slice(0, 1)],
    });
  }
  return types;
}

/** An enum's sources that leave out members others list (SS066): one warning per source, naming what it lacks and where that is listed. */
function reportMissingEnumMembers(name: string, sources: { members: readonly { name: string; loc: SourceLocation }[]; loc: SourceLocation; what: string }[], bag: DiagnosticBag): void {
  if (sources.length < 2) return;
  const listed = new Map<string, { name: string; loc: SourceLocation }>();
  for (const s of sources) for (const m of s.members) if (!listed.has(memberKey(m.name))) listed.set(memberKey(m.name), m);
  for (const s of sources) {
    const own = new Set(s.members.map((m) => memberKey(m.name)));
    const missing = [...listed].filter(([k]) => !own.has(k)).map(([, m]) => m);
    if (!missing.length) continue;
    const shown = missing.slice(0, 5).map((m) => `'${m.name}' (${at(m.loc)})`).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
    bag.warn('SS066', s.loc, `enum '${name}': ${s.what} here lacks ${shown}, which other sources list; the enum has them all`);
  }
}

function normalise(text: string | undefined): string {
  if (!text || !/[^\S ]| {2}|^ | $/.test(text)) return text ?? ''; // most are: single spaces, none at the ends
  return text.replace(/\s+/g, ' ').trim();
}

/** A member's .NET name where no table names it: C#'s, else the XML sample's, else Python's camelCase, else TypeScript's. */
function memberName(declared: readonly DeclaredMember[], seen: readonly MemberSighting[]): string | undefined {
  const by = (lang: DeclaredLang) => declared.find((m) => m.lang === lang);
  const python = by('python');
  return by('csharp')?.dotNetName ?? seen.find((s) => s.from === 'xml')?.name ?? (python ? python.wireName : (by('typescript')?.written ?? seen[0]?.name));
}

/** The first sighting, member by member, that shows an XML namespace. */
function firstWithNamespace(keys: readonly string[], sightingsOf: (key: string) => MemberSighting[]): MemberSighting | undefined {
  for (const k of keys) for (const s of sightingsOf(k)) if (s.namespace) return s;
  return undefined;
}

/**
 * The .NET namespace: C#'s `namespace` states it; an XML sample shows it in its elements' namespace
 * (members are serialised in the namespace of the class that declares them, so a base class's
 * namespace shows in its subclasses' samples). Disagreements are reported (SS079).
 */
function typeNamespace(d: TypeDraft, sighting: MemberSighting | undefined, root: { value: string; loc: SourceLocation } | undefined, bag: DiagnosticBag): string | undefined {
  const xml = sighting?.namespace ? { value: sighting.namespace, loc: sighting.loc } : root;
  const stated = d.declared.flatMap((c) => (c.namespace ? [c.namespace] : []));
  const first = stated[0];
  for (const other of [...stated.slice(1), ...(xml ? [xml] : [])])
    if (first && other.value !== first.value) {
      const what = other === xml ? 'its XML sample' : 'the C# DTO';
      bag.warn('SS079', other.loc, `'${d.name}' is in namespace '${other.value}' by ${what} here but '${first.value}' by the C# DTO at ${at(first.loc)}; using the latter`);
    }
  return first?.value ?? xml?.value;
}

/** C# writes `string?`, `Email?` for reference types (nullable annotations): on the wire they are the same type. */
function withoutReferenceNullability(t: TypeRef, isEnum: (name: string) => boolean): TypeRef {
  switch (t.kind) {
    case 'list':
      return { kind: 'list', of: withoutReferenceNullability(t.of, isEnum) };
    case 'dictionary':
      return { kind: 'dictionary', key: withoutReferenceNullability(t.key, isEnum), value: withoutReferenceNullability(t.value, isEnum) };
    case 'primitive':
      return t.nullable && !isValueType(t.name) ? { ...t, nullable: false } : t;
    case 'ref':
      return t.nullable && !isEnum(t.name) ? { ...t, nullable: false } : t;
  }
}

function withoutNullability(t: TypeRef): string {
  return formatTypeRef(t).replace(/\?/g, '');
}

/** A member type some source states, and which. */
interface StatedType {
  type: TypeRef;
  what: string;
  loc: SourceLocation;
}

function mergeField(
  typeName: string,
  rows: RowSource[],
  declared: DeclaredMember[],
  seen: MemberSighting[],
  isEnum: (name: string) => boolean,
  bag: DiagnosticBag,
): Field | undefined {
  const first = rows[0];
  const of = (lang: DeclaredLang) => declared.filter((m) => m.lang === lang);
  const [cs, py, ts] = [of('csharp'), of('python'), of('typescript')];
  const name = first?.name ?? memberName(declared, seen);
  if (!name) return undefined;
  const label = `${typeName}.${name}`;

  // Types: the table's, else C#'s (exact), else Python's (by family); TypeScript's is weaker.
  const tableTypes = rows.flatMap((r) => {
    const t = parseDotNetType(r.row.dataType);
    return t ? [{ type: fromDotNet(t), r }] : [];
  });
  for (const other of tableTypes.slice(1))
    if (formatTypeRef(other.type) !== formatTypeRef(tableTypes[0]!.type))
      bag.warn('SS072', other.r.row.loc, `'${label}' is ${formatTypeRef(other.type)} here but ${formatTypeRef(tableTypes[0]!.type)} at ${at(tableTypes[0]!.r.row.loc)}`);
  const csTypes = cs.flatMap((m) => (m.type ? [{ m, type: withoutReferenceNullability(m.type, isEnum) }] : []));
  const pyTypes = py.flatMap((m) => (m.type ? [{ m, type: m.type }] : []));
  const tsTypes = ts.flatMap((m) => (m.tsType ? [{ m, ts: m.tsType }] : []));
  const stated: StatedType | undefined = tableTypes[0]
    ? { type: tableTypes[0].type, what: 'the table', loc: tableTypes[0].r.row.loc }
    : csTypes[0]
      ? { type: csTypes[0].type, what: DECLARED_BY.csharp, loc: csTypes[0].m.loc }
      : pyTypes[0]
        ? { type: pyTypes[0].type, what: DECLARED_BY.python, loc: pyTypes[0].m.loc }
        : undefined;
  if (stated) {
    // C# states the .NET type exactly: any difference is a conflict.
    for (const c of csTypes) {
      if (c.m.loc === stated.loc || formatTypeRef(c.type) === formatTypeRef(stated.type)) continue;
      const code = withoutNullability(c.type) === withoutNullability(stated.type) ? 'SS077' : 'SS072';
      bag.warn(code, c.m.loc, `'${label}' is ${formatTypeRef(stated.type)} in ${stated.what} (${at(stated.loc)}) but ${c.m.annotation} in the C# DTO; using ${stated.what}`);
    }
    // Python cannot tell int from long: it must be of the same family.
    const p = pyTypes[0];
    if (p && p.m.loc !== stated.loc) {
      const t = stated.type;
      if (!sameTypeFamily(t, p.type))
        bag.warn('SS072', p.m.loc, `'${label}' is ${formatTypeRef(t)} in ${stated.what} (${at(stated.loc)}) but ${p.m.annotation} in the Python DTO; using ${stated.what}`);
      else if (t.kind === 'primitive' && isValueType(t.name) && isNullable(t) !== isNullable(p.type))
        bag.warn('SS077', p.m.loc, `'${label}' is ${formatTypeRef(t)} in ${stated.what} but ${p.m.annotation} in the Python DTO; using ${stated.what}`);
    }
    // TypeScript is a weaker fact: checked against the stronger source, never taken over it.
    for (const t of tsTypes)
      if (!tsAgrees(t.ts, stated.type))
        bag.warn('SS072', t.m.loc, `'${label}' is ${formatTypeRef(stated.type)} in ${stated.what} (${at(stated.loc)}) but ${t.m.annotation} in the TypeScript DTO, which cannot be that type; using ${stated.what}`);
  } else {
    for (const t of tsTypes.slice(1))
      if (t.m.type && tsTypes[0]!.m.type && formatTypeRef(t.m.type) !== formatTypeRef(tsTypes[0]!.m.type))
        bag.warn('SS072', t.m.loc, `'${label}' is ${t.m.annotation} here but ${tsTypes[0]!.m.annotation} at ${at(tsTypes[0]!.m.loc)} (both TypeScript DTOs)`);
  }
  const tsOnly = !stated ? tsTypes.find((t) => t.m.type) : undefined;
  if (tsOnly && tsHasNumber(tsOnly.ts))
    bag.warn('SS090', tsOnly.m.loc, `'${label}' is known only from the TypeScript DTO, whose '${tsOnly.m.annotation}' does not tell an integer from a fraction: taken as double (the C# or Python DTOs, or the metadata page, would tell)`);
  const sampleValue = seen.find((s) => s.sample !== undefined)?.sample;
  let type: TypeRef = stated?.type ?? tsOnly?.m.type ?? fromSampleValue(sampleValue ?? '');
  if (!stated && !tsOnly && type.kind === 'primitive' && sampleValue === undefined) type = { kind: 'primitive', name: 'object', nullable: false };

  const requiredVotes = [
    ...rows.map((r) => ({ required: r.row.required, loc: r.row.loc, what: 'the table' })),
    ...declared.map((m) => ({ required: m.required, loc: m.loc, what: DECLARED_BY[m.lang] })),
  ];
  const required = requiredVotes.some((v) => v.required);
  const dissent = requiredVotes.find((v) => v.required !== required);
  if (dissent) {
    const yes = requiredVotes.find((v) => v.required)!;
    bag.warn('SS073', dissent.loc, `'${label}' is optional by ${dissent.what} but required by ${yes.what} at ${at(yes.loc)}; taken as required`);
  }
  const descriptions = [
    ...rows.map((r) => ({ text: normalise(r.row.description), loc: r.row.loc })),
    ...declared.flatMap((m) => (m.description ? [{ text: normalise(m.description), loc: m.loc }] : [])),
  ].filter((d) => d.text);
  const description = descriptions[0]?.text;
  for (const d of descriptions.slice(1))
    if (d.text !== description) bag.info('SS074', d.loc, `'${label}' is described differently at ${at(descriptions[0]!.loc)}; using that description`);

  // Wire names: the JSON sample's, else a C# DataMember's, TypeScript's, Python's camelCase; else ServiceStack's convention.
  const json = seen.filter((s) => s.from === 'json');
  const jsonNames = [...new Set(json.map((s) => s.name))];
  if (jsonNames.length > 1) bag.warn('SS075', json[1]!.loc, `'${label}' travels as ${jsonNames.map((n) => `'${n}'`).join(' and ')} in different samples; using '${jsonNames[0]}'`);
  const declaredWire = [...cs, ...ts, ...py].filter((m) => m.wireName);
  const top = jsonNames[0] ? { name: jsonNames[0], what: 'the JSON sample', using: 'the sample' } : declaredWire[0] ? { name: declaredWire[0].wireName!, what: `${DECLARED_BY[declaredWire[0].lang]} (${at(declaredWire[0].loc)})`, using: DECLARED_BY[declaredWire[0].lang] } : undefined;
  const reported = new Set<string>();
  for (const m of declaredWire) {
    const key = `${m.lang}\0${m.wireName}`;
    if (!top || m.wireName === top.name || reported.has(key)) continue;
    reported.add(key);
    bag.warn('SS075', m.loc, `'${label}' travels as '${top.name}' in ${top.what} but '${m.wireName}' by ${DECLARED_BY[m.lang]}; using ${top.using}`);
  }
  const wireName = top?.name ?? serviceStackCamelCase(name);
  const wireNameFrom: Field['wireNameFrom'] = jsonNames[0] ? 'json-sample' : declaredWire[0] ? declaredWire[0].lang : 'convention';
  const parameter = rows.find((r) => r.role === 'request')?.row.parameter;
  return {
    name,
    wireName,
    wireNameFrom,
    type,
    required,
    ...(parameter ? { parameter } : {}),
    ...(description ? { description } : {}),
    examples: description ? extractExamples(description) : [],
    sources: [...rows.map((r) => r.row.loc), ...declared.map((m) => m.loc)],
  };
}
