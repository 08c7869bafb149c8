/**
 * The pipeline behind `generate` and `inspect`: config → input files → pages → model → files.
 * No printing and no exit codes here: the CLI decides what to show.
 */
import path from 'node:path';
import { CONFIG_OBJECT, resolveRun, type CodegenConfig, type RunOptions } from './config.js';
import { applyDiagnosticSettings } from './diagnostic-settings.js';
import { DiagnosticBag, type Diagnostic } from './diagnostics.js';
import { EMITTERS } from './emit/index.js';
import { collectReleased, LARGE_RUN } from './heap.js';
import { textOf } from './file-content.js';
import { GENERATE_COMMAND } from './generate-command.js';
import type { ApiModel } from './model/api-model.js';
import { buildModelFrom, type PassTiming } from './model/build-model.js';
import { InputError, loadInputFiles, readPages } from './read/input.js';
import type { FileSink, OutputFiles } from './write-output.js';

export { GENERATE_COMMAND };

export interface ModelRun {
  config: CodegenConfig;
  /** The config file as diagnostics name it (relative to the working folder). */
  configFile: string;
  inputDir: string;
  outDir: string;
  model: ApiModel;
  /** Set when the input as a whole is unusable (nothing readable, no operation). */
  unusable?: string;
  /** Wall time of loading, reading and each model pass, in order (`--verbose` prints them). */
  timings: PassTiming[];
  /**
   * The model's diagnostics at the levels the config's `diagnostics` gives them: what is printed
   * and counted (exit codes, --strict). The model (api-model.json) keeps them as reported.
   */
  diagnostics: Diagnostic[];
}

/**
 * Loads config and docs and builds the model. Throws ConfigError / InputError for bad usage.
 * `preread`: pages already read (by the incremental check), by path in the input folder; emptied as they are used.
 */
export async function runModel(options: RunOptions, preread?: Map<string, Buffer>): Promise<ModelRun> {
  const cwd = options.cwd ?? process.cwd();
  const { config, configFile, inputDir, outDir } = await resolveRun(options);
  const bag = new DiagnosticBag();
  const timings: PassTiming[] = [];
  let start = performance.now();
  const lap = (pass: string) => {
    const now = performance.now();
    timings.push({ pass, ms: now - start });
    start = now;
  };
  const files = await loadInputFiles(inputDir, bag, preread);
  lap('load');
  const fileCount = files.length;
  // The pages are the model's to hold (buildModelFrom): read from `files` emptied, so that neither stays here.
  const readInput = () => {
    const pages = readPages(files.splice(0), bag);
    lap('read');
    return pages;
  };
  const configLoc = { file: configFile === CONFIG_OBJECT ? configFile : path.relative(cwd, configFile).split(path.sep).join('/'), line: 1 };
  // Large runs collect the heap where the model lets the pages, then the facts go (heap.ts).
  const large = fileCount >= LARGE_RUN;
  const model = buildModelFrom(readInput, config, configLoc, bag, timings, () => collectReleased(large));
  const unusable = !fileCount
    ? `no readable page in ${path.relative(cwd, inputDir) || '.'} (looked for .txt, .md, .html files)`
    : !model.operations.length
      ? 'no operation found in the input'
      : undefined;
  const diagnostics = applyDiagnosticSettings(model.diagnostics, model.operations, config.diagnostics);
  return { config, configFile: configLoc.file, inputDir, outDir, model, ...(unusable ? { unusable } : {}), timings, diagnostics };
}

/** Renders the generated files one by one, each handed to `sink` before the next is rendered. */
export async function emitFiles(run: Pick<ModelRun, 'model' | 'config'>, sink: FileSink): Promise<void> {
  const ctx = { model: run.model, config: run.config, command: GENERATE_COMMAND };
  for (const e of EMITTERS) await sink.put(e.file, await e.emit(ctx));
}

/** Every generated file, rendered in memory (tests, and callers that want them all at once). */
export async function renderFiles(run: Pick<ModelRun, 'model' | 'config'>): Promise<OutputFiles> {
  const files: OutputFiles = new Map();
  await emitFiles(run, { put: async (rel, content) => void files.set(rel, await textOf(content)) });
  return files;
}

export { InputError, type RunOptions };
