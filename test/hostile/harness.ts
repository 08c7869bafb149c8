/**
 * What the hostile-input suites share: running the pipeline in memory or through the real CLI,
 * type-checking, transpiling and importing what it generated, and checking its openapi.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { validate } from '@readme/openapi-parser';
import ts from 'typescript';
import { DEFAULT_CONFIG, type CodegenConfig } from '../../generator/config.js';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { renderFiles } from '../../generator/generate.js';
import type { ApiModel } from '../../generator/model/api-model.js';
import { buildModel } from '../../generator/model/build-model.js';
import { readPages, type InputFile } from '../../generator/read/input.js';
import { ROOT } from '../helpers.js';

export const BIN = path.join(ROOT, 'bin/booster-codegen.js');

/** The global a payload in the docs would set if any of it ran: `globalThis.__pwned = 1`. */
export const CANARY = '__pwned';

/** The model of some pages, as `runModel` builds it (without touching the disk). */
export function modelFrom(files: InputFile[], config: CodegenConfig = DEFAULT_CONFIG): ApiModel {
  const bag = new DiagnosticBag();
  return buildModel(readPages(files, bag), config, { file: 'codegen.config.json', line: 1 }, bag);
}

/** Every generated file, as `generate` would write it (no version bump: the config's version). */
export async function renderAll(files: InputFile[], config: CodegenConfig = DEFAULT_CONFIG): Promise<{ model: ApiModel; files: Map<string, string> }> {
  const model = modelFrom(files, config);
  const run = { config, model };
  return { model, files: await renderFiles(run) };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The workspace: `docs/` holds the pages, `pkg/` the output. */
  dir: string;
  out: string;
}

/** Writes the pages into a fresh workspace and runs `booster-codegen generate` on them. */
export function cliGenerate(files: InputFile[], config?: object, timeoutMs = 60_000): CliResult {
  const dir = mkdtempSync(path.join(tmpdir(), 'booster-hostile-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, 'docs', f.file)), { recursive: true });
    writeFileSync(path.join(dir, 'docs', f.file), f.text);
  }
  const args = [BIN, 'generate', '--input', 'docs', '--out', 'pkg', '--no-bump'];
  if (config) {
    writeFileSync(path.join(dir, 'hostile.config.json'), JSON.stringify(config));
    args.push('--config', 'hostile.config.json');
  }
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, dir, out: path.join(dir, 'pkg') };
}

/** A Node stack frame (`    at fn (file:1:2)`): what a crash prints and a diagnostic never does. */
export const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m;

/** Diagnostics as the CLI prints them: `file:line[:col] severity: message [SSnnn]`, or `<input>` for the input as a whole. */
export const DIAGNOSTIC_LINE = /^(\S+?:\d+(?::\d+)?|<input>) (error|warning|info): .* \[SS\d{3}\]$/;

/** The `.ts` files of a generated `src/` folder. */
export function sourcesOf(out: string): string[] {
  return readdirSync(path.join(out, 'src'))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => path.join(out, 'src', f));
}

/** Writes in-memory output files under a new folder (for compiling and importing them). */
export function writeTree(files: Map<string, string>, prefix = 'booster-hostile-out-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, text] of files) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/**
 * Transpiles `out/src/*.ts` to `out/js/*.js` (ESM, imports kept as `./x.js`) and imports the
 * entry point. Importing runs every top-level statement of every generated module.
 */
export async function importGenerated(out: string): Promise<Record<string, unknown>> {
  const js = path.join(out, 'js');
  mkdirSync(js, { recursive: true });
  writeFileSync(path.join(js, 'package.json'), '{ "type": "module" }');
  for (const file of sourcesOf(out)) {
    const output = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
      fileName: path.basename(file),
    }).outputText;
    writeFileSync(path.join(js, path.basename(file).replace(/\.ts$/, '.js')), output);
  }
  return (await import(pathToFileURL(path.join(js, 'index.js')).href)) as Record<string, unknown>;
}

/** Errors and warnings of an independent OpenAPI validator. */
export async function openApiProblems(text: string): Promise<unknown[]> {
  const result = await validate(JSON.parse(text) as never);
  return [...('errors' in result && result.errors ? result.errors : []), ...(result.warnings ?? [])];
}
