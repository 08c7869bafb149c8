/**
 * Sample instances as evidence, nested all the way down: each member a sample shows is a
 * sighting of its type's member, with its placeholder (a scalar) or the type its structured value
 * shows (a list, a dictionary, an instance of a named type, nested as deep as the sample goes).
 * Every nested instance is an instance of a named type in turn: the one its page's tables or DTO
 * classes give the member, the one an XML list item's element names (its DataContract name), else
 * the one nested-names.ts finds or names by ServiceStack's conventions.
 *
 * DataContractSerializer's collections are read by their names and namespace: items of
 * `…/Serialization/Arrays` are primitives named in XML Schema's words (`d2p1:int`), `ArrayOfX` a
 * list of X, `KeyValueOfKV` a dictionary's entry (`<Key>`, `<Value>`). In JSON and JSV, an object
 * whose keys are placeholders (`{"String":…}`, `{"0":…}`) is a dictionary.
 */
import type { SourceLocation } from '../diagnostics.js';
import type { JsonNode, XmlElement } from '../read/fragments.js';
import type { TypeRef } from './api-model.js';
import { ARRAYS_NAMESPACE, collectionName, leadingPrimitive, xsdPrimitive } from './datacontract-names.js';
import { dotNetNamespace, type Evidence, type MemberSighting, type MemberTypeLookup, type SampleShape } from './evidence.js';
import { memberKey, singularName } from './naming.js';
import type { NestedName, NestedNamer } from './nested-names.js';
import { fromSampleValue } from './type-ref.js';

/** What walking one page's samples needs. */
export interface InstanceContext {
  evidence: Evidence;
  lookup: MemberTypeLookup;
  namer: NestedNamer;
  /** A generic type's use read back from its DataContract name (`QueryResponseOfCustomer…`), when the page knows both parts. */
  demangle(name: string): { type: string; args: TypeRef[] } | undefined;
}

type JsonObject = Extract<JsonNode, { kind: 'object' }>;

const UNKNOWN: TypeRef = { kind: 'primitive', name: 'object', nullable: false };
const XSI_NIL = /^(?:[\w.-]+:)?nil$/;

/** A dictionary's key as ServiceStack populates one: `String`, `0`, an empty Guid, a default date, `False`. */
const PLACEHOLDER_KEY =
  /^(?:String|-?\d+(?:\.\d+)?|0{32}|0{8}(?:-0{4}){3}-0{12}|true|false|True|False|0001-01-01(?:T[\d:.]+)?|\\?\/Date\(-?\d+(?:[+-]\d{4})?\)\\?\/)$/;

/** The instances a structured value holds at one place, and the type they are of. */
interface Found<N> {
  /** Nested objects that no name of their own names (a JSON object, an XML member element). */
  instances: N[];
  /** Where their type goes in the value's type, named once they are all found. */
  hole?: { kind: 'ref'; name: string; nullable: false; args?: TypeRef[] };
  empty?: string;
}

/** Records a JSON (or JSV, read into the same tree) instance of `typeName`: member names are wire names. */
export function addJsonInstance(typeName: string, node: JsonNode, ctx: InstanceContext, from: 'json' | 'jsv'): void {
  if (node.kind !== 'object') return;
  const { evidence } = ctx;
  evidence.of(typeName).sources.push(node.loc);
  for (const m of node.members) {
    const v = m.value;
    if (v.kind === 'object' || v.kind === 'array')
      evidence.add(typeName, { name: m.key, from, shape: jsonShape(typeName, m.key, m.loc, v, ctx, from), loc: m.loc });
    else evidence.add(typeName, { name: m.key, from, sample: v.kind === 'null' ? null : v.value, loc: m.loc });
  }
}

function jsonShape(parent: string, member: string, loc: SourceLocation, v: JsonNode, ctx: InstanceContext, from: 'json' | 'jsv'): SampleShape {
  const found: Found<JsonObject> = { instances: [] };
  const stated = ctx.lookup(member);
  const type = jsonType(v, ctx.lookup.dictionary(member), stated !== undefined, found);
  if (!found.instances.length) return shape(type, found.empty);
  const named = nameInstances(ctx, found, { parent, member, loc, stated, list: type !== found.hole }, jsonKeys);
  for (const o of found.instances) addJsonInstance(named.name, o, ctx, from);
  return shape(type, undefined, named.inferred);
}

/** The type a JSON value shows; its nested objects go to `found` (`stated`: the page names their type, so an empty one is one too). */
function jsonType(v: JsonNode, dictionary: boolean, stated: boolean, found: Found<JsonObject>): TypeRef {
  switch (v.kind) {
    case 'array': {
      let item: TypeRef | undefined;
      for (const i of v.items) if (i.kind !== 'null') item ??= jsonType(i, false, stated, found);
      if (!item) found.empty ??= v.items.length ? '[null]' : '[]';
      return { kind: 'list', of: item ?? UNKNOWN };
    }
    case 'object':
      if (dictionary || (v.members.length > 0 && v.members.every((m) => PLACEHOLDER_KEY.test(m.key)))) return jsonDictionary(v, stated, found);
      if (!v.members.length && !stated) {
        found.empty ??= '{}';
        return UNKNOWN;
      }
      found.instances.push(v);
      return (found.hole ??= { kind: 'ref', name: '', nullable: false });
    case 'null':
      found.empty ??= 'null';
      return UNKNOWN;
    default:
      return fromSampleValue(v.value);
  }
}

