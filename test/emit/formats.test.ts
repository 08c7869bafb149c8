import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { openApiDocument } from '../../generator/emit/openapi.js';
import { emitRuntime } from '../../generator/emit/runtime.js';
import { emitTypes } from '../../generator/emit/types.js';
import { emitValidators } from '../../generator/emit/validators.js';
import { modelOf, seedFiles } from '../helpers.js';

const config = parseConfig(
  { fields: { 'Customer.saleRepresentativeEmail': { format: 'email' }, 'Customer.posCode': { pattern: '^[A-Z]{2}\\d+:\\d+$' } } },
  'codegen.config.json',
);

/** Generates the validators for a config and imports them, transpiled, from a temporary folder. */
async function validatorsFor() {
  const model = modelOf(seedFiles(), config);
  const dir = mkdtempSync(path.join(tmpdir(), 'booster-formats-'));
  for (const [name, source] of [
    ['types', await emitTypes(model, 'x')],
    ['validators', await emitValidators(model, 'x')],
    ['schema', emitRuntime('schema.ts', 'x')],
    ['checks', emitRuntime('checks.ts', 'x')],
  ] as const)
    writeFileSync(
      path.join(dir, `${name}.js`),
      ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText,
    );
  return {
    model,
    v: (await import(pathToFileURL(path.join(dir, 'validators.js')).href)) as Record<string, { validate(x: unknown): { path: unknown[]; message: string }[] }>,
  };
}

const valid = {
  privacyPolicyAcceptanceStorage: true,
  canBeContactedByMaison: true,
  clientType: 'COMPANY',
  companyName: 'Acme',
  countryId: 'it',
  posCode: 'ES100:102048',
  brand: 'CAR',
  saleRepresentativeEmail: 'rauf.aliyev@richemont.com',
};

describe('formats and patterns from codegen.config.json', () => {
  it('rejects bad config values with the setting named', () => {
    expect(() => parseConfig({ fields: { 'A.b': { format: 'phone' } } }, 'c.json')).toThrow(/c\.json\.fields\.A\.b\.format: must be one of email/);
    expect(() => parseConfig({ fields: { 'A.b': { pattern: '([' } } }, 'c.json')).toThrow(/is not a valid regular expression/);
  });

  it('holds members to them in the validators and in the OpenAPI schema', async () => {
    const { model, v } = await validatorsFor();
    const schema = v.CreateCustomerSchema!;
    expect(schema.validate(valid)).toEqual([]);
    expect(schema.validate({ ...valid, saleRepresentativeEmail: 'not an email' })).toEqual([
      { path: ['saleRepresentativeEmail'], message: 'expected a valid email' },
    ]);
    expect(schema.validate({ ...valid, posCode: 'ES100' })).toEqual([{ path: ['posCode'], message: 'expected a string matching /^[A-Z]{2}\\d+:\\d+$/' }]);
    const own = (openApiDocument(model, '0.1.0') as any).components.schemas.Customer.allOf[0].properties;
    expect(own.posCode.pattern).toBe('^[A-Z]{2}\\d+:\\d+$');
    expect(own.saleRepresentativeEmail.pattern).toContain('@');
  });
});
