/**
 * The names .NET's DataContractSerializer gives a use of a generic type, as XML samples show them:
 * `QueryResponseOfCustomerhtFHNyBe` is `QueryResponse<Customer>`, written `{Type}Of{Argument}`
 * and a hash of the arguments' namespaces. Read back only where both parts are names the page
 * knows: a generic type of ServiceStack's or of the page's DTOs, and a type the sample or the
 * page shows (the hash is no name, and a type may well be called `ListOfThings`).
 */
import type { XmlElement } from '../read/fragments.js';
import type { PrimitiveName, TypeRef } from './api-model.js';
import { pushAll } from '../arrays.js';
import { builtinType } from './builtins.js';
import type { ModelPage } from './model-page.js';

/** `{ type, args }` for a mangled one-argument generic name, else undefined. */
export function demangleGenericName(
  name: string,
  isGeneric: (name: string) => boolean,
  known: ReadonlySet<string>,
): { type: string; args: TypeRef[] } | undefined {
  for (let at = name.indexOf('Of'); at > 0; at = name.indexOf('Of', at + 1)) {
    const type = name.slice(0, at);
    if (!isGeneric(type)) continue;
    const rest = name.slice(at + 2);
    const arg = [...known].filter((k) => rest.startsWith(k) && /^[A-Za-z0-9_]*$/.test(rest.slice(k.length))).sort((a, b) => b.length - a.length)[0];
    if (arg) return { type, args: [{ kind: 'ref', name: arg, nullable: false }] };
  }
  return undefined;
}

/** One-parameter generic types: ServiceStack's own, and those the page's DTO classes declare. */
export function isOneParameterGeneric(declared: readonly { name: string; typeParameters: readonly string[] }[]): (name: string) => boolean {
  return (name) => builtinType(name, 1)?.typeParameters?.length === 1 || declared.some((c) => c.name === name && c.typeParameters.length === 1);
}

/** One-parameter generic types a page knows: ServiceStack's, its DTO classes', and those its tables are captioned as a use of (`PagedResult<FooDto>`). */
export function pageGenerics(page: ModelPage): (name: string) => boolean {
  const captioned = [...page.captionArgs].map(([table, args]) => ({ name: table.caption!, typeParameters: args.map((_, i) => `T${i}`) }));
  return isOneParameterGeneric(captioned.length ? [...page.declared, ...captioned] : page.declared);
}

/** The element names under an XML root: the types its members hold (`<Results><Customer>…`). */
export function elementNames(root: XmlElement): Set<string> {
  const names = new Set<string>();
  const pending = [...root.children];
  for (let e = pending.pop(); e; e = pending.pop()) {
    names.add(e.localName);
    pushAll(pending, e.children);
  }
  return names;
}

/** The namespace DataContractSerializer writes collections of primitives and dictionaries in. */
export const ARRAYS_NAMESPACE = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

/** XML Schema's names of the primitives, as DataContractSerializer names list items and generic arguments (`d2p1:int`, `ArrayOfstring`). */
const XSD_PRIMITIVES: ReadonlyMap<string, PrimitiveName> = new Map([
  ['string', 'string'],
  ['boolean', 'bool'],
  ['unsignedByte', 'byte'],
  ['byte', 'sbyte'],
  ['short', 'short'],
  ['unsignedShort', 'ushort'],
  ['int', 'int'],
  ['unsignedInt', 'uint'],
  ['long', 'long'],
  ['unsignedLong', 'ulong'],
  ['float', 'float'],
  ['double', 'double'],
  ['decimal', 'decimal'],
  ['dateTime', 'DateTime'],
  ['duration', 'TimeSpan'],
  ['guid', 'Guid'],
  ['char', 'char'],
  ['anyURI', 'Uri'],
  ['anyType', 'object'],
]);

/** The primitive an XML Schema name stands for (`int`, `dateTime`), as list items and `ArrayOf…`/`KeyValueOf…` names write them. */
export function xsdPrimitive(name: string): TypeRef | undefined {
  const primitive = XSD_PRIMITIVES.get(name);
  return primitive && { kind: 'primitive', name: primitive, nullable: false };
}

/**
 * A DataContract collection name: `ArrayOfX` is a list of X (`ArrayOfstring`: of strings),
 * `KeyValueOfKV` an entry of a dictionary from K to V; `rest` is what follows the prefix (`X`, `KV`),
 * read with what the element holds.
 */
export function collectionName(name: string): { kind: 'list' | 'entry'; rest: string } | undefined {
  if (name.startsWith('ArrayOf') && name.length > 7) return { kind: 'list', rest: name.slice(7) };
  if (name.startsWith('KeyValueOf') && name.length > 10) return { kind: 'entry', rest: name.slice(10) };
  return undefined;
}

/** The XML Schema primitive a mangled name starts with, longest first (`stringstring` → string, `stringPoco…` → string). */
export function leadingPrimitive(rest: string): { type: TypeRef; rest: string } | undefined {
  let best: string | undefined;
  for (const name of XSD_PRIMITIVES.keys()) if (rest.startsWith(name) && (!best || name.length > best.length)) best = name;
  return best === undefined ? undefined : { type: xsdPrimitive(best)!, rest: rest.slice(best.length) };
}
