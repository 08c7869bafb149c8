/**
 * output/src/index.ts: the package entry point. Types are re-exported with `export type *`;
 * enum value lists are the only values types.ts holds, so they are named. A DTO named like
 * something the validators or the client export would make the star exports ambiguous (a
 * compile error): such a DTO is exported by name, which takes precedence.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiModel } from '../model/api-model.js';
import { TEMPLATES_DIR } from '../package-root.js';
import { safeTypeName } from './escape.js';
import { formatTypeScript, listLayout } from './format.js';
import { GENERATED_HEADER, renderTemplate } from './render.js';

/** Names a template exports literally (`export class ApiError`, `export interface Issue`…). */
function templateExports(template: string): string[] {
  const source = readFileSync(path.join(TEMPLATES_DIR, template), 'utf8');
  return [...source.matchAll(/^export (?:declare )?(?:class|interface|type|const|function|namespace) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!);
}

export async function emitPackageIndex(model: ApiModel, clientName: string, command: string): Promise<string> {
  const dtos = model.types.map((t) => safeTypeName(t.name));
  const runtime = new Set([...templateExports('validators.ts.hbs'), ...templateExports('client.ts.hbs'), clientName, ...dtos.map((d) => `${d}Schema`)]);
  const view = {
    header: GENERATED_HEADER(command),
    enumValues: exportList('export', model.types.filter((t) => t.kind === 'enum').map((t) => `${safeTypeName(t.name)}Values`)),
    shadowing: exportList('export type', dtos.filter((d) => runtime.has(d))),
  };
  return formatTypeScript(renderTemplate('index.ts.hbs', view));
}

/** `export { A, B } from './types.js';`, or nothing when there is no name. */
function exportList(keyword: string, names: string[]): string {
  return names.length ? listLayout(`${keyword} {`, names, `} from './types.js';`, { pad: ' ' }) : '';
}
