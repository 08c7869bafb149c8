/**
 * output/src/client.ts: the client class, one method per operation. A method validates its
 * request with the operation's request schema, calls the operation's function (operations.ts)
 * and checks the response against its schema for `onResponseDrift`; the template holds the rest.
 */
import type { ApiModel, Operation } from '../model/api-model.js';
import { formatTypeScript } from './format.js';
import { listLayout } from './layout.js';
import { operationDoc } from './operations.js';
import { GENERATED_HEADER, renderTemplate } from './render.js';
import { refSymbols } from './shapes.js';
import { methodOf, typeId, typeSymbols } from './symbols.js';
import { tsResponseType, tsTypeContext, type TsTypeContext } from './ts-types.js';
import { jsString } from './escape.js';

export async function emitClient(model: ApiModel, command: string): Promise<string> {
  const ctx = tsTypeContext(model, 'T.');
  const view = {
    header: GENERATED_HEADER(command),
    clientName: ctx.names.client,
    operations: model.operations.map((op) => methodView(op, ctx)),
  };
  return formatTypeScript(renderTemplate('client.ts.hbs', view));
}

function methodView(op: Operation, ctx: TsTypeContext) {
  const names = ctx.names;
  const method = methodOf(names, op.name);
  const response = op.response.kind === 'typed' ? refSymbols(op.response.type, op.response.args, names) : undefined;
  const schemas = [`S.${typeSymbols(names, op.request).schema}`, ...(response ? [`S.${response.schema}`] : [])];
  return {
    doc: operationDoc(op),
    signature: methodSignature(method, typeId(names, op.request), tsResponseType(op.response, ctx)),
    body: `    ${listLayout('return this.#checked(', [jsString(op.name), `O.${method}`, 'request', 'options', ...schemas], ');', { indent: '    ' })}`,
  };
}

/** `name(request, options): Promise<R> {`, a method of the client class (indented by 2). */
function methodSignature(name: string, request: string, response: string): string {
  return listLayout(`${name}(`, [`request: T.${request}`, 'options?: ClassCallOptions'], `): Promise<${response}> {`, { indent: '  ' });
}
