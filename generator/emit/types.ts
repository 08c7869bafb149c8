/** output/src/types.ts: one interface per DTO, a union per enum, and the Operations map. */
import { pushAll, pushTo } from '../arrays.js';
import { textOf, type StreamedText } from '../file-content.js';
import type { ApiModel, Field, Operation, TypeDef, TypeRef } from '../model/api-model.js';
import { responseRef } from '../model/instances.js';
import { referencedNames } from '../model/type-ref.js';
import { membersOmittedFromBase } from '../model/redeclared.js';
import { enumLiteral, enumMemberDocs } from './enums.js';
import { jsString, type DocLine } from './escape.js';
import { listLayout, unionLayout } from './layout.js';
import { GENERATED_HEADER } from './render.js';
import { streamedTypeScript, type ListTemplate } from './streamed-typescript.js';
import { typeId, typeSymbols } from './symbols.js';
import { tsFieldType, tsRefName, tsResponseType, tsTypeContext, withinType, type TsTypeContext } from './ts-types.js';

interface MemberView {
  name: string;
  optional: boolean;
  type: string;
  doc: DocLine[];
}

function routeLine(op: Operation): string[] {
  return op.routes.map(
    (r) => `\`${r.verbs.join(', ') || 'ANY'} ${r.path}\`${r.summary ? ` — ${r.summary}` : ''}${r.notes && r.notes !== r.summary ? `. ${r.notes}` : ''}`,
  );
}

/** The operations that use each type as their request, and as their response. */
function operationsByType(model: ApiModel) {
  const requestOf = new Map<string, Operation[]>();
  const responseOf = new Map<string, Operation[]>();
  for (const op of model.operations) {
    pushTo(requestOf, op.request, op);
    if (op.response.kind === 'typed') pushTo(responseOf, op.response.type, op);
  }
  return { requestOf, responseOf };
}

function typeDoc(t: TypeDef, uses: ReturnType<typeof operationsByType>): DocLine[] {
  const doc: DocLine[] = t.description ? [t.description] : [];
  for (const op of uses.requestOf.get(t.name) ?? []) {
    doc.push(`Request of \`${op.name}\`: ${routeLine(op).join('; ') || 'no route'}.`);
    doc.push(op.auth.required ? 'Requires authentication.' : 'No authentication required.');
  }
  for (const op of uses.responseOf.get(t.name) ?? []) doc.push(`Response of \`${op.name}\`.`);
  if (t.incomplete) doc.push('The docs never describe this type; any object is accepted.');
  if (t.kind === 'enum') for (const line of enumMemberDocs(t)) doc.push(line);
  return doc;
}

function memberDoc(t: TypeDef, f: Field, pathOf: Map<string, string[]>): DocLine[] {
  const doc: DocLine[] = f.description ? [f.description] : [];
  for (const r of t.rules.filter((r) => r.field === f.wireName)) doc.push(`Required when \`${r.when.field}\` is '${r.when.equals}'.`);
  for (const route of pathOf.get(`${t.name}.${f.wireName}`) ?? []) doc.push(`Route variable of ${route}.`);
  if (f.closed) doc.push(`One of: ${f.examples.join(', ')}.`);
  else for (const e of f.examples) doc.push({ tag: 'example', text: e });
  return doc;
}

/**
 * An optional member of a type the client receives may come as `null` (ServiceStack writes the
 * nulls of some hosts' serializer settings, and the validators accept them): it is typed so. A type
 * only sent keeps `?: T`, which is what a caller writes.
 */
function memberView(t: TypeDef, f: Field, ctx: TsTypeContext, pathOf: Map<string, string[]>, received: boolean): MemberView {
  const type = tsFieldType(f, ctx);
  const orNull = received && !f.required && !/(^| )null( |$)/.test(type) && type !== 'unknown';
  return { name: f.wireName, optional: !f.required, type: orNull ? `${type} | null` : type, doc: memberDoc(t, f, pathOf) };
}

