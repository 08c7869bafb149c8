import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, parseConfig } from '../../generator/config.js';
import { fieldOf, modelOf, opOf, seedFiles, typeOf } from '../helpers.js';

const config = (raw: object) => parseConfig(raw, 'codegen.config.json');

describe('codegen.config.json', () => {
  it('rejects unknown settings and wrong types, naming them', () => {
    expect(() => config({ rules: { ad: [] } })).toThrow(new ConfigError('codegen.config.json.rules.ad: unknown setting (known: add, remove)'));
    expect(() => config({ fields: { 'Customer.title': { closed: 'yes' } } })).toThrow(/Customer\.title\.closed: must be true or false/);
    expect(() => config([])).toThrow(/must be an object/);
    expect(config({})).toEqual(DEFAULT_CONFIG);
  });

  it('renames operations (with their request and conventional response) and types everywhere they are used', () => {
    const model = modelOf(seedFiles(), config({ rename: { operations: { CreateCustomer: 'AddCustomer' }, types: { Email: 'EmailAddress' } } }));
    const op = opOf(model, 'AddCustomer');
    expect(op.request).toBe('AddCustomer');
    expect(op.response).toEqual({ kind: 'typed', type: 'AddCustomerResponse' });
    expect(typeOf(model, 'AddCustomerResponse').fields).toHaveLength(1);
    expect(fieldOf(model, 'Customer', 'emails').type).toEqual({ kind: 'list', of: { kind: 'ref', name: 'EmailAddress', nullable: false } });
    expect(model.types.map((t) => t.name)).not.toContain('Email');
  });

  it('adds and removes rules, and reports settings that match nothing', () => {
    const model = modelOf(
      seedFiles(),
      config({
        rules: {
          add: [{ type: 'Customer', field: 'firstName', requiredWhen: { field: 'clientType', equals: 'PRIVATE' } }],
          remove: [{ type: 'Customer', field: 'title' }],
        },
        fields: { 'Customer.gender': { closed: true, examples: ['M', 'F', 'X'] }, 'Nope.x': { closed: true } },
      }),
    );
    const rules = typeOf(model, 'Customer').rules.map((r) => `${r.field}:${r.from}`);
    expect(rules).toContain('firstName:config');
    expect(rules).not.toContain('title:description');
    expect(fieldOf(model, 'Customer', 'gender')).toMatchObject({ closed: true, examples: ['M', 'F', 'X'] });
    expect(model.diagnostics.find((d) => d.code === 'SS081')).toMatchObject({
      loc: { file: 'codegen.config.json' },
      message: expect.stringContaining('fields.Nope.x'),
    });
  });
});
