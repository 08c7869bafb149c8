/**
 * Property-based tests of the whole pipeline on mutated seeds (and HTML pages): reading and
 * building the model never throws, no reader fails internally (SS004), every diagnostic says
 * where, the model is whole (every type it names is defined), and rendering every file gives
 * TypeScript that parses and JSON that parses. A few cases compile under `tsc --strict` too.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { safeTypeName } from '../../generator/names/identifiers.js';
import { emitModelJson } from '../../generator/emit/model-json.js';
import type { ApiModel, TypeRef } from '../../generator/model/api-model.js';
import type { InputFile } from '../../generator/read/input.js';
import { strictDiagnostics } from '../emit/compile.js';
import { modelFrom, renderAll, writeTree } from '../hostile/harness.js';
import { FUZZ_RUNS, lineCounts, params, report, runs, SEED, timed, timedAsync, timeoutFor, unlocated, writeReport } from './budget.js';
import { mutate, mutations } from './mutate.js';
import { ALL_PAGES, TEXT_SEEDS } from './sources.js';

/** Per-case budgets, plus time in proportion to the input (mutations can repeat a page hundreds of times). */
const MODEL_BUDGET_MS = 5_000;
const RENDER_BUDGET_MS = 30_000;
const budget = (base: number, files: InputFile[]) => base + (10_000 * files.reduce((n, f) => n + f.text.length, 0)) / 1e6;

afterAll(() => {
  if (!FUZZ_RUNS) return;
  console.log(`pipeline:\n${report()}`);
  writeReport(path.join(tmpdir(), `booster-fuzz-pipeline-${SEED}.txt`));
});

/**
 * One to four pages, each a mutated copy of a seed (mostly) or of an HTML page; the same page
 * may come twice, under another name.
 */
const inputSet = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 3, arbitrary: fc.nat({ max: TEXT_SEEDS.length - 1 }) }, { weight: 1, arbitrary: fc.nat({ max: ALL_PAGES.length - 1 }) }),
      fc.option(mutations, { freq: 5 }),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((picks) =>
    picks.map(([i, ms], k): InputFile & { mutations: unknown } => {
      const page = ALL_PAGES[i]!;
      const ext = path.extname(page.file);
      return { file: `${k}_${path.basename(page.file, ext)}${ext}`, text: ms ? mutate(page.text, ms) : page.text, mutations: { page: page.file, ms } };
    }),
  );

const described = (files: (InputFile & { mutations: unknown })[]) => files.map((f) => f.mutations);

function refsOf(t: TypeRef): string[] {
  return t.kind === 'ref' ? [t.name] : t.kind === 'list' ? refsOf(t.of) : t.kind === 'dictionary' ? [...refsOf(t.key), ...refsOf(t.value)] : [];
}

/** Model invariants the emitters rely on. */
function checkModel(model: ApiModel, files: InputFile[]): void {
  expect(model.diagnostics.filter((d) => d.code === 'SS004').map((d) => d.message)).toEqual([]);
  expect(unlocated(model.diagnostics, lineCounts(files))).toEqual([]);
  const names = new Set(model.types.map((t) => t.name));
  expect(names.size).toBe(model.types.length);
  expect(new Set(model.types.map((t) => safeTypeName(t.name))).size).toBe(model.types.length);
  const named = [
    ...model.types.flatMap((t) => [...(t.base ? [t.base] : []), ...t.fields.flatMap((f) => refsOf(f.type))]),
    ...model.operations.flatMap((o) => [o.request, ...(o.response.kind === 'typed' ? [o.response.type] : [])]),
  ];
  expect(named.filter((n) => !names.has(n))).toEqual([]);
  expect(new Set(model.operations.map((o) => o.name)).size).toBe(model.operations.length);
}

describe('the model', () => {
  const n = runs(120, 0.3);
  it(
    `builds from ${n} sets of mutated pages: no throw, no internal error, located diagnostics, no dangling name`,
    () => {
      fc.assert(
        fc.property(inputSet, (files) => {
          const model = timed('model', budget(MODEL_BUDGET_MS, files), described(files), () => modelFrom(files));
          checkModel(model, files);
          expect(() => JSON.parse(emitModelJson(model, 'x'))).not.toThrow();
        }),
        params(n),
      );
    },
    timeoutFor(n, 40),
  );
});

describe('every generated file', () => {
  const n = runs(12, 0.015);
  it(
    `renders from ${n} sets of mutated pages: TypeScript that parses, JSON that parses`,
    async () => {
      await fc.assert(
        fc.asyncProperty(inputSet, async (files) => {
          const { model, files: out } = await timedAsync('render', budget(RENDER_BUDGET_MS, files), described(files), () => renderAll(files));
          checkModel(model, files);
          for (const [name, text] of out) {
            if (name.endsWith('.json')) expect(() => JSON.parse(text), name).not.toThrow();
            if (!name.endsWith('.ts')) continue;
            const { diagnostics } = ts.transpileModule(text, { reportDiagnostics: true, fileName: name, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
            expect(
              diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
              name,
            ).toEqual([]);
          }
        }),
        params(n),
      );
    },
    timeoutFor(n, 2_000),
  );

  const m = runs(2, 0.002);
  it(
    `compiles under tsc --strict for ${m} sets of mutated pages`,
    async () => {
      await fc.assert(
        fc.asyncProperty(inputSet, async (files) => {
          const { files: out } = await renderAll(files);
          const dir = writeTree(out);
          const sources = [...out.keys()].filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
          expect(sources.every((f) => existsSync(f))).toBe(true);
          expect(timed('strict compile', 60_000, described(files), () => strictDiagnostics(sources))).toEqual([]);
        }),
        params(m),
      );
    },
    timeoutFor(m, 10_000),
  );
});