/** The types a response holds: the responses, their bases, their members' types and type arguments, all the way down. */
function receivedTypes(model: ApiModel, types: ReadonlyMap<string, TypeDef>): Set<string> {
  const received = new Set<string>();
  const pending: string[] = [];
  const reach = (ref: TypeRef) => pushAll(pending, referencedNames(ref));
  for (const op of model.operations) if (op.response.kind === 'typed') reach(responseRef(op.response.type, op.response.args));
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const t = types.get(name);
    if (!t || received.has(name)) continue;
    received.add(name);
    if (t.base) pending.push(t.base);
    for (const a of t.baseArgs ?? []) reach(a);
    for (const f of t.fields) reach(f.type);
  }
  return received;
}

/**
 * An enum's union type of the values that travel (`number` for a [Flags] enum: any combination of
 * them) and the list of its values, laid out as prettier does when too long: the union on the next
 * line, else one member a line.
 */
function enumDeclarations(t: TypeDef, name: string, valuesName: string): { union: string; values: string } {
  const literals = t.enumMembers.map(enumLiteral);
  const members = t.enumWire === 'flags' ? ['number'] : literals.length ? literals : ['never'];
  return {
    union: unionLayout(`export type ${name} =`, members),
    values: listLayout(`export const ${valuesName} = [`, literals, '] as const;'),
  };
}

/** `<T = unknown>`: a use without arguments (or with another count) still compiles, its parameters unknown. */
function typeParameters(ids: readonly string[] | undefined): string {
  return ids?.length ? `<${ids.map((p) => `${p} = unknown`).join(', ')}>` : '';
}

/**
 * What the interface extends: its base with the type arguments (`QueryDb<PostComment>`), less
 * the members it redeclares with a type the base's do not admit (`Omit<Base, 'id'>`, SS083).
 * Only an object type can be extended.
 */
function baseExpression(t: TypeDef, types: ReadonlyMap<string, TypeDef>, ctx: TsTypeContext): string {
  if (t.base === undefined || types.get(t.base)?.kind !== 'object') return '';
  const base = tsRefName(t.base, t.baseArgs, ctx);
  const omitted = membersOmittedFromBase(t, types).map((f) => jsString(f.wireName));
  return omitted.length ? `Omit<${base}, ${omitted.join(' | ')}>` : base;
}

function typeView(t: TypeDef, types: ReadonlyMap<string, TypeDef>, outer: TsTypeContext, pathOf: Map<string, string[]>, received: ReadonlySet<string>) {
  const symbols = typeSymbols(outer.names, t.name);
  const ctx = withinType(outer, t.typeParameters, symbols.parameters);
  return {
    name: symbols.id,
    parameters: typeParameters(symbols.parameters),
    isEnum: t.kind === 'enum',
    open: Boolean(t.incomplete),
    base: baseExpression(t, types, ctx),
    members: t.fields.map((f) => memberView(t, f, ctx, pathOf, received.has(t.name))),
    ...(t.kind === 'enum' ? enumDeclarations(t, symbols.id, symbols.values) : {}),
  };
}

/** types.ts as a template and its list of types (the operations' table after them is rendered with the rest). */
export function typesTemplate(model: ApiModel, command: string): ListTemplate<TypeDef> {
  const ctx = tsTypeContext(model);
  const types = new Map(model.types.map((t) => [t.name, t]));
  const uses = operationsByType(model);
  const received = receivedTypes(model, types);
  const pathOf = new Map<string, string[]>();
  for (const op of model.operations)
    for (const p of op.parameters.filter((x) => x.in === 'path')) pushTo(pathOf, `${p.declaredIn}.${p.name}`, `\`${op.name}\``);
  const view = {
    header: GENERATED_HEADER(command),
    operations: model.operations.map((op) => ({ name: op.name, request: typeId(ctx.names, op.request), response: tsResponseType(op.response, ctx) })),
  };
  return {
    name: 'types.ts.hbs',
    view,
    key: 'types',
    items: model.types,
    toView: (t) => ({ ...typeView(t, types, ctx, pathOf, received), doc: typeDoc(t, uses) }),
  };
}

/** types.ts, rendered and handed over a slice of its types at a time. */
export function typesSource(model: ApiModel, command: string): StreamedText {
  return streamedTypeScript(typesTemplate(model, command));
}

export async function emitTypes(model: ApiModel, command: string): Promise<string> {
  return textOf(typesSource(model, command));
}
