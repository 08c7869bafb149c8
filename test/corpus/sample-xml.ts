/**
 * XML samples as ServiceStack's DataContractSerializer (`XmlMetadataHandler.CreateMessage`,
 * indented by two spaces, no declaration) writes them:
 * - the root declares `xmlns:i` and its contract namespace, `http://schemas.datacontract.org/2004/07/<.NET namespace>`
 *   (ServiceStack's own types: `http://schemas.servicestack.net/types`, its ContractNamespace);
 * - members of the base classes first; a plain class's members alphabetically, a `[DataContract]`'s
 *   by `Order` (those without one first), each then alphabetically; `[DataMember(Name)]` renames;
 * - a member whose declaring class is in another namespace redeclares the default namespace on
 *   its element; a class or collection value in a namespace not in scope declares the prefix
 *   `d<depth>p1` on its member element (seed 003's `d2p1:ProductCategory`);
 * - lists of primitives and dictionaries are in `…/Serialization/Arrays` (`d2p1:string`,
 *   `KeyValueOfstringstring`); a null member is `i:nil="true"`;
 * - a collection's contract name is `ArrayOf` and its item's (`ArrayOfPoco`, in Poco's namespace;
 *   `ArrayOfstring`; a dictionary `ArrayOfKeyValueOf…`, in Arrays), as a list's item or a generic argument;
 * - generic contract names are `NameOfArg…` plus the namespace digest of
 *   System.Runtime.Serialization's `DataContract.GetNamespacesDigest` (MD5, first 6 bytes, base64).
 */
import { createHash } from 'node:crypto';
import type { TypeSpec } from './apis.js';
import { elementOf, isDictionary, isList, isPrimitive, type NetType } from './dotnet.js';
import type { ApiTypes, ResolvedType } from './metadata.js';
import type { Sample, SampleField } from './sample-values.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const XSD = 'http://www.w3.org/2001/XMLSchema';
const SERIALIZATION = 'http://schemas.microsoft.com/2003/10/Serialization/';

/** XML Schema names of the primitives (their item names in Arrays). */
const XML_NAMES: Record<string, string> = {
  string: 'string',
  bool: 'boolean',
  byte: 'unsignedByte',
  sbyte: 'byte',
  short: 'short',
  ushort: 'unsignedShort',
  int: 'int',
  uint: 'unsignedInt',
  long: 'long',
  ulong: 'unsignedLong',
  float: 'float',
  double: 'double',
  decimal: 'decimal',
  DateTime: 'dateTime',
  TimeSpan: 'duration',
  Guid: 'guid',
  char: 'char',
  object: 'anyType',
};

const TEXT: Record<string, string> = {
  string: 'String',
  bool: 'false',
  DateTime: '0001-01-01T00:00:00',
  TimeSpan: 'PT0S',
  Guid: '00000000-0000-0000-0000-000000000000',
};

interface Scope {
  defaultNs: string;
  prefixes: Map<string, string>;
}

export function contractNamespace(spec: TypeSpec): string {
  return spec.namespace === 'ServiceStack' ? 'http://schemas.servicestack.net/types' : `http://schemas.datacontract.org/2004/07/${spec.namespace}`;
}

export function xmlSample(types: ApiTypes, sample: Extract<Sample, { kind: 'object' }>): string {
  const ns = contractNamespace(sample.type.spec);
  const scope: Scope = { defaultNs: ns, prefixes: new Map([[XSI, 'i']]) };
  const name = contractName(types, sample.type);
  const out: string[] = [];
  const attrs = [`xmlns:i="${XSI}"`, `xmlns="${ns}"`];
  writeContent(types, { name, attrs, sample, depth: 1, scope }, out);
  return out.join('\n');
}

interface Open {
  name: string;
  attrs: string[];
  sample: Sample;
  depth: number;
  scope: Scope;
}

function element(types: ApiTypes, name: string, ns: string, sample: Sample, depth: number, outer: Scope, out: string[]): void {
  const scope: Scope = { defaultNs: outer.defaultNs, prefixes: new Map(outer.prefixes) };
  const prefix = ns === outer.defaultNs ? undefined : outer.prefixes.get(ns);
  const redeclare = ns !== outer.defaultNs && !prefix;
  if (redeclare) scope.defaultNs = ns;
  const attrs: string[] = [];
  const content = contentNamespace(types, sample);
  if (content && content !== scope.defaultNs && !scope.prefixes.has(content)) {
    attrs.push(`xmlns:d${depth}p1="${content}"`);
    scope.prefixes.set(content, `d${depth}p1`);
  }
  if (redeclare) attrs.push(`xmlns="${ns}"`);
  writeContent(types, { name: prefix ? `${prefix}:${name}` : name, attrs, sample, depth, scope }, out);
}

function writeContent(types: ApiTypes, e: Open, out: string[]): void {
  const pad = '  '.repeat(e.depth - 1);
  const open = [e.name, ...e.attrs].join(' ');
  const children = childrenOf(types, e.sample);
  if (e.sample.kind === 'null') out.push(`${pad}<${open} i:nil="true" />`);
  else if (e.sample.kind === 'scalar') out.push(`${pad}<${open}>${scalarText(e.sample)}</${e.name}>`);
  else if (!children.length) out.push(`${pad}<${open} />`);
  else {
    out.push(`${pad}<${open}>`);
    for (const c of children) element(types, c.name, c.ns, c.sample, e.depth + 1, e.scope, out);
    out.push(`${pad}</${e.name}>`);
  }
}

