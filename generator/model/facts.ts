/**
 * The fact layer: what every source says about a type or a member, lowered once into plain data
 * (generator/model/lower-facts.ts) and read by one resolver per attribute (generator/model/resolve/).
 * A fact is a value, the kind of source that states it and where; the ranking of sources per
 * attribute is data too (generator/model/sources.ts).
 */
import type { SourceLocation } from '../diagnostics.js';
import type { DtoLang, TsType } from '../read/fragments.js';
import type { TypeRef } from './api-model.js';
import type { BuiltinType } from './builtins.js';
import type { SampleShape } from './evidence.js';

/**
 * Who states a fact. `table`: a parameter table named as the type (an HTML or text page, or
 * `/types/metadata`); a DeclaredLang (`csharp`, `python`, `kotlin`…): a DTO class of that
 * language's tab; `xml`, `json`, `jsv`: a sample instance (of the type, or of a type derived from
 * it); `builtin`: ServiceStack's own declaration of one of its types (builtins.ts), located where
 * the docs use the type.
 */
export type SourceKind = 'table' | DeclaredLang | 'xml' | 'json' | 'jsv' | 'builtin';

/** The DTO source languages: Python's classes, then those of the other tabs (read/fragments.ts). */
export type DeclaredLang = 'python' | DtoLang;

export interface Fact<T> {
  value: T;
  source: SourceKind;
  loc: SourceLocation;
}

/**
 * A member type a source states: `written` as the source spells it (for messages), `ts` the
 * TypeScript type as parsed. No `value`: a TypeScript type with no .NET reading (checked, never taken).
 */
export interface TypeFact {
  value: TypeRef | undefined;
  written: string;
  ts: TsType | undefined;
  source: SourceKind;
  loc: SourceLocation;
}

/** A sample's placeholder value for a member (`"String"`, `0`, `false`): evidence of a type only where nothing states one. */
export type SampleValue = string | number | boolean | null;

/** What the sources say about one member of one type, attribute by attribute, each list in source order. */
export interface MemberFacts {
  /** memberKey of the member (`PostId`, `postId`, `post_id` are one member). */
  key: string;
  /** The .NET name: a table row's, C#'s, an XML element's, Python's camelCase, TypeScript's, a JSON key. */
  name: Fact<string>[];
  /** Types stated by tables and DTO sources; a TypeScript fact is weaker (`number` is every .NET number). */
  type: TypeFact[];
  /** Placeholders of sample instances (of this type and of the types derived from it). */
  sample: Fact<SampleValue>[];
  /**
   * The types samples' structured values show (`[{…}]`: a list of a named type; `{"String":0}`: a
   * dictionary): like placeholders, a type only where no table or DTO source states one.
   */
  sampleType: Fact<SampleShape>[];
  required: Fact<boolean>[];
  description: Fact<string>[];
  /** The JSON name: a JSON or JSV sample's key, a C# `[DataMember(Name=…)]`, TypeScript's and Python's names. */
  wireName: Fact<string>[];
  /** The Parameter column of the request DTO's own table rows. */
  parameter: Fact<string>[];
  /** The .NET namespace an XML sample's element is in (that of the type declaring the member). */
  namespace: Fact<string>[];
  /** Where the tables and DTO sources state the member (the field's `sources`). */
  statedAt: SourceLocation[];
}

/** One member of an enum as one source lists it. */
export interface EnumMemberFact {
  /** The .NET member name (Python's `PENDING` where Python alone lists it). */
  name: string;
  /** The integer the source states for it (`= 4`, a Value column's `4`). */
  value?: string;
  /** `[EnumMember(Value="…")]`: the string that travels instead of the name. */
  memberValue?: string;
  description?: string;
  loc: SourceLocation;
}

