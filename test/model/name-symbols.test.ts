// The naming pass as a table: given the docs' type and operation names, the identifiers the
// generated code declares and the renames it reports (SS064).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../generator/config.js';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { emitModelJson } from '../../generator/emit/model-json.js';
import type { ApiModel, Operation, TypeDef, TypeSymbols } from '../../generator/model/api-model.js';
import { nameSymbols } from '../../generator/model/name-symbols.js';

interface Row {
  name: string;
  given: { types: string[]; operations?: string[]; clientName?: string };
  want: {
    /** SS064 messages, in order. */
    renamed?: string[];
    /** Some identifiers of some types, by their name after the pass. */
    types?: Record<string, Partial<TypeSymbols>>;
    methods?: Record<string, string>;
    client?: string;
  };
}

const ss064 = (from: string, wanted: string, like: string, to: string) =>
  `type '${from}' would be declared in TypeScript as '${wanted}', like ${like}; named it '${to}' (rename it in codegen.config.json)`;

const ROWS: Row[] = [
  {
    name: 'a type that clashes with nothing keeps its name, and its identifiers derive from it',
    given: { types: ['Customer'] },
    want: {
      renamed: [],
      types: {
        Customer: {
          id: 'Customer',
          schema: 'CustomerSchema',
          is: 'isCustomer',
          check: 'checkCustomer',
          members: 'CustomerMembers',
          values: 'CustomerValues',
          datesOf: 'datesOfCustomer',
        },
      },
    },
  },
  {
    name: 'a type named like a runtime export is renamed',
    given: { types: ['ApiError', 'Issue'] },
    want: {
      renamed: [ss064('ApiError', 'ApiError', "the generated 'ApiError'", 'ApiError_2'), ss064('Issue', 'Issue', "the generated 'Issue'", 'Issue_2')],
      types: { ApiError_2: { id: 'ApiError_2', schema: 'ApiError_2Schema' }, Issue_2: { id: 'Issue_2' } },
    },
  },
  {
    name: 'two types that meet once made identifiers: the one already an identifier keeps its name',
    given: { types: ['Foo.Bar', 'Foo_Bar'] },
    want: { renamed: [ss064('Foo.Bar', 'Foo_Bar', "'Foo_Bar'", 'Foo_Bar_2')], types: { Foo_Bar: { id: 'Foo_Bar' }, Foo_Bar_2: { id: 'Foo_Bar_2' } } },
  },
  {
    name: "a type named like another's schema is renamed; the schema stays",
    given: { types: ['Date', 'DateSchema'] },
    want: {
      renamed: [ss064('DateSchema', 'DateSchema', "the schema 'DateSchema'", 'DateSchema_2')],
      types: { Date: { schema: 'DateSchema' }, DateSchema_2: { schema: 'DateSchema_2Schema' } },
    },
  },
  {
    name: "a validator's private name that meets another type's gets a suffix, in name order",
    given: { types: ['DateMembers', 'isDate'] },
    want: { renamed: [], types: { DateMembers: { is: 'isDateMembers' }, isDate: { members: 'isDateMembers_2', is: 'isisDate' } } },
  },
  {
    name: 'the client class is a runtime name too, made an identifier',
    given: { types: ['My_Client'], clientName: 'My Client' },
    want: { renamed: [ss064('My_Client', 'My_Client', "the generated 'My_Client'", 'My_Client_2')], client: 'My_Client' },
  },
  {
    name: 'operations whose method names meet get a number, in name order',
    given: { types: [], operations: ['createCustomer', 'CreateCustomer', 'Create.Customer', 'XMLExport'] },
    want: { methods: { 'Create.Customer': 'create_Customer', CreateCustomer: 'createCustomer', createCustomer: 'createCustomer2', XMLExport: 'xmlExport' } },
  },
  {
    name: 'reserved words get a trailing _',
    given: { types: ['default', 'string'], operations: ['constructor', 'Constructor'] },
    want: {
      renamed: [],
      types: { default: { id: 'default_', schema: 'default_Schema', is: 'isdefault_' }, string: { id: 'string_' } },
      methods: { Constructor: 'constructor_', constructor: 'constructor_2' },
    },
  },
];

const typeDef = (name: string): TypeDef => ({ name, kind: 'object', fields: [], enumMembers: [], rules: [], sources: [{ file: 'x.txt', line: 1 }] });
const operation = (name: string): Operation => ({
  name,
  tags: [],
  routes: [],
  auth: { required: false, roles: [], permissions: [] },
  request: name,
  response: { kind: 'none' },
  formats: [],
  parameters: [],
  sources: [],
});

function run(given: Row['given']) {
  const model: ApiModel = { service: {}, types: given.types.map(typeDef), operations: (given.operations ?? []).map(operation), diagnostics: [] };
  const bag = new DiagnosticBag();
  nameSymbols(model, given.clientName ?? DEFAULT_CONFIG.clientName, bag);
  return { model, names: model.names!, renamed: bag.items.filter((d) => d.code === 'SS064').map((d) => d.message) };
}

describe('nameSymbols', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('%s', (_name, { given, want }) => {
    const { names, renamed } = run(given);
    if (want.renamed) expect(renamed).toEqual(want.renamed);
    for (const [type, symbols] of Object.entries(want.types ?? {})) expect(names.types.get(type), type).toMatchObject(symbols);
    if (want.methods) expect(Object.fromEntries(names.methods)).toEqual(want.methods);
    expect(names.client).toBe(want.client ?? DEFAULT_CONFIG.clientName);
  });

  it('renames a type everywhere the model names it, and names every type under its new name', () => {
    const { model, names } = run({ types: ['ApiError'], operations: ['ApiError'] });
    expect(model.operations[0]!.request).toBe('ApiError_2');
    expect([...names.types.keys()]).toEqual(['ApiError_2']);
  });

  it('leaves the symbol table out of api-model.json', () => {
    const { model } = run({ types: ['Customer'], operations: ['GetCustomer'] });
    expect(model.names).toBeDefined();
    expect(Object.keys(JSON.parse(emitModelJson(model, 'x')) as object)).toEqual(['$comment', 'diagnostics', 'operations', 'service', 'types']);
  });
});
