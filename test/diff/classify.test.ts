import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffModels, renamesOf, type Change } from '../../generator/diff/compare.js';
import { runModel } from '../../generator/generate.js';
import type { ApiModel, Field, TypeDef } from '../../generator/model/api-model.js';
import { seedFiles } from '../helpers.js';

const SEEDS = new Map(seedFiles().map((f) => [f.file.slice(0, 3), f]));
const S0 = '000';
const S2 = '002';
const S3 = '003';

type Docs = Record<string, string>;

/** A member added to a table is added to the page's sample too, as ServiceStack would print it. */
const NICKNAME_SAMPLE: [RegExp, string] = [/^( *)<phoneNumber>/m, '$1<nickname>String</nickname>\n$1<phoneNumber>'];

/** Seeds by their number, as in input/. */
function docs(...ids: string[]): Docs {
  return Object.fromEntries(ids.map((id) => [SEEDS.get(id)!.file, SEEDS.get(id)!.text]));
}

/** `docs` with one seed edited: each replacement must apply, so a changed seed fails loudly. */
function edit(d: Docs, id: string, ...replacements: [string | RegExp, string][]): Docs {
  const file = SEEDS.get(id)!.file;
  let text = d[file]!;
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    expect(next, `edit of ${file}: ${String(from)}`).not.toBe(text);
    text = next;
  }
  return { ...d, [file]: text };
}

/** The model of the docs, read from a temp folder like the CLI reads them. */
async function modelOf(d: Docs, config?: object): Promise<{ model: ApiModel; renames: ReturnType<typeof renamesOf> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'booster-diff-'));
  mkdirSync(path.join(dir, 'docs'));
  for (const [file, text] of Object.entries(d)) writeFileSync(path.join(dir, 'docs', file), text);
  if (config) writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify(config));
  const run = await runModel({ cwd: dir, input: 'docs' });
  return { model: run.model, renames: renamesOf(run.config) };
}

const brief = (c: Change) => `${c.impact} ${c.kind} ${c.subject}`;
const at = (c: Change) => c.sources.map((l) => `${l.file.slice(0, 3)}:${l.line}`);

interface Case {
  edit: string;
  base: Docs;
  now: Docs;
  config?: { base?: object; now?: object };
  /** Every change, as `impact kind subject`. */
  expected: string[];
  /** Where the first expected change points: seed number and line. */
  source?: string[];
}

