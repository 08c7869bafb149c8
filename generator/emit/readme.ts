/** output/README.md: how to use the generated package, with one example per operation. */
import type { CodegenConfig } from '../config.js';
import type { ApiModel, Field, Operation, TypeDef, TypeRef } from '../model/api-model.js';
import { chainOf, linkFields } from '../model/chain.js';
import { enumLiteral } from './enums.js';
import { jsString, markdownCode, markdownText, propertyKey } from './escape.js';
import { PLACEHOLDER_BASE_URL, serviceBaseUrl } from '../model/service.js';
import { renderTemplate } from './render.js';
import { methodOf, typeSymbols } from './symbols.js';
import { tsPrimitive, tsResponseType, tsTypeContext, type TsTypeContext } from './ts-types.js';

/** A plausible value for an example: the docs' first example, else a placeholder of the right type. */
function sampleValue(t: TypeRef, field: Field | undefined, types: Map<string, TypeDef>, depth: number): string {
  switch (t.kind) {
    case 'list':
      return `[${sampleValue(t.of, undefined, types, depth + 1)}]`;
    case 'dictionary':
    case 'parameter':
      return '{}';
    case 'ref': {
      const def = types.get(t.name);
      if (!def || depth > 3) return '{}';
      if (def.kind === 'enum') return def.enumMembers[0] ? enumLiteral(def.enumMembers[0]) : "''";
      return objectLiteral(t, types, depth + 1);
    }
    case 'primitive': {
      const example = field?.examples[0];
      const kind = tsPrimitive(t.name);
      if (kind === 'number') return example && /^-?\d+(\.\d+)?$/.test(example) ? example : '1';
      if (kind === 'boolean') return 'true';
      if (t.name === 'Guid') return jsString('2f1c7a3e9b6d4c0e8a5f1b2c3d4e5f60');
      if (t.name === 'DateTime' || t.name === 'DateTimeOffset') return jsString('2024-01-31T00:00:00Z');
      return jsString(example ?? field?.name ?? 'text');
    }
  }
}

/** The required members (a generic type's with its arguments), plus those the conditional rules require given the example values. */
function objectLiteral(ref: Extract<TypeRef, { kind: 'ref' }>, types: Map<string, TypeDef>, depth: number): string {
  const chain = chainOf(ref.name, ref.args, types).reverse();
  const all = chain.flatMap(linkFields);
  const required = new Set(all.filter((f) => f.required).map((f) => f.wireName));
  for (const rule of chain.flatMap((link) => link.def.rules)) {
    const subject = all.find((f) => f.wireName === rule.when.field);
    if (subject && required.has(subject.wireName) && subject.examples[0] === rule.when.equals) required.add(rule.field);
  }
  const members = all.filter((f) => required.has(f.wireName));
  return `{ ${members.map((f) => `${propertyKey(f.wireName)}: ${sampleValue(f.type, f, types, depth)}`).join(', ')} }`;
}

function operationView(op: Operation, ctx: TsTypeContext, types: Map<string, TypeDef>) {
  const method = methodOf(ctx.names, op.name);
  const request = types.get(op.request);
  const route = op.routes[0];
  const requestLiteral = request ? objectLiteral({ kind: 'ref', name: request.name, nullable: false }, types, 0) : '{}';
  return {
    name: markdownText(op.name),
    method,
    route: route ? markdownCode(`${route.verbs.join(', ') || 'ANY'} ${route.path}`) : markdownCode('no route'),
    summary: markdownText([route?.summary, route?.notes && route.notes !== route.summary ? route.notes : undefined].filter(Boolean).join('. ')),
    auth: op.auth.required,
    call: `await api.${method}(${requestLiteral})`,
    functionCall: `await ${method}(client, ${requestLiteral})`,
    returns: tsResponseType(op.response, ctx),
  };
}

export function emitReadme(model: ApiModel, config: CodegenConfig, command: string): string {
  const types = new Map(model.types.map((t) => [t.name, t]));
  const first = model.operations[0];
  const ctx = tsTypeContext(model);
  const names = ctx.names;
  const firstRequest = first && types.has(first.request) ? typeSymbols(names, first.request) : undefined;
  const operations = model.operations.map((op) => operationView(op, ctx, types));
  return renderTemplate('README.md.hbs', {
    command,
    firstMethod: operations[0]?.method ?? '',
    firstFunctionCall: operations[0]?.functionCall ?? '',
    firstMethodCall: operations[0]?.call ?? '',
    packageName: config.packageName,
    clientName: names.client,
    service: markdownText(model.service.name ?? 'the API'),
    baseUrl: jsString(serviceBaseUrl(model.service) ?? PLACEHOLDER_BASE_URL),
    configureBaseUrl: serviceBaseUrl(model.service) === undefined,
    operations,
    schemaExample: firstRequest?.schema ?? '',
    schemaType: firstRequest?.id ?? '',
    anyAuth: model.operations.some((o) => o.auth.required),
  });
}
