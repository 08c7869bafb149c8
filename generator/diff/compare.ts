/**
 * Compares two models the way a user of the generated package feels the difference:
 * - breaking: code that compiled against the old package may not compile, or may misbehave;
 * - non-breaking: something new, or a rule relaxed where the user only sends (requests) or
 *   tightened where the user only reads (responses);
 * - docs: descriptions, examples, summaries, tags.
 * A type reachable from a request follows the request rules, one reachable from a response the
 * response rules, one reachable from both (or from neither) both. Names the docs changed are a
 * removal plus an addition unless the config maps the old name to the new one.
 */
import type { CodegenConfig } from '../config.js';
import type { SourceLocation } from '../diagnostics.js';
import type { ApiModel, Field, Operation, ResponseShape, Route, TypeDef, TypeRef } from '../model/api-model.js';

export type Impact = 'breaking' | 'non-breaking' | 'docs';
export const IMPACTS: readonly Impact[] = ['breaking', 'non-breaking', 'docs'];

export interface Change {
  impact: Impact;
  /** Stable, for tools: `operation-removed`, `field-made-required`, `route-changed`… */
  kind: string;
  /** What changed, as the package names it: `CreateCustomer`, `Customer.email`. */
  subject: string;
  /** One clause; names from the docs are in `code spans`. */
  message: string;
  /** Where the docs state the fact: the current docs, or the base's for a removal. */
  sources: SourceLocation[];
  /** Which docs `sources` point into. */
  from: 'current' | 'base';
}

/** Old name → new name, from the config's `rename` (a rename newly configured) and `diff.renamed`. */
export interface Renames {
  operations: Record<string, string>;
  types: Record<string, string>;
}

export function renamesOf(config: CodegenConfig): Renames {
  return {
    operations: { ...config.rename.operations, ...config.diff.renamed.operations },
    types: { ...config.rename.types, ...config.diff.renamed.types },
  };
}

type Role = 'request' | 'response';
type Roles = ReadonlySet<Role>;

/** `x` as a Markdown code span; backticks in doc text cannot end it early. */
export const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function typeText(t: TypeRef): string {
  switch (t.kind) {
    case 'primitive':
      return `${t.name}${t.nullable ? '?' : ''}`;
    case 'ref':
      return `${t.name}${argsText(t.args)}${t.nullable ? '?' : ''}`;
    case 'parameter':
      return t.name;
    case 'list':
      return `List<${typeText(t.of)}>`;
    case 'dictionary':
      return `Dictionary<${typeText(t.key)},${typeText(t.value)}>`;
  }
}

const argsText = (args: readonly TypeRef[] | undefined) => (args ? `<${args.map(typeText).join(',')}>` : '');

const nullable = (t: TypeRef) => (t.kind === 'primitive' || t.kind === 'ref') && t.nullable;
const withoutNull = (t: TypeRef): TypeRef => (t.kind === 'primitive' || t.kind === 'ref' ? { ...t, nullable: false } : t);

function refNames(t: TypeRef): string[] {
  if (t.kind === 'ref') return [t.name, ...(t.args ?? []).flatMap(refNames)];
  return t.kind === 'list' ? refNames(t.of) : t.kind === 'dictionary' ? [...refNames(t.key), ...refNames(t.value)] : [];
}

/** Which types each operation's request and response reach (members, list items, bases). */
function rolesOf(model: ApiModel): Map<string, Set<Role>> {
  const types = new Map(model.types.map((t) => [t.name, t]));
  const roles = new Map<string, Set<Role>>();
  const visit = (name: string, role: Role): void => {
    const set = roles.get(name) ?? new Set<Role>();
    if (set.has(role)) return;
    roles.set(name, set.add(role));
    const t = types.get(name);
    if (t?.base) visit(t.base, role);
    for (const a of t?.baseArgs ?? []) for (const n of refNames(a)) visit(n, role);
    for (const f of t?.fields ?? []) for (const n of refNames(f.type)) visit(n, role);
  };
  for (const op of model.operations) {
    visit(op.request, 'request');
    if (op.response.kind === 'typed') for (const n of [op.response.type, ...(op.response.args ?? []).flatMap(refNames)]) visit(n, 'response');
  }
  return roles;
}

