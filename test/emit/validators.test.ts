import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../generator/emit/types.js';
import { emitRuntime } from '../../generator/emit/runtime.js';
import { emitValidators } from '../../generator/emit/validators.js';
import { renderFiles, runModel } from '../../generator/generate.js';
import type { ApiModel, Field, Rule, TypeDef, TypeRef } from '../../generator/model/api-model.js';
import * as V from '../../output/src/index.js';
import { modelOf, named, ROOT, seedFiles, typeOf } from '../helpers.js';
import { strictProject } from './compile.js';

const model = modelOf(seedFiles());
type Json = Record<string, unknown>;
type AnySchema = V.Schema<unknown>;

const schemaOf = (name: string): AnySchema => {
  const schema = (V as unknown as Record<string, AnySchema | undefined>)[`${name}Schema`];
  if (!schema) throw new Error(`no ${name}Schema`);
  return schema;
};
/** Own and inherited members, as the validators see them. */
const membersOf = (name: string): Field[] => {
  const t = typeOf(model, name);
  return [...t.fields, ...(t.base ? membersOf(t.base) : [])];
};
/** Rules of a type and of its bases. */
const rulesOf = (name: string): Rule[] => {
  const t = typeOf(model, name);
  return [...t.rules, ...(t.base ? rulesOf(t.base) : [])];
};
const clone = <T>(v: T): T => structuredClone(v);

// Realistic payloads: what a client sends for each seed operation and what the service answers.
const customer = {
  title: 'Mrs.',
  firstName: 'Giulia',
  lastName: 'Rossi',
  canBeContactedByMaison: true,
  clientType: 'PRIVATE',
  languageId: 'ita',
  gender: 'F',
  countryId: 'it',
  birthDate: '1985-04-12T00:00:00',
  posCode: 'ES100:102048',
  brand: 'CAR',
  weddingDate: '/Date(1579305600000+0100)/',
  preferredContactMethod: 'EMail',
  contactByEmailFlag: true,
  contactBySMSFlag: false,
  saleRepresentativeEmail: 'rauf.aliyev@richemont.com',
  allowStoreDataAbroad: null,
  emails: [
    { email: 'giulia.rossi@example.com', isMainEmail: true },
    { email: 'g.rossi@example.org', isMainEmail: false },
  ],
  phones: [{ phone: '3331234567', countryPrefix: 'it', phoneType: 'Mobile', isMainPhone: true }],
  addresses: [
    { addressType: 'Home', countryId: 'it', city: 'Milano', zipCode: '20121', street: 'Via Montenapoleone 1', isMainAddress: true },
    { addressType: 'Office', countryId: 'it', city: 'Roma', isMainAddress: false },
    { addressType: 'Shipping', countryId: 'gb', city: 'London', poBox: 'PO 12', isMainAddress: false },
  ],
  events: [{ eventType: 'Birthday', eventDate: '2021-01-20', eventNotes: 'flowers' }],
  interests: [{ interest: 'Watches', sapInterestId: 'CA-1' }],
  hobbies: [{ hobby: 'Art', sapHobbyId: 'ART', translation: 'Arte' }],
  productCollections: [{ productCollection: 'Tank', sapProductCollectionId: 'CA-1', translation: 'Tank' }],
  dataSharingConsent: true,
  registrationDate: '2024-05-01T10:15:30.123Z',
};
const search = {
  brand: 'CAR',
  posCodes: ['ES100:102048', 'ES100:102049'],
  searchKey: 'Email',
  email: 'giulia.rossi@example.com',
  locationCountryIds: ['it', 'en'],
  clientSpendingFrom: 100,
  clientSpendingTo: 50000.5,
  creationDateFrom: '2022-01-01',
  creationDateTo: '/Date(1698796800000)/',
  canBeContactedByMaison: null,
  birthdateMonths: [1, 12],
  interests: [{ interest: 'Watches', sapInterestId: 'CA-1' }],
  hobbies: [{ sapHobbyId: 'ART' }],
  productCollections: [{ productCollection: 'Tank', sapProductCollectionId: 'CA-1' }],
  customerStatus: ['Prospect', 'Client'],
  boosterCustomerIds: [1234567, 1231231],
  hasSapCrmError: false,
  productCategories: [{ grandCategoryId: 'JW', categoryId: 'RING' }],
  saleRepresentativeEmails: ['rauf.aliyev@richemont.com'],
};
const PAYLOADS: Record<string, Json> = {
  CreateCustomer: { ...customer, privacyPolicyAcceptanceStorage: true, tvPrivacyPolicyAcceptanceStorage: null },
  CreateCustomerResponse: { boosterCustomerId: 1234567 },
  UpdateCustomer: { ...customer, boosterCustomerId: 1234567 },
  ExportCustomer: { ...search, downloadRequestId: 'req-2024-05-01-0001' },
  ExportCustomerResponse: { asyncTaskId: '0f8fad5bd9cb469fa16570867728950e' },
};
const SEED_DTOS = model.operations.flatMap((o) => [o.request, ...(o.response.kind === 'typed' ? [o.response.type] : [])]);

