/**
 * The catalogue of diagnostic codes (generator/diagnostic-codes.ts) against the codes the generator
 * reports, and against README.md's Diagnostics table, which is rendered from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, renderDiagnosticsTable, splitAtDiagnosticsTable } from '../generator/diagnostic-codes.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const catalogued = Object.keys(DIAGNOSTIC_CODES);

/** The codes in generator/'s sources (the catalogue aside): quoted ones are reported, comments only mention them. */
function codesInSources(): { reported: Set<string>; mentioned: Set<string> } {
  const reported = new Set<string>();
  const mentioned = new Set<string>();
  const dir = path.join(root, 'generator');
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.[cm]?[jt]s$/.test(file) || file === 'diagnostic-codes.ts') continue;
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const [, code] of text.matchAll(/['"`](SS\d{3})['"`]/g)) reported.add(code!);
    for (const [code] of text.matchAll(/\bSS\d{3}\b/g)) mentioned.add(code);
  }
  return { reported, mentioned };
}

const without = (codes: Iterable<string>, known: Iterable<string>) => {
  const skip = new Set(known);
  return [...codes].filter((c) => !skip.has(c)).sort();
};

describe('diagnostic codes', () => {
  it('catalogues every code the generator reports, and no other', () => {
    const { reported } = codesInSources();
    expect(reported.size).toBeGreaterThan(0);
    expect({ notCatalogued: without(reported, catalogued), neverReported: without(catalogued, reported) }).toEqual({
      notCatalogued: [],
      neverReported: [],
    });
  });

  it('mentions no uncatalogued code in generator/ comments', () => {
    expect(without(codesInSources().mentioned, catalogued), 'codes named in generator/ but not catalogued').toEqual([]);
  });

  it('lists the codes in order, each with a one-line meaning', () => {
    expect(catalogued, 'DIAGNOSTIC_CODES out of code order').toEqual([...catalogued].sort());
    for (const [code, { meaning }] of Object.entries(DIAGNOSTIC_CODES)) expect(meaning, code).toMatch(/^[^\n]+$/);
  });

  it("is README.md's Diagnostics table", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const parts = splitAtDiagnosticsTable(readme);
    expect(parts, 'README.md has no "## Diagnostics" heading followed by an intro paragraph').toBeDefined();
    expect(
      parts!.table,
      "README.md's Diagnostics table is not the one rendered from generator/diagnostic-codes.ts: " + 'run `npm run docs:diagnostics` to rewrite it',
    ).toBe(renderDiagnosticsTable());
  });

  it('finds the table between the intro paragraph and the next heading, or the end', () => {
    const readme = '# X\n\n## Diagnostics\n\nIntro,\ntwo lines.\n\n| old |\n';
    expect(splitAtDiagnosticsTable(readme)).toEqual({ before: readme.slice(0, -8), table: '| old |\n', after: '' });
    expect(splitAtDiagnosticsTable(`${readme}\n## Next\n`)?.after).toBe('\n## Next\n');
    expect(splitAtDiagnosticsTable('## Diagnostics\n\n| no intro |\n')).toBeUndefined();
  });
});