function jsonDictionary(v: JsonObject, stated: boolean, found: Found<JsonObject>): TypeRef {
  let value: TypeRef | undefined;
  for (const m of v.members) if (m.value.kind !== 'null') value ??= jsonType(m.value, false, stated, found);
  if (!value) found.empty ??= '{}';
  const key = v.members[0] ? fromSampleValue(v.members[0].key) : { kind: 'primitive' as const, name: 'string' as const, nullable: false };
  return { kind: 'dictionary', key, value: value ?? UNKNOWN };
}

function jsonKeys(objects: readonly JsonObject[]): Set<string> {
  const keys = new Set<string>();
  for (const o of objects) for (const m of o.members) keys.add(memberKey(m.key));
  return keys;
}

/** Records an XML instance of `typeName`: its members (.NET names), and the instances nested in them. */
export function addXmlInstance(typeName: string, e: XmlElement, ctx: InstanceContext): void {
  const { evidence } = ctx;
  const t = evidence.of(typeName);
  t.sources.push(e.loc);
  const ns = dotNetNamespace(e.children[0]?.namespace ?? e.namespace);
  if (ns && !t.namespace) t.namespace = { value: ns, loc: e.loc };
  for (const member of e.children) {
    const namespace = dotNetNamespace(member.namespace);
    const seen: MemberSighting = member.children.length
      ? { name: member.localName, from: 'xml', shape: xmlShape(typeName, member, ctx), loc: member.loc }
      : { name: member.localName, from: 'xml', sample: isNil(member) ? null : (member.text ?? ''), loc: member.loc };
    if (namespace) seen.namespace = namespace;
    evidence.add(typeName, seen);
  }
}

function xmlShape(parent: string, member: XmlElement, ctx: InstanceContext): SampleShape {
  const found: Found<XmlElement> = { instances: [] };
  const stated = ctx.lookup(member.localName);
  const list = stated === undefined ? undefined : ctx.lookup.list(member.localName);
  const type = xmlContent(member, undefined, ctx, found, stated, list);
  if (!found.instances.length) return shape(type, found.empty);
  const place = { parent, member: member.localName, loc: member.loc, stated, list: type !== found.hole };
  const named = nameInstances(ctx, found, place, xmlKeys);
  for (const e of found.instances) addXmlInstance(named.name, e, ctx);
  return shape(type, undefined, named.inferred);
}

/**
 * The type an element's content shows. `ownName`: the element's name when it names its type (a
 * list item's, a collection's); an element without one holding members is an instance for `found`.
 * `stated`, `list`: what the page's tables say of the member: the type it holds, and whether a
 * list of them (one child element may be a one-item list or a one-member object; without a word,
 * children that are elements themselves make a list).
 */
function xmlContent(e: XmlElement, ownName: string | undefined, ctx: InstanceContext, found: Found<XmlElement>, stated?: string, list?: boolean): TypeRef {
  if (isNil(e)) {
    found.empty ??= 'nil';
    return UNKNOWN;
  }
  if (!e.children.length) return ownName === undefined ? fromSampleValue(e.text ?? '') : namedLeaf(e, ownName, ctx, stated);
  const first = e.children[0]!;
  if (collectionName(first.localName)?.kind === 'entry') return xmlDictionary(e, ctx, found);
  // An element named `ArrayOf…` is a list by its name.
  if (first.namespace === ARRAYS_NAMESPACE || isListElement(e, ownName !== undefined && collectionName(ownName)?.kind === 'list' ? true : list)) {
    let item: TypeRef | undefined;
    for (const c of e.children) {
      const t = xmlContent(c, c.localName, ctx, found, stated);
      item ??= t;
    }
    return { kind: 'list', of: item ?? UNKNOWN };
  }
  if (ownName === undefined || collectionName(ownName)) {
    found.instances.push(e);
    return (found.hole ??= { kind: 'ref', name: '', nullable: false });
  }
  return xmlItem(e, ownName, ctx, stated);
}

/** A list item whose element names its type (its DataContract name: a generic type's use read back). */
function xmlItem(e: XmlElement, ownName: string, ctx: InstanceContext, stated: string | undefined): TypeRef {
  const generic = ctx.demangle(ownName);
  const name = generic?.type ?? ownName;
  addXmlInstance(name, e, ctx);
  if (ctx.namer.indexed) ctx.namer.shows(name, xmlKeys([e]));
  if (name !== stated) ctx.evidence.shownTypes.push({ name, loc: e.loc });
  return generic?.args.length ? { kind: 'ref', name, nullable: false, args: generic.args } : { kind: 'ref', name, nullable: false };
}

