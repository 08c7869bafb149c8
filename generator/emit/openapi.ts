/**
 * output/openapi.json: an OpenAPI 3.1 document of the model. Parameters go where ServiceStack
 * reads them (route variables in the path, the rest in the query for GET/DELETE, else a JSON
 * body of the request DTO); inheritance is `allOf`; conditional rules are `if`/`then`.
 */
import type { ApiModel, Field, Operation, PrimitiveName, Rule, SymbolNames, TypeDef, TypeRef } from '../model/api-model.js';
import { baseRef, chainRules, effectiveMembers, linkFields } from '../model/chain.js';
import { membersOmittedFromBase } from '../model/redeclared.js';
import { STRING_FORMATS } from '../config.js';
import { PLACEHOLDER_BASE_URL, serviceBaseUrl } from '../model/service.js';
import { enumExpected } from './enums.js';
import { randomUUID } from 'node:crypto';
import { textOf, type StreamedText } from '../file-content.js';
import { isArrayIndex } from './model-json.js';
import { jsonAtDepth, renderTemplate } from './render.js';
import { refSymbols, shapesOf, type Shape } from './shapes.js';
import { namesOf, typeId } from './symbols.js';

type Schema = Record<string, unknown>;

const GUID_PATTERN = '^([0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$';
const WCF_DATE_NOTE = "Responses may carry ServiceStack's `/Date(milliseconds±hhmm)/` form instead.";
const BODY_VERBS = new Set(['POST', 'PUT', 'PATCH']);
const ERROR_STATUSES = ['400', '401', '403', '404', '500'];

/** A reference to a type's component, named as TypeScript names the type; a generic type's use's own, where it has one (`QueryResponse_PostComment`). */
function ref(name: string, names: SymbolNames, args?: readonly TypeRef[]): Schema {
  return { $ref: `#/components/schemas/${refSymbols(name, args, names)?.id ?? typeId(names, name)}` };
}

function primitiveSchema(name: PrimitiveName): Schema {
  switch (name) {
    case 'bool':
      return { type: 'boolean' };
    case 'byte':
    case 'sbyte':
    case 'short':
    case 'ushort':
    case 'int':
      return { type: 'integer', format: 'int32' };
    case 'uint':
    case 'long':
    case 'ulong':
      return { type: 'integer', format: 'int64' };
    case 'float':
      return { type: 'number', format: 'float' };
    case 'double':
      return { type: 'number', format: 'double' };
    case 'decimal':
      return { type: 'number' };
    case 'DateTime':
    case 'DateTimeOffset':
      return { type: 'string', format: 'date-time', description: WCF_DATE_NOTE };
    case 'DateOnly':
      return { type: 'string', format: 'date' };
    case 'TimeSpan':
      return { type: 'string', format: 'duration' };
    case 'Guid':
      return { type: 'string', format: 'uuid', pattern: GUID_PATTERN };
    case 'Uri':
      return { type: 'string', format: 'uri' };
    case 'object':
      return {};
    default:
      return { type: 'string' };
  }
}

export function typeSchema(t: TypeRef, names: SymbolNames): Schema {
  switch (t.kind) {
    case 'primitive': {
      const s = primitiveSchema(t.name);
      return t.nullable && typeof s.type === 'string' ? { ...s, type: [s.type, 'null'] } : s;
    }
    case 'ref':
      return t.nullable ? { anyOf: [ref(t.name, names, t.args), { type: 'null' }] } : ref(t.name, names, t.args);
    case 'parameter':
      return {};
    case 'list':
      return { type: 'array', items: typeSchema(t.of, names) };
    case 'dictionary':
      return { type: 'object', additionalProperties: typeSchema(t.value, names) };
  }
}

function fieldSchema(f: Field, names: SymbolNames): Schema {
  // Members set one by one onto a copy of the type's schema (a key it has keeps its place), as
  // spreading them would, without an object per spread: this runs for every member of the API.
  const schema: Schema = { ...typeSchema(f.type, names) };
  const description = [f.description, schema.description].filter(Boolean).join('\n\n');
  // A $ref sits alone in 3.1 only by convention; siblings are allowed, so the description stays.
  if (description) schema.description = description;
  if (f.closed && f.examples.length) schema.enum = [...f.examples, ...(typeof schema.type === 'object' ? [null] : [])];
  if (!f.closed && f.examples.length && f.type.kind === 'primitive' && primitiveSchema(f.type.name).type === 'string') schema.examples = f.examples;
  if (f.type.kind === 'primitive' && (f.pattern || (f.format && STRING_FORMATS[f.format]))) schema.pattern = f.pattern ?? STRING_FORMATS[f.format!];
  return schema;
}

