// npm run bench: the generated CreateCustomerSchema side by side with typia, ajv and zod 4, in one
// process, on the payloads of bench/validator-payloads.js. ajv and zod get schemas built from the
// same model (output/api-model.json) with the same rules and patterns; typia is generated now
// (bench/typia.js) twice: from output/src/types.ts ("typia", types only: the anchor of issue #21's
// goals) and with our date and Guid patterns ("typia+dates", all our checks but the rules). With
// BENCH_VALIDATORS_BASELINE=DIR (a copy of an older output/src), that version is timed too.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import ts from 'typescript';
import { z } from 'zod';
import { interleave, median, pairedRatio } from './rounds.js';
import { typiaValidators } from './typia.js';
import { PAYLOADS } from './validator-payloads.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The generated TypeScript of `src` (output/src), transpiled as a user's bundler would (types are erased). */
async function loadValidators(src) {
  const dir = mkdtempSync(path.join(tmpdir(), 'booster-validators-'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  for (const file of readdirSync(src).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(path.join(src, file), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
    writeFileSync(path.join(dir, file.replace(/\.ts$/, '.js')), outputText);
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

const ours = (await loadValidators(path.join(root, 'output/src'))).CreateCustomerSchema;
const baselineDir = process.env.BENCH_VALIDATORS_BASELINE;
const baseline = baselineDir ? (await loadValidators(path.resolve(baselineDir))).CreateCustomerSchema : undefined;
const typiaFlavours = await typiaValidators(['CreateCustomer'], model, { date: DATE.source, guid: GUID.source });
const typia = typiaFlavours.plain.CreateCustomer;
const typiaChecked = typiaFlavours.ourChecks.CreateCustomer;
const definitions = Object.fromEntries(model.types.map((t) => [t.name, jsonSchema(t.name)]));
const schema = { ...definitions.CreateCustomer, definitions };
const ajv = new Ajv({ allowUnionTypes: true }).compile(schema);
const ajvAll = new Ajv({ allowUnionTypes: true, allErrors: true }).compile(schema);
const zodCreate = zodSchema('CreateCustomer');

/**
 * Each candidate: the method it stands for, its verdict on a payload, and which verdict it must
 * reach: `ours` (it checks what we check), `typia` (types only) or `rules` (all but the rules).
 */
const candidate = (method, accepts, verdict = 'ours') => ({ method, accepts, verdict });
const candidates = {
  'ours is()': candidate('is', (p) => ours.is(p)),
  'ours validate()': candidate('validate', (p) => ours.validate(p).length === 0),
  ...(baseline && {
    'baseline is()': candidate('is', (p) => baseline.is(p)),
    'baseline validate()': candidate('validate', (p) => baseline.validate(p).length === 0),
  }),
  'typia is()': candidate('is', (p) => typia.is(p), 'typia'),
  'typia validate()': candidate('validate', (p) => typia.validate(p).success, 'typia'),
  'typia+dates is()': candidate('is', (p) => typiaChecked.is(p), 'rules'),
  'typia+dates validate()': candidate('validate', (p) => typiaChecked.validate(p).success, 'rules'),
  ajv: candidate('is', (p) => ajv(p)),
  'ajv allErrors': candidate('validate', (p) => ajvAll(p)),
  'zod 4 safeParse()': candidate('validate', (p) => zodCreate.safeParse(p).success),
};

// All must agree before any timing means something: typia on its own verdicts (validator-payloads.js).
const verdicts = [];
for (const { name, payload, valid, typia: typiaVerdict, rules } of PAYLOADS) {
  const row = { payload: name };
  for (const [label, c] of Object.entries(candidates)) {
    const expected = { ours: valid, typia: typiaVerdict, rules: rules ?? valid }[c.verdict];
    row[label] = c.accepts(payload) ? 'accepts' : 'rejects';
    if (c.accepts(payload) !== expected) throw new Error(`${label} ${row[label]} the payload "${name}"; expected the opposite`);
  }
  verdicts.push(row);
}
console.log('Verdicts. typia checks types only: it accepts bad dates and broken rules, and rejects null in a member not typed `| null`.');
console.log('typia+dates is typia over the model with our date and Guid patterns and nullable optional members: it misses only the rules.');
console.table(verdicts);
const typeErrors = PAYLOADS.find((p) => p.name.startsWith('type errors')).payload;
console.log(
  `issues found in "type errors": ours ${ours.validate(typeErrors).length}, typia ${typia.validate(typeErrors).errors.length}, ajv allErrors ${(ajvAll(typeErrors), ajvAll.errors.length)}, zod ${zodCreate.safeParse(typeErrors).error.issues.length}`,
);

/** A loop of `n` calls of a candidate; its result keeps the calls observable. */
const loopOf = {
  'ours is()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (ours.is(p)) k++;
    return k;
  },
  'ours validate()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) k += ours.validate(p).length;
    return k;
  },
  'baseline is()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (baseline.is(p)) k++;
    return k;
  },
  'baseline validate()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) k += baseline.validate(p).length;
    return k;
  },
  'typia is()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (typia.is(p)) k++;
    return k;
  },
  'typia validate()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (typia.validate(p).success) k++;
    return k;
  },
  'typia+dates is()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (typiaChecked.is(p)) k++;
    return k;
  },
  'typia+dates validate()': (p, n) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (typiaChecked.validate(p).success) k++;
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