/**
 * A list item or collection without children: a primitive of Arrays (`<d2p1:int>0</d2p1:int>`), an
 * empty collection (`<ArrayOfstring />`), an instance showing no member (`<Poco />`), an enum's
 * value (`<DayOfWeek>Monday</DayOfWeek>`: of the enum where the page names it, else a placeholder).
 */
function namedLeaf(e: XmlElement, name: string, ctx: InstanceContext, stated: string | undefined): TypeRef {
  const primitive = e.namespace === ARRAYS_NAMESPACE ? xsdPrimitive(name) : undefined;
  if (primitive) return primitive;
  const collection = collectionName(name);
  if (collection?.kind === 'list') return { kind: 'list', of: xsdPrimitive(collection.rest) ?? UNKNOWN };
  if (e.text !== undefined) return name === stated ? { kind: 'ref', name, nullable: false } : fromSampleValue(e.text);
  addXmlInstance(name, e, ctx);
  if (name !== stated) ctx.evidence.shownTypes.push({ name, loc: e.loc });
  return { kind: 'ref', name, nullable: false };
}

/**
 * `<KeyValueOfstringstring><Key>String</Key><Value>String</Value></KeyValueOfstringstring>`: the
 * key's type by the entry's name, else by its placeholder; the name also says whether the value is
 * a collection (`KeyValueOfstringArrayOfPoco…`: a `<Value>` holding one `<Poco>` is a list).
 */
function xmlDictionary(e: XmlElement, ctx: InstanceContext, found: Found<XmlElement>): TypeRef {
  const entry = e.children[0]!;
  const keyEl = entry.children.find((c) => c.localName === 'Key');
  const named = leadingPrimitive(collectionName(entry.localName)!.rest);
  const key =
    named?.type ?? (keyEl?.text !== undefined ? fromSampleValue(keyEl.text) : { kind: 'primitive' as const, name: 'string' as const, nullable: false });
  const list = named ? collectionName(named.rest)?.kind === 'list' : undefined;
  let value: TypeRef | undefined;
  for (const c of e.children) {
    const valueEl = c.children.find((x) => x.localName === 'Value');
    if (valueEl) value ??= xmlContent(valueEl, undefined, ctx, found, undefined, list);
  }
  return { kind: 'dictionary', key, value: value ?? UNKNOWN };
}

/**
 * `<emails><Email>…</Email></emails>` or `<ids xmlns:d2p1="…/Arrays"><d2p1:int>0</d2p1:int></ids>`:
 * items named by their type, capitalised, all alike. One child element is a one-item list (a
 * sample populates one item) or a one-member object (`<Person><Email>String</Email></Person>`):
 * as the page says where it does, else a list where the member is named as lists are (in the
 * plural, after its collection, or as the plural of its child).
 */
function isListElement(e: XmlElement, list: boolean | undefined): boolean {
  const first = e.children[0]!;
  if (!e.children.every((c) => c.localName === first.localName)) return false;
  if (first.namespace === ARRAYS_NAMESPACE) return true;
  if (list !== undefined) return list;
  if (!/^[A-Z]/.test(first.localName)) return false;
  return e.children.length > 1 || namedAsList(e.localName, first.localName);
}

function namedAsList(member: string, item: string): boolean {
  const singular = singularName(member);
  return singular !== member || singular === item || /(?:List|Array|Collection|Set)$/.test(member);
}

function isNil(e: XmlElement): boolean {
  return e.attributes.some((a) => a.value === 'true' && XSI_NIL.test(a.name));
}

function xmlKeys(elements: readonly XmlElement[]): Set<string> {
  const keys = new Set<string>();
  for (const e of elements) for (const c of e.children) keys.add(memberKey(c.localName));
  return keys;
}

interface Place {
  parent: string;
  member: string;
  loc: SourceLocation;
  /** The type the page's tables or DTO classes give the member. */
  stated: string | undefined;
  list: boolean;
}

/** Names the instances found at a place: as the page states, else by the namer (the type is then one the samples introduce). */
function nameInstances<N>(ctx: InstanceContext, found: Found<N>, place: Place, keysOf: (nodes: readonly N[]) => Set<string>): NestedName {
  const named = place.stated !== undefined ? { name: place.stated } : ctx.namer.name({ ...place, keys: keysOf(found.instances) });
  found.hole!.name = named.name;
  if (place.stated === undefined) ctx.evidence.shownTypes.push({ name: named.name, loc: place.loc });
  else if (ctx.namer.indexed) ctx.namer.shows(named.name, keysOf(found.instances));
  return named;
}

function shape(type: TypeRef, empty: string | undefined, inferred?: string): SampleShape {
  return { type, ...(empty !== undefined ? { empty } : {}), ...(inferred !== undefined ? { inferred } : {}) };
}
