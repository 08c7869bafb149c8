// The generated validators against an oracle that states their language from the model
// (validator-oracle.ts, with the runtime's former date and Guid regular expressions), on
// generated payloads, valid and mutated, for the seeds' types and a synthetic API's: a faster
// validator may check otherwise, never accept or reject otherwise.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { emitRuntime } from '../../generator/emit/runtime.js';
import { refSymbols } from '../../generator/emit/shapes.js';
import { namesOf } from '../../generator/emit/symbols.js';
import { emitTypes } from '../../generator/emit/types.js';
import { emitValidators } from '../../generator/emit/validators.js';
import type { ApiModel, Field, PrimitiveName } from '../../generator/model/api-model.js';
import type { Schema } from '../../output/src/index.js';
import { runs, SEED, timeoutFor } from '../fuzz/budget.js';
import { docsFiles, syntheticDocs } from '../synthetic/docs.js';
import { modelOf, named, seedFiles } from '../helpers.js';
import { DATE, GUID, oracleOf } from './validator-oracle.js';
import { dateText, editedText, guidText, mutate, mutation, payloadsOf } from './validator-payloads.js';

type AnySchema = Schema<unknown>;

/** The validators the generator emits for `model` now, transpiled and imported, by type name. */
async function importValidators(model: ApiModel): Promise<(typeName: string) => AnySchema> {
  const dir = mkdtempSync(path.join(tmpdir(), 'validators-property-'));
  const files = {
    'types.ts': await emitTypes(model, 'test'),
    'validators.ts': await emitValidators(model, 'test'),
    'schema.ts': emitRuntime('schema.ts', 'test'),
    'checks.ts': emitRuntime('checks.ts', 'test'),
  };
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  for (const [name, text] of Object.entries(files)) {
    const { outputText } = ts.transpileModule(text, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
    writeFileSync(path.join(dir, name.replace(/\.ts$/, '.js')), outputText);
  }
  const exports = (await import(pathToFileURL(path.join(dir, 'validators.js')).href)) as Record<string, AnySchema>;
  return (typeName) => exports[refSymbols(typeName, undefined, namesOf(model))!.schema]!;
}

/** The three verdicts a schema gives on `v`: is(), validate(), validate() in strict mode. */
const verdicts = (schema: AnySchema, v: unknown) => [schema.is(v), schema.validate(v).length === 0, schema.validate(v, { strict: true }).length === 0];

const APIS: [string, () => ApiModel][] = [
  ['the seeds', () => modelOf(seedFiles())],
  ['a synthetic API of 50 operations', () => modelOf(docsFiles(syntheticDocs({ operations: 50, seed: 7 })))],
];

describe.each(APIS)('validators of %s', (_label, modelFor) => {
  const n = runs(600, 0.1);
  it(
    'accept and reject what the oracle does, on generated payloads and their mutations',
    async () => {
      const model = modelFor();
      const schemaOf = await importValidators(model);
      const accepts = oracleOf(model);
      const payloadOf = payloadsOf(model);
      const names = model.types.filter((t) => t.kind === 'object' && !t.typeParameters?.length).map((t) => t.name);
      const seen = { valid: 0, invalid: 0, strictOnly: 0 };
      const cases = fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), payloadOf(name), fc.array(mutation, { maxLength: 2 })));
      fc.assert(
        fc.property(cases, ([name, payload, mutations]) => {
          const v = mutations.reduce(mutate, payload);
          const expected = [accepts(name, v, false), accepts(name, v, false), accepts(name, v, true)];
          seen[expected[0] ? (expected[2] ? 'valid' : 'strictOnly') : 'invalid']++;
          expect(verdicts(schemaOf(name), v), `${name} ${JSON.stringify(v)}`).toEqual(expected);
        }),
        { numRuns: n, seed: SEED },
      );
      // Both sides of every verdict were met, so that the comparison says something.
      expect(Math.min(seen.valid, seen.invalid, seen.strictOnly), JSON.stringify(seen)).toBeGreaterThan(n / 20);
    },
    timeoutFor(n, 20),
  );
});

describe('date and Guid members', () => {
  const member = (wireName: string, name: PrimitiveName): Field => ({
    name: wireName,
    wireName,
    wireNameFrom: 'convention',
    type: { kind: 'primitive', name, nullable: false },
    required: true,
    examples: [],
    sources: [],
  });
  const model = named({
    service: {},
    operations: [],
    diagnostics: [],
    types: [{ name: 'Stamp', kind: 'object', fields: [member('at', 'DateTime'), member('id', 'Guid')], enumMembers: [], rules: [], sources: [] }],
  });
  const loaded = importValidators(model);
  const n = runs(2000, 0.1);
  const strings = (valid: fc.Arbitrary<string>) => fc.oneof(valid, editedText(valid), editedText(editedText(valid)), fc.string({ maxLength: 30 }));

  it(
    'accept exactly the strings of the former date pattern, on valid dates and single-character edits of them',
    async () => {
      const stamp = (await loaded)('Stamp');
      let accepted = 0;
      fc.assert(
        fc.property(strings(dateText), (at) => {
          if (DATE.test(at)) accepted++;
          expect(stamp.is({ at, id: '0123456789abcdef0123456789ABCDEF' }), at).toBe(DATE.test(at));
        }),
        { numRuns: n, seed: SEED },
      );
      expect(accepted).toBeGreaterThan(n / 5);
      expect(accepted).toBeLessThan(n * 0.8);
    },
    timeoutFor(n, 2),
  );

  it(
    'accept exactly the strings of the former Guid pattern, on valid Guids and single-character edits of them',
    async () => {
      const stamp = (await loaded)('Stamp');
      let accepted = 0;
      fc.assert(
        fc.property(strings(guidText), (id) => {
          if (GUID.test(id)) accepted++;
          expect(stamp.is({ at: '2024-05-01', id }), id).toBe(GUID.test(id));
        }),
        { numRuns: n, seed: SEED },
      );
      expect(accepted).toBeGreaterThan(n / 5);
      expect(accepted).toBeLessThan(n * 0.8);
    },
    timeoutFor(n, 2),
  );
});