/** A value of the wrong JSON type for `ref` (undefined where any value is fine). */
function wrongValue(ref: TypeRef): unknown {
  if (ref.kind === 'list') return 'not a list';
  if (ref.kind === 'dictionary') return [];
  if (ref.kind === 'ref') return typeOf(model, ref.name).kind === 'enum' ? 'NotAMember' : 'not an object';
  if (ref.name === 'object') return undefined;
  if (ref.name === 'bool') return 'true';
  if (['string', 'char', 'Uri'].includes(ref.name)) return 42;
  if (['DateTime', 'DateTimeOffset', 'DateOnly', 'TimeSpan', 'TimeOnly', 'Guid'].includes(ref.name)) return 20200101;
  return '1'; // every number type
}

const expectValid = (schema: AnySchema, value: unknown) => {
  expect(schema.validate(value)).toEqual([]);
  expect(schema.is(value)).toBe(true);
  expect(schema.parse(value)).toBe(value);
  expect(schema['~standard'].validate(value)).toEqual({ value });
};
/** Invalid, with exactly these issues (as `path: message`), and all four entry points agree. */
const expectIssues = (schema: AnySchema, value: unknown, issues: string[]) => {
  const found = schema.validate(value).map((i) => `${V.formatPath(i.path)}: ${i.message}`);
  expect(found).toEqual(issues);
  expect(schema.is(value)).toBe(false);
  expect(() => schema.parse(value)).toThrow(expect.objectContaining({ name: 'ValidationError', issues: schema.validate(value) }));
  expect(schema['~standard'].validate(value)).toHaveProperty('issues', schema.validate(value));
};

