/**
 * codegen.config.json: defaults for the CLI and corrections to the model, so that nobody
 * edits the docs. Unknown keys and wrong types are reported with the file's name.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostic-codes.js';

export interface RuleConfig {
  type: string;
  field: string;
  requiredWhen: { field: string; equals: string };
}

/** What a diagnostic becomes: dropped, or printed with this severity. */
export type DiagnosticLevel = 'off' | 'note' | 'warning' | 'error';

export type DiagnosticLevels = Partial<Record<DiagnosticCode, DiagnosticLevel>>;

/**
 * `diagnostics`: levels by code for every page, for the diagnostics in one page (by its path in
 * the input folder), or in the pages of one operation; the narrowest that names a code wins.
 */
export interface DiagnosticSettings {
  codes: DiagnosticLevels;
  files: Record<string, DiagnosticLevels>;
  operations: Record<string, DiagnosticLevels>;
}

export interface CodegenConfig {
  input: string;
  out: string;
  clientName: string;
  packageName: string;
  packageVersion: string;
  /** The package's `license` (an SPDX expression, or `UNLICENSED` for a package not offered for use by others). */
  license: string;
  /** The package's `repository`: its git URL, and the folder the package is in when it is not the repository's root. */
  repository?: { url: string; directory?: string };
  /** The service's root URL, for the README and OpenAPI; else the samples' host when it is a public one. */
  baseUrl?: string;
  rename: { types: Record<string, string>; operations: Record<string, string> };
  operations: Record<string, { requiresAuth?: boolean }>;
  /** Keyed `Type.member` (wire or .NET name). */
  fields: Record<string, { closed?: boolean; examples?: string[]; required?: boolean; format?: string; pattern?: string }>;
  rules: { add: RuleConfig[]; remove: { type: string; field: string }[] };
  /**
   * For `diff` and the version bump only: names the docs changed (old → new). Such a pair is
   * reported as one rename (still breaking) with its other changes, instead of a removal and an addition.
   */
  diff: { renamed: { types: Record<string, string>; operations: Record<string, string> } };
  diagnostics: DiagnosticSettings;
}

export const DEFAULT_CONFIG: CodegenConfig = {
  input: 'input',
  out: 'output',
  clientName: 'BoosterClient',
  packageName: 'booster-api-client',
  packageVersion: '0.1.0',
  license: 'UNLICENSED',
  rename: { types: {}, operations: {} },
  operations: {},
  fields: {},
  rules: { add: [], remove: [] },
  diff: { renamed: { types: {}, operations: {} } },
  diagnostics: { codes: {}, files: {}, operations: {} },
};

export class ConfigError extends Error {}

type Check = (value: unknown, path: string) => void;

const fail = (path: string, what: string): never => {
  throw new ConfigError(`${path}: ${what}`);
};
const str: Check = (v, p) => {
  if (typeof v !== 'string') fail(p, 'must be a string');
};
const bool: Check = (v, p) => {
  if (typeof v !== 'boolean') fail(p, 'must be true or false');
};
const strings: Check = (v, p) => {
  if (!Array.isArray(v)) fail(p, 'must be an array of strings');
  (v as unknown[]).forEach((x, i) => str(x, `${p}[${i}]`));
};
const object =
  (shape: Record<string, Check>): Check =>
  (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'must be an object');
    for (const [k, x] of Object.entries(v as object)) {
      const check = shape[k];
      if (!check) fail(`${p}.${k}`, `unknown setting (known: ${Object.keys(shape).join(', ')})`);
      check!(x, `${p}.${k}`);
    }
  };
const record =
  (check: Check): Check =>
  (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'must be an object');
    for (const [k, x] of Object.entries(v as object)) check(x, `${p}.${k}`);
  };
const list =
  (check: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) fail(p, 'must be an array');
    (v as unknown[]).forEach((x, i) => check(x, `${p}[${i}]`));
  };

/** Named string formats a member can be held to (`fields.X.format`); each is a regular expression. */
export const STRING_FORMATS: Record<string, string> = {
  email: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
  uri: '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*$',
  uuid: '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$',
  date: '^\\d{4}-\\d{2}-\\d{2}$',
  'country-code': '^[A-Za-z]{2}$',
};
const oneOfNames =
  (names: Record<string, unknown>): Check =>
  (v, p) => {
    str(v, p);
    if (!(String(v) in names)) fail(p, `must be one of ${Object.keys(names).join(', ')}`);
  };
const httpUrl: Check = (v, p) => {
  str(v, p);
  if (!URL.canParse(String(v)) || !/^https?:$/.test(new URL(String(v)).protocol)) fail(p, 'must be an absolute http(s) URL');
};
const regex: Check = (v, p) => {
  str(v, p);
  try {
    new RegExp(String(v), 'u');
  } catch (e) {
    fail(p, `is not a valid regular expression (${(e as Error).message})`);
  }
};

/** `{ "url": "https://github.com/owner/repo.git", "directory": "output" }`: `url` required. */
const repositoryShape: Check = (v, p) => {
  object({ url: str, directory: str })(v, p);
  if ((v as { url?: unknown }).url === undefined) fail(`${p}.url`, 'is required');
};