const CASES: Case[] = [
  {
    edit: 'nothing',
    base: docs(S2, S3),
    now: docs(S2, S3),
    expected: [],
  },
  {
    edit: 'remove a request table row (and its sample element)',
    base: docs(S3),
    now: edit(docs(S3), S3, [/^emailformstringNo.*\n/m, ''], [/^ *<email>String<\/email>\n/m, '']),
    expected: ['breaking field-removed SearchCustomer.email'],
    source: ['003:19'],
  },
  {
    edit: 'make a request field required',
    base: docs(S3),
    now: edit(docs(S3), S3, ['phoneNumberformstringNo', 'phoneNumberformstringYes']),
    expected: ['breaking field-made-required SearchCustomer.phoneNumber'],
    source: ['003:18'],
  },
  {
    edit: 'make a request field optional',
    base: docs(S3),
    now: edit(docs(S3), S3, ['downloadRequestIdbodystringYes', 'downloadRequestIdbodystringNo']),
    expected: ['non-breaking field-made-optional ExportCustomer.downloadRequestId'],
    source: ['003:12'],
  },
  {
    edit: 'make a response field optional',
    base: docs(S3),
    now: edit(docs(S3), S3, ['asyncTaskIdformGuidYes', 'asyncTaskIdformGuidNo']),
    expected: ['breaking field-made-optional ExportCustomerResponse.asyncTaskId'],
    source: ['003:58'],
  },
  {
    edit: 'make a response field required',
    base: edit(docs(S3), S3, ['asyncTaskIdformGuidYes', 'asyncTaskIdformGuidNo']),
    now: docs(S3),
    expected: ['non-breaking field-made-required ExportCustomerResponse.asyncTaskId'],
  },
  {
    edit: 'change int to string',
    base: docs(S2),
    now: edit(docs(S2), S2, ['boosterCustomerId | form | int | Yes', 'boosterCustomerId | form | string | Yes']),
    expected: ['breaking field-type-changed CreateCustomerResponse.boosterCustomerId'],
    source: ['002:96'],
  },
  {
    edit: 'change T to List<T>',
    base: docs(S3),
    now: edit(docs(S3), S3, ['phoneNumberformstringNo', 'phoneNumberformList<string>No']),
    expected: ['breaking field-type-changed SearchCustomer.phoneNumber'],
  },
  {
    edit: 'make a request value type nullable',
    base: edit(docs(S3), S3, ['clientSpendingFromformdouble?No', 'clientSpendingFromformdoubleNo']),
    now: docs(S3),
    expected: ['non-breaking field-made-nullable SearchCustomer.clientSpendingFrom'],
  },
  {
    edit: 'change a route verb',
    base: docs(S3),
    now: edit(docs(S3), S3, ['POST/customer/{brand}/export', 'PUT/customer/{brand}/export']),
    expected: ['breaking route-changed ExportCustomer'],
    source: ['003:9'],
  },
  {
    edit: 'change a route path',
    base: docs(S2),
    now: edit(docs(S2), S2, ['POST | /customer |', 'POST | /customers |']),
    expected: ['breaking route-changed CreateCustomer'],
    source: ['002:1'],
  },
  {
    edit: 'change a route summary',
    base: docs(S2),
    now: edit(docs(S2), S2, ['| Create CRM customer |', '| Creates a customer in the CRM |']),
    expected: ['docs route-summary CreateCustomer'],
  },
  {
    edit: 'remove an operation page',
    base: docs(S2, S3),
    now: docs(S3),
    expected: [
      'breaking operation-removed CreateCustomer',
      ...['Address', 'CreateCustomer', 'CreateCustomerBase', 'CreateCustomerResponse', 'Email', 'Event', 'Hobby', 'Interest', 'Phone', 'ProductCollection'].map(
        (t) => `breaking type-removed ${t}`,
      ),
    ],
    source: ['002:1'],
  },
  {
    edit: 'add an operation page',
    base: docs(S3),
    now: docs(S2, S3),
    expected: [
      'non-breaking operation-added CreateCustomer',
      ...['Address', 'CreateCustomer', 'CreateCustomerBase', 'CreateCustomerResponse', 'Email', 'Event', 'Hobby', 'Interest', 'Phone', 'ProductCollection'].map(
        (t) => `non-breaking type-added ${t}`,
      ),
    ],
  },
  {
    edit: 'add an optional request field',
    base: docs(S3),
    now: edit(docs(S3), S3, [/^(emailformstring.*\n)/m, '$1nicknameformstringNoNickname\n'], NICKNAME_SAMPLE),
    expected: ['non-breaking field-added SearchCustomer.nickname'],
    source: ['003:20'],
  },
  {
    edit: 'add a required request field',
    base: docs(S3),
    now: edit(docs(S3), S3, [/^(emailformstring.*\n)/m, '$1nicknameformstringYesNickname\n'], NICKNAME_SAMPLE),
    expected: ['breaking field-added-required SearchCustomer.nickname'],
  },
  {
    edit: 'add a required response field',
    base: docs(S3),
    now: edit(docs(S3), S3, [/^(asyncTaskIdformGuid.*\n)/m, '$1statusformstringYesStatus of the export\n']),
    expected: ['non-breaking field-added ExportCustomerResponse.status'],
  },
  {
    edit: 'change a description',
    base: docs(S3),
    now: edit(docs(S3), S3, ['Search by phone number - exact match', 'Search by phone number (exact match)']),
    expected: ['docs field-description SearchCustomer.phoneNumber'],
    source: ['003:18'],
  },
  {
    edit: 'change an example',
    base: docs(S3),
    now: edit(docs(S3), S3, ["Client Spending From e.g. '100'", "Client Spending From e.g. '250'"]),
    expected: ['docs field-description SearchCustomer.clientSpendingFrom', 'docs field-examples SearchCustomer.clientSpendingFrom'],
  },
  {
    edit: 'narrow a closed set (config)',
    base: docs(S3),
    now: docs(S3),
    config: {
      base: { fields: { 'SearchCustomer.customerStatus': { closed: true, examples: ['Prospect', 'Client'] } } },
      now: { fields: { 'SearchCustomer.customerStatus': { closed: true, examples: ['Client'] } } },
    },
    expected: ['breaking member-values-narrowed SearchCustomer.customerStatus'],
  },
  {
    edit: 'close an open set (config)',
    base: docs(S3),
    now: docs(S3),
    config: { now: { fields: { 'SearchCustomer.customerStatus': { closed: true } } } },
    expected: ['breaking member-values-narrowed SearchCustomer.customerStatus'],
  },
  {
    edit: 'widen a closed set (config)',
    base: docs(S3),
    now: docs(S3),
    config: {
      base: { fields: { 'SearchCustomer.customerStatus': { closed: true, examples: ['Client'] } } },
      now: { fields: { 'SearchCustomer.customerStatus': { closed: true, examples: ['Prospect', 'Client'] } } },
    },
    expected: ['non-breaking member-values-widened SearchCustomer.customerStatus'],
  },
  {
    edit: 'add "Requires Authentication"',
    base: edit(docs(S3), S3, ['Requires Authentication\n', '']),
    now: docs(S3),
    expected: ['breaking auth-required ExportCustomer'],
    source: ['003:5'],
  },
  {
    edit: 'drop "Requires Authentication"',
    base: docs(S3),
    now: edit(docs(S3), S3, ['Requires Authentication\n', '']),
    expected: ['non-breaking auth-dropped ExportCustomer'],
  },
  {
    edit: 'rename an operation',
    base: docs(S3),
    now: edit(docs(S3), S3, [/ExportCustomer/g, 'ExportClients']),
    expected: [
      'breaking operation-removed ExportCustomer',
      'breaking type-removed ExportCustomer',
      'breaking type-removed ExportCustomerResponse',
      'non-breaking operation-added ExportClients',
      'non-breaking type-added ExportClients',
      'non-breaking type-added ExportClientsResponse',
    ],
  },
  {
    edit: 'rename an operation, mapped in the config',
    base: docs(S3),
    now: edit(docs(S3), S3, [/ExportCustomer/g, 'ExportClients'], ['Unique Identifier of the Export Request', 'Identifier of the export']),
    config: { now: { diff: { renamed: { operations: { ExportCustomer: 'ExportClients' } } } } },
    expected: [
      'breaking operation-renamed ExportClients',
      'breaking type-renamed ExportClients',
      'breaking type-renamed ExportClientsResponse',
      'docs field-description ExportClientsResponse.asyncTaskId',
    ],
  },
];

