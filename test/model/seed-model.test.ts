import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitModelJson } from '../../generator/emit/model-json.js';
import type { ApiModel } from '../../generator/model/api-model.js';
import { readTextPage } from '../../generator/read/text-page.js';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { fieldOf, modelOf, opOf, ROOT, seedFiles, typeOf } from '../helpers.js';

const model = modelOf(seedFiles());
const codes = (m: ApiModel, code: string) => m.diagnostics.filter((d) => d.code === code);

describe('model of the four seeds', () => {
  it('is the committed output/api-model.json', () => {
    expect(emitModelJson(model, 'booster-codegen generate')).toBe(readFileSync(path.join(ROOT, 'output/api-model.json'), 'utf8'));
  });

  it('has the three operations with verb and path', () => {
    expect(model.operations.map((o) => [o.name, o.routes.map((r) => `${r.verbs.join(',')} ${r.path}`)])).toEqual([
      ['CreateCustomer', ['POST /customer']],
      ['ExportCustomer', ['POST /customer/{brand}/export']],
      ['UpdateCustomer', ['PUT /customer/{boosterCustomerId}']],
    ]);
    expect(opOf(model, 'UpdateCustomer').routes[0]).toMatchObject({
      summary: 'Update customer',
      notes: 'Update CRM customer',
      pathVariables: ['boosterCustomerId'],
    });
  });

  it('keeps inheritance', () => {
    expect(typeOf(model, 'UpdateCustomer').base).toBe('Customer');
    expect(typeOf(model, 'CreateCustomer').base).toBe('Customer');
    expect(typeOf(model, 'ExportCustomer').base).toBe('SearchCustomer');
    expect(typeOf(model, 'UpdateCustomer').fields.map((f) => f.name)).toEqual(['boosterCustomerId']);
    expect(typeOf(model, 'ExportCustomer').fields.map((f) => f.name)).toEqual(['downloadRequestId']);
  });

  it('defines Customer once, from all three pages that show it', () => {
    expect(model.types.filter((t) => t.name === 'Customer')).toHaveLength(1);
    const customer = typeOf(model, 'Customer');
    expect(customer.fields).toHaveLength(38);
    expect(new Set(customer.sources.map((s) => s.file))).toEqual(new Set(['000_7647e57921bd59cd.txt', '001_8060713cbadbf278.txt', '002_893a8cf0c7c0b088.txt']));
    expect(model.types.map((t) => t.name)).not.toContain('UpdateCustomerBase');
  });

  it('recovers Email.email and says so', () => {
    const email = fieldOf(model, 'Email', 'email');
    expect(email).toMatchObject({ wireName: 'email', required: true, type: { kind: 'primitive', name: 'string' } });
    expect(email.sources.map((s) => `${s.file}:${s.line}`)).toContain('000_7647e57921bd59cd.txt:48');
    const recovered = codes(model, 'SS063');
    expect(recovered.map((d) => `${d.loc?.file}:${d.loc?.line}`)).toEqual(['000_7647e57921bd59cd.txt:48', '002_893a8cf0c7c0b088.txt:49']);
    expect(recovered[0]!.message).toContain("'email'");
  });

  it('makes route variables path parameters, required whatever the table says', () => {
    const exportOp = opOf(model, 'ExportCustomer');
    expect(exportOp.parameters.find((p) => p.name === 'brand')).toEqual({ name: 'brand', declaredIn: 'SearchCustomer', in: 'path', required: true });
    expect(exportOp.parameters.filter((p) => p.in === 'body')).toHaveLength(22);
    const update = opOf(model, 'UpdateCustomer');
    expect(update.parameters.find((p) => p.name === 'boosterCustomerId')).toMatchObject({ in: 'path', required: true });
    expect(fieldOf(model, 'UpdateCustomer', 'boosterCustomerId').required).toBe(true);
    expect(codes(model, 'SS056').map((d) => d.loc?.line)).toEqual([5]);
  });

  it('reads required-ness per type', () => {
    expect(fieldOf(model, 'ProductCollection', 'translation').required).toBe(true);
    expect(fieldOf(model, 'Interest', 'translation').required).toBe(false);
    expect(fieldOf(model, 'GetCustomerHobby', 'hobby').required).toBe(false);
    expect(fieldOf(model, 'Hobby', 'hobby').required).toBe(true);
  });

  it('takes wire names from the JSON sample, and types from the tables', () => {
    expect(fieldOf(model, 'Customer', 'contactBySMSFlag')).toMatchObject({ wireName: 'contactBySMSFlag', wireNameFrom: 'json-sample' });
    expect(fieldOf(model, 'Customer', 'birthDate').type).toEqual({ kind: 'primitive', name: 'DateTime', nullable: true });
    expect(fieldOf(model, 'Customer', 'emails').type).toEqual({ kind: 'list', of: { kind: 'ref', name: 'Email', nullable: false } });
    expect(fieldOf(model, 'SearchCustomer', 'clientSpendingFrom').type).toEqual({ kind: 'primitive', name: 'double', nullable: true });
    expect(fieldOf(model, 'SearchCustomer', 'posCodes').type).toEqual({ kind: 'list', of: { kind: 'primitive', name: 'string', nullable: false } });
    expect(fieldOf(model, 'ExportCustomerResponse', 'asyncTaskId').type).toEqual({ kind: 'primitive', name: 'Guid', nullable: false });
  });

  it('knows the .NET namespaces the XML samples show', () => {
    expect(typeOf(model, 'ProductCategory').namespace).toBe('Richemont.Booster2.PublicApi.Common.ServiceModel');
    expect(typeOf(model, 'SearchCustomer').namespace).toBe('Richemont.Booster2.PublicApi.CRM.ServiceModel');
    expect(typeOf(model, 'Customer').namespace).toBe('Richemont.Booster2.PublicApi.CRM.ServiceModel');
  });

  it('types the responses', () => {
    expect(opOf(model, 'CreateCustomer').response).toEqual({ kind: 'typed', type: 'CreateCustomerResponse' });
    expect(opOf(model, 'ExportCustomer').response).toEqual({ kind: 'typed', type: 'ExportCustomerResponse' });
    expect(opOf(model, 'UpdateCustomer').response).toEqual({ kind: 'untyped' });
    expect(typeOf(model, 'CreateCustomerResponse').fields.map((f) => [f.name, f.required])).toEqual([['boosterCustomerId', true]]);
    expect(typeOf(model, 'ExportCustomerResponse').fields.map((f) => f.name)).toEqual(['asyncTaskId']);
  });

  it('reads auth, formats, host and the service name', () => {
    expect(opOf(model, 'UpdateCustomer').auth.required).toBe(true);
    expect(opOf(model, 'ExportCustomer').auth.required).toBe(true);
    expect(opOf(model, 'CreateCustomer').auth.required).toBe(false);
    expect(codes(model, 'SS052').map((d) => d.message)).toEqual([expect.stringContaining("'CreateCustomer'")]);
    expect(opOf(model, 'CreateCustomer').formats).toEqual(['csv']);
    expect(model.service).toEqual({ name: 'Richemont.Booster2.PublicApi', host: 'dev-api-booster.richemont.com' });
  });

  it('turns "Mandatory only when customer type is …" into rules on clientType', () => {
    expect(typeOf(model, 'Customer').rules.map((r) => [r.field, r.when.field, r.when.equals])).toEqual([
      ['companyName', 'clientType', 'COMPANY'],
      ['gender', 'clientType', 'PRIVATE'],
      ['languageId', 'clientType', 'PRIVATE'],
      ['lastName', 'clientType', 'PRIVATE'],
      ['title', 'clientType', 'PRIVATE'],
    ]);
  });

  it('extracts examples, which are not a closed set', () => {
    expect(fieldOf(model, 'Customer', 'clientType')).toMatchObject({ examples: ['PRIVATE', 'COMPANY'] });
    expect(fieldOf(model, 'Customer', 'clientType').closed).toBeUndefined();
    expect(fieldOf(model, 'Customer', 'title').examples).toEqual(['Mr & Mrs', 'Mr.', 'Mrs.', 'Sama', 'Captain']);
    expect(fieldOf(model, 'Customer', 'languageId').examples).toEqual(['ita', 'chi', 'aze', 'eng', 'ger']);
  });

  it('names the operation of a page that does not, and says so', () => {
    expect(codes(model, 'SS050').map((d) => `${d.loc?.file}: ${d.message}`)).toEqual([expect.stringMatching(/^002_.*'CreateCustomer'/)]);
  });

  it('puts every table row of every seed into the model', () => {
    const sourced = new Set(model.types.flatMap((t) => t.fields.flatMap((f) => f.sources.map((s) => `${s.file}:${s.line}`))));
    let rows = 0;
    for (const f of seedFiles()) {
      const page = readTextPage(f.file, f.text, new DiagnosticBag());
      for (const table of page.tables)
        for (const row of table.rows) {
          rows++;
          expect(sourced, `${f.file}:${row.loc.line} (${row.name ?? 'unnamed'})`).toContain(`${f.file}:${row.loc.line}`);
        }
    }
    expect(rows).toBe(1 + 38 + 2 + 4 + 14 + 4 + 3 + 3 + 3 + (2 + 38 + 2 + 4 + 14 + 4 + 3 + 3 + 3 + 1) + (1 + 22 + 2 + 2 + 2 + 5 + 1));
  });
});

