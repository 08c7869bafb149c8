import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../generator/emit/types.js';
import type { ApiModel } from '../../generator/model/api-model.js';
import { modelOf, named, ROOT, seedFiles } from '../helpers.js';
import { strictDiagnostics } from './compile.js';

const COMMAND = 'booster-codegen generate';

describe('types.ts', () => {
  it('is the committed output/src/types.ts', async () => {
    const text = await emitTypes(modelOf(seedFiles()), COMMAND);
    expect(text).toBe(readFileSync(path.join(ROOT, 'output/src/types.ts'), 'utf8'));
  });

  it('compiles under tsc --strict, and the type-level tests hold', () => {
    expect(strictDiagnostics([path.join(ROOT, 'output/src/types.ts'), path.join(ROOT, 'test/emit/fixtures/types-usage.ts')])).toEqual([]);
  });

  it('maps types as DESIGN §4 says', async () => {
    const text = await emitTypes(modelOf(seedFiles()), COMMAND);
    expect(text).toContain('export interface UpdateCustomer extends Customer {');
    expect(text).toMatch(/\n {2}boosterCustomerId: number;/);
    expect(text).toMatch(/\n {2}birthDate\?: string \| null;/);
    expect(text).toMatch(/\n {2}emails\?: Email\[\];/);
    expect(text).toMatch(/\n {2}asyncTaskId: string;/);
    expect(text).toMatch(/\n {2}clientSpendingFrom\?: number \| null;/);
    expect(text).toContain('UpdateCustomer: { request: UpdateCustomer; response: unknown };');
    expect(text).toContain('Request of `UpdateCustomer`: `PUT /customer/{boosterCustomerId}`');
    expect(text).toContain('Requires authentication.');
    expect(text).not.toMatch(/&[a-z#0-9]+;/);
  });

  it('uses a union for a closed example set, and keeps string otherwise', async () => {
    const open = await emitTypes(modelOf(seedFiles()), COMMAND);
    expect(open).toMatch(/\n {2}clientType: string;/);
    const model = modelOf(seedFiles());
    model.types.find((t) => t.name === 'Customer')!.fields.find((f) => f.name === 'clientType')!.closed = true;
    expect(await emitTypes(model, COMMAND)).toMatch(/\n {2}clientType: 'PRIVATE' \| 'COMPANY';/);
  });

  it('keeps hostile doc text inside comments and quotes odd names', async () => {
    const model: ApiModel = named({
      service: {},
      diagnostics: [],
      operations: [],
      types: [
        {
          name: 'default',
          kind: 'object',
          description: 'ends the comment */ console.log("pwned") /* and\u2028@param x',
          fields: [
            {
              name: 'x-y',
              wireName: 'x-y',
              wireNameFrom: 'convention',
              type: { kind: 'primitive', name: 'string', nullable: false },
              required: true,
              description: '*/ alert(1)',
              examples: ["'; drop"],
              sources: [],
            },
            {
              name: 'map',
              wireName: 'map',
              wireNameFrom: 'convention',
              type: {
                kind: 'dictionary',
                key: { kind: 'primitive', name: 'string', nullable: false },
                value: { kind: 'ref', name: 'Record', nullable: false },
              },
              required: false,
              examples: [],
              sources: [],
            },
          ],
          enumMembers: [],
          rules: [],
          sources: [],
        },
        { name: 'Record', kind: 'object', fields: [], enumMembers: [], rules: [], sources: [] },
      ],
    });
    const text = await emitTypes(model, COMMAND);
    expect(text).toContain('export interface default_ {');
    expect(text).toContain("'x-y': string;");
    expect(text).toContain('map?: { [key: string]: Record };');
    const outsideComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(outsideComments).not.toMatch(/console\.log|alert|drop/);
  });
});
