/**
 * An enum: its members, and the form they travel in. Members are the union of every source's
 * list (enum tables, DTO enums), matched by memberKey (Python writes the .NET member `Pending` as
 * `PENDING`); each attribute of a member from the strongest source that states it. A source that
 * lacks members another lists is reported (SS066).
 *
 * The wire form follows ServiceStack's serializer: names, or `[EnumMember]` values where a source
 * states them; numbers when the enum is `[Flags]` or travels as integers (`/types/metadata`'s
 * `isEnumInt`, a JSON or JSV sample's number, or values 0, 1, 2… that a page prints only for such an enum).
 * Other numbers leave it open: ServiceStack prints an enum's values whenever they are not 0, 1,
 * 2…, and sends names unless told otherwise, so the names are taken and a note says why (SS092).
 */
import type { DiagnosticBag } from '../../diagnostics.js';
import type { EnumMember, EnumWire } from '../api-model.js';
import type { EnumListFact, EnumMemberFact, Fact, SampleValue, TypeFacts } from '../facts.js';
import { memberKey } from '../naming.js';
import { RANKING } from '../sources.js';
import { at } from './at.js';

type Stated = EnumMemberFact & { source: EnumListFact['source'] };

/** The largest flags mask a validator checks with 32-bit bitwise operators. */
const MAX_FLAGS = 0x7fffffff;

/** `sampled`: the placeholders JSON and JSV samples give members typed as this enum. */
export function resolveEnum(t: TypeFacts, sampled: readonly Fact<SampleValue>[], bag: DiagnosticBag): { enumMembers: EnumMember[]; enumWire: EnumWire } {
  const byKey = new Map<string, Stated[]>();
  for (const list of t.enumLists)
    for (const m of list.members) {
      const key = memberKey(m.name);
      const stated = byKey.get(key) ?? byKey.set(key, []).get(key)!;
      stated.push({ ...m, source: list.source });
    }
  reportMissing(t.name, t.enumLists, bag);
  const merged = [...byKey.values()].map(mergeMember);
  const wire = wireForm(t, merged, sampled, bag);
  return { enumMembers: merged.map((m) => withWire(m, wire)), enumWire: wire };
}

type Merged = Omit<EnumMember, 'wire'> & { memberValue?: string };

/** Each source's tier in RANKING.enumMember, strongest 0. */
const TIER = new Map(RANKING.enumMember.flatMap((sources, i) => sources.map((s) => [s, i] as const)));
const tier = (s: Stated) => TIER.get(s.source) ?? -1;

function mergeMember(stated: Stated[]): Merged {
  // Strongest source first (a stable sort keeps page order within a tier): each attribute from the first that states it.
  const ranked = stated.length > 1 ? [...stated].sort((a, b) => tier(a) - tier(b)) : stated;
  const value = ranked.find((s) => s.value !== undefined)?.value;
  const memberValue = ranked.find((s) => s.memberValue !== undefined)?.memberValue;
  const description = ranked.find((s) => s.description !== undefined)?.description;
  return {
    name: ranked[0]!.name,
    ...(value !== undefined ? { value } : {}),
    ...(memberValue !== undefined ? { memberValue } : {}),
    ...(description ? { description } : {}),
    sources: stated.map((s) => s.loc),
  };
}

function withWire({ memberValue, name, ...rest }: Merged, wire: EnumWire): EnumMember {
  return { name, wire: wire === 'string' ? (memberValue ?? name) : Number(rest.value), ...rest };
}

function wireForm(t: TypeFacts, members: readonly Merged[], sampled: readonly Fact<SampleValue>[], bag: DiagnosticBag): EnumWire {
  // An [EnumMember] value, or a member without a number: it travels by its name or that value.
  if (!members.length || members.some((m) => m.memberValue !== undefined || m.value === undefined)) return 'string';
  const values = members.map((m) => Number(m.value));
  if (!values.every((v) => Number.isSafeInteger(v))) return 'string';
  const flagsFit = values.every((v) => v >= 0 && v <= MAX_FLAGS);
  // 0, 1, 2, 3 is a plain integer enum's layout, though 3 is 1 | 2.
  const defaultLayout = values.every((v, i) => v === i);
  if (flagsFit && (t.enumLists.some((l) => l.travels === 'flags') || (!defaultLayout && combinesOthers(values)))) return 'flags';
  if (t.enumLists.some((l) => l.travels)) return 'integer';
  const sample = sampled.find((s) => typeof s.value === 'number' || typeof s.value === 'string');
  if (sample) return typeof sample.value === 'number' ? 'integer' : 'string';
  if (defaultLayout) return 'integer';
  bag.info(
    'SS092',
    t.enumLists[0]!.loc,
    `enum '${t.name}' states numbers (${values.slice(0, 4).join(', ')}${values.length > 4 ? ', …' : ''}) but no source says it travels as them: ` +
      'typed by its names, as ServiceStack sends an enum unless it is [Flags] or [EnumAsInt]',
  );
  return 'string';
}

/** A [Flags] enum lists combinations: a value of two or more bits that are each another member's value. */
function combinesOthers(values: readonly number[]): boolean {
  const singles = values.filter((v) => v > 0 && (v & (v - 1)) === 0).reduce((mask, v) => mask | v, 0);
  return values.some((v) => v > 0 && (v & (v - 1)) !== 0 && (v & ~singles) === 0);
}

function reportMissing(name: string, lists: readonly EnumListFact[], bag: DiagnosticBag): void {
  if (lists.length < 2) return;
  const keys = lists.map((l) => new Set(l.members.map((m) => memberKey(m.name))));
  const listed = new Map<string, { name: string; loc: EnumListFact['loc'] }>();
  for (const l of lists) for (const m of l.members) if (!listed.has(memberKey(m.name))) listed.set(memberKey(m.name), m);
  // Most sources list every member: compared by count first.
  lists.forEach((l, i) => {
    const own = keys[i]!;
    if (own.size === listed.size) return;
    const missing = [...listed].filter(([k]) => !own.has(k)).map(([, m]) => m);
    if (!missing.length) return;
    const shown =
      missing
        .slice(0, 5)
        .map((m) => `'${m.name}' (${at(m.loc)})`)
        .join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
    bag.warn('SS066', l.loc, `enum '${name}': ${l.what} here lacks ${shown}, which other sources list; the enum has them all`);
  });
}
