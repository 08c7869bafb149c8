/** Applies codegen.config.json corrections to the merged model; a setting that matches nothing is reported. */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { CodegenConfig } from '../config.js';
import type { ApiModel, Field, TypeDef, TypeRef } from './api-model.js';
import { memberKey } from './naming.js';
import { typeChain } from './operations.js';

function findField(types: Map<string, TypeDef>, typeName: string, member: string): Field | undefined {
  return types.get(typeName)?.fields.find((f) => f.wireName === member || memberKey(f.name) === memberKey(member));
}

export function applyConfig(model: ApiModel, config: CodegenConfig, configLoc: SourceLocation, bag: DiagnosticBag): void {
  const types = new Map(model.types.map((t) => [t.name, t]));
  const unknown = (what: string) => bag.warn('SS081', configLoc, `${what} matches nothing in the docs; setting ignored`);

  for (const [name, settings] of Object.entries(config.operations)) {
    const op = model.operations.find((o) => o.name === name);
    if (!op) unknown(`operations.${name}`);
    else if (settings.requiresAuth !== undefined) op.auth.required = settings.requiresAuth;
  }
  for (const [key, settings] of Object.entries(config.fields)) {
    const [typeName = '', member = ''] = key.split('.');
    const field = findField(types, typeName, member);
    if (!field) {
      unknown(`fields.${key}`);
      continue;
    }
    if (settings.examples) field.examples = [...settings.examples];
    if (settings.closed !== undefined) field.closed = settings.closed;
    if (settings.format !== undefined) field.format = settings.format;
    if (settings.pattern !== undefined) field.pattern = settings.pattern;
    if (settings.required !== undefined) field.required = settings.required;
  }
  for (const r of config.rules.remove) {
    const type = types.get(r.type);
    const field = findField(types, r.type, r.field);
    if (!type || !field) {
      unknown(`rules.remove ${r.type}.${r.field}`);
      continue;
    }
    type.rules = type.rules.filter((x) => x.field !== field.wireName);
  }
  for (const r of config.rules.add) {
    const type = types.get(r.type);
    const field = findField(types, r.type, r.field);
    const subject =
      type &&
      typeChain(type.name, types)
        .flatMap((t) => t.fields)
        .find((f) => f.wireName === r.requiredWhen.field || memberKey(f.name) === memberKey(r.requiredWhen.field));
    if (!type || !field || !subject) {
      unknown(`rules.add ${r.type}.${r.field} when ${r.requiredWhen.field}`);
      continue;
    }
    type.rules.push({
      kind: 'requiredWhen',
      field: field.wireName,
      when: { field: subject.wireName, equals: r.requiredWhen.equals },
      from: 'config',
      sources: [configLoc],
    });
  }
  renameAll(model, config, unknown);
}

function renameAll(model: ApiModel, config: CodegenConfig, unknown: (what: string) => void): void {
  const typeNames = new Map(Object.entries(config.rename.types));
  for (const [from, to] of Object.entries(config.rename.operations)) {
    const op = model.operations.find((o) => o.name === from);
    if (!op) {
      unknown(`rename.operations.${from}`);
      continue;
    }
    op.name = to;
    // The request DTO carries the operation's name; its response follows ServiceStack's convention.
    if (!typeNames.has(op.request)) typeNames.set(op.request, to);
    if (op.response.kind === 'typed' && op.response.type === `${from}Response` && !typeNames.has(op.response.type))
      typeNames.set(op.response.type, `${to}Response`);
  }
  for (const from of typeNames.keys()) if (!model.types.some((t) => t.name === from)) unknown(`rename.types.${from}`);
  renameTypes(model, typeNames);
}

/** Renames types (`from → to`) everywhere the model names them. */
export function renameTypes(model: ApiModel, typeNames: ReadonlyMap<string, string>): void {
  if (!typeNames.size) return;
  const rename = (n: string) => typeNames.get(n) ?? n;
  for (const t of model.types) {
    t.name = rename(t.name);
    if (t.base) t.base = rename(t.base);
    if (t.baseArgs) t.baseArgs = t.baseArgs.map((a) => renameRef(a, rename));
    for (const f of t.fields) f.type = renameRef(f.type, rename);
  }
  for (const op of model.operations) {
    op.request = rename(op.request);
    const r = op.response;
    if (r.kind === 'typed') op.response = { kind: 'typed', type: rename(r.type), ...(r.args ? { args: r.args.map((a) => renameRef(a, rename)) } : {}) };
    for (const p of op.parameters) p.declaredIn = rename(p.declaredIn);
  }
}

/** A type reference with every type it names renamed, type arguments included. */
function renameRef(t: TypeRef, rename: (name: string) => string): TypeRef {
  switch (t.kind) {
    case 'ref':
      return { ...t, name: rename(t.name), ...(t.args ? { args: t.args.map((a) => renameRef(a, rename)) } : {}) };
    case 'list':
      return { kind: 'list', of: renameRef(t.of, rename) };
    case 'dictionary':
      return { ...t, value: renameRef(t.value, rename) };
    default:
      return t;
  }
}
