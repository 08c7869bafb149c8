/**
 * Every generated file and the emitter that renders it. Emitters only read the model (and the
 * config); adding an artifact is adding a line here.
 */
import type { CodegenConfig } from '../config.js';
import type { FileContent } from '../file-content.js';
import type { ApiModel } from '../model/api-model.js';
import { emitClient } from './client.js';
import { emitDates } from './dates.js';
import { modelJson } from './model-json.js';
import { openApiSource } from './openapi.js';
import { emitOperations } from './operations.js';
import { emitPackageIndex } from './package-index.js';
import { emitBuildScript, emitPackageJson, emitTsconfig } from './package.js';
import { emitReadme } from './readme.js';
import { emitRuntime, RUNTIME_MODULES } from './runtime.js';
import { typesSource } from './types.js';
import { validatorsSource } from './validators.js';

export interface EmitContext {
  model: ApiModel;
  config: CodegenConfig;
  /** The command line named in generated headers. */
  command: string;
}

export const EMITTERS: { file: string; emit: (ctx: EmitContext) => FileContent | Promise<FileContent> }[] = [
  { file: 'api-model.json', emit: (c) => modelJson(c.model, c.command) },
  { file: 'openapi.json', emit: (c) => openApiSource(c.model, c.config.packageVersion, c.command) },
  { file: 'package.json', emit: (c) => emitPackageJson(c.model, c.config, c.command) },
  { file: 'tsconfig.json', emit: (c) => emitTsconfig(c.command) },
  { file: 'build.mjs', emit: (c) => emitBuildScript(c.command) },
  { file: 'README.md', emit: (c) => emitReadme(c.model, c.config, c.command) },
  { file: 'src/types.ts', emit: (c) => typesSource(c.model, c.command) },
  ...RUNTIME_MODULES.map((module) => ({ file: `src/${module}`, emit: (c: EmitContext) => emitRuntime(module, c.command) })),
  { file: 'src/validators.ts', emit: (c) => validatorsSource(c.model, c.command) },
  { file: 'src/dates.ts', emit: (c) => emitDates(c.model, c.command) },
  { file: 'src/operations.ts', emit: (c) => emitOperations(c.model, c.command) },
  { file: 'src/client.ts', emit: (c) => emitClient(c.model, c.command) },
  { file: 'src/index.ts', emit: (c) => emitPackageIndex(c.model, c.command) },
];