/** Every member of a type by wire name, own and inherited, with the type that declares it. */
function membersOf(t: TypeDef, types: Map<string, TypeDef>): Map<string, { field: Field; declaredIn: string }> {
  const out = new Map<string, { field: Field; declaredIn: string }>();
  const seen = new Set<string>();
  for (let c: TypeDef | undefined = t; c && !seen.has(c.name); c = c.base ? types.get(c.base) : undefined) {
    seen.add(c.name);
    for (const f of c.fields) if (!out.has(f.wireName)) out.set(f.wireName, { field: f, declaredIn: c.name });
  }
  return out;
}

/** Pairs items by name, the old name mapped through `renamed`. */
function pair<T extends { name: string }>(base: T[], current: T[], renamed: Map<string, string>): { old?: T; now?: T }[] {
  const byName = new Map(current.map((x) => [x.name, x]));
  const pairs: { old?: T; now?: T }[] = base.map((old) => {
    const now = byName.get(renamed.get(old.name) ?? old.name);
    if (now) byName.delete(now.name);
    return { old, ...(now ? { now } : {}) };
  });
  return [...pairs, ...[...byName.values()].map((now) => ({ now }))];
}

/** A configured rename counts only when the old name is gone and the new one is new. */
function effectiveRenames(map: Record<string, string>, base: string[], current: string[]): Map<string, string> {
  const was = new Set(base);
  const is = new Set(current);
  return new Map(Object.entries(map).filter(([from, to]) => was.has(from) && !is.has(from) && is.has(to) && !was.has(to)));
}

const routeLabel = (r: Route) => `${r.verbs.join(',') || 'ANY'} ${r.path}`;
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

class Comparison {
  readonly changes: Change[] = [];
  readonly oldTypes: Map<string, TypeDef>;
  readonly newTypes: Map<string, TypeDef>;
  readonly oldRoles: Map<string, Set<Role>>;
  readonly newRoles: Map<string, Set<Role>>;
  typeRenames = new Map<string, string>();

  constructor(base: ApiModel, current: ApiModel) {
    this.oldTypes = new Map(base.types.map((t) => [t.name, t]));
    this.newTypes = new Map(current.types.map((t) => [t.name, t]));
    this.oldRoles = rolesOf(base);
    this.newRoles = rolesOf(current);
  }

  add(impact: Impact, kind: string, subject: string, message: string, sources: SourceLocation[] | undefined, from: 'current' | 'base' = 'current'): void {
    this.changes.push({ impact, kind, subject, message, sources: sources ?? [], from });
  }

  /** The old type name as the current model would call it. */
  renamed(name: string): string {
    return this.typeRenames.get(name) ?? name;
  }

  sameType(a: TypeRef, b: TypeRef): boolean {
    if (a.kind !== b.kind) return false;
    if (a.kind === 'primitive' && b.kind === 'primitive') return a.name === b.name && a.nullable === b.nullable;
    if (a.kind === 'ref' && b.kind === 'ref') return this.renamed(a.name) === b.name && a.nullable === b.nullable && this.sameArgs(a.args, b.args);
    if (a.kind === 'parameter' && b.kind === 'parameter') return a.name === b.name;
    if (a.kind === 'list' && b.kind === 'list') return this.sameType(a.of, b.of);
    return a.kind === 'dictionary' && b.kind === 'dictionary' && this.sameType(a.key, b.key) && this.sameType(a.value, b.value);
  }

  /** Type arguments, pairwise: a changed argument is a changed type. */
  sameArgs(a: readonly TypeRef[] | undefined, b: readonly TypeRef[] | undefined): boolean {
    return (a?.length ?? 0) === (b?.length ?? 0) && (a ?? []).every((x, i) => this.sameType(x, b![i]!));
  }