const LEVELS = { off: 0, note: 0, warning: 0, error: 0 };
const levels: Check = (v, p) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'must be an object');
  for (const [code, level] of Object.entries(v as object)) {
    if (!(code in DIAGNOSTIC_CODES)) fail(`${p}.${code}`, 'is not a diagnostic code (SS001…, listed in README.md)');
    oneOfNames(LEVELS)(level, `${p}.${code}`);
  }
};
/** `{ "SS052": "off", "files": { page: levels }, "operations": { name: levels } }`. */
const diagnosticsShape: Check = (v, p) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'must be an object');
  const { files, operations, ...codes } = v as Record<string, unknown>;
  levels(codes, p);
  if (files !== undefined) record(levels)(files, `${p}.files`);
  if (operations !== undefined) record(levels)(operations, `${p}.operations`);
};

const CONFIG_SHAPE = object({
  $schema: str,
  input: str,
  out: str,
  clientName: str,
  packageName: str,
  packageVersion: str,
  license: str,
  repository: repositoryShape,
  baseUrl: httpUrl,
  rename: object({ types: record(str), operations: record(str) }),
  operations: record(object({ requiresAuth: bool })),
  fields: record(object({ closed: bool, examples: strings, required: bool, format: oneOfNames(STRING_FORMATS), pattern: regex })),
  rules: object({
    add: list(object({ type: str, field: str, requiredWhen: object({ field: str, equals: str }) })),
    remove: list(object({ type: str, field: str })),
  }),
  diff: object({ renamed: object({ types: record(str), operations: record(str) }) }),
  diagnostics: diagnosticsShape,
});

/** Checks and completes a parsed config; throws ConfigError naming the bad setting. */
export function parseConfig(raw: unknown, file: string): CodegenConfig {
  CONFIG_SHAPE(raw, file);
  const c = raw as Partial<Omit<CodegenConfig, 'diagnostics'>> & { diagnostics?: Record<string, unknown> };
  const { files = {}, operations = {}, ...codes } = c.diagnostics ?? {};
  return {
    ...DEFAULT_CONFIG,
    ...c,
    rename: { ...DEFAULT_CONFIG.rename, ...c.rename },
    rules: { ...DEFAULT_CONFIG.rules, ...c.rules },
    diff: { renamed: { ...DEFAULT_CONFIG.diff.renamed, ...c.diff?.renamed } },
    diagnostics: { codes, files, operations } as DiagnosticSettings,
  };
}

/**
 * What a config file (or `defineConfig`) holds: every setting optional, as in codegen.config.json.
 * `diagnostics` takes codes (`SS052: 'off'`) beside `files` and `operations`.
 */
export interface UserConfig {
  $schema?: string;
  input?: string;
  out?: string;
  clientName?: string;
  packageName?: string;
  packageVersion?: string;
  baseUrl?: string;
  rename?: Partial<CodegenConfig['rename']>;
  operations?: CodegenConfig['operations'];
  fields?: CodegenConfig['fields'];
  rules?: Partial<CodegenConfig['rules']>;
  diff?: { renamed?: Partial<CodegenConfig['diff']['renamed']> };
  diagnostics?: DiagnosticLevels & { files?: Record<string, DiagnosticLevels>; operations?: Record<string, DiagnosticLevels> };
}

/** Types a config written in code (`generate({ config: defineConfig({ … }) })`); it is checked as a file's would be. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

/** A config and the text it was read from (the incremental check hashes it); no text for the defaults. */
interface LoadedConfig {
  config: CodegenConfig;
  text?: string;
}

/** Reads the config file; a missing default file means the defaults. */
export async function loadConfig(file: string, explicit: boolean): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (!explicit && (e as NodeJS.ErrnoException).code === 'ENOENT') return { config: DEFAULT_CONFIG };
    throw new ConfigError(`${file}: cannot read (${(e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return { config: parseConfig(raw, file), text };
}

export interface RunOptions {
  input?: string;
  out?: string;
  /** A config file (default: codegen.config.json if present), or the config itself (`defineConfig`). */
  config?: string | UserConfig;
  cwd?: string;
}

/** What diagnostics name a config given as an object rather than a file. */
export const CONFIG_OBJECT = '(config object)';

export interface ResolvedRun {
  config: CodegenConfig;
  /** The config file (absolute), or CONFIG_OBJECT. */
  configFile: string;
  /** The config's text as read (JSON for an object); undefined for the defaults. */
  configText?: string;
  inputDir: string;
  outDir: string;
}

/** The config and the folders a run works on: flags override the config file, which overrides the defaults. */
export async function resolveRun(options: RunOptions): Promise<ResolvedRun> {
  const cwd = options.cwd ?? process.cwd();
  const given = options.config;
  const configFile = typeof given === 'object' ? CONFIG_OBJECT : path.resolve(cwd, given ?? 'codegen.config.json');
  const { config, text } =
    typeof given === 'object' ? { config: parseConfig(given, CONFIG_OBJECT), text: JSON.stringify(given) } : await loadConfig(configFile, given !== undefined);
  return {
    config,
    configFile,
    ...(text !== undefined ? { configText: text } : {}),
    inputDir: path.resolve(cwd, options.input ?? config.input),
    outDir: path.resolve(cwd, options.out ?? config.out),
  };
}
