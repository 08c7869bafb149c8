// npm run bench: the generated CreateCustomerSchema side by side with ajv and zod 4, in one process,
// on a realistic valid CreateCustomer and an invalid one. ajv and zod get schemas built from the
// same model (output/api-model.json) with the same rules and patterns, so all three agree on both payloads.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import ts from 'typescript';
import { z } from 'zod';
import { interleave, median, pairedRatio } from './rounds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The generated TypeScript, transpiled as a user's bundler would (types are erased). */
async function loadValidators() {
  const dir = mkdtempSync(path.join(tmpdir(), 'booster-validators-'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  for (const name of ['types', 'validators']) {
    const source = readFileSync(path.join(root, 'output/src', `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
    writeFileSync(path.join(dir, `${name}.js`), outputText);
  }
  return import(pathToFileURL(path.join(dir, 'validators.js')).href);
}

// The patterns of output/src/validators.ts, so that ajv and zod do the same work on dates.
const DATE =
  /^(?:\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?|\/Date\(-?\d+(?:[+-]\d{4})?\)\/)$/;
const GUID = /^(?:[\da-fA-F]{32}|[\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12})$/;
const SAFE = Number.MAX_SAFE_INTEGER;
const INT = {
  byte: [0, 255],
  sbyte: [-128, 127],
  short: [-32768, 32767],
  ushort: [0, 65535],
  int: [-2147483648, 2147483647],
  uint: [0, 4294967295],
  long: [-SAFE, SAFE],
  ulong: [0, SAFE],
};

const model = JSON.parse(readFileSync(path.join(root, 'output/api-model.json'), 'utf8'));
const types = new Map(model.types.map((t) => [t.name, t]));
const chain = (t) => (t.base ? [...chain(types.get(t.base)), t] : [t]);

/** JSON Schema (draft-07) of a type: inherited members flattened, optional ones nullable, rules as if/then. */
function jsonSchema(name) {
  const t = types.get(name);
  const prim = (ref) => {
    if (ref.kind === 'list') return { type: 'array', items: prim(ref.of) };
    if (ref.kind === 'ref') return { $ref: `#/definitions/${ref.name}` };
    if (INT[ref.name]) return { type: 'integer', minimum: INT[ref.name][0], maximum: INT[ref.name][1] };
    if (['float', 'double', 'decimal'].includes(ref.name)) return { type: 'number' };
    if (ref.name === 'bool') return { type: 'boolean' };
    if (ref.name.startsWith('Date')) return { type: 'string', pattern: DATE.source };
    if (ref.name === 'Guid') return { type: 'string', pattern: GUID.source };
    return { type: 'string' };
  };
  const fields = chain(t).flatMap((x) => x.fields);
  const properties = Object.fromEntries(
    fields.map((f) => {
      const s = prim(f.type);
      return [f.wireName, f.required ? s : s.$ref ? { anyOf: [s, { type: 'null' }] } : { ...s, type: [s.type, 'null'] }];
    }),
  );
  const rules = chain(t)
    .flatMap((x) => x.rules)
    .map((r) => ({
      if: { properties: { [r.when.field]: { const: r.when.equals } }, required: [r.when.field] },
      then: { required: [r.field], properties: { [r.field]: { not: { type: 'null' } } } },
    }));
  return { type: 'object', properties, required: fields.filter((f) => f.required).map((f) => f.wireName), ...(rules.length ? { allOf: rules } : {}) };
}

/** The zod 4 equivalent: loose objects (unknown members allowed), `.nullish()` optional members, rules in a refinement. */
const zodSchemas = new Map();
function zodSchema(name) {
  if (zodSchemas.has(name)) return zodSchemas.get(name);
  const t = types.get(name);
  const prim = (ref) => {
    if (ref.kind === 'list') return z.array(prim(ref.of));
    if (ref.kind === 'ref') return zodSchema(ref.name);
    if (INT[ref.name]) return z.int().min(INT[ref.name][0]).max(INT[ref.name][1]);
    if (['float', 'double', 'decimal'].includes(ref.name)) return z.number();
    if (ref.name === 'bool') return z.boolean();
    if (ref.name.startsWith('Date')) return z.string().regex(DATE);
    if (ref.name === 'Guid') return z.string().regex(GUID);
    return z.string();
  };
  const fields = chain(t).flatMap((x) => x.fields);
  const rules = chain(t).flatMap((x) => x.rules);
  let schema = z.looseObject(Object.fromEntries(fields.map((f) => [f.wireName, f.required ? prim(f.type) : prim(f.type).nullish()])));
  if (rules.length)
    schema = schema.superRefine((v, ctx) => {
      for (const r of rules)
        if (v[r.when.field] === r.when.equals && v[r.field] == null)
          ctx.addIssue({ code: 'custom', path: [r.field], message: `required when ${r.when.field} is '${r.when.equals}'` });
    });
  zodSchemas.set(name, schema);
  return schema;
}

const valid = JSON.parse(
  JSON.stringify({
    privacyPolicyAcceptanceStorage: true,
    tvPrivacyPolicyAcceptanceStorage: null,
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
    allowStoreDataAbroad: false,
    emails: [
      { email: 'giulia.rossi@example.com', isMainEmail: true },
      { email: 'g.rossi@example.org', isMainEmail: false },
    ],
    phones: [{ phone: '3331234567', countryPrefix: 'it', phoneType: 'Mobile', isMainPhone: true }],
    addresses: [{ addressType: 'Home', countryId: 'it', city: 'Milano', zipCode: '20121', street: 'Via Montenapoleone 1', isMainAddress: true }],
    events: [{ eventType: 'Birthday', eventDate: '2021-01-20' }],
    interests: [{ interest: 'Watches', sapInterestId: 'CA-1' }],
    hobbies: [{ hobby: 'Art', sapHobbyId: 'ART' }],
    dataSharingConsent: true,
    registrationDate: '2024-05-01T10:15:30.123Z',
  }),
);
// Several problems: a rule broken, a wrong type in an array element, a bad date, a missing nested member.
const broken = structuredClone(valid);
delete broken.lastName;
broken.emails[1].isMainEmail = 'no';
broken.birthDate = '1985-13-12';
delete broken.addresses[0].countryId;
broken.phones[0].isMainPhone = 1;
// Payloads arrive as JSON; `delete` would also leave objects in V8's slow dictionary mode.
const invalid = JSON.parse(JSON.stringify(broken));

const { CreateCustomerSchema } = await loadValidators();
const definitions = Object.fromEntries(model.types.map((t) => [t.name, jsonSchema(t.name)]));
const schema = { ...definitions.CreateCustomer, definitions };
const ajv = new Ajv({ allowUnionTypes: true }).compile(schema);
const ajvAll = new Ajv({ allowUnionTypes: true, allErrors: true }).compile(schema);
const zodCreate = zodSchema('CreateCustomer');

// All must agree before any timing means something.
const verdicts = (p) => [CreateCustomerSchema.is(p), CreateCustomerSchema.validate(p).length === 0, ajv(p), ajvAll(p), zodCreate.safeParse(p).success];
for (const [label, payload, expected] of [
  ['valid', valid, true],
  ['invalid', invalid, false],
])
  if (verdicts(payload).some((v) => v !== expected)) throw new Error(`validators disagree on the ${label} payload: ${verdicts(payload)}`);
console.log(
  `issues found in the invalid payload: ours ${CreateCustomerSchema.validate(invalid).length}, ajv allErrors ${(ajvAll(invalid), ajvAll.errors.length)}, zod ${zodCreate.safeParse(invalid).error.issues.length}`,
);

// One loop per candidate (separate functions, so that no call site is shared between libraries).
const loops = {
  'CreateCustomerSchema.is()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (CreateCustomerSchema.is(p)) k++;
    return k;
  },
  'CreateCustomerSchema.validate()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) k += CreateCustomerSchema.validate(p).length;
    return k;
  },
  ajv: (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (ajv(p)) k++;
    return k;
  },
  'ajv allErrors': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (ajvAll(p)) k++;
    return k;
  },
  'zod 4 safeParse()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (zodCreate.safeParse(p).success) k++;
    return k;
  },
};

