/**
 * Whatever the model makes of pages nobody showed it, the package it generates compiles: every
 * API of the held-out corpus in every page form (a language tab's HTML form: its text copy gives
 * the same model), all pages together, under `tsc --strict` (one program for all of them, so that
 * the check costs one type-check).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strictDiagnostics } from '../emit/compile.js';
import { emitRuntime, RUNTIME_MODULES } from '../../generator/emit/runtime.js';
import { GENERATE_COMMAND } from '../../generator/generate.js';
import { renderAll } from '../hostile/harness.js';
import { APIS } from './apis.js';
import { renderApi, TABS, type PageForm } from './render.js';

const FORMS: readonly PageForm[] = ['html-json', 'html-xml', 'pipe-leading', 'pipe-no-leading', 'squashed', ...TABS.map((t) => `tab-${t.key}-html` as const)];

describe('held-out corpus: the generated package compiles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'booster-corpus-compile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every API in every page form, under tsc --strict', async () => {
    const sources: string[] = [];
    // The static runtime modules are the same text in every package: written once and linked into
    // each, so that the program (which follows links to the real file) checks them once.
    const runtime = path.join(dir, 'runtime');
    mkdirSync(runtime);
    for (const module of RUNTIME_MODULES) writeFileSync(path.join(runtime, module), emitRuntime(module, GENERATE_COMMAND));
    for (const api of APIS)
      for (const form of FORMS) {
        const { files } = await renderAll(renderApi(api, form).map((p) => ({ file: p.file, text: p.text })));
        for (const [file, text] of files) {
          const at = path.join(dir, `${api.key}-${form}`, file);
          mkdirSync(path.dirname(at), { recursive: true });
          const module = RUNTIME_MODULES.find((m) => file === `src/${m}`);
          if (module) {
            expect(text, file).toBe(readFileSync(path.join(runtime, module), 'utf8'));
            symlinkSync(path.join(runtime, module), at);
          } else {
            writeFileSync(at, text);
            if (/^src\/.*\.ts$/.test(file)) sources.push(at);
          }
        }
      }
    // Per package, the modules generated from its docs: types, validators, dates, operations, client, index.
    expect(sources.length).toBe(APIS.length * FORMS.length * 6);
    expect(strictDiagnostics(sources)).toEqual([]);
  }, 120_000);
});