  operation(old: Operation | undefined, now: Operation | undefined): void {
    if (!old) return this.add('non-breaking', 'operation-added', now!.name, 'operation added', now!.sources);
    if (!now) return this.add('breaking', 'operation-removed', old.name, 'operation removed', old.sources, 'base');
    const s = now.name;
    if (old.name !== now.name) this.add('breaking', 'operation-renamed', s, `operation renamed from ${code(old.name)}`, now.sources);
    if (this.renamed(old.request) !== now.request)
      this.add('breaking', 'request-type-changed', s, `request type changed from ${code(old.request)} to ${code(now.request)}`, now.sources);
    this.response(s, old.response, now.response, now.sources);
    if (!old.auth.required && now.auth.required) this.add('breaking', 'auth-required', s, 'now requires authentication', now.sources);
    if (old.auth.required && !now.auth.required) this.add('non-breaking', 'auth-dropped', s, 'no longer requires authentication', now.sources);
    for (const what of ['roles', 'permissions'] as const) {
      const added = now.auth[what].filter((r) => !old.auth[what].includes(r));
      const removed = old.auth[what].filter((r) => !now.auth[what].includes(r));
      if (added.length) this.add('breaking', `auth-${what}-added`, s, `now requires ${what} ${added.map(code).join(', ')}`, now.sources);
      if (removed.length) this.add('non-breaking', `auth-${what}-removed`, s, `no longer requires ${what} ${removed.map(code).join(', ')}`, now.sources);
    }
    this.routes(s, old.routes, now.routes);
    const oldIn = new Map(old.parameters.map((p) => [p.name, p.in]));
    for (const p of now.parameters) {
      const was = oldIn.get(p.name);
      // The generated client places it; callers pass the same object.
      if (was && was !== p.in) this.add('non-breaking', 'parameter-moved', s, `${code(p.name)} now travels in the ${p.in} (was ${was})`, now.sources);
    }
    if ((old.description ?? '') !== (now.description ?? '')) this.add('docs', 'operation-description', s, 'description changed', now.sources);
    if (!sameSet(old.tags, now.tags)) this.add('docs', 'operation-tags', s, 'tags changed', now.sources);
  }

  response(s: string, old: ResponseShape, now: ResponseShape, sources: SourceLocation[]): void {
    const text = (r: ResponseShape) => (r.kind === 'typed' ? code(`${r.type}${argsText(r.args)}`) : r.kind === 'untyped' ? 'untyped' : 'none (one-way)');
    const same =
      old.kind === 'typed' && now.kind === 'typed' ? this.renamed(old.type) === now.type && this.sameArgs(old.args, now.args) : old.kind === now.kind;
    if (same) return;
    // Only gaining a type (from none, or from untyped) leaves callers' code valid.
    const widening = old.kind === 'none' || (old.kind === 'untyped' && now.kind === 'typed');
    this.add(widening ? 'non-breaking' : 'breaking', 'response-changed', s, `response changed from ${text(old)} to ${text(now)}`, sources);
  }

  routes(s: string, old: Route[], now: Route[]): void {
    const key = (r: Route) => `${[...r.verbs].sort().join(',')} ${r.path}`;
    const oldLeft = [...old];
    const nowLeft: Route[] = [];
    for (const r of now) {
      const i = oldLeft.findIndex((o) => key(o) === key(r));
      if (i < 0) {
        nowLeft.push(r);
        continue;
      }
      const [o] = oldLeft.splice(i, 1);
      if ((o!.summary ?? '') !== (r.summary ?? '') || (o!.notes ?? '') !== (r.notes ?? ''))
        this.add('docs', 'route-summary', s, `summary or notes of ${code(routeLabel(r))} changed`, r.sources);
    }
    // A route left on both sides with the same path changed its verbs; other leftovers, taken in
    // order, changed their path. Only what stays unpaired was removed or added.
    const pairs: [Route, Route][] = [];
    for (const r of [...nowLeft]) {
      const i = oldLeft.findIndex((o) => o.path === r.path);
      if (i >= 0) pairs.push([oldLeft.splice(i, 1)[0]!, nowLeft.splice(nowLeft.indexOf(r), 1)[0]!]);
    }
    while (oldLeft.length && nowLeft.length) pairs.push([oldLeft.shift()!, nowLeft.shift()!]);
    for (const [o, r] of pairs) {
      const verbsAdded = o.path === r.path && o.verbs.length > 0 && (!r.verbs.length || o.verbs.every((v) => r.verbs.includes(v)));
      if (verbsAdded) this.add('non-breaking', 'route-verbs-added', s, `route ${code(routeLabel(o))} now accepts ${code(routeLabel(r))}`, r.sources);
      else this.add('breaking', 'route-changed', s, `route changed from ${code(routeLabel(o))} to ${code(routeLabel(r))}`, r.sources);
    }
    for (const o of oldLeft) this.add('breaking', 'route-removed', s, `route ${code(routeLabel(o))} removed`, o.sources, 'base');
    for (const r of nowLeft) this.add('non-breaking', 'route-added', s, `route ${code(routeLabel(r))} added`, r.sources);
  }

