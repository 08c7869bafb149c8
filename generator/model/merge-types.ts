/**
 * Builds one TypeDef per DTO and enum from every page that describes it: named tables,
 * Python classes, enum tables and sample instances. Disagreements are reported; the
 * table wins over the Python DTO, which wins over a sample.
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { EnumTableFragment, PageFragments, ParamRowFragment, PythonClassFragment, PythonFieldFragment } from '../read/fragments.js';
import { parseDotNetType } from '../read/dotnet-type.js';
import { pythonNameToCamel } from '../read/python-dtos.js';
import type { Field, TypeDef, TypeRef } from './api-model.js';
import { extractExamples } from './description.js';
import type { Evidence, MemberSighting } from './evidence.js';
import { memberKey, serviceStackCamelCase } from './naming.js';
import type { NamedTable, PagePlan } from './page-plan.js';
import { formatTypeRef, fromDotNet, fromPython, fromSampleValue, isNullable, isValueType, referencedNames, sameTypeFamily } from './type-ref.js';

interface TypeDraft {
  name: string;
  tables: NamedTable[];
  python: PythonClassFragment[];
  enums: EnumTableFragment[];
  bases: { base: string; loc: SourceLocation }[];
  referencedAt: SourceLocation[];
}

interface RowSource {
  row: ParamRowFragment;
  name: string;
  role: NamedTable['role'];
}

/** Python bases that are markers (`IReturn[X]`, `Generic[T]`, `str, Enum`), not DTO base classes. */
const PYTHON_NON_BASES = /^(Generic\[.*\]|IReturn(Void)?(\[.*\])?|IGet|IPost|IPut|IDelete|IPatch|str|int|Enum|IntEnum|object)$/;

export function pythonDtoBases(c: PythonClassFragment): string[] {
  return c.bases.filter((b) => !PYTHON_NON_BASES.test(b) && /^[A-Za-z_]\w*$/.test(b));
}

function draftsFrom(plans: PagePlan[], pages: PageFragments[]): Map<string, TypeDraft> {
  const drafts = new Map<string, TypeDraft>();
  const draft = (name: string) => {
    let d = drafts.get(name);
    if (!d) drafts.set(name, (d = { name, tables: [], python: [], enums: [], bases: [], referencedAt: [] }));
    return d;
  };
  for (const plan of plans) {
    for (const t of plan.tables) draft(t.name).tables.push(t);
    for (const b of plan.bases) draft(b.type).bases.push({ base: b.base, loc: b.loc });
    draft(plan.operation);
    if (plan.response?.shape.kind === 'typed') draft(plan.response.shape.type);
  }
  for (const page of pages) {
    for (const c of page.pythonClasses) {
      draft(c.name).python.push(c);
      for (const b of pythonDtoBases(c)) draft(c.name).bases.push({ base: b, loc: c.loc });
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
    for (const c of d.python)
      for (const f of c.fields) if (f.type) for (const n of referencedNames(fromPython(f.type))) draft(n).referencedAt.push(f.loc);
  }
  return drafts;
}

/** Sample sightings of a member in instances of the type or of any type derived from it. */
function sightings(type: string, key: string, evidence: Evidence, derived: Map<string, string[]>): MemberSighting[] {
  const seen = new Set<string>();
  const out: MemberSighting[] = [];
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push(...(evidence.types.get(name)?.members.get(key) ?? []));
    for (const d of derived.get(name) ?? []) walk(d);
  };
  walk(type);
  return out;
}

