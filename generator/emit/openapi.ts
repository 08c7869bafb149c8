/**
 * output/openapi.json: an OpenAPI 3.1 document of the model. Parameters go where ServiceStack
 * reads them (route variables in the path, the rest in the query for GET/DELETE, else a JSON
 * body of the request DTO); inheritance is `allOf`; conditional rules are `if`/`then`.
 */
import type { ApiModel, Field, Operation, PrimitiveName, Rule, SymbolNames, TypeDef, TypeRef } from '../model/api-model.js';
import { baseRef, effectiveMembers, linkFields } from '../model/chain.js';
import { membersOmittedFromBase } from '../model/redeclared.js';
import { STRING_FORMATS } from '../config.js';
import { PLACEHOLDER_BASE_URL, serviceBaseUrl } from '../model/service.js';
import { enumExpected } from './enums.js';
import { renderTemplate } from './render.js';
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
 * The members a shape's schema states itself, and the base schema it adds them to (`allOf`): all
 * of them, and no base, when the type redeclares a member its base declares otherwise (SS083).
 */
function ownAndBase(shape: Shape, types: ReadonlyMap<string, TypeDef>, names: SymbolNames): { fields: Field[]; base?: Schema } {
  const [link, next] = shape.chain;
  if (!next) return { fields: linkFields(link!) };
  if (membersOmittedFromBase(shape.def, types).length) return { fields: [...effectiveMembers(shape.chain).values()].map((m) => m.field) };
  const base = baseRef(link!)!;
  return { fields: linkFields(link!), base: ref(next.def.name, names, base.kind === 'ref' ? base.args : undefined) };
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
  const { fields, base } = ownAndBase(shape, types, names);
  const own: Schema = { type: 'object' };
  if (t.incomplete) own.additionalProperties = true;
  if (fields.length) own.properties = Object.fromEntries(fields.map((f) => [f.wireName, fieldSchema(f, names)]));
  const required = fields.filter((f) => f.required).map((f) => f.wireName);
  if (required.length) own.required = required;
  const clauses = ruleClauses(t.rules);
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

function operationObjects(op: Operation, types: ReadonlyMap<string, TypeDef>, names: SymbolNames): [string, string, Schema][] {
  const fieldsByWire = new Map<string, Field>();
  for (let t = types.get(op.request), depth = 0; t && depth < 32; t = t.base ? types.get(t.base) : undefined, depth++)
    for (const f of t.fields) if (!fieldsByWire.has(f.wireName)) fieldsByWire.set(f.wireName, f);
  // An "All Verbs" route is listed once, under the verb the client sends, and says it takes any.
  const routes = op.routes.flatMap((r) => (r.allVerbs ? [r.allVerbs.send] : r.verbs).map((verb) => ({ r, verb })));
  return routes.map(({ r, verb }, i) => {
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

export function openApiDocument(model: ApiModel, version: string): Schema {
  const paths: Record<string, Record<string, Schema>> = {};
  const names = namesOf(model);
  const types = new Map(model.types.map((t) => [t.name, t]));
  for (const op of model.operations) for (const [p, verb, operation] of operationObjects(op, types, names)) (paths[p] ??= {})[verb] = operation;
  const schemas = Object.fromEntries(shapesOf(model, names).map((s) => [s.symbols.id, objectSchema(s, types, names)]));
  for (const [name, s] of Object.entries(RESPONSE_STATUS)) if (!(name in schemas)) schemas[name] = s;
  return {
    openapi: '3.1.0',
    info: { title: model.service.name ?? 'API', version },
    servers: [serverObject(serviceBaseUrl(model.service))],
    paths,
    components: {
      schemas,
      responses: { Error: { description: 'ServiceStack error.', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } } },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' }, basicAuth: { type: 'http', scheme: 'basic' } },
    },
  };
}

/** The base URL, else a server variable whose description says to configure it (the docs show no public host). */
function serverObject(baseUrl: string | undefined): Schema {
  if (baseUrl !== undefined) return { url: baseUrl };
  const description = `configure baseUrl: the docs show no public host (set "baseUrl" in codegen.config.json)`;
  return { url: '{baseUrl}', description, variables: { baseUrl: { default: PLACEHOLDER_BASE_URL, description } } };
}

export async function emitOpenApi(model: ApiModel, version: string, command: string): Promise<string> {
  const document = openApiDocument(model, version);
  const view = { comment: `Generated by \`${command}\`; do not edit.`, document: { servers: null, ...document } };
  // The template lays the document out as JSON.stringify(…, null, 2) would: 3 MB at 1,000 operations need no second pass.
  return renderTemplate('openapi.json.hbs', view);
}
