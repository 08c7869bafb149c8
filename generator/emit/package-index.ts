/**
 * output/src/index.ts: the package entry point. Types are re-exported with `export type *`, the
 * validation interface, the schemas, the client core and the operations' functions with
 * `export *`, the client class by name (call.ts, checks.ts and dates.ts are internal: not exported);
 * enum value lists are the only values types.ts holds, so they are named. A DTO named like
 * something the validators or the client export would make the star exports ambiguous (a
 * compile error): such a DTO is exported by name, which takes precedence.
 */
import type { ApiModel } from '../model/api-model.js';
import { runtimeExports } from '../names/reserved.js';
import { formatTypeScript } from './format.js';
import { listLayout } from './layout.js';
import { GENERATED_HEADER, renderTemplate } from './render.js';
import { namesOf, typeSymbols } from './symbols.js';

export async function emitPackageIndex(model: ApiModel, command: string): Promise<string> {
  const names = namesOf(model);
  const symbols = model.types.map((t) => ({ kind: t.kind, ...typeSymbols(names, t.name) }));
  const runtime = new Set([...runtimeExports(), names.client, ...symbols.map((s) => s.schema)]);
  const view = {
    header: GENERATED_HEADER(command),
    clientName: names.client,
    enumValues: exportList(
      'export',
      symbols.filter((s) => s.kind === 'enum').map((s) => s.values),
    ),
    shadowing: exportList(
      'export type',
      symbols.filter((s) => runtime.has(s.id)).map((s) => s.id),
    ),
  };
  return formatTypeScript(renderTemplate('index.ts.hbs', view));
}

/** `export { A, B } from './types.js';`, or nothing when there is no name. */
function exportList(keyword: string, names: string[]): string {
  return names.length ? listLayout(`${keyword} {`, names, `} from './types.js';`, { pad: ' ' }) : '';
}
