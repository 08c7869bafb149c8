import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics.js';
import { runModel } from '../../generator/generate.js';
import { modelOf, opOf, seedFiles, typeOf } from '../helpers.js';

const SEED_003 = seedFiles().find((f) => f.file.startsWith('003'))!;
const SEED_000 = seedFiles().find((f) => f.file.startsWith('000'))!;

function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

const at = (d: Diagnostic | undefined) => (d?.loc ? `${d.loc.file}:${d.loc.line}` : undefined);

describe('bad input gives diagnostics with file and line, and the rest still generates', () => {
  it('a squashed row that fits no split is skipped with SS012, or joined to the description above (SS013)', () => {
    const text = edit(SEED_003.text, 'downloadRequestIdbodystringYesExport Request ID of the API Consumers', 'downloadRequestId body ??? Export Request ID');
    const model = modelOf([{ file: 'x.txt', text }]);
    const d = model.diagnostics.find((x) => x.code === 'SS012');
    expect(at(d)).toBe(`x.txt:${lineOf(text, 'downloadRequestId body ???')}`);
    expect(typeOf(model, 'SearchCustomer').fields).toHaveLength(22);

    const continued = edit(SEED_003.text, 'emailformstringNoSearch by email address - exact match', 'emailformstringNoSearch by email\naddress - exact match');
    const m2 = modelOf([{ file: 'y.txt', text: continued }]);
    expect(at(m2.diagnostics.find((x) => x.code === 'SS013'))).toBe(`y.txt:${lineOf(continued, 'address - exact match')}`);
    expect(typeOf(m2, 'SearchCustomer').fields.find((f) => f.name === 'email')!.description).toBe('Search by email address - exact match');
  });

  it('a pipe row broken across lines is joined with SS013', () => {
    const text = edit(SEED_000.text, '| firstName | form | string | No | First Name |', '| firstName | form | string |\nNo | First Name |');
    const model = modelOf([{ file: 'p.txt', text }]);
    expect(at(model.diagnostics.find((x) => x.code === 'SS013'))).toBe(`p.txt:${lineOf(text, '| firstName | form | string |')}`);
    expect(typeOf(model, 'UpdateCustomerBase').fields.find((f) => f.name === 'firstName')).toMatchObject({ required: false, description: 'First Name' });
  });

  it('a type name never defined is reported where it is used, and emitted as an open object', () => {
    const text = edit(
      SEED_003.text,
      'productCategoriesformList<ProductCategory>NoProduct Categories',
      'productCategoriesformList<ProductGroup>NoProduct Categories',
    );
    const model = modelOf([{ file: 'u.txt', text }]);
    const d = model.diagnostics.find((x) => x.code === 'SS070');
    expect(at(d)).toBe(`u.txt:${lineOf(text, 'List<ProductGroup>')}`);
    expect(d!.message).toContain("'ProductGroup'");
    expect(typeOf(model, 'ProductGroup').incomplete).toBe(true);
  });

  it('a route with an unbalanced { is skipped with SS054', () => {
    const text = edit(SEED_000.text, '| PUT | /customer/{boosterCustomerId} |', '| PUT | /customer/{boosterCustomerId |');
    const model = modelOf([{ file: 'r.txt', text }]);
    expect(at(model.diagnostics.find((x) => x.code === 'SS054'))).toBe('r.txt:1');
    expect(opOf(model, 'UpdateCustomer').routes).toEqual([]);
  });

  it('an unreadable file is reported and the others still generate', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booster-bad-'));
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs', SEED_003.file), SEED_003.text);
    writeFileSync(path.join(dir, 'docs', 'broken.txt'), Buffer.from([0x50, 0x55, 0x54, 0xff, 0xfe, 0x0a]));
    const run = await runModel({ input: 'docs', cwd: dir });
    expect(run.unusable).toBeUndefined();
    const d = run.model.diagnostics.find((x) => x.code === 'SS001');
    expect(d).toMatchObject({ severity: 'error', loc: { file: 'broken.txt', line: 1 } });
    expect(d!.message).toContain('not UTF-8');
    expect(run.model.operations.map((o) => o.name)).toEqual(['ExportCustomer']);
  });

  it('an empty input folder is unusable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booster-empty-'));
    mkdirSync(path.join(dir, 'docs'));
    const run = await runModel({ input: 'docs', cwd: dir });
    expect(run.unusable).toMatch(/no readable page/);
  });

  it('never throws on truncated pages', () => {
    for (const f of seedFiles())
      for (let cut = 0; cut < f.text.length; cut += Math.ceil(f.text.length / 40))
        expect(() => modelOf([{ file: f.file, text: f.text.slice(0, cut) }])).not.toThrow();
  });
});
