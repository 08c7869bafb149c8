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
 * - generic contract names are `NameOfArg…` plus the namespace digest of
 *   System.Runtime.Serialization's `DataContract.GetNamespacesDigest` (MD5, first 6 bytes, base64).
 */
import { createHash } from 'node:crypto';
import { findType, type ApiSpec, type TypeSpec } from './apis.js';
import { isPrimitive, type NetType } from './dotnet.js';
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
      return s.items.map((sample) => ({ name: itemName(types, s.element), ns: namespaceOf(types.api, s.element, ARRAYS), sample }));
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
  if (s.kind === 'list') return namespaceOf(types.api, s.element, ARRAYS);
  if (s.kind === 'dict') return ARRAYS;
  return undefined;
}

/** A list item's namespace: the item type's contract namespace, or Arrays for primitives. */
function namespaceOf(api: ApiSpec, t: NetType, primitives: string): string {
  const spec = isPrimitive({ ...t, nullable: false }) ? undefined : findType(api, t.name);
  return spec ? contractNamespace(spec) : primitives;
}

function itemName(types: ApiTypes, t: NetType): string {
  if (isPrimitive({ ...t, nullable: false })) return XML_NAMES[t.name] ?? t.name;
  const resolved = types.resolve({ ...t, nullable: false });
  return resolved ? contractName(types, resolved) : t.name;
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

/** A generic argument: a primitive by its name, a DTO or enum by its spec. */
function argument(types: ApiTypes, t: NetType): TypeSpec | string {
  return isPrimitive({ ...t, nullable: false }) ? t.name : (types.resolve({ ...t, nullable: false })?.spec ?? t.name);
}

function genericName(stem: string, args: (TypeSpec | string)[], arity: number): string {
  const names = args.map((a) => (typeof a === 'string' ? (XML_NAMES[a] ?? a) : a.name));
  const namespaces = args.map((a) => (typeof a === 'string' ? (['Guid', 'TimeSpan', 'char'].includes(a) ? SERIALIZATION : XSD) : contractNamespace(a)));
  const builtIn = namespaces.every((ns) => ns === XSD || ns === SERIALIZATION);
  return `${stem}${names.join('')}${builtIn ? '' : digest(` ${arity} ${namespaces.join(' ')}`)}`;
}

function digest(namespaces: string): string {
  const bytes = createHash('md5').update(namespaces, 'utf8').digest().subarray(0, 6);
  return bytes.toString('base64').replace(/=/g, '').replace(/\//g, '_S').replace(/\+/g, '_P');
}