/** `if clientType = 'PRIVATE' then required: [...]`, one clause per condition. */
function ruleClauses(rules: Rule[]): Schema[] {
  const byCondition = new Map<string, { when: Rule['when']; fields: string[] }>();
  for (const r of rules) {
    const key = JSON.stringify(r.when);
    const entry = byCondition.get(key) ?? { when: r.when, fields: [] };
    entry.fields.push(r.field);
    byCondition.set(key, entry);
  }
  return [...byCondition.values()].map(({ when, fields }) => ({
    if: { properties: { [when.field]: { const: when.equals } }, required: [when.field] },
    then: { required: [...new Set(fields)].sort() },
  }));
}

/**
 * The members and rules a shape's schema states itself, and the base schema it adds them to
 * (`allOf`): all of them (its bases' rules too), and no base, when the type redeclares a member its
 * base declares otherwise (SS083).
 */
function ownAndBase(shape: Shape, types: ReadonlyMap<string, TypeDef>, names: SymbolNames): { fields: Field[]; rules: Rule[]; base?: Schema } {
  const [link, next] = shape.chain;
  const rules = shape.def.rules;
  if (!next) return { fields: linkFields(link!), rules };
  if (membersOmittedFromBase(shape.def, types).length)
    return { fields: [...effectiveMembers(shape.chain).values()].map((m) => m.field), rules: chainRules(shape.chain) };
  const base = baseRef(link!)!;
  return { fields: linkFields(link!), rules, base: ref(next.def.name, names, base.kind === 'ref' ? base.args : undefined) };
}

/**
 * The values that travel; `x-enum-varnames` (and `x-enum-descriptions`), as generators read them,
 * where the members' names or descriptions say more. A [Flags] enum is any integer of its bits.
 */
function enumSchema(t: TypeDef): Schema {
  const wires = t.enumMembers.map((m) => m.wire);
  const names = t.enumMembers.map((m) => m.name);
  const descriptions = t.enumMembers.map((m) => m.description ?? '');
  const schema: Schema =
    t.enumWire === 'flags'
      ? { type: 'integer', minimum: 0, description: enumExpected(t).replace(/^a/, 'A') + '.' }
      : { type: t.enumWire === 'integer' ? 'integer' : 'string', enum: wires };
  if (names.some((n, i) => n !== wires[i])) schema['x-enum-varnames'] = names;
  if (descriptions.some(Boolean)) schema['x-enum-descriptions'] = descriptions;
  return schema;
}

function objectSchema(shape: Shape, types: ReadonlyMap<string, TypeDef>, names: SymbolNames): Schema {
  const t = shape.def;
  if (t.kind === 'enum') return enumSchema(t);
  const { fields, rules, base } = ownAndBase(shape, types, names);
  const own: Schema = { type: 'object' };
  if (t.incomplete) own.additionalProperties = true;
  if (fields.length) own.properties = Object.fromEntries(fields.map((f) => [f.wireName, fieldSchema(f, names)]));
  const required = fields.filter((f) => f.required).map((f) => f.wireName);
  if (required.length) own.required = required;
  const clauses = ruleClauses(rules);
  const parts = [...(base ? [base] : []), own, ...clauses];
  const schema: Schema = parts.length === 1 ? own : { allOf: parts };
  if (t.description) schema.description = t.description;
  if (t.namespace) schema.xml = { name: t.name, namespace: `http://schemas.datacontract.org/2004/07/${t.namespace}` };
  return schema;
}

