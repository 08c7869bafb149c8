/**
 * C#'s `[DataMember(Name="cust_id")] CustomerId` (VB.NET's, F#'s; Kotlin's and Java's
 * `@SerializedName("cust_id") var customerId`): the wire key (`custid`) of the member whose .NET
 * key is `customerid`, per type, and back. TypeScript, samples and Python write the wire name, so
 * their facts reach the member through these.
 */
import type { DeclaredClass } from './declared.js';
import type { DeclaredLang } from './facts.js';
import { memberKey } from './naming.js';

/** The sources that name a member by its property (the .NET name, or Kotlin's and Java's field) and its wire name apart. */
const NAMES_THE_MEMBER: ReadonlySet<DeclaredLang> = new Set(['csharp', 'vbnet', 'fsharp', 'kotlin', 'java']);

export class WireAliases {
  private readonly toKey = new Map<string, Map<string, string>>();
  private readonly toWire = new Map<string, Map<string, Set<string>>>();

  constructor(types: ReadonlyMap<string, { declared: readonly DeclaredClass[] }>) {
    for (const [name, { declared }] of types)
      for (const c of declared)
        for (const m of c.members) {
          if (!NAMES_THE_MEMBER.has(m.lang) || !m.wireName || memberKey(m.wireName) === m.key) continue;
          this.add(name, m.key, memberKey(m.wireName));
        }
  }

  private add(type: string, key: string, wire: string): void {
    let toKey = this.toKey.get(type);
    if (!toKey) this.toKey.set(type, (toKey = new Map()));
    let toWire = this.toWire.get(type);
    if (!toWire) this.toWire.set(type, (toWire = new Map()));
    if (!toKey.has(wire)) toKey.set(wire, key);
    toWire.set(key, (toWire.get(key) ?? new Set<string>()).add(wire));
  }

  /** A member's key in its type: the .NET one where a C# DataMember renames it. */
  keyIn(type: string, key: string): string {
    return this.toKey.get(type)?.get(key) ?? key;
  }

  /** The wire keys a C# DataMember gives the member. */
  wireKeys(type: string, key: string): string[] {
    return [...(this.toWire.get(type)?.get(key) ?? [])];
  }
}