describe('validators.ts', () => {
  it('is what the generator renders now (not stale)', async () => {
    const files = await renderFiles(await runModel({ cwd: ROOT }));
    expect(files.get('src/validators.ts')).toBe(readFileSync(path.join(ROOT, 'output/src/validators.ts'), 'utf8'));
  });

  it('compiles with the rest of output/src under tsc --strict, and infers the DTO types', () => {
    const project = strictProject();
    const src = path.join(ROOT, 'output/src');
    for (const f of readdirSync(src).filter((f) => f.endsWith('.ts'))) project.addSourceFileAtPath(path.join(src, f));
    // Type-level use: inference through Standard Schema, narrowing by is(), parse() typed.
    project.createSourceFile(
      path.join(src, '__usage.ts'),
      `import { CreateCustomerSchema, ExportCustomerResponseSchema, type StandardSchemaV1, type Issue } from './index.js';
       import type { CreateCustomer } from './types.js';
       type Out = StandardSchemaV1.InferOutput<typeof CreateCustomerSchema>;
       const same: [Out, CreateCustomer] extends [CreateCustomer, Out] ? true : false = true;
       declare const input: unknown;
       if (CreateCustomerSchema.is(input)) { const brand: string = input.brand; }
       const parsed: CreateCustomer = CreateCustomerSchema.parse(input);
       const issues: Issue[] = ExportCustomerResponseSchema.validate(input, { strict: true });
       // @ts-expect-error parse() returns the DTO, whose brand is no number
       const wrong: number = CreateCustomerSchema.parse(input).brand;
       export { same, parsed, issues, wrong };`,
    );
    const diagnostics = project
      .getPreEmitDiagnostics()
      .map((d) => `${d.getSourceFile()?.getBaseName()}:${d.getLineNumber()} ${ts.flattenDiagnosticMessageText(d.getMessageText() as string, '\n')}`);
    expect(diagnostics).toEqual([]);
  });

  it('has a Standard Schema for every DTO of the model', () => {
    for (const t of model.types) {
      const schema = schemaOf(t.name);
      expect(schema['~standard']).toMatchObject({ version: 1, vendor: 'booster-codegen' });
      expect(schema.is({})).toBe(t.kind === 'object' && membersOf(t.name).every((f) => !f.required));
    }
  });

  it('rejects values that are no object, with an issue at the root', () => {
    for (const value of [null, undefined, [], 'text', 42, true]) expectIssues(V.CreateCustomerSchema, value, [': expected an object']);
  });

  describe.each(SEED_DTOS)('%s', (name) => {
    const schema = schemaOf(name);
    const valid = PAYLOADS[name]!;

    it('accepts a realistic payload through is, validate, parse and ~standard', () => {
      expectValid(schema, valid);
      expect(schema.validate(valid, { strict: true })).toEqual([]);
    });

    it('reports each required member missing, and null, in turn', () => {
      const required = membersOf(name).filter((f) => f.required);
      expect(required.length).toBeGreaterThan(0);
      for (const f of required) {
        const missing = clone(valid);
        delete missing[f.wireName];
        expectIssues(schema, missing, [`${f.wireName}: required`]);
        expectIssues(schema, { ...valid, [f.wireName]: null }, [`${f.wireName}: required`]);
      }
    });

    it('accepts null for each optional member, unless a rule requires it', () => {
      for (const f of membersOf(name).filter((f) => !f.required)) {
        const rule = rulesOf(name).find((r) => r.field === f.wireName && valid[r.when.field] === r.when.equals);
        const value = { ...valid, [f.wireName]: null };
        if (rule) expectIssues(schema, value, [`${f.wireName}: required when ${rule.when.field} is '${rule.when.equals}'`]);
        else expectValid(schema, value);
      }
    });

    it('reports a wrong type for each member, at its path', () => {
      for (const f of membersOf(name)) {
        const wrong = wrongValue(f.type);
        if (wrong === undefined) continue;
        const issues = schema.validate({ ...valid, [f.wireName]: wrong });
        expect(issues, f.wireName).toHaveLength(1);
        expect(issues[0]!.path).toEqual([f.wireName]);
        expect(issues[0]!.message).toMatch(/^expected /);
      }
    });

    it('reports the required members of nested DTOs missing, with index paths', () => {
      for (const f of membersOf(name)) {
        if (f.type.kind !== 'list' || f.type.of.kind !== 'ref') continue;
        const list = valid[f.wireName] as Json[] | undefined;
        if (!list?.length) continue;
        for (const inner of typeOf(model, f.type.of.name).fields.filter((x) => x.required)) {
          const value = clone(valid);
          delete (value[f.wireName] as Json[])[list.length - 1]![inner.wireName];
          expectIssues(schema, value, [`${f.wireName}[${list.length - 1}].${inner.wireName}: required`]);
        }
      }
    });
  });

  describe('formats', () => {
    const withBirthDate = (birthDate: unknown) => ({ ...PAYLOADS.CreateCustomer, birthDate });

    it('accepts dates as ISO 8601 and as ServiceStack /Date(ms±hhmm)/', () => {
      for (const date of [
        '2020-12-30',
        '2020-12-30T10:00',
        '2020-12-30T10:00:00',
        '2020-12-30T10:00:00.1234567Z',
        '2020-12-30T10:00:00+01:00',
        '2020-12-30T10:00:00-0530',
        '/Date(1609286400000)/',
        '/Date(1609286400000+0100)/',
        '/Date(-86400000)/',
      ])
        expectValid(V.CreateCustomerSchema, withBirthDate(date));
    });

    it('rejects malformed dates', () => {
      for (const date of [
        '2020-13-01',
        '2020-12-32',
        '30/12/2020',
        '2020-12-30T25:00:00',
        '2020-12-30T10:00:00+1',
        '2020-12-30 10:00',
        '/Date(abc)/',
        '/Date(1609286400000)',
        'Date(1)',
        '',
        20201230,
      ])
        expectIssues(V.CreateCustomerSchema, withBirthDate(date), ['birthDate: expected an ISO 8601 date or /Date(ms)/']);
    });

    it('accepts Guids with and without dashes, and nothing else', () => {
      for (const id of ['0f8fad5bd9cb469fa16570867728950e', '0F8FAD5B-D9CB-469F-A165-70867728950E'])
        expectValid(V.ExportCustomerResponseSchema, { asyncTaskId: id });
      for (const id of [
        '0f8fad5b-d9cb469fa16570867728950e',
        '0f8fad5bd9cb469fa16570867728950',
        '{0f8fad5b-d9cb-469f-a165-70867728950e}',
        'zf8fad5bd9cb469fa16570867728950e',
      ])
        expectIssues(V.ExportCustomerResponseSchema, { asyncTaskId: id }, ['asyncTaskId: expected a Guid (32 hex digits, dashes optional)']);
    });

    it('keeps int within 32 bits and whole, and double finite', () => {
      const int = (boosterCustomerId: unknown) => ({ boosterCustomerId });
      for (const n of [0, 2147483647, -2147483648]) expectValid(V.CreateCustomerResponseSchema, int(n));
      for (const n of [2147483648, -2147483649, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', 2n])
        expectIssues(V.CreateCustomerResponseSchema, int(n), ['boosterCustomerId: expected an integer from -2147483648 to 2147483647']);
      expectIssues(V.ExportCustomerSchema, { ...PAYLOADS.ExportCustomer, birthdateMonths: [1, 2.5], clientSpendingTo: Number.POSITIVE_INFINITY }, [
        'clientSpendingTo: expected a finite number',
        'birthdateMonths[1]: expected an integer from -2147483648 to 2147483647',
      ]);
      expectValid(V.ExportCustomerSchema, { ...PAYLOADS.ExportCustomer, clientSpendingFrom: 0.25 });
    });
  });

  describe('conditional rules', () => {
    const base = PAYLOADS.CreateCustomer!;
    const without = (value: Json, ...names: string[]) => Object.fromEntries(Object.entries(value).filter(([k]) => !names.includes(k)));

    it("requires lastName (and title, languageId, gender) when clientType is 'PRIVATE'", () => {
      expectIssues(V.CreateCustomerSchema, without(base, 'lastName'), ["lastName: required when clientType is 'PRIVATE'"]);
      expectIssues(V.UpdateCustomerSchema, without(PAYLOADS.UpdateCustomer!, 'title', 'gender'), [
        "gender: required when clientType is 'PRIVATE'",
        "title: required when clientType is 'PRIVATE'",
      ]);
      expect(() => V.CreateCustomerSchema.parse(without(base, 'lastName'))).toThrow("lastName: required when clientType is 'PRIVATE'");
    });

    it("requires companyName when clientType is 'COMPANY', and not lastName", () => {
      const company = { ...without(base, 'lastName', 'title', 'gender', 'languageId'), clientType: 'COMPANY' };
      expectIssues(V.CreateCustomerSchema, company, ["companyName: required when clientType is 'COMPANY'"]);
      expectValid(V.CreateCustomerSchema, { ...company, companyName: 'Maison Rossi S.p.A.' });
      expectValid(V.CreateCustomerSchema, { ...without(base, 'companyName') });
    });
  });

  describe('issues', () => {
    it('lists every problem with its path, and parse() says them all', () => {
      const value = clone(PAYLOADS.CreateCustomer!);
      const emails = value.emails as Json[];
      const addresses = value.addresses as Json[];
      emails[0]!.isMainEmail = 'yes';
      delete addresses[2]!.countryId;
      value.phones = 'none';
      delete value.lastName;
      value.birthDate = '1985-13-12';
      expectIssues(V.CreateCustomerSchema, value, [
        'birthDate: expected an ISO 8601 date or /Date(ms)/',
        'emails[0].isMainEmail: expected true or false',
        'phones: expected an array',
        'addresses[2].countryId: required',
        "lastName: required when clientType is 'PRIVATE'",
      ]);
      const error = (() => {
        try {
          V.CreateCustomerSchema.parse(value);
        } catch (e) {
          return e as V.ValidationError;
        }
        throw new Error('parse accepted an invalid payload');
      })();
      expect(error.name).toBe('ValidationError');
      expect(error.issues).toHaveLength(5);
      expect(error.issues[1]).toEqual({ message: 'expected true or false', path: ['emails', 0, 'isMainEmail'] });
      expect(error.message).toBe(
        'Invalid CreateCustomer (5 issues):\n  birthDate: expected an ISO 8601 date or /Date(ms)/\n  emails[0].isMainEmail: expected true or false\n' +
          "  phones: expected an array\n  addresses[2].countryId: required\n  lastName: required when clientType is 'PRIVATE'",
      );
    });

    it('reports unknown members only in strict mode, inherited members being known', () => {
      const value = { ...PAYLOADS.CreateCustomer!, nickname: 'G', emails: [{ email: 'a@b.c', isMainEmail: true, verified: true }] };
      expectValid(V.CreateCustomerSchema, value);
      expect(V.CreateCustomerSchema.validate(value, { strict: true })).toEqual([
        { message: 'unknown member', path: ['nickname'] },
        { message: 'unknown member', path: ['emails', 0, 'verified'] },
      ]);
      expect(V.CreateCustomerSchema['~standard'].validate(value, { libraryOptions: { strict: true } })).toHaveProperty('issues.length', 2);
    });
  });

  describe('hostile payloads', () => {
    it('ignores __proto__ and constructor keys without polluting Object.prototype', () => {
      const text = JSON.stringify(PAYLOADS.CreateCustomer).replace(
        /^\{/,
        '{"__proto__":{"polluted":true,"brand":7},"constructor":{"prototype":{"polluted":true}},',
      );
      const value: unknown = JSON.parse(text);
      expectValid(V.CreateCustomerSchema, value);
      expect(V.CreateCustomerSchema.validate(value, { strict: true }).map((i) => i.path)).toEqual([['__proto__'], ['constructor']]);
      expect(({} as Json).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      // Members are plain reads (JSON.parse makes only own properties), so an inherited one counts;
      // names that Object.prototype has are read as own properties.
      expect(V.CreateCustomerResponseSchema.is(Object.create({ boosterCustomerId: 1 }))).toBe(true);
      expectIssues(V.CreateCustomerResponseSchema, JSON.parse('{"__proto__":{"boosterCustomerId":1}}'), ['boosterCustomerId: required']);
    });

    it('does not follow deep nesting in unknown members, nor crash on it', () => {
      let deep: Json = {};
      for (let i = 0; i < 100_000; i++) deep = { deep };
      const value = { ...PAYLOADS.CreateCustomer!, extra: deep, emails: [{ email: 'a@b.c', isMainEmail: true, deep }] };
      expectValid(V.CreateCustomerSchema, value);
      expect(V.CreateCustomerSchema.validate(value, { strict: true })).toHaveLength(2);
    });

    it('handles a 1e6-element array, valid or not, and caps the issues', () => {
      const emails = Array.from({ length: 1_000_000 }, (_, i) => ({ email: `u${i}@example.com`, isMainEmail: i === 0 }));
      const value = { ...PAYLOADS.CreateCustomer!, emails };
      expect(V.CreateCustomerSchema.is(value)).toBe(true);
      expect(V.CreateCustomerSchema.validate(value)).toEqual([]);
      const bad = { ...PAYLOADS.CreateCustomer!, emails: emails.map(() => ({})) };
      const issues = V.CreateCustomerSchema.validate(bad);
      expect(issues).toHaveLength(1001);
      expect(issues[0]).toEqual({ message: 'required', path: ['emails', 0, 'email'] });
      expect(issues[1000]!.message).toBe('more issues left out (only the first 1000 are listed)');
    });
  });

  it('agrees between is() and validate() on random mutations of the payloads', () => {
    let seed = 42;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const junk = [null, undefined, 0, -1, 1.5, 2 ** 40, '', 'x', '2020-01-01', '/Date(0)/', true, false, [], [{}], {}, { email: 'a', isMainEmail: true }];
    for (let i = 0; i < 2000; i++) {
      const name = SEED_DTOS[random(SEED_DTOS.length)]!;
      const value = clone(PAYLOADS[name]!);
      let target: Json = value;
      const keys = Object.keys(target);
      const key = keys[random(keys.length)]!;
      const inner = target[key];
      if (Array.isArray(inner) && inner.length && typeof inner[0] === 'object') {
        target = inner[random(inner.length)] as Json;
        const innerKeys = Object.keys(target);
        target[innerKeys[random(innerKeys.length)]!] = junk[random(junk.length)];
      } else target[key] = junk[random(junk.length)];
      const schema = schemaOf(name);
      expect(schema.is(value), JSON.stringify(value)).toBe(schema.validate(value).length === 0);
    }
  });
});

describe('validators for other models', () => {
  const str: TypeRef = { kind: 'primitive', name: 'string', nullable: false };
  const field = (wireName: string, type: TypeRef, required = false, extra: Partial<Field> = {}): Field => ({
    name: wireName,
    wireName,
    wireNameFrom: 'convention',
    type,
    required,
    examples: [],
    sources: [],
    ...extra,
  });
  const type = (name: string, fields: Field[], extra: Partial<TypeDef> = {}): TypeDef => ({
    name,
    kind: 'object',
    fields,
    enumMembers: [],
    rules: [],
    sources: [],
    ...extra,
  });
  const hostile = "it's */ `${alert(1)}` \u2028";
  const other: ApiModel = named({
    service: {},
    operations: [],
    diagnostics: [],
    types: [
      type(
        'Node',
        [
          field('value', { kind: 'primitive', name: 'int', nullable: false }, true),
          field('children', { kind: 'list', of: { kind: 'ref', name: 'Node', nullable: false } }),
          field('x-y', str),
          field('constructor', str),
          field('grid', { kind: 'list', of: { kind: 'list', of: { kind: 'primitive', name: 'byte', nullable: true } } }),
          field('tags', { kind: 'dictionary', key: str, value: { kind: 'list', of: { kind: 'ref', name: 'Color', nullable: false } } }),
          field('color', { kind: 'ref', name: 'Color', nullable: true }),
          field('kind', str, false, { closed: true, examples: ['a', hostile] }),
          field('span', { kind: 'primitive', name: 'TimeSpan', nullable: false }),
          field('at', { kind: 'primitive', name: 'TimeOnly', nullable: false }),
          field('ch', { kind: 'primitive', name: 'char', nullable: false }),
          field('big', { kind: 'primitive', name: 'ulong', nullable: false }),
          field('any', { kind: 'primitive', name: 'object', nullable: false }, true),
          field('blob', { kind: 'ref', name: 'Unknown', nullable: false }),
        ],
        { rules: [{ kind: 'requiredWhen', field: 'x-y', when: { field: 'color', equals: hostile }, from: 'config', sources: [] }] },
      ),
      type('Color', [], {
        kind: 'enum',
        enumMembers: [
          { name: 'Red', wire: 'Red', sources: [] },
          { name: 'Hostile', wire: hostile, sources: [] },
        ],
      }),
      type('Level', [], {
        kind: 'enum',
        enumWire: 'integer',
        enumMembers: [
          { name: 'Low', wire: 0, value: '0', sources: [] },
          { name: 'High', wire: 10, value: '10', description: hostile, sources: [] },
        ],
      }),
      type('Access', [], {
        kind: 'enum',
        enumWire: 'flags',
        enumMembers: ['None', 'Read', 'Write', 'Delete'].map((name, i) => ({ name, wire: i && 2 ** (i - 1), value: String(i && 2 ** (i - 1)), sources: [] })),
      }),
      type('Grant', [field('level', { kind: 'ref', name: 'Level', nullable: false }, true), field('access', { kind: 'ref', name: 'Access', nullable: false })]),
      type('default', [field('flag', { kind: 'primitive', name: 'bool', nullable: false }, true)], { base: 'Node' }),
      type('Unknown', [], { incomplete: true }),
    ],
  });

  /** Emits, checks under tsc --strict, transpiles and imports the validators of `other`. */
  async function load(): Promise<Record<string, AnySchema>> {
    const dir = mkdtempSync(path.join(tmpdir(), 'validators-test-'));
    const files = {
      'types.ts': await emitTypes(other, 'test'),
      'validators.ts': await emitValidators(other, 'test'),
      'schema.ts': emitRuntime('schema.ts', 'test'),
      'checks.ts': emitRuntime('checks.ts', 'test'),
    };
    const project = strictProject();
    for (const [name, text] of Object.entries(files)) project.createSourceFile(path.join(dir, name), text);
    expect(project.getPreEmitDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.getMessageText() as string, '\n'))).toEqual([]);
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
    for (const [name, text] of Object.entries(files))
      writeFileSync(
        path.join(dir, name.replace(/\.ts$/, '.js')),
        ts.transpileModule(text, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText,
      );
    return import(pathToFileURL(path.join(dir, 'validators.js')).href) as Promise<Record<string, AnySchema>>;
  }
  const loaded = load();

  it('keeps doc strings inside string literals', async () => {
    const source = ts.createSourceFile('validators.ts', await emitValidators(other, 'test'), ts.ScriptTarget.ES2022);
    const identifiers: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) identifiers.push(node.text);
      node.forEachChild(visit);
    };
    visit(source);
    expect(identifiers).toContain('isColor');
    expect(identifiers).not.toContain('alert');
  });

  it('checks every kind of member', async () => {
    const { NodeSchema, default_Schema, ColorSchema, UnknownSchema } = await loaded;
    const node = {
      value: 1,
      any: 0,
      'x-y': 'v',
      grid: [[1, null], []],
      tags: { a: ['Red', hostile] },
      color: null,
      kind: hostile,
      span: 'PT1H30M',
      at: '23:59:59',
      ch: 'c',
      big: 2 ** 53 - 1,
      blob: { free: true },
    };
    expectValid(NodeSchema!, node);
    expectValid(NodeSchema!, { value: 1, any: false, span: '1.02:03:04.5', children: [{ value: 2, any: [] }] });
    expectIssues(
      NodeSchema!,
      {
        ...node,
        any: null,
        grid: [[256]],
        tags: { a: ['Blue'] },
        kind: 'b',
        span: 'P',
        at: '24:00',
        ch: 'cc',
        big: -1,
        color: hostile,
        'x-y': undefined,
        blob: [],
      },
      [
        'grid[0][0]: expected an integer from 0 to 255',
        `tags.a[0]: expected one of 'Red', '${hostile}'`,
        `kind: expected one of 'a', '${hostile}'`,
        'span: expected a duration (ISO 8601 like PT1H30M, or [d.]hh:mm:ss)',
        'at: expected a time of day (hh:mm:ss)',
        'ch: expected a single character',
        'big: expected an integer from 0 to 9007199254740991',
        'any: required',
        'blob: expected an object',
        `["x-y"]: required when color is '${hostile}'`,
      ],
    );
    expectValid(default_Schema!, { value: 1, any: 0, flag: true });
    expectIssues(default_Schema!, { value: 1.5, any: 0 }, ['value: expected an integer from -2147483648 to 2147483647', 'flag: required']);
    expectValid(ColorSchema!, hostile);
    expectIssues(ColorSchema!, 'Blue', [": expected one of 'Red', '" + hostile + "'"]);
    expectValid(UnknownSchema!, { anything: 1 });
    expect(UnknownSchema!.validate({ anything: 1 }, { strict: true })).toEqual([]);
  });

  it('checks an integer enum by its numbers, and a [Flags] enum by its bits', async () => {
    const { GrantSchema, AccessSchema } = await loaded;
    expectValid(GrantSchema!, { level: 10, access: 0 });
    expectValid(GrantSchema!, { level: 0, access: 1 | 2 | 4 });
    expectIssues(GrantSchema!, { level: 'High', access: 8 }, [
      'level: expected one of 0, 10',
      'access: expected a number combining the flags None (0), Read (1), Write (2), Delete (4)',
    ]);
    for (const bad of [-1, 1.5, '1', null]) expect(AccessSchema!.validate(bad), String(bad)).not.toEqual([]);
  });

  it('types an integer enum as the union of its numbers, a [Flags] enum as a number, naming the members', async () => {
    const types = await emitTypes(other, 'test');
    expect(types).toContain('export type Level = 0 | 10;');
    expect(types).toContain('export type Access = number;');
    expect(types).toContain('export const AccessValues = [0, 1, 2, 4] as const;');
    expect(types).toContain(" * - `High` = `10`: it's *\\/ `${alert(1)}`");
  });

  it('reads a member named constructor as an own property', async () => {
    const { NodeSchema } = await loaded;
    expectValid(NodeSchema!, { value: 1, any: 0 });
    expectIssues(NodeSchema!, { value: 1, any: 0, constructor: 5 }, ['constructor: expected a string']);
  });

  it('stops at 64 levels of a recursive type instead of overflowing the stack', async () => {
    const { NodeSchema } = await loaded;
    const nest = (depth: number) => {
      let node: Json = { value: 0, any: 0 };
      for (let i = 0; i < depth; i++) node = { value: i, any: 0, children: [node] };
      return node;
    };
    expectValid(NodeSchema!, nest(64));
    const deep = nest(100_000);
    expect(NodeSchema!.is(deep)).toBe(false);
    const issues = NodeSchema!.validate(deep);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe('nested more than 64 levels deep');
    expect(issues[0]!.path).toHaveLength(130);
  });
});