function at(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}`;
}

export function mergeTypes(plans: PagePlan[], pages: PageFragments[], evidence: Evidence, bag: DiagnosticBag): TypeDef[] {
  const drafts = draftsFrom(plans, pages);
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
  // The member keys a type's own tables and Python classes declare, once per type: a base shown on
  // many pages has as many tables, and every type of its chain asks for them.
  const ownKeys = new Map<string, Set<string>>();
  const declared = (n: string): Set<string> => {
    let keys = ownKeys.get(n);
    if (keys) return keys;
    keys = new Set<string>();
    for (const t of drafts.get(n)?.tables ?? []) for (const r of t.table.rows) if (r.name) keys.add(memberKey(r.name));
    for (const c of drafts.get(n)?.python ?? []) for (const f of c.fields) keys.add(memberKey(f.name));
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
    const sources = [...d.tables.map((t) => t.table.loc), ...d.python.map((c) => c.loc), ...d.enums.map((e) => e.loc)];
    const base = baseOf.get(d.name);
    const pythonEnum = d.python.find((c) => c.isEnum);
    if (d.enums.length || pythonEnum) {
      const members = new Map<string, TypeDef['enumMembers'][number]>();
      // By memberKey: Python writes the .NET member `Pending` as `PENDING`.
      // A Python enum's string value is the name that travels (`OPEN = 'Open'` is .NET `Open`); an int value stays a value.
      const fromPython = (pythonEnum?.enumMembers ?? []).map((m): { name: string; value?: string; loc: SourceLocation } =>
        /^-?\d+$/.test(m.value) ? m : { name: m.value || m.name, loc: m.loc });
      for (const m of [...d.enums.flatMap((e) => e.members), ...fromPython]) {
        const existing = members.get(memberKey(m.name));
        if (existing) existing.sources.push(m.loc);
        else members.set(memberKey(m.name), { name: m.name, ...(m.value !== undefined ? { value: m.value } : {}), sources: [m.loc] });
      }
      types.push({ name: d.name, kind: 'enum', fields: [], enumMembers: [...members.values()], rules: [], sources });
      continue;
    }
    // Members the bases and derived types declare: computed once per type, not per candidate member.
    const inChain = chainKeys(d.name);
    const rows = new Map<string, RowSource[]>();
    const order: string[] = [];
    const note = (key: string) => { if (!rows.has(key)) { rows.set(key, []); order.push(key); } };
    for (const t of d.tables) {
      const own = new Set(t.table.rows.flatMap((r) => (r.name ? [memberKey(r.name)] : [])));
      const unnamed = t.table.rows.filter((r) => !r.name);
      const candidates = [...new Set([...(ev?.members.keys() ?? []), ...d.python.flatMap((c) => c.fields.map((f) => memberKey(f.name)))])]
        .filter((k) => !own.has(k) && !inChain.has(k));
      for (const r of t.table.rows) {
        let name = r.name;
        if (!name) {
          const key = unnamed.length === 1 && candidates.length === 1 ? candidates[0]! : undefined;
          const seen = key ? [...(ev?.members.get(key) ?? [])] : [];
          const py = key ? d.python.flatMap((c) => c.fields).find((f) => memberKey(f.name) === key) : undefined;
          name = seen.find((s) => s.from === 'xml')?.name ?? (py ? pythonNameToCamel(py.name) : seen[0]?.name);
          if (!name) {
            bag.warn('SS063', r.loc, `table row of '${d.name}' has no name and no other source names it; row skipped`);
            continue;
          }
          const where = [...new Set([...seen.map((s) => s.loc), ...(py ? [py.loc] : [])].map(at))].sort().join(', ');
          bag.warn('SS063', r.loc, `table row of '${d.name}' has no name; it is '${name}', the one member of ${d.name} the table lacks (seen at ${where})`);
        }
        const key = memberKey(name);
        note(key);
        rows.get(key)!.push({ row: r, name, role: t.role });
      }
    }
    const pyFields = new Map<string, PythonFieldFragment>();
    for (const c of d.python) for (const f of c.fields) { const k = memberKey(f.name); if (!pyFields.has(k)) pyFields.set(k, f); note(k); }
    const sampleOnly = !d.tables.length && !d.python.length;
    if (sampleOnly && ev) for (const k of ev.members.keys()) if (!inChain.has(k)) note(k);

    const fields: Field[] = [];
    for (const key of order) {
      const field = mergeField(d.name, rows.get(key) ?? [], pyFields.get(key), sightings(d.name, key, evidence, derived), bag);
      if (field) fields.push(field);
    }
    if (d.tables.length && d.python.length) {
      const inTables = new Set([...rows.keys()].filter((k) => rows.get(k)!.length));
      for (const [k, f] of pyFields) if (!inTables.has(k)) bag.warn('SS076', f.loc, `'${d.name}.${pythonNameToCamel(f.name)}' is in the Python DTO but in no table of '${d.name}'`);
    }
    if (sampleOnly && ev?.members.size)
      bag.warn('SS071', ev.sources[0], `'${d.name}' is known only from a sample; its member types are guessed from placeholder values`);
    const incomplete = !d.tables.length && !d.python.length && !ev?.members.size;
    if (incomplete && d.referencedAt.length)
      bag.warn('SS070', d.referencedAt[0], `type '${d.name}' is used but no page describes it (a class without own members gets no table); emitted as an open object`);
    const description = d.python.find((c) => c.docstring)?.docstring;
    // Members are serialised in the namespace of the class that declares them, so a base class's
    // namespace shows in its subclasses' samples.
    const namespace = order.flatMap((k) => sightings(d.name, k, evidence, derived)).find((s) => s.namespace)?.namespace ?? ev?.namespace?.value;
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

function normalise(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function mergeField(
  typeName: string,
  rows: RowSource[],
  py: PythonFieldFragment | undefined,
  seen: MemberSighting[],
  bag: DiagnosticBag,
): Field | undefined {
  const first = rows[0];
  const xmlName = seen.find((s) => s.from === 'xml')?.name;
  const name = first?.name ?? xmlName ?? (py ? pythonNameToCamel(py.name) : seen[0]?.name);
  if (!name) return undefined;
  const label = `${typeName}.${name}`;
  const tableTypes = rows.flatMap((r) => {
    const t = parseDotNetType(r.row.dataType);
    return t ? [{ type: fromDotNet(t), r }] : [];
  });
  for (const other of tableTypes.slice(1))
    if (formatTypeRef(other.type) !== formatTypeRef(tableTypes[0]!.type))
      bag.warn('SS072', other.r.row.loc, `'${label}' is ${formatTypeRef(other.type)} here but ${formatTypeRef(tableTypes[0]!.type)} at ${at(tableTypes[0]!.r.row.loc)}`);
  const pyType = py?.type ? fromPython(py.type) : undefined;
  const sampleValue = seen.find((s) => s.sample !== undefined)?.sample;
  let type: TypeRef = tableTypes[0]?.type ?? pyType ?? fromSampleValue(sampleValue ?? '');
  if (tableTypes[0] && pyType && py) {
    const t = tableTypes[0].type;
    if (!sameTypeFamily(t, pyType))
      bag.warn('SS072', py.loc, `'${label}' is ${formatTypeRef(t)} in the table (${at(tableTypes[0].r.row.loc)}) but ${py.annotation} in the Python DTO; using the table`);
    else if (t.kind === 'primitive' && isValueType(t.name) && isNullable(t) !== isNullable(pyType))
      bag.warn('SS077', py.loc, `'${label}' is ${formatTypeRef(t)} in the table but ${py.annotation} in the Python DTO; using the table`);
  }
  if (!tableTypes.length && !pyType && type.kind === 'primitive' && sampleValue === undefined) type = { kind: 'primitive', name: 'object', nullable: false };

  const requiredVotes = [...rows.map((r) => ({ required: r.row.required, loc: r.row.loc, what: 'the table' })), ...(py ? [{ required: py.required, loc: py.loc, what: 'the Python DTO' }] : [])];
  const required = requiredVotes.some((v) => v.required);
  const dissent = requiredVotes.find((v) => v.required !== required);
  if (dissent) {
    const yes = requiredVotes.find((v) => v.required)!;
    bag.warn('SS073', dissent.loc, `'${label}' is optional by ${dissent.what} but required by ${yes.what} at ${at(yes.loc)}; taken as required`);
  }
  const descriptions = [...rows.map((r) => ({ text: r.row.description, loc: r.row.loc })), ...(py?.description ? [{ text: py.description, loc: py.loc }] : [])].filter((d) => normalise(d.text));
  const description = descriptions[0] ? normalise(descriptions[0].text) : undefined;
  for (const d of descriptions.slice(1))
    if (normalise(d.text) !== description) bag.info('SS074', d.loc, `'${label}' is described differently at ${at(descriptions[0]!.loc)}; using that description`);

  const json = seen.filter((s) => s.from === 'json');
  const jsonNames = [...new Set(json.map((s) => s.name))];
  if (jsonNames.length > 1) bag.warn('SS075', json[1]!.loc, `'${label}' travels as ${jsonNames.map((n) => `'${n}'`).join(' and ')} in different samples; using '${jsonNames[0]}'`);
  const pyWire = py ? pythonNameToCamel(py.name) : undefined;
  if (jsonNames[0] && pyWire && pyWire !== jsonNames[0])
    bag.warn('SS075', py!.loc, `'${label}' travels as '${jsonNames[0]}' in the JSON sample but '${pyWire}' by the Python DTO; using the sample`);
  const wireName = jsonNames[0] ?? pyWire ?? serviceStackCamelCase(name);
  const wireNameFrom: Field['wireNameFrom'] = jsonNames[0] ? 'json-sample' : pyWire ? 'python' : 'convention';
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
    sources: [...rows.map((r) => r.row.loc), ...(py ? [py.loc] : [])],
  };
}
