/**
 * The synthetic docs (test/synthetic/docs.ts) read back into the API they were drawn from: the
 * readers take them for real ServiceStack pages, and the model finds exactly the operations,
 * types, bases, members and rules of the truth, with no diagnostic beyond those the page forms
 * call for by design.
 */
import { describe, expect, it } from 'vitest';
import type { ApiModel, TypeRef } from '../../generator/model/api-model.js';
import { formatTypeRef } from '../../generator/model/type-ref.js';
import { modelOf } from '../helpers.js';
import { AUTH_FORMS, docsFiles, dotNetType, pageTypeOrder, syntheticDocs, type FieldType, type SyntheticDocs, type SyntheticOptions } from './docs.js';

/**
 * Diagnostics the page forms call for, by design:
 * - SS050 (warning): a pipe dump names no operation (no heading; the CSV page's JSON sample and a
 *   GET/DELETE request without body do not either), so it is named after the route summary;
 * - SS052 (warning): only pipe dumps show the operation, and they dropped "Requires Authentication"
 *   (never with HTML on: the `/metadata` index says it for every operation);
 * - SS056 (info): a route variable whose table says Required: No (seed 000's boosterCustomerId);
 * - SS057 (info): a JSON response sample does not name its type ({Operation}Response by convention).
 */
const EXPECTED = new Set(['SS050', 'SS052', 'SS056', 'SS057']);

/** A member type as the model writes it, from a table (exact) or from Python only (which cannot tell `long` from `int`, nor `Guid` from `string`). */
function expectedType(t: FieldType, fromTable: boolean): string {
  if (fromTable || t.kind !== 'primitive') return dotNetType(t);
  const name = t.name === 'long' ? 'int' : t.name === 'Guid' ? 'string' : t.name;
  return `${name}${t.nullable && name !== 'string' ? '?' : ''}`;
}

function check(docs: SyntheticDocs, model: ApiModel): void {
  const { api, pages } = docs;
  // Operations: exactly the drawn ones, each with its route, response, auth and parameters.
  expect(model.operations.map((o) => o.name)).toEqual(api.operations.map((o) => o.name).sort());
  for (const op of api.operations) {
    const got = model.operations.find((o) => o.name === op.name)!;
    expect(
      got.routes.map((r) => [r.verbs, r.path, r.summary, r.notes]),
      op.name,
    ).toEqual([[[op.verb], op.path, op.summary, op.notes]]);
    expect(got.response, op.name).toEqual(op.response);
    const stated = Boolean(docs.index) || pages.some((p) => p.operation === op.name && AUTH_FORMS.has(p.form));
    expect(got.auth.required, `${op.name} auth`).toBe(stated && op.auth.required);
    if (docs.index)
      expect({ roles: got.auth.roles, permissions: got.auth.permissions }, op.name).toEqual({ roles: op.auth.roles, permissions: op.auth.permissions });
    const members: { name: string; declaredIn: string; required: boolean }[] = [];
    for (let t = api.types.get(op.request); t; t = t.base ? api.types.get(t.base) : undefined)
      members.unshift(...t.fields.map((f) => ({ name: f.name, declaredIn: t!.name, required: f.required })));
    const where = (name: string) => (op.pathVariables.includes(name) ? 'path' : op.verb === 'GET' || op.verb === 'DELETE' ? 'query' : 'body');
    expect(got.parameters.map((p) => `${p.declaredIn}.${p.name} ${p.in} ${p.required}`).sort(), op.name).toEqual(
      members.map((m) => `${m.declaredIn}.${m.name} ${where(m.name)} ${m.required || op.pathVariables.includes(m.name)}`).sort(),
    );
  }

  // Types: exactly those the pages show, with their base, members, enum members and rules.
  const shown = new Set(api.operations.flatMap((op) => pageTypeOrder(api, op)));
  const inTables = new Set(pages.flatMap((p) => p.tableTypes));
  expect(model.types.map((t) => t.name)).toEqual([...shown].sort());
  for (const name of shown) {
    const want = api.types.get(name)!;
    const got = model.types.find((t) => t.name === name)!;
    expect(got.kind, name).toBe(want.kind);
    if (want.kind === 'enum') {
      expect(
        got.enumMembers.map((m) => m.wire),
        name,
      ).toEqual(want.members);
      continue;
    }
    expect(got.base, `${name} base`).toBe(want.base);
    expect(got.incomplete, name).toBeUndefined();
    const path = new Set(api.operations.filter((o) => o.request === name).flatMap((o) => o.pathVariables));
    const describe = (f: { name: string; wireName: string; required: boolean; type: TypeRef | string }) =>
      `${f.name} ${f.wireName} ${f.required} ${typeof f.type === 'string' ? f.type : formatTypeRef(f.type)}`;
    expect(got.fields.map(describe).sort(), name).toEqual(
      want.fields
        .map((f) => describe({ name: f.name, wireName: f.name, required: f.required || path.has(f.name), type: expectedType(f.type, inTables.has(name)) }))
        .sort(),
    );
    expect(
      got.rules.map((r) => `${r.field} when ${r.when.field} = ${r.when.equals}`),
      name,
    ).toEqual(want.rules.map((r) => `${r.field} when ${r.when} = ${r.equals}`));
  }

  // Diagnostics: none but those the forms call for, each where it belongs.
  const unexpected = model.diagnostics.filter((d) => !EXPECTED.has(d.code));
  expect(unexpected.map((d) => `${d.loc?.file}:${d.loc?.line} ${d.code} ${d.message}`)).toEqual([]);
  const formOf = new Map(pages.map((p) => [p.file, p.form]));
  for (const d of model.diagnostics.filter((x) => x.code === 'SS050' || x.code === 'SS052')) expect(formOf.get(d.loc!.file), d.message).toMatch(/^pipe-/);
  if (docs.index) expect(model.diagnostics.filter((d) => d.code === 'SS052')).toEqual([]);
}