/** One source's list of an enum's members (an enum table, or an enum of a DTO source). */
export interface EnumListFact {
  members: EnumMemberFact[];
  source: 'table' | DeclaredLang;
  /** How messages name the source: 'the enum table', 'the C# DTO'… */
  what: string;
  /** The source says the enum travels as a number: C#'s `[Flags]` (`flags`), `/types/metadata`'s `isEnumInt` (`integer`). */
  travels?: 'integer' | 'flags';
  loc: SourceLocation;
}

const INTEGER = /^-?\d+$/;

/**
 * A member as a source states it: `stated` (a Value column, `= …` in a DTO) is an integer or,
 * where it differs from the name, an `[EnumMember]` value.
 */
export function enumMemberFact(name: string, stated: string | undefined, description: string | undefined, loc: SourceLocation): EnumMemberFact {
  const value = stated?.trim();
  return {
    name,
    ...(value && INTEGER.test(value) ? { value } : value && value !== name ? { memberValue: value } : {}),
    ...(description ? { description } : {}),
    loc,
  };
}

/** What the sources say about one type. */
export interface TypeFacts {
  name: string;
  /** Members in the order the sources first state them: table rows, then DTO members, then (for types known only from samples) sample keys. */
  members: Map<string, MemberFacts>;
  /** Set when a table or DTO source describes the type (its members are then not taken from samples). */
  described: boolean;
  enumLists: EnumListFact[];
  base: Fact<string>[];
  description: Fact<string>[];
  /** C#'s `namespace`, then XML samples' (the first member element in another namespace, else the root's). */
  namespace: Fact<string>[];
  /** The type arguments a source gives a base class (`QueryDb<Customer>`: base `QueryDb`, args `[Customer]`). */
  baseArgs: Fact<{ base: string; args: TypeRef[] }>[];
  /** A generic type's parameters as a DTO class, a table caption (`QueryResponse<T>`) or ServiceStack's declaration states them. */
  typeParameters: Fact<string[]>[];
  /** Where a table, DTO class or enum list describes the type. */
  describedAt: SourceLocation[];
  /** Where sample instances show it. */
  shownAt: SourceLocation[];
  /** Whether any source outside its tables shows members of it. */
  shown: boolean;
  /** Where other types use it (member types, bases). */
  referencedAt: SourceLocation[];
  /** ServiceStack's own declaration, for one of its types that no page describes. */
  builtin?: BuiltinType;
}

/** The lists of a member's facts (all but its key). */
export type MemberFactList = Exclude<keyof MemberFacts, 'key'>;

/**
 * Appends a fact to one of a member's lists. The first fact makes a list of exactly one: most
 * members are stated once per attribute, and a first `push` reserves room for seventeen (at 10,000
 * operations the difference is a hundred megabytes of facts).
 */
export function addFact<K extends MemberFactList>(m: MemberFacts, list: K, fact: MemberFacts[K][number]): void {
  const facts = m[list] as unknown[];
  if (facts.length) facts.push(fact);
  else (m as unknown as Record<K, unknown[]>)[list] = [fact];
}

export function emptyMemberFacts(key: string): MemberFacts {
  return { key, name: [], type: [], sample: [], sampleType: [], required: [], description: [], wireName: [], parameter: [], namespace: [], statedAt: [] };
}

export function emptyTypeFacts(name: string): TypeFacts {
  return {
    name,
    members: new Map(),
    described: false,
    enumLists: [],
    base: [],
    description: [],
    namespace: [],
    baseArgs: [],
    typeParameters: [],
    describedAt: [],
    shownAt: [],
    shown: false,
    referencedAt: [],
  };
}

/** Every type's facts, by name: the product of lowering, the input of resolving. */
export class FactStore {
  readonly types = new Map<string, TypeFacts>();

  type(name: string): TypeFacts {
    let t = this.types.get(name);
    if (!t) this.types.set(name, (t = emptyTypeFacts(name)));
    return t;
  }

  member(type: TypeFacts, key: string): MemberFacts {
    let m = type.members.get(key);
    if (!m) type.members.set(key, (m = emptyMemberFacts(key)));
    return m;
  }
}
