/**
 * What the pages say about each type's members outside its table: DTO source classes (Python,
 * C#, TypeScript) and sample instances (XML elements and JSON objects). Used to name tables,
 * recover missing names and find wire names.
 */
import type { SourceLocation } from '../diagnostics.js';
import type { JsonNode, PageFragments, TsType, XmlElement } from '../read/fragments.js';
import type { DotNetType } from '../read/dotnet-type.js';
import type { DeclaredClass } from './declared.js';
import type { DeclaredLang } from './facts.js';
import { memberKey } from './naming.js';

export interface MemberSighting {
  /** The member name as that source writes it (JSON, TypeScript: wire name; XML, C#: .NET name; Python: camel of snake). */
  name: string;
  from: DeclaredLang | 'xml' | 'json' | 'jsv';
  /** The placeholder value a sample shows, when it is a scalar. */
  sample?: string | number | boolean | null;
  /** XML: the .NET namespace of the element, which is that of the type declaring the member. */
  namespace?: string;
  loc: SourceLocation;
}

export interface TypeEvidence {
  /** Members by memberKey. Sample instances include inherited members. */
  members: Map<string, MemberSighting[]>;
  namespace?: { value: string; loc: SourceLocation };
  sources: SourceLocation[];
}

export class Evidence {
  readonly types = new Map<string, TypeEvidence>();

  of(name: string): TypeEvidence {
    let t = this.types.get(name);
    if (!t) this.types.set(name, (t = { members: new Map(), sources: [] }));
    return t;
  }

  /** Member keys of a type, all or those that `from` sources show. */
  keys(name: string, from?: readonly MemberSighting['from'][]): Set<string> {
    const t = this.types.get(name);
    if (!t) return new Set();
    if (!from) return new Set(t.members.keys());
    const keys = new Set<string>();
    for (const [k, seen] of t.members) if (seen.some((s) => from.includes(s.from))) keys.add(k);
    return keys;
  }

  add(typeName: string, sighting: MemberSighting): void {
    const t = this.of(typeName);
    const key = memberKey(sighting.name);
    const list = t.members.get(key) ?? [];
    list.push(sighting);
    t.members.set(key, list);
  }
}

const ARRAYS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const DATA_CONTRACT_NS = /^http:\/\/schemas\.datacontract\.org\/2004\/07\/(.+)$/;

/**
 * The element type a member holds, from the page's table rows and DTO classes (`List<Email>` →
 * Email); `dictionary` when it holds a map of them (`Dictionary<string, Email>`), whose object is
 * no instance: its values are.
 */
export interface MemberTypeLookup {
  (member: string): string | undefined;
  dictionary(member: string): boolean;
}

export function memberTypeLookup(page: PageFragments): MemberTypeLookup {
  // Names alone (no object per row): this runs over every row of every page with a sample.
  const byKey = new Map<string, string>();
  const dictionaries = new Set<string>();
  const note = (member: string, name: string, dictionary: boolean) => {
    const key = memberKey(member);
    if (byKey.has(key)) return;
    byKey.set(key, name);
    if (dictionary) dictionaries.add(key);
  };
  for (const table of page.tables)
    for (const row of table.rows) if (row.type && row.name) note(row.name, dotNetElement(row.type).name, row.type.args.length === 2);
  for (const c of page.pythonClasses)
    for (const f of c.fields) {
      let t = f.type;
      const dictionary = t?.kind === 'dict';
      while (t && t.kind !== 'name') t = t.kind === 'dict' ? t.value : t.of;
      if (t) note(f.name, t.name, dictionary);
    }
  for (const c of page.dtoTypes)
    for (const m of c.members) {
      const element = m.dotNetType ? dotNetElement(m.dotNetType).name : m.tsType ? tsElement(m.tsType) : undefined;
      const dictionary = m.dotNetType ? m.dotNetType.args.length === 2 : m.tsType?.kind === 'dict';
      if (element) note(m.name, element, dictionary);
    }
  const lookup = (member: string) => byKey.get(memberKey(member));
  return Object.assign(lookup, { dictionary: (member: string) => dictionaries.has(memberKey(member)) });
}

