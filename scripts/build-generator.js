// npm run build:generator (and `prepare`, so npm install): compiles generator/ to dist/generator/,
// bundles the CLI into the one script that bin/booster-codegen.js runs (the templates compiled
// into it) and the no-op fast path into another, and makes the CLI's code cache by generating
// once from input/ (into a scratch folder), so that the first run by a user already starts compiled.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lazyStringWidth } from './lazy-string-width.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/generator/cli.bundle.cjs');

const tsc = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// The templates, compiled now rather than in every run (generator/emit/render.ts).
const { precompiledTemplatesScript } = await import(new URL('../dist/generator/emit/render.js', import.meta.url).href);

await build({
  entryPoints: [path.join(root, 'dist/generator/cli.js')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  // A script, not a module: V8 caches the compiled code of scripts only (vm.Script).
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  // Loaded only when a file needs prettier's layout (generator/emit/format.ts).
  external: ['prettier'],
  // Strict, as the ES modules it is made of were.
  banner: { js: `"use strict";\nvar __import_meta_url = require('node:url').pathToFileURL(__filename).href;\n${precompiledTemplatesScript()}` },
  define: { 'import.meta.url': '__import_meta_url' },
  plugins: [lazyStringWidth],
  logLevel: 'warning',
});

// The fast path of a no-op `generate` (generator/up-to-date/answer.ts), which the bin runs before it
// loads the bundle above: on its own, a few kilobytes, so that answering costs little more than starting Node.
await build({
  entryPoints: [path.join(root, 'dist/generator/up-to-date/answer.js')],
  outfile: path.join(root, 'dist/generator/up-to-date.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  banner: { js: '"use strict";' },
  logLevel: 'warning',
});

rmSync(`${bundle}.cache`, { force: true });
const scratch = mkdtempSync(path.join(os.tmpdir(), 'booster-codegen-warm-'));
try {
  // Its outcome does not matter: the bin writes the cache when the run ends, however it ends.
  spawnSync(process.execPath, [path.join(root, 'bin/booster-codegen.js'), 'generate', '--quiet', '--force', '--input', 'input', '--out', scratch], {
    cwd: root,
    stdio: 'ignore',
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
