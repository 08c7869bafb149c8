/**
 * The name of a type a sample shows nested in another (`"additionalInfo":[{…}]`, `<Person>…`),
 * where no table or DTO row of its page names the member's type. In order:
 *
 * 1. the type the parent's own declaration gives the member, on any page (a captioned table, a
 *    DTO class, `/types/metadata`) or in ServiceStack's (`ResponseStatus.Errors` is `List<ResponseError>`);
 * 2. the known type whose members the instance shows, tolerant of a member or two more or less:
 *    a captioned table's, a DTO class's, ServiceStack's own, a sample's (SS094 notes it); a
 *    match of half the members both ways only where the convention's name is another type's;
 * 3. ServiceStack's naming convention: the member's name, for a collection the singular of what
 *    it holds (`additionalInfo` → `AdditionalInfo`, `results` → `Result`, `pocoArray` → `Poco`),
 *    unless a known type of that name has other members: then prefixed by the parent's
 *    (`GetTreeResponseResult`). SS094 notes it.
 *
 * A member's decision is kept per parent type, so that every instance at `Parent.member` is of
 * one type, and an instance nested in itself (`{"name":…,"results":[{"name":…}]}`) names the same
 * type again: a recursive type. The index of known member sets is built on first use, so pages
 * whose nested values their own tables name pay nothing for it.
 */
import type { ParamTableFragment } from '../read/fragments.js';
import { parseDotNetType } from '../read/dotnet-type.js';
import type { TypeRef } from './api-model.js';
import { BUILTIN_TYPES, builtinType } from './builtins.js';
import { FITS } from './catalog.js';
import type { DeclaredClass } from './declared.js';
import type { Evidence } from './evidence.js';
import { memberKey, pascalCaseWords, singularName } from './naming.js';
import { fromDotNet } from './type-ref.js';

/** What the namer reads: every page's captioned tables and DTO classes, and `/types/metadata`'s tables. */
export interface NamingSources {
  /** `generic`: captioned as a use of a generic type (`QueryResponse<Customer>`): its member types hold for that use only. */
  tables: readonly { name: string; table: ParamTableFragment; generic: boolean }[];
  declared: readonly DeclaredClass[];
}

/** A nested instance's type: its name, and, where the name was inferred, how (SS094's words). */
export interface NestedName {
  name: string;
  inferred?: string;
}

/** The members the instances at one place show, and where that place is. */
export interface NestedPlace {
  parent: string;
  member: string;
  /** The instance's member keys (all the items' of a list). */
  keys: ReadonlySet<string>;
  /** The value is a collection: its items are the instances (named by the singular). */
  list: boolean;
}

interface KnownTypes {
  /** Member keys by type (a DTO class's with its declared base's). */
  members: Map<string, Set<string>>;
  /** Type names by member key, to find candidates without scanning every type. */
  byKey: Map<string, Set<string>>;
  /** The element type each type's declaration gives each member (`List<Email>` → Email). */
  memberTypes: Map<string, Map<string, string>>;
}

export class NestedNamer {
  private index_: KnownTypes | undefined;
  private readonly decided = new Map<string, NestedName>();

  /**
   * `roots`: the sample roots' types and member keys (those of pages not walked yet included),
   * asked once, when the index is first needed; `evidence`: the instances walked so far.
   */
  constructor(
    private readonly sources: () => NamingSources,
    private readonly roots: () => Iterable<[string, Iterable<string>]>,
    private readonly evidence: Evidence,
  ) {}

  /** Whether the index is built: instances named otherwise are then recorded in it as they are met. */
  get indexed(): boolean {
    return this.index_ !== undefined;
  }

  name(place: NestedPlace): NestedName {
    const at = `${place.parent}\0${memberKey(place.member)}`;
    let decided = this.decided.get(at);
    if (!decided) {
      decided = this.decide(place);
      this.decided.set(at, decided);
    }
    this.shows(decided.name, place.keys);
    return decided;
  }

  /** Records that `type` has these members (an instance named by its page's tables or its XML element, a sample root, an instance just named). */
  shows(type: string, keys: Iterable<string>): void {
    const known = this.index();
    let members = known.members.get(type);
    if (!members) known.members.set(type, (members = new Set()));
    for (const k of keys) {
      if (members.has(k)) continue;
      members.add(k);
      let types = known.byKey.get(k);
      if (!types) known.byKey.set(k, (types = new Set()));
      types.add(type);
    }
  }

  private decide(place: NestedPlace): NestedName {
    const declared = this.index().memberTypes.get(place.parent)?.get(memberKey(place.member));
    if (declared) return { name: declared };
    const convention = conventionName(place);
    const members = convention === undefined ? undefined : this.index().members.get(convention);
    const conventionFits = convention !== undefined && (!members || fitsBothWays(place.keys, members));
    // A match half as good yields to a convention's name that is free or fits: `{name1}` in
    // `{name1, menuItemExampleItem}` is a `MenuItemExampleItem`, not the type it is nested in.
    const match = this.bestFit(place.keys, convention, conventionFits ? FITS : FITS * FITS);
    if (match) {
      if (builtinType(match.name) && match.name === convention) return { name: match.name };
      const recursive = match.name === place.parent ? ', the type it is nested in (a recursive type)' : '';
      return { name: match.name, inferred: `taken as '${match.name}'${recursive}, whose members it shows (${match.why})` };
    }
    const name = conventionFits ? convention : this.freeName(place, convention);
    const rule = place.list ? "ServiceStack's convention (a collection member's name, singular)" : "ServiceStack's convention (the member's name)";
    const recursive = name === place.parent ? ', the type it is nested in (a recursive type)' : '';
    const taken = name !== convention && convention ? `, '${convention}' being another type` : '';
    return { name, inferred: `named '${name}' after '${place.member}' by ${rule}${recursive}${taken}` };
  }