const RESPONSE_STATUS: Record<string, Schema> = {
  ResponseStatus: {
    type: 'object',
    description: "ServiceStack's error details.",
    properties: {
      errorCode: { type: 'string' },
      message: { type: 'string' },
      stackTrace: { type: 'string' },
      errors: { type: 'array', items: { $ref: '#/components/schemas/ResponseError' } },
      meta: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
  ResponseError: {
    type: 'object',
    properties: {
      errorCode: { type: 'string' },
      fieldName: { type: 'string' },
      message: { type: 'string' },
      meta: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
  ErrorResponse: {
    type: 'object',
    properties: { responseStatus: { $ref: '#/components/schemas/ResponseStatus' } },
  },
};

/** An operation's routes, a verb at a time: an "All Verbs" route is listed once, under the verb the client sends, and says it takes any. */
function operationRoutes(op: Operation): { r: Operation['routes'][number]; verb: string }[] {
  return op.routes.flatMap((r) => (r.allVerbs ? [r.allVerbs.send] : r.verbs).map((verb) => ({ r, verb })));
}

function operationObjects(op: Operation, types: ReadonlyMap<string, TypeDef>, names: SymbolNames): [string, string, Schema][] {
  const fieldsByWire = new Map<string, Field>();
  for (let t = types.get(op.request), depth = 0; t && depth < 32; t = t.base ? types.get(t.base) : undefined, depth++)
    for (const f of t.fields) if (!fieldsByWire.has(f.wireName)) fieldsByWire.set(f.wireName, f);
  return operationRoutes(op).map(({ r, verb }, i) => {
    const inPath = new Set(r.pathVariables.map((v) => v.toLowerCase()));
    const members = op.parameters.map((p) => ({ p, f: fieldsByWire.get(p.name) }));
    const pathParams = r.pathVariables.map((v) => {
      const hit = members.find((m) => m.p.name.toLowerCase() === v.toLowerCase());
      return {
        name: v,
        in: 'path',
        required: true,
        schema: hit?.f ? typeSchema(hit.f.type, names) : { type: 'string' },
        ...(hit?.f?.description ? { description: hit.f.description } : {}),
      };
    });
    const body = BODY_VERBS.has(verb);
    const queryParams = body
      ? []
      : members
          .filter((m) => !inPath.has(m.p.name.toLowerCase()))
          .map((m) => ({
            name: m.p.name,
            in: 'query',
            ...(m.p.required ? { required: true } : {}),
            schema: m.f ? typeSchema(m.f.type, names) : {},
            ...(m.f?.description ? { description: m.f.description } : {}),
            ...(m.f?.type.kind === 'list' ? { style: 'form', explode: false } : {}),
          }));
    const ok =
      op.response.kind === 'none'
        ? { '204': { description: 'No content (one-way operation).' } }
        : {
            '200': {
              description: 'Success.',
              content: { 'application/json': { schema: op.response.kind === 'typed' ? ref(op.response.type, names, op.response.args) : {} } },
            },
          };
    const errors = Object.fromEntries(ERROR_STATUSES.map((s) => [s, { $ref: '#/components/responses/Error' }]));
    const tag = op.tags[0] ?? r.path.split('/').find((s) => s && !s.startsWith('{'));
    const operation: Schema = {
      operationId: i === 0 ? op.name : `${op.name}_${verb.toLowerCase()}${i}`,
      ...(r.summary ? { summary: r.summary } : {}),
      ...(r.notes || op.description || r.allVerbs ? { description: [r.notes, op.description, r.allVerbs && ALL_VERBS_NOTE].filter(Boolean).join('\n\n') } : {}),
      ...(tag ? { tags: [...new Set([...op.tags, tag])] } : {}),
      ...(pathParams.length || queryParams.length ? { parameters: [...pathParams, ...queryParams] } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.request, names) } } } } : {}),
      responses: { ...ok, ...errors },
      ...(op.auth.required ? { security: [{ bearerAuth: [] }, { basicAuth: [] }] } : {}),
      ...(r.allVerbs ? { 'x-servicestack-all-verbs': true } : {}),
    };
    return [r.path, verb.toLowerCase(), operation];
  });
}

const ALL_VERBS_NOTE = 'The route takes every HTTP verb ("All Verbs"); it is listed under the one the client sends.';

/**
 * The document but its two long lists, and those lists as entries made one at a time: at 10,000
 * operations the paths and schemas are 150 MB as objects, so openapi.json writes each entry as it
 * is made (openApiSource) rather than the document whole.
 */
interface OpenApiParts {
  /** Everything but `paths` and `components.schemas`. */
  document: { openapi: string; info: Schema; servers: Schema[]; components: Schema };
  paths: () => Iterable<[string, Schema]>;
  schemas: () => Iterable<[string, Schema]>;
}

function openApiParts(model: ApiModel, version: string): OpenApiParts {
  const names = namesOf(model);
  const types = new Map(model.types.map((t) => [t.name, t]));
  return {
    document: {
      openapi: '3.1.0',
      info: { title: model.service.name ?? 'API', version },
      servers: [serverObject(serviceBaseUrl(model.service))],
      components: {
        responses: {
          Error: { description: 'ServiceStack error.', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } },
        },
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' }, basicAuth: { type: 'http', scheme: 'basic' } },
      },
    },
    paths: () => pathEntries(model, types, names),
    schemas: () => schemaEntries(model, types, names),
  };
}

/**
 * Each path and its item (its operations by verb), in the order of an object filled operation by
 * operation. An operation's objects are made once, and let go once its last path is written.
 */