  rolesFor(old: TypeDef | undefined, now: TypeDef | undefined): Roles {
    const roles = new Set([...(old ? (this.oldRoles.get(old.name) ?? []) : []), ...(now ? (this.newRoles.get(now.name) ?? []) : [])]);
    // A type no operation reaches is still exported: hold it to both rules.
    return roles.size ? roles : new Set<Role>(['request', 'response']);
  }

  type(old: TypeDef | undefined, now: TypeDef | undefined): void {
    if (!old) return this.add('non-breaking', 'type-added', now!.name, 'type added', now!.sources);
    if (!now) return this.add('breaking', 'type-removed', old.name, 'type removed', old.sources, 'base');
    const s = now.name;
    const roles = this.rolesFor(old, now);
    if (old.name !== now.name) this.add('breaking', 'type-renamed', s, `type renamed from ${code(old.name)}`, now.sources);
    if (old.kind !== now.kind) this.add('breaking', 'type-kind-changed', s, `changed from ${old.kind} to ${now.kind}`, now.sources);
    this.base(s, old, now);
    if ((old.typeParameters ?? []).join(',') !== (now.typeParameters ?? []).join(','))
      this.add(
        'breaking',
        'type-parameters-changed',
        s,
        `type parameters changed from ${code(`<${(old.typeParameters ?? []).join(', ')}>`)} to ${code(`<${(now.typeParameters ?? []).join(', ')}>`)}`,
        now.sources,
      );
    if ((old.description ?? '') !== (now.description ?? '')) this.add('docs', 'type-description', s, 'description changed', now.sources);
    const wireOf = (t: TypeDef) => t.enumWire ?? 'string';
    if (old.kind === 'enum' && now.kind === 'enum' && wireOf(old) !== wireOf(now))
      this.add('breaking', 'enum-wire-changed', s, `travels as ${wireOf(now)} values, was ${wireOf(old)}`, now.sources);
    if (old.kind === 'enum' && now.kind === 'enum')
      this.valueSet(
        s,
        roles,
        'enum',
        old.enumMembers.map((m) => String(m.wire)),
        now.enumMembers.map((m) => String(m.wire)),
        now.sources,
      );
    this.rules(s, roles, old, now);

    const oldMembers = membersOf(old, this.oldTypes);
    const newMembers = membersOf(now, this.newTypes);
    // Report a member where it is declared, not again on every derived type.
    const keys = new Set([...oldMembers].filter(([, m]) => m.declaredIn === old.name).map(([k]) => k));
    for (const [k, m] of newMembers) if (m.declaredIn === now.name) keys.add(k);
    for (const k of [...keys].sort()) this.field(`${s}.${k}`, roles, oldMembers.get(k)?.field, newMembers.get(k)?.field);
  }

  /** The base class with its type arguments (`QueryDb<PostComment>`): gaining one adds members, any other change may break. */
  base(s: string, old: TypeDef, now: TypeDef): void {
    const oldBase = old.base && this.renamed(old.base);
    if (oldBase === now.base && this.sameArgs(old.baseArgs, now.baseArgs)) return;
    const text = (t: TypeDef, name: string) => code(`${name}${argsText(t.baseArgs)}`);
    const impact = oldBase ? 'breaking' : 'non-breaking';
    this.add(
      impact,
      'type-base-changed',
      s,
      now.base ? `now extends ${text(now, now.base)}${oldBase ? ` (was ${text(old, oldBase)})` : ''}` : `no longer extends ${text(old, oldBase!)}`,
      now.sources,
    );
  }

  field(s: string, roles: Roles, old: Field | undefined, now: Field | undefined): void {
    const req = roles.has('request');
    const res = roles.has('response');
    if (!old) {
      const required = now!.required && req;
      return this.add(
        required ? 'breaking' : 'non-breaking',
        required ? 'field-added-required' : 'field-added',
        s,
        `${now!.required ? 'required' : 'optional'} member added`,
        now!.sources,
      );
    }
    // A member dropped from a request type also breaks: code that sets it no longer compiles.
    if (!now) return this.add('breaking', 'field-removed', s, 'member removed', old.sources, 'base');
    if (!old.required && now.required) this.add(req ? 'breaking' : 'non-breaking', 'field-made-required', s, 'made required', now.sources);
    if (old.required && !now.required) this.add(res ? 'breaking' : 'non-breaking', 'field-made-optional', s, 'made optional', now.sources);
    if (!this.sameType(withoutNull(old.type), withoutNull(now.type)))
      this.add('breaking', 'field-type-changed', s, `type changed from ${code(typeText(old.type))} to ${code(typeText(now.type))}`, now.sources);
    else if (!nullable(old.type) && nullable(now.type)) this.add(res ? 'breaking' : 'non-breaking', 'field-made-nullable', s, 'now admits null', now.sources);
    else if (nullable(old.type) && !nullable(now.type))
      this.add(req ? 'breaking' : 'non-breaking', 'field-made-non-nullable', s, 'no longer admits null', now.sources);
    const closed = (f: Field) => (f.closed ? f.examples : undefined);
    this.valueSet(s, roles, 'member', closed(old), closed(now), now.sources);
    if (!old.closed && !now.closed && !sameSet(old.examples, now.examples)) this.add('docs', 'field-examples', s, 'examples changed', now.sources);
    if ((old.description ?? '') !== (now.description ?? '')) this.add('docs', 'field-description', s, 'description changed', now.sources);
  }