describe('synthetic docs', () => {
  const cases: [string, SyntheticOptions][] = [
    ['5 operations, text and HTML', { operations: 5 }],
    ['5 operations, text only', { operations: 5, html: false, seed: 2 }],
    ['60 operations, text and HTML', { operations: 60, seed: 3 }],
    ['60 operations, text only', { operations: 60, html: false, seed: 4 }],
  ];
  for (const [title, options] of cases)
    it(`read back into their API: ${title}`, () => {
      const docs = syntheticDocs(options);
      expect(docs.api.operations).toHaveLength(options.operations);
      const forms = new Set(docs.pages.map((p) => p.form));
      if (options.operations >= 60) expect(forms.size).toBe(options.html === false ? 4 : 7);
      check(docs, modelOf(docsFiles(docs)));
    });

  it('cover what the issue asks for: shared types, inheritance, nested lists, enums, dictionaries, path variables, GET, every response kind', () => {
    const { api } = syntheticDocs({ operations: 60, seed: 3 });
    const types = [...api.types.values()];
    const fieldTypes = types.flatMap((t) => t.fields.map((f) => f.type));
    const users = new Map<string, Set<string>>();
    for (const op of api.operations) for (const t of pageTypeOrder(api, op)) users.set(t, new Set([...(users.get(t) ?? []), op.name]));
    expect(types.some((t) => t.role === 'shared' && (users.get(t.name)?.size ?? 0) > 1)).toBe(true);
    const bases = types.filter((t) => t.base).map((t) => t.base!);
    expect(bases.some((b) => bases.filter((x) => x === b).length > 1)).toBe(true);
    expect(types.some((t) => t.base && api.types.get(t.base)!.base)).toBe(true);
    expect(types.some((t) => t.role === 'shared' && t.fields.some((f) => f.type.kind === 'list' && f.type.of.kind === 'ref'))).toBe(true);
    expect(fieldTypes.some((f) => f.kind === 'ref' && api.types.get(f.name)!.kind === 'enum')).toBe(true);
    expect(fieldTypes.some((f) => f.kind === 'dictionary')).toBe(true);
    expect(api.operations.some((o) => o.verb === 'GET' && o.pathVariables.length)).toBe(true);
    expect(api.operations.some((o) => o.verb === 'GET' && !o.pathVariables.length)).toBe(true);
    expect(new Set(api.operations.map((o) => o.response.kind))).toEqual(new Set(['typed', 'untyped', 'none']));
    expect(types.some((t) => t.rules.length)).toBe(true);
    expect(types.some((t) => t.namespace !== api.namespace)).toBe(true);
  });

  it('are the same bytes for the same seed, and others for another', () => {
    const a = docsFiles(syntheticDocs({ operations: 25, seed: 7 }));
    const b = docsFiles(syntheticDocs({ operations: 25, seed: 7 }));
    expect(b).toEqual(a);
    expect(docsFiles(syntheticDocs({ operations: 25, seed: 8 }))).not.toEqual(a);
  });
});
