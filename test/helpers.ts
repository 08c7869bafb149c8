import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, type CodegenConfig } from '../generator/config.js';
import { DiagnosticBag } from '../generator/diagnostics.js';
import type { ApiModel } from '../generator/model/api-model.js';
import { buildModel } from '../generator/model/build-model.js';
import { symbolNames } from '../generator/model/name-symbols.js';
import type { PageFragments } from '../generator/read/fragments.js';
import { readPages, type InputFile } from '../generator/read/input.js';
import { RECORD_FILE } from '../generator/up-to-date/record.js';
import { STATE_DIR } from '../generator/write-output.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const INPUT = path.join(ROOT, 'input');

export function seedFiles(): InputFile[] {
  return readdirSync(INPUT)
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(INPUT, file), 'utf8') }));
}

export function pagesOf(files: InputFile[]): PageFragments[] {
  return readPages(files, new DiagnosticBag());
}

export function modelOf(files: InputFile[], config: CodegenConfig = DEFAULT_CONFIG): ApiModel {
  const bag = new DiagnosticBag();
  return buildModel(readPages(files, bag), config, { file: 'codegen.config.json', line: 1 }, bag);
}

/**
 * A model written by hand (or changed after it was built), given the names the emitters read,
 * claimed in its own order; its type names are taken to be distinct identifiers already.
 */
export function named(model: ApiModel, clientName = DEFAULT_CONFIG.clientName): ApiModel {
  model.names = symbolNames(model, clientName);
  return model;
}

export function typeOf(model: ApiModel, name: string) {
  const t = model.types.find((x) => x.name === name);
  if (!t) throw new Error(`no type ${name}; have ${model.types.map((x) => x.name).join(', ')}`);
  return t;
}

export function fieldOf(model: ApiModel, type: string, field: string) {
  const f = typeOf(model, type).fields.find((x) => x.name === field);
  if (!f) throw new Error(`no field ${type}.${field}`);
  return f;
}

export function opOf(model: ApiModel, name: string) {
  const o = model.operations.find((x) => x.name === name);
  if (!o) throw new Error(`no operation ${name}`);
  return o;
}

/**
 * The files in an output's state folder, but for the up-to-date record, which a run leaves only when
 * what it read is old enough to be trusted (up-to-date/write-record.ts): in a test, a matter of timing.
 */
export function stateFiles(outDir: string): string[] {
  return readdirSync(path.join(outDir, STATE_DIR)).filter((name) => name !== RECORD_FILE);
}
