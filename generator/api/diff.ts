/**
 * `diff`: how the API changed between a previous model (by default the api-model.json committed at
 * HEAD) and the current docs, each change classified as the package's users feel it.
 */
import path from 'node:path';
import { resolveRun, type RunOptions } from '../config.js';
import type { Diagnostic } from '../diagnostics.js';
import { countByImpact, diffModels, renamesOf, type Change, type Impact } from '../diff/compare.js';
import { formatJson, formatMarkdown, formatText } from '../diff/report.js';
import type { ApiModel } from '../model/api-model.js';

export interface DiffOptions extends RunOptions {
  /** An api-model.json file, or a git revision at which `<out>/api-model.json` is read (default: HEAD). */
  base?: string;
}

export interface DiffResult {
  /** What the docs were compared with: the file, or `REV:path`. */
  base: string;
  changes: Change[];
  /** Changes by impact: breaking, non-breaking, docs. */
  counts: Record<Impact, number>;
  /** The model of the current docs. */
  model: ApiModel;
  diagnostics: Diagnostic[];
  /** Set when the docs could not be used (no readable page, no operation): `changes` is then empty. */
  unusable?: string;
  inputDir: string;
  /** The config file as reports name it (relative to the working folder). */
  configFile: string;
}

export type DiffFormat = 'text' | 'markdown' | 'json';

/** Compares the docs with the base; throws UsageError when the base cannot be read, before reading the docs. */
export async function diff(options: DiffOptions = {}): Promise<DiffResult> {
  // Loaded on use: the model and its readers are most of the generator.
  const [{ runModel }, { loadBase }] = await Promise.all([import('../generate.js'), import('../diff/base.js')]);
  const cwd = options.cwd ?? process.cwd();
  const base = await loadBase(options.base, (await resolveRun(options)).outDir, cwd);
  const run = await runModel(options);
  const changes = run.unusable ? [] : diffModels(base.model, run.model, renamesOf(run.config));
  return {
    base: base.label,
    changes,
    counts: countByImpact(changes),
    model: run.model,
    diagnostics: run.diagnostics,
    ...(run.unusable ? { unusable: run.unusable } : {}),
    inputDir: run.inputDir,
    configFile: run.configFile,
  };
}

/** The report `booster-codegen diff --format …` prints: text for a terminal, Markdown for a pull request comment, JSON for tools. */
export function formatDiff(result: DiffResult, format: DiffFormat = 'text', o: { color?: boolean; cwd?: string } = {}): string {
  const options = {
    base: result.base,
    inputDir: path
      .relative(o.cwd ?? process.cwd(), result.inputDir)
      .split(path.sep)
      .join('/'),
    configFile: result.configFile,
    color: Boolean(o.color),
  };
  const formats = { json: formatJson, markdown: formatMarkdown, text: formatText };
  return formats[format](result.changes, options);
}
