// npm run docs:diagnostics: rewrites README.md's Diagnostics table from the catalogue of diagnostic
// codes, generator/diagnostic-codes.ts (test/diagnostic-codes.test.ts checks that they agree). The
// catalogue imports nothing, so esbuild's transform of that one file is all it takes to load it:
// no build of the generator, whatever state the rest of it is in.
import { readFileSync, writeFileSync } from 'node:fs';
import { transform } from 'esbuild';

const source = readFileSync(new URL('../generator/diagnostic-codes.ts', import.meta.url), 'utf8');
const { code } = await transform(source, { loader: 'ts', format: 'esm' });
const catalogue = await import(`data:text/javascript,${encodeURIComponent(code)}`);
const { renderDiagnosticsTable, splitAtDiagnosticsTable } = catalogue;

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const parts = splitAtDiagnosticsTable(readme);
if (!parts) {
  process.stderr.write('README.md: no "## Diagnostics" heading followed by an intro paragraph\n');
  process.exit(1);
}
const updated = parts.before + renderDiagnosticsTable() + parts.after;
if (updated !== readme) writeFileSync(file, updated);
process.stdout.write(`README.md: Diagnostics table ${updated === readme ? 'already up to date' : 'rewritten'}\n`);