  /** The known type whose members best explain the instance's, both ways, when one does clearly (or the convention's name among equals). */
  private bestFit(keys: ReadonlySet<string>, convention: string | undefined, above: number): { name: string; why: string } | undefined {
    const { members, byKey } = this.index();
    const shared = new Map<string, number>();
    for (const k of keys) for (const type of byKey.get(k) ?? []) shared.set(type, (shared.get(type) ?? 0) + 1);
    let best: string[] = [];
    let bestScore = above;
    for (const [type, n] of shared) {
      if (builtinType(type)?.abstract) continue;
      const size = members.get(type)!.size;
      const score = (n / keys.size) * (n / size);
      if (score > bestScore) [best, bestScore] = [[type], score];
      else if (score === bestScore && best.length) best.push(type);
    }
    const name = best.length === 1 ? best[0] : convention !== undefined && best.includes(convention) ? convention : undefined;
    if (name === undefined) return undefined;
    const [n, size] = [shared.get(name)!, members.get(name)!.size];
    return { name, why: `${n} of the ${size} member${size === 1 ? '' : 's'} of '${name}'${keys.size > n ? `, and ${keys.size - n} more` : ''}` };
  }

  /** `{Parent}{Name}`, numbered if need be, when the convention's name is another type's. */
  private freeName(place: NestedPlace, convention: string | undefined): string {
    const wanted = `${place.parent}${convention ?? 'Item'}`;
    const { members } = this.index();
    let name = wanted;
    for (let n = 2; members.has(name) && !fitsBothWays(place.keys, members.get(name)!); n++) name = `${wanted}${n}`;
    return name;
  }

  private index(): KnownTypes {
    return (this.index_ ??= this.build());
  }

  private build(): KnownTypes {
    const known: KnownTypes = { members: new Map(), byKey: new Map(), memberTypes: new Map() };
    this.index_ = known;
    const { tables, declared } = this.sources();
    for (const { name, table, generic } of tables)
      for (const row of table.rows) if (row.name) this.declare(name, memberKey(row.name), row.type && !generic ? elementName(fromDotNet(row.type)) : undefined);
    const bases = new Map<string, string>();
    for (const c of declared) {
      if (c.isEnum) continue;
      if (c.bases[0]) bases.set(c.name, c.bases[0]);
      for (const m of c.members) this.declare(c.name, m.key, m.type && !c.typeParameters.length ? elementName(m.type) : undefined);
    }
    for (const t of BUILTIN_TYPES)
      for (const [member, written] of t.members) {
        const type = parseDotNetType(written);
        const element = type && elementName(fromDotNet(type));
        this.declare(t.name, memberKey(member), element && !t.typeParameters?.includes(element) ? element : undefined);
      }
    for (const [derived, base] of bases) this.shows(derived, known.members.get(base) ?? []);
    for (const [type, keys] of this.roots()) this.shows(type, keys);
    for (const [type, seen] of this.evidence.types) this.shows(type, seen.members.keys());
    return known;
  }

  private declare(type: string, key: string, element: string | undefined): void {
    this.shows(type, [key]);
    if (element === undefined || TYPE_PARAMETER.test(element)) return;
    const { memberTypes } = this.index_!;
    let types = memberTypes.get(type);
    if (!types) memberTypes.set(type, (types = new Map()));
    if (!types.has(key)) types.set(key, element);
  }
}

/** A generic type's parameter (`T`, `TKey`, `T1`): no type a member's value can be named after. */
const TYPE_PARAMETER = /^T(?:[A-Z0-9][A-Za-z0-9]*)?$/;

/** The words a collection member's name may end with after its items' (`PocoArray`, `PocoLookupMap`). */
const COLLECTION_SUFFIX = /(?<=[a-z0-9])(?:List|Array|Collection|Set|Map|Dictionary|Lookup)$/;

/**
 * ServiceStack's conventional name of a nested value's type: the member's, and for a collection
 * the singular of what it holds (`results` → `Result`, `pocoLookupMap` → `Poco`); undefined when
 * it makes no identifier.
 */
function conventionName(place: NestedPlace): string | undefined {
  if (!place.list) return pascalCaseWords(place.member);
  let name = place.member;
  while (COLLECTION_SUFFIX.test(name)) name = name.replace(COLLECTION_SUFFIX, '');
  return pascalCaseWords(singularName(name));
}

/** Most of each set is in the other. */
function fitsBothWays(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  return (a.size === 0 && b.size === 0) || (shared / Math.max(a.size, 1)) * (shared / Math.max(b.size, 1)) > FITS * FITS;
}

/** The named type a member holds, through lists and dictionaries (`Dictionary<string, List<Poco>>` → Poco); none for a primitive. */
function elementName(t: TypeRef): string | undefined {
  for (let depth = 0; depth < 64; depth++) {
    if (t.kind === 'ref') return t.name;
    if (t.kind === 'list') t = t.of;
    else if (t.kind === 'dictionary') t = t.value;
    else return undefined;
  }
  return undefined;
}
