/**
 * The pipeline behind `generate` and `inspect`: config → input files → pages → model → files.
 * No printing and no exit codes here: the CLI decides what to show.
 */
import path from 'node:path';
import { loadConfig, type CodegenConfig } from './config.js';
import { DiagnosticBag, type Diagnostic } from './diagnostics.js';
import { emitModelJson } from './emit/model-json.js';
import { emitTypes } from './emit/types.js';
import type { ApiModel } from './model/api-model.js';
import { buildModel } from './model/build-model.js';
import { InputError, loadInputFiles, readPages } from './read/input.js';
import type { OutputFiles } from './write-output.js';

export const GENERATE_COMMAND = 'booster-codegen generate';

export interface RunOptions {
  input?: string;
  out?: string;
  config?: string;
  cwd?: string;
}

export interface ModelRun {
  config: CodegenConfig;
  /** The config file as diagnostics name it (relative to the working folder). */
  configFile: string;
  inputDir: string;
  outDir: string;
  model: ApiModel;
  /** Set when the input as a whole is unusable (nothing readable, no operation). */
  unusable?: string;
}

/** Loads config and docs and builds the model. Throws ConfigError / InputError for bad usage. */
export async function runModel(options: RunOptions): Promise<ModelRun> {
  const cwd = options.cwd ?? process.cwd();
  const configFile = path.resolve(cwd, options.config ?? 'codegen.config.json');
  const config = await loadConfig(configFile, options.config !== undefined);
  const inputDir = path.resolve(cwd, options.input ?? config.input);
  const outDir = path.resolve(cwd, options.out ?? config.out);
  const bag = new DiagnosticBag();
  const files = await loadInputFiles(inputDir, bag);
  const pages = readPages(files, bag);
  const configLoc = { file: path.relative(cwd, configFile).split(path.sep).join('/'), line: 1 };
  const model = buildModel(pages, config, configLoc, bag);
  const unusable = !files.length
    ? `no readable page in ${path.relative(cwd, inputDir) || '.'} (looked for .txt, .md, .html files)`
    : !model.operations.length
      ? 'no operation found in the input'
      : undefined;
  return { config, configFile: configLoc.file, inputDir, outDir, model, ...(unusable ? { unusable } : {}) };
}

/** Renders every generated file in memory, before anything is written. */
export async function renderFiles(run: ModelRun): Promise<OutputFiles> {
  return new Map([
    ['api-model.json', emitModelJson(run.model, GENERATE_COMMAND)],
    ['src/types.ts', await emitTypes(run.model, GENERATE_COMMAND)],
  ]);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Diagnostic['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export { InputError };