function dotNetElement(t: DotNetType): DotNetType {
  return t.args.length === 1 ? t.args[0]! : t.args.length === 2 ? t.args[1]! : t;
}

function tsElement(t: TsType): string | undefined {
  for (let depth = 0; depth < 64; depth++) {
    if (t.kind === 'name') return t.name;
    if (t.kind === 'literal') return undefined;
    t = t.kind === 'dict' ? t.value : t.of;
  }
  return undefined;
}

/** The DTO source classes of a page, each member seen under the name its language writes. */
export function addDeclaredEvidence(declared: readonly DeclaredClass[], evidence: Evidence): void {
  for (const c of declared) {
    const t = evidence.of(c.name);
    t.sources.push(c.loc);
    for (const m of c.members) evidence.add(c.name, { name: m.lang === 'python' ? m.wireName! : m.written, from: m.lang, loc: m.loc });
  }
}

function isListElement(e: XmlElement): boolean {
  // `<emails><Email>…</Email></emails>` or `<ids xmlns:d2p1="…/Arrays"><d2p1:int>0</d2p1:int></ids>`.
  return (
    e.children.length > 0 &&
    e.children.every((c) => c.namespace === ARRAYS_NS || /^[A-Z]/.test(c.localName)) &&
    e.children.every((c) => c.localName === e.children[0]!.localName)
  );
}

/** `http://schemas.datacontract.org/2004/07/A.B` → `A.B`. */
export function dotNetNamespace(uri: string | undefined): string | undefined {
  return uri === undefined ? undefined : DATA_CONTRACT_NS.exec(uri)?.[1];
}

/** Records an XML instance of `typeName`: its members, and the instances nested in them. */
export function addXmlInstance(typeName: string, e: XmlElement, lookup: MemberTypeLookup, evidence: Evidence): void {
  const t = evidence.of(typeName);
  t.sources.push(e.loc);
  const ns = dotNetNamespace(e.children[0]?.namespace ?? e.namespace);
  if (ns && !t.namespace) t.namespace = { value: ns, loc: e.loc };
  for (const member of e.children) {
    const memberNs = dotNetNamespace(member.namespace);
    evidence.add(typeName, {
      name: member.localName,
      from: 'xml',
      ...(member.children.length ? {} : { sample: member.text ?? '' }),
      ...(memberNs ? { namespace: memberNs } : {}),
      loc: member.loc,
    });
    if (!member.children.length) continue;
    if (isListElement(member)) {
      for (const item of member.children) if (item.namespace !== ARRAYS_NS && item.children.length) addXmlInstance(item.localName, item, lookup, evidence);
    } else {
      const nested = lookup(member.localName);
      if (nested && !lookup.dictionary(member.localName)) addXmlInstance(nested, member, lookup, evidence);
    }
  }
}

/** Records a JSON (or JSV, read into the same tree) instance of `typeName`: member names are wire names. */
export function addJsonInstance(typeName: string, node: JsonNode, lookup: MemberTypeLookup, evidence: Evidence, from: 'json' | 'jsv' = 'json'): void {
  if (node.kind !== 'object') return;
  evidence.of(typeName).sources.push(node.loc);
  for (const m of node.members) {
    const v = m.value;
    const sample = v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean' ? v.value : v.kind === 'null' ? null : undefined;
    evidence.add(typeName, { name: m.key, from, ...(sample !== undefined ? { sample } : {}), loc: m.loc });
    const nested = lookup(m.key);
    if (!nested) continue;
    if (v.kind === 'array') for (const item of v.items) addJsonInstance(nested, item, lookup, evidence, from);
    else if (v.kind !== 'object') continue;
    else if (lookup.dictionary(m.key)) for (const entry of v.members) addJsonInstance(nested, entry.value, lookup, evidence, from);
    else addJsonInstance(nested, v, lookup, evidence, from);
  }
}
