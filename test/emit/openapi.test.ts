import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { emitOpenApi, openApiDocument } from '../../generator/emit/openapi.js';
import { modelOf, ROOT, seedFiles } from '../helpers.js';
import { languageTabPage } from '../read/html-fixtures.js';
import { strictDiagnostics } from './compile.js';

const model = modelOf(seedFiles());
const doc = () => openApiDocument(model, '0.1.0') as Record<string, any>;

describe('openapi.json', () => {
  it('is the committed output/openapi.json', async () => {
    const text = await emitOpenApi(model, '0.1.0', 'booster-codegen generate');
    expect(text).toBe(readFileSync(path.join(ROOT, 'output/openapi.json'), 'utf8'));
  });

  it('is valid OpenAPI 3.1 for an independent validator: no errors, no warnings', async () => {
    const result = await validate(JSON.parse(await emitOpenApi(model, '0.1.0', 'x')) as never);
    expect('errors' in result ? result.errors : []).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('puts parameters where ServiceStack reads them', () => {
    const d = doc();
    const update = d.paths['/customer/{boosterCustomerId}'].put;
    expect(update.operationId).toBe('UpdateCustomer');
    expect(update.parameters).toEqual([
      expect.objectContaining({ name: 'boosterCustomerId', in: 'path', required: true, schema: { type: 'integer', format: 'int32' } }),
    ]);
    expect(update.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/UpdateCustomer' });
    expect(update.responses['200'].content['application/json'].schema).toEqual({});
    expect(update.security).toEqual([{ bearerAuth: [] }, { basicAuth: [] }]);
    expect(d.paths['/customer'].post.security).toBeUndefined();
    expect(d.paths['/customer/{brand}/export'].post.parameters[0]).toMatchObject({ name: 'brand', in: 'path', required: true });
    expect(d.servers).toEqual([{ url: 'https://dev-api-booster.richemont.com' }]);
    for (const s of ['400', '401', '403', '404', '500']) expect(update.responses[s]).toEqual({ $ref: '#/components/responses/Error' });
  });

  it('describes the DTOs: inheritance, required, nullable, formats, rules, namespaces', () => {
    const s = doc().components.schemas;
    expect(s.UpdateCustomer.allOf[0]).toEqual({ $ref: '#/components/schemas/Customer' });
    expect(s.UpdateCustomer.allOf[1].required).toEqual(['boosterCustomerId']);
    const customer = s.Customer;
    const own = customer.allOf[0];
    expect(own.required).toEqual(['canBeContactedByMaison', 'clientType', 'countryId', 'posCode', 'brand']);
    expect(own.properties.birthDate).toMatchObject({ type: ['string', 'null'], format: 'date-time' });
    expect(own.properties.clientType.examples).toEqual(['PRIVATE', 'COMPANY']);
    expect(customer.allOf.slice(1)).toEqual([
      { if: { properties: { clientType: { const: 'COMPANY' } }, required: ['clientType'] }, then: { required: ['companyName'] } },
      { if: { properties: { clientType: { const: 'PRIVATE' } }, required: ['clientType'] }, then: { required: ['gender', 'languageId', 'lastName', 'title'] } },
    ]);
    expect(s.ExportCustomerResponse.properties.asyncTaskId.pattern).toMatch(/\[0-9a-fA-F\]\{32\}/);
    expect(s.SearchCustomer.properties.birthdateMonths).toEqual(expect.objectContaining({ type: 'array', items: { type: 'integer', format: 'int32' } }));
    expect(s.ProductCategory.xml).toEqual({
      name: 'ProductCategory',
      namespace: 'http://schemas.datacontract.org/2004/07/Richemont.Booster2.PublicApi.Common.ServiceModel',
    });
    expect(s.ErrorResponse.properties.responseStatus).toEqual({ $ref: '#/components/schemas/ResponseStatus' });
  });

  it('agrees with types.ts: openapi-typescript types and ours are mutually assignable for every DTO', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booster-oa-'));
    writeFileSync(path.join(dir, 'openapi.ts'), astToString(await openapiTS(doc() as never)));
    const types = path.join(ROOT, 'output/src/types.ts').replace(/\.ts$/, '.js');
    const dtos = model.types.map((t) => t.name);
    const checks = dtos.map((n) => `export const check${n}: Same<components['schemas']['${n}'], T.${n}> = true;`);
    writeFileSync(
      path.join(dir, 'check.ts'),
      [
        "import type { components } from './openapi.js';",
        `import type * as T from '${types}';`,
        'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
        ...checks,
        // Controls: the check can fail.
        "export const control1: Same<components['schemas']['Customer'], T.Email> = false;",
        "export const control2: Same<components['schemas']['Email'], Omit<T.Email, 'email'>> = false;",
      ].join('\n'),
    );
    expect(dtos.length).toBeGreaterThan(15);
    expect(strictDiagnostics([path.join(dir, 'check.ts')])).toEqual([]);
  });

  it('lists an "All Verbs" route once, under the verb the client sends, saying it takes any', () => {
    const source =
      'namespace Demo\n{\n    [Route("/hello/{Name}")]\n    public class Hello : IReturn<HelloResponse> { public string Name { get; set; } }\n    public class HelloResponse { public string Result { get; set; } }\n}';
    const doc = openApiDocument(modelOf([languageTabPage('Hello.csharp.html', 'Hello', 'csharp', source)]), '0.1.0') as {
      paths: Record<string, Record<string, { description?: string; 'x-servicestack-all-verbs'?: boolean }>>;
    };
    expect(Object.keys(doc.paths['/hello/{Name}']!)).toEqual(['post']);
    expect(doc.paths['/hello/{Name}']!.post!['x-servicestack-all-verbs']).toBe(true);
    expect(doc.paths['/hello/{Name}']!.post!.description).toContain('takes every HTTP verb');
  });
});