function* pathEntries(model: ApiModel, types: ReadonlyMap<string, TypeDef>, names: SymbolNames): Generator<[string, Schema]> {
  const byPath = new Map<string, Operation[]>();
  const pathCount = new Map<Operation, number>();
  for (const op of model.operations)
    for (const { r } of operationRoutes(op)) {
      const ops = byPath.get(r.path);
      if (!ops) byPath.set(r.path, [op]);
      else if (ops.includes(op)) continue;
      else ops.push(op);
      pathCount.set(op, (pathCount.get(op) ?? 0) + 1);
    }
  const made = new Map<Operation, [string, string, Schema][]>();
  for (const path of jsonObjectOrder(byPath.keys())) {
    const item: Schema = {};
    for (const op of byPath.get(path)!) {
      const objects = made.get(op) ?? operationObjects(op, types, names);
      for (const [p, verb, operation] of objects) if (p === path) item[verb] = operation;
      const left = pathCount.get(op)! - 1;
      pathCount.set(op, left);
      if (left) made.set(op, objects);
      else made.delete(op);
    }
    yield [path, item];
  }
}

/** Each type's schema (one per generic instantiation too), then ServiceStack's error types unless the docs describe them; made as written. */
function* schemaEntries(model: ApiModel, types: ReadonlyMap<string, TypeDef>, names: SymbolNames): Generator<[string, Schema]> {
  // As an object filled shape by shape: an id's first place, its last shape.
  const shapes = new Map<string, Shape>();
  for (const shape of shapesOf(model, names)) shapes.set(shape.symbols.id, shape);
  for (const id of jsonObjectOrder(shapes.keys())) yield [id, objectSchema(shapes.get(id)!, types, names)];
  for (const [name, s] of Object.entries(RESPONSE_STATUS)) if (!shapes.has(name)) yield [name, s];
}

/** The document as one object (tests and callers that want it whole). */
export function openApiDocument(model: ApiModel, version: string): Schema {
  const { document, paths, schemas } = openApiParts(model, version);
  const { components, ...rest } = document;
  return { ...rest, paths: Object.fromEntries(paths()), components: { schemas: Object.fromEntries(schemas()), ...components } };
}

/** The base URL, else a server variable whose description says to configure it (the docs show no public host). */
function serverObject(baseUrl: string | undefined): Schema {
  if (baseUrl !== undefined) return { url: baseUrl };
  const description = `configure baseUrl: the docs show no public host (set "baseUrl" in codegen.config.json)`;
  return { url: '{baseUrl}', description, variables: { baseUrl: { default: PLACEHOLDER_BASE_URL, description } } };
}

/**
 * openapi.json: the template lays the document out as JSON.stringify(…, null, 2) would, with a mark
 * where each long list goes; the lists are written there entry by entry, in the same layout.
 */
export function openApiSource(model: ApiModel, version: string, command: string): StreamedText {
  return (write) => {
    const { document, paths, schemas } = openApiParts(model, version);
    // Marks no doc text can hold (the text around them comes from the docs too).
    const pathsMark = `booster-codegen-paths-${randomUUID()}`;
    const schemasMark = `booster-codegen-schemas-${randomUUID()}`;
    const view = {
      comment: `Generated by \`${command}\`; do not edit.`,
      document: { ...document, paths: pathsMark, components: { schemas: schemasMark, ...document.components } },
    };
    const [head, middle, tail] = cutAt(renderTemplate('openapi.json.hbs', view), [JSON.stringify(pathsMark), JSON.stringify(schemasMark)]);
    write(head!);
    writeJsonObject(paths(), 2, write);
    write(middle!);
    writeJsonObject(schemas(), 4, write);
    write(tail!);
  };
}

export async function emitOpenApi(model: ApiModel, version: string, command: string): Promise<string> {
  return textOf(openApiSource(model, version, command));
}

/** `text` cut where each of `marks` stands, in order; each must stand there exactly once. */
function cutAt(text: string, marks: readonly string[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const mark of marks) {
    const at = text.indexOf(mark, from);
    if (at < 0 || text.includes(mark, at + 1)) throw new Error(`openapi.json.hbs must render ${mark} exactly once`);
    parts.push(text.slice(from, at));
    from = at + mark.length;
  }
  return [...parts, text.slice(from)];
}

/** An object's entries as JSON.stringify(…, null, 2) lays them out `indent` spaces deep, written one by one. */
function writeJsonObject(entries: Iterable<[string, Schema]>, indent: number, write: (text: string) => void): void {
  const inner = `\n${' '.repeat(indent + 2)}`;
  let open = false;
  for (const [key, value] of entries) {
    write(`${open ? ',' : '{'}${inner}${JSON.stringify(key)}: ${jsonAtDepth(value, indent + 2)}`);
    open = true;
  }
  write(open ? `\n${' '.repeat(indent)}}` : '{}');
}

/** Keys in the order an object holds them: array indices first, ascending, then the others as added. */
function jsonObjectOrder(keys: Iterable<string>): string[] {
  const all = [...keys];
  const indices = all.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return indices.length ? [...indices, ...all.filter((k) => !isArrayIndex(k))] : all;
}
