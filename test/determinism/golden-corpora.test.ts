/**
 * The generated files of every corpus — the seeds, the HTML fixtures and metadata JSON, the
 * synthetic docs and the hostile cases — held against the SHA-256 of each file as it was when the
 * fingerprints were last taken (`golden-corpora.json`). A refactoring of the model must leave every
 * byte where it was; a change of behaviour shows here as the files it touched, and the
 * fingerprints are then taken again on purpose: `UPDATE_GOLDEN=1 npx vitest run test/determinism/golden-corpora.test.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CodegenConfig } from '../../generator/config.js';
import { DEFAULT_CONFIG, parseConfig } from '../../generator/config.js';
import type { InputFile } from '../../generator/read/input.js';
import { HTML_PAGES, METADATA_JSON } from '../fuzz/sources.js';
import { seedFiles } from '../helpers.js';
import { hostileCases } from '../hostile/corpus.js';
import { renderAll } from '../hostile/harness.js';
import { docsFiles, syntheticDocs } from '../synthetic/docs.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden-corpora.json');

interface Corpus {
  name: string;
  files: InputFile[];
  config?: object;
}

function corpora(): Corpus[] {
  const synthetic = (operations: number, seed: number, html = true): Corpus => ({
    name: `synthetic-${operations}-seed${seed}${html ? '' : '-text'}`,
    files: docsFiles(syntheticDocs({ operations, seed, html })),
  });
  return [
    { name: 'seeds', files: seedFiles() },
    { name: 'html-fixtures', files: [...HTML_PAGES, METADATA_JSON] },
    { name: 'seeds+html-fixtures', files: [...seedFiles(), ...HTML_PAGES, METADATA_JSON] },
    { name: 'metadata-json', files: [METADATA_JSON] },
    { name: 'html-fixtures-pages', files: HTML_PAGES },
    ...seedFiles().map((f) => ({ name: `seed-${f.file.slice(0, 3)}`, files: [f] })),
    synthetic(12, 1),
    synthetic(12, 7, false),
    synthetic(40, 3),
    synthetic(100, 11),
    ...hostileCases().map((c) => ({ name: `hostile-${c.name}`, files: c.files, ...(c.config ? { config: c.config } : {}) })),
  ];
}

function configOf(c: Corpus): CodegenConfig {
  return c.config ? parseConfig(c.config, 'codegen.config.json') : DEFAULT_CONFIG;
}

async function fingerprints(c: Corpus): Promise<Record<string, string>> {
  const { model, files } = await renderAll(c.files, configOf(c));
  const out: Record<string, string> = {};
  for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) out[file] = createHash('sha256').update(text).digest('hex').slice(0, 16);
  out['(diagnostics)'] = createHash('sha256').update(JSON.stringify(model.diagnostics)).digest('hex').slice(0, 16);
  return out;
}

describe('generated files of every corpus, byte for byte', async () => {
  const all = corpora();
  if (process.env.UPDATE_GOLDEN) {
    const golden: Record<string, Record<string, string>> = {};
    for (const c of all) golden[c.name] = await fingerprints(c);
    writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 2)}\n`);
  }
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Record<string, string>>;
  it('covers the same corpora as the fingerprints', () => {
    expect(all.map((c) => c.name).sort()).toEqual(Object.keys(golden).sort());
  });
  it.each(all.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expect(await fingerprints(c)).toEqual(golden[c.name]);
  });
});