let sink = 0;
function opsPerSecond(loop, payload, ms) {
  let n = 0;
  let elapsed = 0;
  const start = performance.now();
  while (elapsed < ms) {
    sink += loop(payload, 1000);
    n += 1000;
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

/** Interleaved rounds per candidate (bench/rounds.js): medians, and ratios to ajv paired round by round. */
const results = {};
const rows = [];
for (const [label, payload] of [
  ['valid', valid],
  ['invalid', invalid],
]) {
  for (const loop of Object.values(loops)) opsPerSecond(loop, payload, 200); // warm-up
  const rounds = await interleave(Object.fromEntries(Object.entries(loops).map(([name, loop]) => [name, () => opsPerSecond(loop, payload, 150)])), 9);
  results[label] = rounds;
  for (const [name, figures] of Object.entries(rounds))
    rows.push({
      payload: label,
      validator: name,
      'ops/s (median)': Math.round(median(figures)).toLocaleString('en'),
      'vs ajv': pairedRatio(figures, rounds.ajv).toFixed(2),
      'vs ajv allErrors': pairedRatio(figures, rounds['ajv allErrors']).toFixed(2),
    });
}
console.table(rows);

const isRatio = pairedRatio(results.valid['CreateCustomerSchema.is()'], results.valid.ajv);
const validateRatio = pairedRatio(results.invalid['CreateCustomerSchema.validate()'], results.invalid['ajv allErrors']);
console.log(`target is() on valid >= 1.25x ajv: ${isRatio.toFixed(2)}x ${isRatio >= 1.25 ? 'met' : 'NOT met'}`);
console.log(`target validate() on invalid >= 1x ajv allErrors: ${validateRatio.toFixed(2)}x ${validateRatio >= 1 ? 'met' : 'NOT met'}`);
if (sink === 0.5) console.log(sink); // keeps the loops' results observable
