/**
 * Values a generated validator must accept, built from the model: every member filled (so that
 * every conditional rule holds) down to a few levels, then the required ones only. Members are
 * defined as own properties, so that a member called `__proto__` is one.
 */
import type { ApiModel, Field, TypeDef, TypeRef } from '../../generator/model/api-model.js';
import { methodName, safeTypeName } from '../../generator/names/identifiers.js';

const MAX_DEPTH = 4;

export function put(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function chain(model: ApiModel, t: TypeDef): TypeDef[] {
  const out: TypeDef[] = [];
  for (let cur: TypeDef | undefined = t; cur && !out.includes(cur); cur = cur.base ? model.types.find((x) => x.name === cur!.base) : undefined) out.push(cur);
  return out;
}

function primitive(ref: Extract<TypeRef, { kind: 'primitive' }>, field: Field | undefined): unknown {
  switch (ref.name) {
    case 'string':
      return field?.closed && field.examples.length ? field.examples[0] : 'x';
    case 'char':
      return 'c';
    case 'bool':
      return true;
    case 'float':
    case 'double':
    case 'decimal':
      return 1.5;
    case 'DateTime':
    case 'DateTimeOffset':
    case 'DateOnly':
      return '2024-01-31';
    case 'TimeOnly':
      return '12:30:00';
    case 'TimeSpan':
      return 'PT1H';
    case 'Guid':
      return '0123456789abcdef0123456789abcdef';
    case 'Uri':
      return 'https://example.test/';
    case 'object':
      return {};
    default:
      return 1; // every integer type holds 1
  }
}

function valueOf(model: ApiModel, ref: TypeRef, field: Field | undefined, depth: number): unknown {
  switch (ref.kind) {
    case 'primitive':
      return primitive(ref, field);
    case 'list': {
      const item = valueOf(model, ref.of, undefined, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'dictionary': {
      const item = valueOf(model, ref.value, undefined, depth + 1);
      const o: Record<string, unknown> = {};
      if (item !== undefined) put(o, 'key', item);
      return o;
    }
    case 'ref':
      return validInstance(model, ref.name, depth + 1);
  }
}

/** A value of the type its schema accepts, or undefined when none can be built (an empty enum, a required cycle). */
export function validInstance(model: ApiModel, typeName: string, depth = 0): unknown {
  const t = model.types.find((x) => x.name === typeName);
  if (!t) return {};
  if (t.kind === 'enum') return t.enumMembers[0]?.wire;
  if (t.incomplete) return {};
  const types = chain(model, t);
  const ruled = new Set(types.flatMap((x) => x.rules.map((r) => r.field)));
  const o: Record<string, unknown> = {};
  for (const f of types.flatMap((x) => x.fields)) {
    if (depth >= MAX_DEPTH && !f.required && !ruled.has(f.wireName)) continue;
    if (Object.hasOwn(o, f.wireName)) continue;
    const v = depth > MAX_DEPTH + 4 ? undefined : valueOf(model, f.type, f, depth);
    if (v === undefined) {
      if (f.required) return undefined;
      continue;
    }
    put(o, f.wireName, v);
  }
  return o;
}

/**
 * The client's method per operation, in model order: the operation's name in camelCase, with a
 * number when an earlier method, or a name the package entry point exports (a type, a schema,
 * the runtime's `createClient`), already has it, since each method is also an exported function.
 */
export function clientMethods(model: ApiModel): string[] {
  const exported = new Set(['createClient', 'formatPath', 'call', 'client']);
  for (const t of model.types) exported.add(safeTypeName(t.name));
  const methods: string[] = [];
  for (const op of model.operations) {
    let name = methodName(op.name);
    for (let n = 2; methods.includes(name) || exported.has(name); n++) name = `${methodName(op.name)}${n}`;
    methods.push(name);
  }
  return methods;
}
