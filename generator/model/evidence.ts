/**
 * What the pages say about each type's members outside its table: DTO source classes (Python,
 * C#, TypeScript) and sample instances (XML elements and JSON objects, sample-instances.ts). Used
 * to name tables, recover missing names and find wire names.
 */
import type { SourceLocation } from '../diagnostics.js';
import type { PageFragments, TsType } from '../read/fragments.js';
import type { DotNetType } from '../read/dotnet-type.js';
import type { TypeRef } from './api-model.js';
import type { DeclaredClass } from './declared.js';
import type { DeclaredLang } from './facts.js';
import { memberKey } from './naming.js';
import { collectionArity, isPrimitiveName } from './type-ref.js';

export interface MemberSighting {
  /** The member name as that source writes it (JSON, TypeScript: wire name; XML, C#: .NET name; Python: camel of snake). */
  name: string;
  from: DeclaredLang | 'xml' | 'json' | 'jsv';
  /** The placeholder value a sample shows, when it is a scalar. */
  sample?: string | number | boolean | null;
  /** What a structured value (a list, a map, a nested object) shows of the member's type. */
  shape?: SampleShape;
  /** XML: the .NET namespace of the element, which is that of the type declaring the member. */
  namespace?: string;
  loc: SourceLocation;
}

/** The type a structured sample value shows: a type only where no table or DTO states one, as placeholders are. */
export interface SampleShape {
  type: TypeRef;
  /** The value showed nothing to type where `type` says `object` (`[]`, `{}`, `null`): SS095 where it is taken. */
  empty?: string;
  /** How the nested type it names was named where nothing states it: SS094 where it is taken. */
  inferred?: string;
}

export interface TypeEvidence {
  /** Members by memberKey. Sample instances include inherited members. */
  members: Map<string, MemberSighting[]>;
  namespace?: { value: string; loc: SourceLocation };
  sources: SourceLocation[];
}

export class Evidence {
  readonly types = new Map<string, TypeEvidence>();
  /** Types that sample shapes name where no table or DTO row of their page does: lower-types makes them types. */
  readonly shownTypes: { name: string; loc: SourceLocation }[] = [];

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

const DATA_CONTRACT_NS = /^http:\/\/schemas\.datacontract\.org\/2004\/07\/(.+)$/;

/**
 * The element type a member holds, from the page's table rows and DTO classes (`List<Email>` →
 * Email); `dictionary` when it holds a map of them (`Dictionary<string, Email>`), whose object is
 * no instance: its values are; `list` when it holds a list of them (an XML element holding one
 * element is a one-item list or a one-member object: this tells which).
 */
export interface MemberTypeLookup {
  (member: string): string | undefined;
  dictionary(member: string): boolean;
  list(member: string): boolean;
}

/** `parameters`: the page's generic types' parameters (`T` of `QueryResponse<T>`), which name no type either. */
export function memberTypeLookup(page: PageFragments, parameters: ReadonlySet<string> = new Set()): MemberTypeLookup {
  // Names alone (no object per row): this runs over every row of every page with a sample.
  const byKey = new Map<string, string>();
  const dictionaries = new Set<string>();
  const lists = new Set<string>();
  const note = (member: string, name: string, dictionary: boolean, list: boolean) => {
    const key = memberKey(member);
    if (byKey.has(key)) return;
    byKey.set(key, name);
    if (dictionary) dictionaries.add(key);
    else if (list) lists.add(key);
  };
  for (const table of page.tables)
    for (const row of table.rows) if (row.type && row.name) note(row.name, dotNetElement(row.type), isDotNetMap(row.type), isDotNetList(row.type));
  for (const c of page.pythonClasses)
    for (const f of c.fields) {
      let t = f.type;
      while (t?.kind === 'optional') t = t.of;
      const [dictionary, list] = [t?.kind === 'dict', t?.kind === 'list'];
      while (t && t.kind !== 'name') t = t.kind === 'dict' ? t.value : t.of;
      if (t) note(f.name, t.name, dictionary, list);
    }
  for (const c of page.dtoTypes)
    for (const m of c.members) {
      const element = m.dotNetType ? dotNetElement(m.dotNetType) : m.tsType ? tsElement(m.tsType) : undefined;
      const dictionary = m.dotNetType ? isDotNetMap(m.dotNetType) : m.tsType?.kind === 'dict';
      const list = m.dotNetType ? isDotNetList(m.dotNetType) : m.tsType?.kind === 'array';
      if (element) note(m.name, element, dictionary, list);
    }
  // A member holding a primitive names no type its sample's nested values could be of.
  const lookup = (member: string) => {
    const name = byKey.get(memberKey(member));
    return name === undefined || isPrimitiveName(name) || parameters.has(name) ? undefined : name;
  };
  return Object.assign(lookup, {
    dictionary: (member: string) => dictionaries.has(memberKey(member)),
    list: (member: string) => lists.has(memberKey(member)),
  });
}

/** The type a .NET type's collections hold, through lists, arrays and dictionaries' values (`Dictionary<string, List<Poco>>` → Poco). */
function dotNetElement(t: DotNetType): string {
  for (let depth = 0; depth < 64 && t.args.length && collectionArity(t.name) === t.args.length; depth++) t = t.args[t.args.length - 1]!;
  return t.name;
}

function isDotNetMap(t: DotNetType): boolean {
  return t.arrayRank === 0 && t.args.length === 2 && collectionArity(t.name) === 2;
}

function isDotNetList(t: DotNetType): boolean {
  return t.arrayRank > 0 || (t.args.length === 1 && collectionArity(t.name) === 1);
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

/** `http://schemas.datacontract.org/2004/07/A.B` → `A.B`. */
export function dotNetNamespace(uri: string | undefined): string | undefined {
  return uri === undefined ? undefined : DATA_CONTRACT_NS.exec(uri)?.[1];
}
