/**
 * booster-codegen's Node API: `import { generate, inspect, diff, crawl, defineConfig } from 'booster-codegen'`.
 * The CLI is a layer over these functions. None of them prints (unless given a `log`) or exits:
 * results say what happened, with the CLI's exit code; bad usage throws (ConfigError, InputError,
 * UsageError, OutputBusyError).
 */
export { generate, type GenerateOptions, type GenerateOutcome, type GenerateResult } from './api/generate.js';
export { watch, type WatchOptions, type Watcher } from './api/watch.js';
export { inspect, type InspectOptions, type InspectResult } from './api/inspect.js';
export { diff, formatDiff, type DiffFormat, type DiffOptions, type DiffResult } from './api/diff.js';
export { crawl, type CrawlOptions, type CrawlSummary, type ProgressSink } from './api/crawl.js';
export { formatReport } from './api/report.js';
export { release, type ReleaseOptions, type ReleaseOutcome, type ReleaseResult } from './release/release.js';
export { CONFIG_OBJECT, ConfigError, DEFAULT_CONFIG, defineConfig, type CodegenConfig, type RunOptions, type UserConfig } from './config.js';
export { formatDiagnostic, type Diagnostic, type Severity, type SourceLocation } from './diagnostics.js';
export type { DiagnosticCode } from './diagnostic-codes.js';
export type { Change, Impact } from './diff/compare.js';
export type { Release } from './diff/release.js';
export { UsageError } from './errors.js';
export type { ModelRun } from './generate.js';
export type { ApiModel, EnumMember, Field, Operation, Parameter, ResponseShape, Route, Rule, TypeDef, TypeRef } from './model/api-model.js';
export { InputError } from './read/input-files.js';
export { OutputBusyError } from './write-output.js';
