/**
 * The names .NET's DataContractSerializer gives a use of a generic type, as XML samples show them:
 * `QueryResponseOfCustomerhtFHNyBe` is `QueryResponse<Customer>`, written `{Type}Of{Argument}`
 * and a hash of the arguments' namespaces. Read back only where both parts are names the page
 * knows: a generic type of ServiceStack's or of the page's DTOs, and a type the sample or the
 * page shows (the hash is no name, and a type may well be called `ListOfThings`).
 */
import type { XmlElement } from '../read/fragments.js';
import type { TypeRef } from './api-model.js';
import { pushAll } from '../arrays.js';
import { builtinType } from './builtins.js';

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