describe('order and subsets of the input', () => {
  const withoutSources = (m: ApiModel) =>
    JSON.parse(JSON.stringify({ ...m, diagnostics: [] }, (k, v: unknown) => (k === 'sources' ? undefined : v))) as unknown;

  it('gives the same model whatever order the files come in', () => {
    const files = seedFiles();
    const expected = emitModelJson(model, 'x');
    for (const order of [
      [3, 2, 1, 0],
      [1, 3, 0, 2],
      [2, 0, 3, 1],
    ])
      expect(emitModelJson(modelOf(order.map((i) => files[i]!)), 'x')).toBe(expected);
  });

  it('gives the same API when the files are named so that they sort the other way round', () => {
    const renamed = seedFiles().map((f, i) => ({ ...f, file: `${9 - i}_${f.file}` }));
    expect(withoutSources(modelOf(renamed))).toEqual(withoutSources(model));
  });

  it('keeps UpdateCustomer complete from seed 000 alone, naming its base by fallback', () => {
    const only = modelOf(seedFiles().filter((f) => f.file.startsWith('000')));
    const op = opOf(only, 'UpdateCustomer');
    expect(op.routes[0]).toMatchObject({ verbs: ['PUT'], path: '/customer/{boosterCustomerId}' });
    expect(op.response).toEqual({ kind: 'untyped' });
    expect(typeOf(only, 'UpdateCustomer').base).toBe('UpdateCustomerBase');
    expect(typeOf(only, 'UpdateCustomerBase').fields).toHaveLength(38);
    expect(fieldOf(only, 'Email', 'email').required).toBe(true);
    expect(op.parameters).toHaveLength(39);
    const fallback = only.diagnostics.find((d) => d.code === 'SS060');
    expect(fallback).toMatchObject({ severity: 'warning', loc: { file: '000_7647e57921bd59cd.txt', line: 6 } });
    expect(fallback!.message).toContain("'UpdateCustomerBase'");
  });

  it('with seed 001 removed, still knows every operation and type', () => {
    const without = modelOf(seedFiles().filter((f) => !f.file.startsWith('001')));
    expect(without.operations.map((o) => o.name)).toEqual(['CreateCustomer', 'ExportCustomer', 'UpdateCustomer']);
    expect(typeOf(without, 'UpdateCustomer').fields.map((f) => f.name)).toEqual(['boosterCustomerId']);
  });
});