describe('diff: a doc edit → its classification', () => {
  it.each(CASES)('$edit', async (c) => {
    const [base, now] = await Promise.all([modelOf(c.base, c.config?.base), modelOf(c.now, c.config?.now)]);
    const changes = diffModels(base.model, now.model, now.renames);
    expect(changes.map(brief).sort()).toEqual([...c.expected].sort());
    if (c.source) expect(at(changes.find((ch) => brief(ch) === c.expected[0])!)).toEqual(c.source);
    // Removals point into the old docs, everything else into the new ones.
    for (const ch of changes) expect(ch.from).toBe(/removed$/.test(ch.kind) ? 'base' : 'current');
  });

  it('takes sources from both models: removals from the base', async () => {
    const base = await modelOf(docs(S0, S2));
    const now = await modelOf(docs(S2));
    const removed = diffModels(base.model, now.model).find((c) => c.kind === 'operation-removed')!;
    expect(removed.subject).toBe('UpdateCustomer');
    expect(at(removed)[0]).toMatch(/^000:\d+$/);
  });
});

describe('diff: request and response rules', () => {
  const loc = { file: 'x.txt', line: 1 };
  const field = (name: string, required: boolean, nullable = false): Field => ({
    name,
    wireName: name,
    wireNameFrom: 'convention',
    type: { kind: 'primitive', name: 'string', nullable },
    required,
    examples: [],
    sources: [loc],
  });
  const type = (name: string, fields: Field[], base?: string): TypeDef => ({
    name,
    kind: 'object',
    fields,
    enumMembers: [],
    rules: [],
    sources: [loc],
    ...(base ? { base } : {}),
  });
  /** `Req` → `Res`, both holding a `Shared` and only `Req` an `In`, `Res` an `Out`. */
  const model = (shared: Field[], extra: TypeDef[] = []): ApiModel => ({
    service: {},
    diagnostics: [],
    operations: [
      {
        name: 'Op',
        tags: [],
        routes: [{ verbs: ['POST'], path: '/op', pathVariables: [], sources: [loc] }],
        auth: { required: false, roles: [], permissions: [] },
        request: 'Op',
        response: { kind: 'typed', type: 'OpResponse' },
        formats: [],
        parameters: [],
        sources: [loc],
      },
    ],
    types: [
      type('Op', [
        { ...field('shared', true), type: { kind: 'ref', name: 'Shared', nullable: false } },
        { ...field('in', true), type: { kind: 'ref', name: 'In', nullable: false } },
      ]),
      type('OpResponse', [
        { ...field('shared', true), type: { kind: 'ref', name: 'Shared', nullable: false } },
        { ...field('out', true), type: { kind: 'ref', name: 'Out', nullable: false } },
      ]),
      type('Shared', [...shared]),
      type('In', [...shared]),
      type('Out', [...shared]),
      ...extra,
    ],
  });
  const impacts = (a: ApiModel, b: ApiModel) => Object.fromEntries(diffModels(a, b).map((c) => [`${c.subject} ${c.kind}`, c.impact]));

  it('holds a type used by both to both rules', () => {
    expect(impacts(model([field('a', false)]), model([field('a', true)]))).toEqual({
      'In.a field-made-required': 'breaking',
      'Out.a field-made-required': 'non-breaking',
      'Shared.a field-made-required': 'breaking',
    });
    expect(impacts(model([field('a', true)]), model([field('a', false)]))).toEqual({
      'In.a field-made-optional': 'non-breaking',
      'Out.a field-made-optional': 'breaking',
      'Shared.a field-made-optional': 'breaking',
    });
    expect(impacts(model([field('a', false)]), model([field('a', false, true)]))).toEqual({
      'In.a field-made-nullable': 'non-breaking',
      'Out.a field-made-nullable': 'breaking',
      'Shared.a field-made-nullable': 'breaking',
    });
    expect(impacts(model([]), model([field('b', true)]))).toEqual({
      'In.b field-added-required': 'breaking',
      'Out.b field-added': 'non-breaking',
      'Shared.b field-added-required': 'breaking',
    });
  });

  it('reports an inherited member once, where it is declared, and a member moved to the base not at all', () => {
    const before = model([], [type('Base', []), type('Derived', [field('a', false)], 'Base')]);
    const after = model([], [type('Base', [field('a', false)]), type('Derived', [], 'Base')]);
    expect(diffModels(before, after).map(brief)).toEqual(['non-breaking field-added Base.a']);
    const added = model([], [type('Base', [field('a', false), field('b', false)]), type('Derived', [], 'Base')]);
    expect(diffModels(after, added).map(brief)).toEqual(['non-breaking field-added Base.b']);
  });

  it('treats enum members as a closed set: fewer break requests, more break responses', () => {
    const member = (name: string) => ({ name, wire: name, sources: [loc] });
    const withEnum = (...names: string[]) => {
      const m = model([]);
      m.types.push({ ...type('Color', []), kind: 'enum', enumMembers: names.map(member) });
      m.types.find((t) => t.name === 'In')!.fields.push({ ...field('color', false), type: { kind: 'ref', name: 'Color', nullable: false } });
      return m;
    };
    expect(diffModels(withEnum('Red', 'Blue'), withEnum('Red')).map(brief)).toEqual(['breaking enum-values-narrowed Color']);
    expect(diffModels(withEnum('Red'), withEnum('Red', 'Blue')).map(brief)).toEqual(['non-breaking enum-values-widened Color']);
  });

  it('breaks when an enum starts travelling as numbers', () => {
    const withEnum = (enumWire: 'string' | 'integer') => {
      const m = model([]);
      const enumMembers = ['Red', 'Blue'].map((name, i) => ({ name, wire: enumWire === 'string' ? name : i, sources: [loc] }));
      m.types.push({ ...type('Color', []), kind: 'enum', enumMembers, enumWire });
      return m;
    };
    expect(diffModels(withEnum('string'), withEnum('integer')).map(brief)).toEqual([
      'breaking enum-values-narrowed Color',
      'breaking enum-values-widened Color',
      'breaking enum-wire-changed Color',
    ]);
  });
});
