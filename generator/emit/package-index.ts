/**
 * output/src/index.ts: the package entry point. Types are re-exported with `export type *`;
 * enum value lists are the only values types.ts holds, so they are named. A DTO named like
 * something the validators or the client export would make the star exports ambiguous (a
 * compile error): such a DTO is exported by name, which takes precedence.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiModel } from '../model/api-model.js';
import { safeTypeName } from './escape.js';
import { formatTypeScript, GENERATED_HEADER, renderTemplate } from './render.js';

/** Names a template exports literally (`export class ApiError`, `export interface Issue`…). */
function templateExports(template: string): string[] {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'templates')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const source = readFileSync(path.join(dir, 'templates', template), 'utf8');
  return [...source.matchAll(/^export (?:declare )?(?:class|interface|type|const|function|namespace) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!);
}

export async function emitPackageIndex(model: ApiModel, clientName: string, command: string): Promise<string> {
  const dtos = model.types.map((t) => safeTypeName(t.name));
  const runtime = new Set([...templateExports('validators.ts.hbs'), ...templateExports('client.ts.hbs'), clientName, ...dtos.map((d) => `${d}Schema`)]);
  const view = {
    header: GENERATED_HEADER(command),
    enumValues: model.types.filter((t) => t.kind === 'enum').map((t) => `${safeTypeName(t.name)}Values`),
    shadowing: dtos.filter((d) => runtime.has(d)),
  };
  return formatTypeScript(renderTemplate('index.ts.hbs', view));
}
