/**
 * Pass "sample types": a type only sample values name (a nested instance that no table or DTO row
 * of its page names, lower-types.ts) is kept where some member ends up of that type — where
 * nothing states the member's type, so that the sample's is taken (resolve/member-type.ts) —
 * and dropped where every member holding it has a stated type of its own: the samples then
 * showed an instance of the stated type, under another name. A sample's type naming no type at
 * all (its page's row for the member holds a type parameter, `List<T>`) is no evidence.
 */
import type { TypeRef } from './api-model.js';
import type { MemberFacts, TypeFacts } from './facts.js';
import type { LoweredTypes } from './lower-types.js';
import { referencedNames } from './type-ref.js';

export function dropUnusedSampleTypes(lowered: LoweredTypes): void {
  const { store } = lowered;
  const candidates = lowered.fromSamples;
  const used = new Set<string>();
  const pending: TypeFacts[] = [];
  // Without types only samples name, only the samples' types need checking (most models: no walk of every type's uses).
  const use = !candidates.size
    ? undefined
    : (t: TypeRef) => {
        for (const name of referencedNames(t))
          if (candidates.has(name) && !used.has(name)) {
            used.add(name);
            pending.push(store.types.get(name)!);
          }
      };
  for (const t of store.types.values()) if (!candidates.has(t.name)) usesOf(t, store.types, use);
  for (let t = pending.pop(); t; t = pending.pop()) usesOf(t, store.types, use);
  for (const name of candidates)
    if (!used.has(name)) {
      store.types.delete(name);
      lowered.sources.delete(name);
    }
}

/** The types a type's base and members end up of: a member's stated types, else the type its samples show. */
function usesOf(t: TypeFacts, types: ReadonlyMap<string, TypeFacts>, use: ((t: TypeRef) => void) | undefined): void {
  if (use) for (const b of t.base) use({ kind: 'ref', name: b.value, nullable: false });
  for (const m of t.members.values()) {
    if (!use && !m.sampleType.length) continue;
    let stated = false;
    for (const f of m.type)
      if (f.value) {
        stated = true;
        use?.(f.value);
      }
    if (stated || !m.sampleType.length) continue;
    keepTypedShapes(m, types);
    const shown = m.sampleType.find((f) => f.value.empty === undefined);
    if (shown) use?.(shown.value.type);
  }
}

function keepTypedShapes(m: MemberFacts, types: ReadonlyMap<string, TypeFacts>): void {
  if (m.sampleType.every((f) => referencedNames(f.value.type).every((n) => types.has(n)))) return;
  m.sampleType = m.sampleType.filter((f) => referencedNames(f.value.type).every((n) => types.has(n)));
}
