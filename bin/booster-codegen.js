#!/usr/bin/env node
// A CommonJS script (bin/package.json says so): Node starts one faster than an ES module.
//
// First the fast path of a no-op `generate` (dist/generator/up-to-date.cjs, built from
// generator/up-to-date/answer.ts): when the last run's record shows that nothing changed, it prints
// what `generate` would and the run ends there, at little more than Node's own start.
//
// Otherwise, the CLI: compiled to dist/ and bundled into one script by `npm install` (the `prepare`
// script runs scripts/build-generator.js): loading one file instead of some 180 modules takes a tenth of
// a second off every run. The script runs with V8's code cache of a previous run (the build makes
// one by generating from input/): the generator's functions come compiled, not compiled again in
// every run. The cache names the bundle it was made from (its SHA-256) and is remade, when this
// run ends, if it is missing or V8 rejects it (another Node version); it is never required.
'use strict';
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '../dist/generator');
const bundle = path.join(dist, 'cli.bundle.cjs');
const cacheFile = `${bundle}.cache`;
const args = process.argv.slice(2);

function internalError(error) {
  process.stderr.write(`booster-codegen: internal error: ${require('node:util').inspect(error)}\n`);
  process.exit(2);
}

/** The fast path's answer (an exit code), or undefined: not sure, or not built (the CLI then says so). */
function answerIfUpToDate() {
  let fastPath;
  try {
    fastPath = require(path.join(dist, 'up-to-date.cjs'));
  } catch (error) {
    if (error?.code === 'MODULE_NOT_FOUND') return undefined;
    internalError(error);
  }
  let cwd;
  try {
    cwd = process.cwd();
  } catch {
    return undefined; // a working folder that is gone: the CLI reports it
  }
  return fastPath.answerUpToDate(args, cwd, { generatorDir: dist, templatesDir: path.join(__dirname, '../templates') });
}

function runCli() {
  let source;
  try {
    source = readFileSync(bundle);
  } catch (error) {
    // Only a CLI that was never built is an installation problem.
    if (error?.code !== 'ENOENT') internalError(error);
    process.stderr.write(`booster-codegen: cannot start (no ${path.relative(process.cwd(), bundle)}); run \`npm install\` to build the generator\n`);
    process.exit(2);
  }

  const hash = require('node:crypto').createHash('sha256').update(source).digest();
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    // V8 checks its own version and flags, but of the source only its length: the hash is ours.
    if (cache.subarray(0, hash.length).equals(hash)) cachedData = cache.subarray(hash.length);
  } catch {
    // no cache yet: this run makes one
  }

  // The wrapper Node gives a CommonJS module, on the script's first line so that line numbers hold.
  const vm = require('node:vm');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString()}\n})`, { filename: bundle, cachedData });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => saveCache(hash, script.createCachedData()));

  try {
    const module = { exports: {} };
    script.runInThisContext()(module.exports, require('node:module').createRequire(bundle), module, bundle, path.dirname(bundle));
    // Any error escaping the CLI (a bug, a module it requires missing) is an internal error, shown with its stack.
    module.exports.main(args).catch(internalError);
  } catch (error) {
    internalError(error);
  }
}

function saveCache(hash, data) {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([hash, data]));
    renameSync(temp, cacheFile); // atomic: a concurrent run reads the old cache or the new one
  } catch {
    rmSync(temp, { force: true }); // a read-only installation runs without one
  }
}

let answer;
try {
  answer = answerIfUpToDate();
} catch (error) {
  internalError(error);
}
if (answer === undefined) runCli();
else process.exitCode = answer;
