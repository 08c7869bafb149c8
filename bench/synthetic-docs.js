// The synthetic docs generator (test/synthetic/docs.ts) for plain Node: transpiled once into a
// scratch folder (it imports only node: modules), then imported. As a command:
//   node bench/synthetic-docs.js --operations 100 --out /tmp/docs [--seed 1] [--no-html]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {Promise<typeof import('../test/synthetic/docs.js')>} */
export async function loadSyntheticDocs() {
  const source = readFileSync(path.join(root, 'test/synthetic/docs.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  const dir = mkdtempSync(path.join(tmpdir(), 'booster-synthetic-'));
  writeFileSync(path.join(dir, 'docs.mjs'), outputText);
  try {
    return await import(pathToFileURL(path.join(dir, 'docs.mjs')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true }); // loaded: the file is no longer needed
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { operations: { type: 'string', short: 'n' }, out: { type: 'string', short: 'o' }, seed: { type: 'string' }, 'no-html': { type: 'boolean' } },
  });
  if (!values.operations || !values.out) {
    process.stderr.write('usage: node bench/synthetic-docs.js --operations N --out DIR [--seed S] [--no-html]\n');
    process.exit(2);
  }
  const { writeSyntheticDocs } = await loadSyntheticDocs();
  const { docs, files, bytes } = await writeSyntheticDocs(path.resolve(values.out), {
    operations: Number(values.operations),
    seed: Number(values.seed ?? 1),
    html: !values['no-html'],
  });
  const types = [...docs.api.types.values()];
  process.stdout.write(
    `${values.out}: ${docs.api.operations.length} operations, ${types.length} types (${types.filter((t) => t.kind === 'enum').length} enums), ` +
      `${files} files, ${(bytes / 1024).toFixed(0)} KiB\n`,
  );
}
