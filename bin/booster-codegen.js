#!/usr/bin/env node
// The CLI is compiled to dist/ and bundled into one script by `npm install` (the `prepare` script
// runs scripts/build-generator.js): loading one file instead of some 180 modules takes a tenth of
// a second off every run. The script runs with V8's code cache of a previous run (the build makes
// one by generating from input/): the generator's functions come compiled, not compiled again in
// every run. The cache names the bundle it was made from (its SHA-256) and is remade, when this
// run ends, if it is missing or V8 rejects it (another Node version); it is never required.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import vm from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/generator/cli.bundle.cjs', import.meta.url));
const cacheFile = `${bundle}.cache`;

function internalError(error) {
  process.stderr.write(`booster-codegen: internal error: ${inspect(error)}\n`);
  process.exit(2);
}

let source;
try {
  source = readFileSync(bundle);
} catch (error) {
  // Only a CLI that was never built is an installation problem.
  if (error?.code !== 'ENOENT') internalError(error);
  process.stderr.write(`booster-codegen: cannot start (no ${path.relative(process.cwd(), bundle)}); run \`npm install\` to build the generator\n`);
  process.exit(2);
}

const hash = createHash('sha256').update(source).digest();
let cachedData;
try {
  const cache = readFileSync(cacheFile);
  // V8 checks its own version and flags, but of the source only its length: the hash is ours.
  if (cache.subarray(0, hash.length).equals(hash)) cachedData = cache.subarray(hash.length);
} catch {
  // no cache yet: this run makes one
}

// The wrapper Node gives a CommonJS module, on the script's first line so that line numbers hold.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString()}\n})`, { filename: bundle, cachedData });
if (!cachedData || script.cachedDataRejected) process.once('exit', () => saveCache(script.createCachedData()));

function saveCache(data) {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([hash, data]));
    renameSync(temp, cacheFile); // atomic: a concurrent run reads the old cache or the new one
  } catch {
    rmSync(temp, { force: true }); // a read-only installation runs without one
  }
}

try {
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  // Any error escaping the CLI (a bug, a module it requires missing) is an internal error, shown with its stack.
  module.exports.main(process.argv.slice(2)).catch(internalError);
} catch (error) {
  internalError(error);
}