  /** A closed set of values (enum members, or config-closed examples); undefined is "any value". */
  valueSet(s: string, roles: Roles, what: 'enum' | 'member', old: string[] | undefined, now: string[] | undefined, sources: SourceLocation[]): void {
    if (!old && !now) return;
    const removed = old && now ? old.filter((v) => !now.includes(v)) : [];
    const added = old && now ? now.filter((v) => !old.includes(v)) : [];
    // Fewer values break senders (requests); more values break readers (responses).
    if (!old || removed.length)
      this.add(
        roles.has('request') ? 'breaking' : 'non-breaking',
        `${what}-values-narrowed`,
        s,
        old ? `no longer allows ${removed.map(code).join(', ')}` : `now limited to ${now!.map(code).join(', ')}`,
        sources,
      );
    if (!now || added.length)
      this.add(
        roles.has('response') ? 'breaking' : 'non-breaking',
        `${what}-values-widened`,
        s,
        now ? `now also allows ${added.map(code).join(', ')}` : 'no longer limited to a set of values',
        sources,
      );
  }

  rules(s: string, roles: Roles, old: TypeDef, now: TypeDef): void {
    const key = (r: TypeDef['rules'][number]) => `${code(r.field)} required when ${code(r.when.field)} is ${code(r.when.equals)}`;
    const oldKeys = new Set(old.rules.map(key));
    const newKeys = new Set(now.rules.map(key));
    for (const r of now.rules)
      if (!oldKeys.has(key(r))) this.add(roles.has('request') ? 'breaking' : 'non-breaking', 'rule-added', s, `rule added: ${key(r)}`, r.sources);
    for (const r of old.rules) if (!newKeys.has(key(r))) this.add('non-breaking', 'rule-removed', s, `rule removed: ${key(r)}`, r.sources, 'base');
  }
}

const ORDER = new Map(IMPACTS.map((x, i) => [x, i]));

/** Every change from `base` to `current`, breaking first, then by subject. */
export function diffModels(base: ApiModel, current: ApiModel, renames: Renames = { operations: {}, types: {} }): Change[] {
  const c = new Comparison(base, current);
  const opRenames = effectiveRenames(
    renames.operations,
    base.operations.map((o) => o.name),
    current.operations.map((o) => o.name),
  );
  // As in apply-config: a renamed operation renames its request DTO and its {Op}Response.
  const implied: Record<string, string> = {};
  for (const [from, to] of opRenames) {
    const old = base.operations.find((o) => o.name === from)!;
    const now = current.operations.find((o) => o.name === to)!;
    implied[old.request] = now.request;
    if (old.response.kind === 'typed' && now.response.kind === 'typed') implied[old.response.type] = now.response.type;
  }
  c.typeRenames = effectiveRenames(
    { ...implied, ...renames.types },
    base.types.map((t) => t.name),
    current.types.map((t) => t.name),
  );
  for (const p of pair(base.operations, current.operations, opRenames)) c.operation(p.old, p.now);
  for (const p of pair(base.types, current.types, c.typeRenames)) c.type(p.old, p.now);
  return c.changes.sort(
    (a, b) =>
      ORDER.get(a.impact)! - ORDER.get(b.impact)! ||
      (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

export function countByImpact(changes: readonly Change[]): Record<Impact, number> {
  const counts: Record<Impact, number> = { breaking: 0, 'non-breaking': 0, docs: 0 };
  for (const ch of changes) counts[ch.impact]++;
  return counts;
}
