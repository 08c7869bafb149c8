/**
 * Pass "gather evidence": the member sets each type is seen with outside its tables — DTO source
 * classes, then XML, JSON and JSV sample instances (nested ones included, each of a named type:
 * sample-instances.ts, nested-names.ts) — by type name. Table identification matches untitled
 * tables against them, and member lowering reads their samples.
 */
import type { HttpSampleFragment } from '../read/fragments.js';
import { demangleGenericName, elementNames, pageGenerics } from './datacontract-names.js';
import { Evidence, addDeclaredEvidence, memberTypeLookup } from './evidence.js';
import type { Structure } from './lower-types.js';
import type { ModelPage } from './model-page.js';
import type { PageOperation } from './name-operations.js';
import { memberKey } from './naming.js';
import { NestedNamer, type NamingSources } from './nested-names.js';
import { addJsonInstance, addXmlInstance, type InstanceContext } from './sample-instances.js';

/** `stated`: the structure `/types/metadata` states (its tables name their types). */
export function gatherEvidence(named: readonly PageOperation[], stated: Structure): Evidence {
  const evidence = new Evidence();
  for (const { page } of named) addDeclaredEvidence(page.declared, evidence);
  const namer = new NestedNamer(
    () => namingSources(named, stated),
    () => sampleRoots(named),
    evidence,
  );
  for (const format of ['xml', 'json', 'jsv'] as const) for (const page of named) addSamples(page, format, evidence, namer);
  return evidence;
}

/** A page's sample instances of one format: an XML root names its type; a JSON or JSV one is the operation's request or response. */
function addSamples(named: PageOperation, format: 'xml' | 'json' | 'jsv', evidence: Evidence, namer: NestedNamer): void {
  let ctx: InstanceContext | undefined; // only for a page with a sample of this format
  for (const s of named.page.fragments.samples) {
    const body = s.body;
    if (body?.format !== format) continue;
    const type = rootType(named, s);
    if (!type) continue;
    ctx ??= instanceContext(named, evidence, namer);
    if (body.format === 'xml') addXmlInstance(type, body.root, ctx);
    else addJsonInstance(type, body.value, ctx, body.format);
  }
}

/** The type a sample's root is an instance of: an XML root names it (a generic use by its DataContract name), else the operation's request or response. */
function rootType(named: PageOperation, s: HttpSampleFragment): string | undefined {
  const body = s.body;
  const response = named.response?.shape;
  const responseType = response?.kind === 'typed' ? response.type : undefined;
  if (body?.format !== 'xml') return s.direction === 'request' ? named.operation : responseType;
  const root = body.root.localName;
  if (root === 'anyType') return undefined;
  // name-operations.ts read a response root's DataContract name back (`QueryResponseOfCustomer…` → QueryResponse).
  return s.direction === 'response' && response?.kind === 'typed' && response.args ? response.type : root;
}

function instanceContext(named: PageOperation, evidence: Evidence, namer: NestedNamer): InstanceContext {
  const page = named.page;
  let known: { names: Set<string>; isGeneric: (name: string) => boolean } | undefined;
  const demangle = (name: string) => {
    if (!name.includes('Of')) return undefined; // most names: no generic use
    known ??= { names: pageNames(named), isGeneric: pageGenerics(page) };
    return demangleGenericName(name, known.isGeneric, known.names);
  };
  return { evidence, lookup: memberTypeLookup(page.fragments, typeParameters(page)), namer, demangle };
}

const NO_PARAMETERS: ReadonlySet<string> = new Set();

/** The type parameters a page's DTO classes and captions (`QueryResponse<T>`) declare. */
function typeParameters(page: ModelPage): ReadonlySet<string> {
  if (!page.captionArgs.size && !page.declared.some((c) => c.typeParameters.length)) return NO_PARAMETERS;
  const names = new Set(page.declared.flatMap((c) => c.typeParameters));
  for (const args of page.captionArgs.values()) for (const a of args) if (a.kind === 'ref' && !a.args && TYPE_PARAMETER.test(a.name)) names.add(a.name);
  return names;
}

/** A caption's argument that reads as a type parameter (`T`, `TKey`, `T1`) rather than a type (lower-types.ts reads captions alike). */
const TYPE_PARAMETER = /^T(?:[A-Z0-9][A-Za-z0-9]*)?$/;

/** The type names a page shows: its XML samples' elements, DTO classes and table captions. */
function pageNames({ page }: PageOperation): Set<string> {
  const names = new Set([...page.declared.map((c) => c.name), ...page.fragments.tables.flatMap((t) => (t.caption ? [t.caption] : []))]);
  for (const s of page.fragments.samples) if (s.body?.format === 'xml') for (const n of elementNames(s.body.root)) names.add(n);
  return names;
}

function namingSources(named: readonly PageOperation[], stated: Structure): NamingSources {
  const tables: NamingSources['tables'][number][] = stated.tables.map((t) => ({ name: t.name, table: t.table, generic: false }));
  for (const { page } of named)
    for (const table of page.fragments.tables) if (table.caption) tables.push({ name: table.caption, table, generic: page.captionArgs.has(table) });
  return { tables, declared: named.flatMap((n) => n.page.declared) };
}

/** Each sample root's type and member keys: known types nested instances may be of. */
function* sampleRoots(named: readonly PageOperation[]): Iterable<[string, string[]]> {
  for (const page of named)
    for (const s of page.page.fragments.samples) {
      const type = rootType(page, s);
      const body = s.body;
      if (!type || !body) continue;
      if (body.format === 'xml') yield [type, body.root.children.map((c) => memberKey(c.localName))];
      else if (body.format !== 'text' && body.value.kind === 'object') yield [type, body.value.members.map((m) => memberKey(m.key))];
    }
}
