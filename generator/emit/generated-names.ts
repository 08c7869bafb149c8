/**
 * The names the generated modules declare themselves, read from the templates, so that the
 * names generated from the docs keep clear of them (model/unique-names.ts, validators.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../package-root.js';
import { isIdentifier, safeTypeName } from './escape.js';

const DECLARATION =
  /^(export )?(?:declare )?(?:abstract )?(?:async )?(?:const|let|function|class|interface|type|namespace|enum) ([A-Za-z_$][\w$]*)(?=[\s<(:=;{])|^import (?:type )?\* as ([A-Za-z_$][\w$]*)/gm;

/**
 * The names a template declares at the top level as written (`export class ApiError`, `function
 * report`, `import type * as Types`); with `exported`, only those the module exports.
 */
export function templateNames(template: string, exported = false): Set<string> {
  const source = readFileSync(path.join(TEMPLATES_DIR, template), 'utf8');
  return new Set([...source.matchAll(DECLARATION)].filter((m) => !exported || m[1]).map((m) => m[2] ?? m[3]!));
}

/** What the package entry point exports besides the types and their schemas: `Operations`, `ApiError`, `ValidationError`, `Issue`…, and the client class. */
export function runtimeExportNames(clientName: string): Set<string> {
  return new Set([
    ...templateNames('types.ts.hbs', true),
    ...templateNames('validators.ts.hbs', true),
    ...templateNames('client.ts.hbs', true),
    isIdentifier(clientName) ? clientName : safeTypeName(clientName),
  ]);
}