/** The anchor of a candidate in each comparison column: the same method of typia, ajv, zod, and the baseline. */
const anchors = (method) => ({
  'vs typia': method === 'is' ? 'typia is()' : 'typia validate()',
  'vs typia+dates': method === 'is' ? 'typia+dates is()' : 'typia+dates validate()',
  'vs ajv': method === 'is' ? 'ajv' : 'ajv allErrors',
  'vs zod': 'zod 4 safeParse()',
  ...(baseline && { 'vs baseline': method === 'is' ? 'baseline is()' : 'baseline validate()' }),
});

/** Interleaved rounds of every candidate on every timed payload (bench/rounds.js): medians, and ratios paired round by round. */
const rows = [];
const goals = [];
const names = Object.keys(candidates);
for (const { name: payloadName, payload, valid } of PAYLOADS.filter((p) => p.timed)) {
  for (const label of names) opsPerSecond(loopOf[label], payload, 200); // warm-up
  const rounds = await interleave(Object.fromEntries(names.map((label) => [label, () => opsPerSecond(loopOf[label], payload, 150)])), 9);
  for (const label of names) {
    const row = { payload: payloadName, validator: label, 'ops/s (median)': Math.round(median(rounds[label])).toLocaleString('en') };
    if (label.startsWith('ours '))
      for (const [column, anchor] of Object.entries(anchors(candidates[label].method))) row[column] = pairedRatio(rounds[label], rounds[anchor]).toFixed(2);
    rows.push(row);
  }
  const goal = (label, anchor) => goals.push({ payload: payloadName, ratio: `${label} / ${anchor}`, value: pairedRatio(rounds[label], rounds[anchor]) });
  if (valid) {
    goal('ours is()', 'typia is()');
    goal('ours validate()', 'typia validate()');
    goal('ours is()', 'typia+dates is()');
    goal('ours validate()', 'typia+dates validate()');
  } else goal('ours validate()', 'ajv allErrors');
}
console.table(rows);
console.log('Ratios to their anchors (issue #21 asks >= 1.00x of plain typia, whose checks are fewer; typia+dates does our work but the rules):');
for (const { payload, ratio, value } of goals) console.log(`  ${payload}: ${ratio} = ${value.toFixed(2)}x ${value >= 1 ? 'met' : 'NOT met'}`);
if (sink === 0.5) console.log(sink); // keeps the loops' results observable