interface Child {
  name: string;
  ns: string;
  sample: Sample;
}

function childrenOf(types: ApiTypes, s: Sample): Child[] {
  switch (s.kind) {
    case 'object':
      return ordered(s.fields).map((f) => ({ name: memberName(f), ns: ownerNamespace(f.owner), sample: f.value }));
    case 'list':
      return s.items.map((sample) => ({ name: itemName(types, s.element), ns: itemNamespace(types, s.element), sample }));
    case 'dict':
      return s.entries.map(([k, v]) => ({
        name: keyValueName(types, s.key, s.value),
        ns: ARRAYS,
        sample: { kind: 'object', type: KEY_VALUE, fields: [field('Key', k), field('Value', v)] },
      }));
    default:
      return [];
  }
}

/** A dictionary entry, written as an object of two members, `Key` then `Value`, in the Arrays namespace. */
const KEY_VALUE: ResolvedType = { key: 'KeyValue', spec: { name: 'KeyValue', namespace: '', dataContract: true }, args: [], members: [] };

function field(name: 'Key' | 'Value', value: Sample): SampleField {
  const type = { name: 'object', args: [], nullable: false, arrayRank: 0 };
  return { member: { spec: { name, type: 'object', dataMember: { order: name === 'Key' ? 1 : 2 } }, type }, owner: KEY_VALUE, value };
}

function ownerNamespace(owner: ResolvedType): string {
  return owner === KEY_VALUE ? ARRAYS : contractNamespace(owner.spec);
}

function memberName(f: SampleField): string {
  return f.owner.spec.dataContract ? (f.member.spec.dataMember?.name ?? f.member.spec.name) : f.member.spec.name;
}

/** Base classes first; within a class, plain: by name; data contract: by Order (none first), then name. */
function ordered(fields: SampleField[]): SampleField[] {
  const owners = [...new Set(fields.map((f) => f.owner))];
  return owners.flatMap((o) =>
    fields
      .filter((f) => f.owner === o)
      .map((f) => ({ f, name: memberName(f), order: o.spec.dataContract ? (f.member.spec.dataMember?.order ?? -1) : 0 }))
      .sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((x) => x.f),
  );
}

function contentNamespace(types: ApiTypes, s: Sample): string | undefined {
  if (s.kind === 'object') return ownerNamespace(s.type);
  if (s.kind === 'list') return itemNamespace(types, s.element);
  if (s.kind === 'dict') return ARRAYS;
  return undefined;
}

/** A list item's namespace: the item's contract namespace, or Arrays for primitives. */
function itemNamespace(types: ApiTypes, t: NetType): string {
  const { namespace } = dataContract(types, t);
  return namespace === XSD || namespace === SERIALIZATION ? ARRAYS : namespace;
}

function itemName(types: ApiTypes, t: NetType): string {
  return dataContract(types, t).name;
}

/** A type's data contract: a primitive's XML Schema name, a collection's `ArrayOf…`, a DTO's (generic) name; and its namespace. */
function dataContract(types: ApiTypes, t: NetType): { name: string; namespace: string } {
  const bare = { ...t, nullable: false };
  if (isPrimitive(bare)) return { name: XML_NAMES[t.name] ?? t.name, namespace: ['Guid', 'TimeSpan', 'char'].includes(t.name) ? SERIALIZATION : XSD };
  if (isList(t)) {
    const item = dataContract(types, elementOf(t));
    return { name: `ArrayOf${item.name}`, namespace: item.namespace === XSD || item.namespace === SERIALIZATION ? ARRAYS : item.namespace };
  }
  if (isDictionary(t)) return { name: `ArrayOf${keyValueName(types, t.args[0]!, t.args[1]!)}`, namespace: ARRAYS };
  const resolved = types.resolve(bare);
  return resolved ? { name: contractName(types, resolved), namespace: contractNamespace(resolved.spec) } : { name: t.name, namespace: XSD };
}

function scalarText(s: Extract<Sample, { kind: 'scalar' }>): string {
  if (s.enumValue) return s.enumValue.member.enumMember ?? s.enumValue.member.name;
  return TEXT[s.type.name] ?? '0';
}

/** `QueryResponseOfPostComment…`: a closed generic's contract name; any other type's is its name. */
export function contractName(types: ApiTypes, t: ResolvedType): string {
  const params = t.spec.genericParams ?? [];
  if (!params.length) return t.spec.name;
  return genericName(
    `${t.spec.name}Of`,
    t.args.map((a) => argument(types, a)),
    params.length,
  );
}

function keyValueName(types: ApiTypes, k: NetType, v: NetType): string {
  return genericName('KeyValueOf', [argument(types, k), argument(types, v)], 2);
}

/** A generic argument: its data contract's name and namespace. */
function argument(types: ApiTypes, t: NetType): { name: string; namespace: string } {
  return dataContract(types, t);
}

function genericName(stem: string, args: { name: string; namespace: string }[], arity: number): string {
  const names = args.map((a) => a.name);
  const namespaces = args.map((a) => a.namespace);
  const builtIn = namespaces.every((ns) => ns === XSD || ns === SERIALIZATION);
  return `${stem}${names.join('')}${builtIn ? '' : digest(` ${arity} ${namespaces.join(' ')}`)}`;
}

function digest(namespaces: string): string {
  const bytes = createHash('md5').update(namespaces, 'utf8').digest().subarray(0, 6);
  return bytes.toString('base64').replace(/=/g, '').replace(/\//g, '_S').replace(/\+/g, '_P');
}
