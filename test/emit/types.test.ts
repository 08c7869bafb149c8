import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../generator/emit/types.js';
import type { ApiModel } from '../../generator/model/api-model.js';
import { modelOf, named, ROOT, seedFiles } from '../helpers.js';
import { strictDiagnostics } from './compile.js';
import { tempDir } from '../temp-dirs.js';

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

  it('types the optional members of what a response holds as possibly null, and keeps those only sent as `?: T`', async () => {
    const model = modelOf(seedFiles());
    const type = (name: string) => model.types.find((t) => t.name === name)!;
    const created = type('CreateCustomerResponse');
    created.fields[0]!.required = false;
    // The export's response now holds a Customer: Customer and what it uses are received, the requests built on it are not.
    type('ExportCustomerResponse').fields.push({
      ...type('Address').fields[0]!,
      name: 'customer',
      wireName: 'customer',
      required: false,
      type: { kind: 'ref', name: 'Customer', nullable: false },
    });
    const text = await emitTypes(model, COMMAND);
    const member = (typeName: string, line: string) =>
      expect(text.split(`export interface ${typeName} `)[1]!.split('\n}')[0]! + '\n').toContain(`\n  ${line}\n`);
    member('CreateCustomerResponse', 'boosterCustomerId?: number | null;');
    member('ExportCustomerResponse', 'customer?: Customer | null;');
    member('Customer', 'firstName?: string | null;');
    member('Customer', 'emails?: Email[] | null;');
    member('Address', 'zipCode?: string | null;');
    member('Customer', 'birthDate?: string | null;'); // nullable already: said once
    member('Customer', 'canBeContactedByMaison: boolean;'); // required: never null
    member('SearchCustomer', 'email?: string;'); // only sent
    member('CreateCustomer', 'privacyPolicyAcceptanceStorage: boolean;');
    const dir = tempDir('booster-types-null-');
    writeFileSync(path.join(dir, 'types.ts'), text);
    expect(strictDiagnostics([path.join(dir, 'types.ts')])).toEqual([]);
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
