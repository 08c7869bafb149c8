/**
 * The static runtime of the generated package: modules that depend on nothing in the docs
 * (templates/runtime/*.ts), real TypeScript that the generator's own tsc and linter check. They
 * are copied as they are, under the generated header.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../package-root.js';
import { GENERATED_HEADER } from './render.js';

/** The modules, by their name in both templates/runtime/ and output/src/. */
export const RUNTIME_MODULES = ['schema.ts', 'checks.ts', 'core.ts', 'call.ts', 'auth.ts', 'retry.ts', 'class-options.ts'] as const;

export type RuntimeModule = (typeof RUNTIME_MODULES)[number];

export function emitRuntime(module: RuntimeModule, command: string): string {
  return `${GENERATED_HEADER(command)}\n${readFileSync(path.join(TEMPLATES_DIR, 'runtime', module), 'utf8')}`;
}
