import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT, ROOT } from '../helpers.js';

const BIN = path.join(ROOT, 'bin/booster-codegen.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'booster-cli-'));
  cpSync(INPUT, path.join(dir, 'docs'), { recursive: true });
  return dir;
}

describe('booster-codegen generate', () => {
  it('generates from any folder, then --check finds it fresh, then stale', () => {
    const dir = workspace();
    const first = cli(['generate', '--input', 'docs', '--out', 'pkg'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('wrote pkg/api-model.json');
    expect(first.stderr).toMatch(/docs\/000_7647e57921bd59cd\.txt:48 warning: .*'email'.* \[SS063\]/);
    const model = JSON.parse(readFileSync(path.join(dir, 'pkg/api-model.json'), 'utf8')) as { operations: unknown[] };
    expect(model.operations).toHaveLength(3);
    expect(readFileSync(path.join(dir, 'pkg/api-model.json'), 'utf8')).not.toContain(dir);

    expect(cli(['generate', '--input', 'docs', '--out', 'pkg', '--check'], dir).code).toBe(0);
    writeFileSync(path.join(dir, 'pkg/api-model.json'), '{}\n');
    const stale = cli(['generate', '--input', 'docs', '--out', 'pkg', '--check'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('pkg/api-model.json');
    expect(readFileSync(path.join(dir, 'pkg/api-model.json'), 'utf8')).toBe('{}\n');
  });

  it('--verbose prints the time of loading, reading and each named model pass, in order', () => {
    const dir = workspace();
    const r = cli(['generate', '--input', 'docs', '--out', 'pkg', '--verbose'], dir);
    expect(r.code).toBe(0);
    const line = r.stderr.split('\n').find((l) => l.startsWith('time: '));
    const passes = [...(line ?? '').matchAll(/(?:time: |, )([a-z][A-Za-z ]*?) \d+\.\d ms/g)].map((m) => m[1]);
    expect(passes).toEqual([
      'load',
      'read',
      'lower metadata',
      'lower DTO sources',
      'service',
      'name operations',
      'gather evidence',
      'identify tables',
      'lower types',
      'resolve bases',
      'lower members',
      'sample types',
      'resolve types',
      'operations',
      'rules',
      'config',
      'redeclarations',
      'naming',
      'finalize',
    ]);
    expect(cli(['generate', '--input', 'docs', '--out', 'other'], dir).stderr).not.toContain('time: ');
  });

  it('is byte-identical across runs', () => {
    const dir = workspace();
    cli(['generate', '--input', 'docs', '--out', 'a'], dir);
    cli(['generate', '--input', 'docs', '--out', 'b'], dir);
    expect(readFileSync(path.join(dir, 'a/api-model.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'b/api-model.json'), 'utf8'));
  });

  it('exits 1 under --strict when the docs give warnings', () => {
    const dir = workspace();
    const r = cli(['generate', '--input', 'docs', '--out', 'pkg', '--strict', '--quiet'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--strict');
  });

  it('exits 2 on unusable input and leaves the existing output alone', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'empty'));
    mkdirSync(path.join(dir, 'pkg'));
    writeFileSync(path.join(dir, 'pkg/api-model.json'), 'previous\n');
    const empty = cli(['generate', '--input', 'empty', '--out', 'pkg'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no readable page');
    const missing = cli(['generate', '--input', 'nowhere', '--out', 'pkg'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere: cannot read the input folder');
    mkdirSync(path.join(dir, 'junk'));
    writeFileSync(path.join(dir, 'junk/notes.txt'), 'just some notes\n');
    const junk = cli(['generate', '--input', 'junk', '--out', 'pkg'], dir);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('no operation found');
    expect(readFileSync(path.join(dir, 'pkg/api-model.json'), 'utf8')).toBe('previous\n');
  });

  it('exits 2 on bad usage and bad config, naming the problem', () => {
    const dir = workspace();
    expect(cli(['frobnicate'], dir).code).toBe(2);
    expect(cli([], dir).code).toBe(2);
    writeFileSync(path.join(dir, 'bad.json'), '{"rename": {"types": {"A": 1}}}');
    const bad = cli(['generate', '--input', 'docs', '--config', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rename.types.A: must be a string');
    expect(cli(['generate', '--input', 'docs', '--config', 'absent.json'], dir).code).toBe(2);
  });

  it('applies the config file', () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'codegen.config.json'),
      JSON.stringify({
        input: 'docs',
        out: 'pkg',
        operations: { CreateCustomer: { requiresAuth: true } },
        fields: { 'Customer.clientType': { closed: true } },
      }),
    );
    expect(cli(['generate', '--quiet'], dir).code).toBe(0);
    const model = JSON.parse(readFileSync(path.join(dir, 'pkg/api-model.json'), 'utf8')) as {
      operations: { name: string; auth: { required: boolean } }[];
      types: { name: string; fields: { name: string; closed?: boolean }[] }[];
    };
    expect(model.operations.find((o) => o.name === 'CreateCustomer')!.auth.required).toBe(true);
    expect(model.types.find((t) => t.name === 'Customer')!.fields.find((f) => f.name === 'clientType')!.closed).toBe(true);
  });
});

describe('the CLI bundle', () => {
  it('builds no Intl.Segmenter (string-width, for text that is not ASCII): not for a run, nor for --help', () => {
    const guard = `data:text/javascript,${encodeURIComponent("Intl.Segmenter = function () { throw new Error('a segmenter was built'); };")}`;
    const dir = workspace();
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', guard, BIN, ...args], { cwd: dir, encoding: 'utf8' });
    const generate = run(['generate', '--quiet', '--input', 'docs', '--out', 'pkg']);
    expect(generate.stderr).toBe('');
    expect(generate.status).toBe(0);
    expect(run(['--version']).status).toBe(0);
    const help = run(['generate', '--help']);
    expect(help.stderr).toBe('');
    expect(help.stdout).toContain('--check');
  });
});

describe('bin/booster-codegen.js', () => {
  const BUNDLE = 'cli.bundle.cjs';
  /** A copy of bin/ in a fresh folder, with `dist/generator/` holding the given files (none: not built). */
  function install(dist: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'booster-bin-'));
    mkdirSync(path.join(dir, 'bin'));
    cpSync(path.dirname(BIN), path.join(dir, 'bin'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
    for (const [file, text] of Object.entries(dist)) {
      mkdirSync(path.dirname(path.join(dir, 'dist/generator', file)), { recursive: true });
      writeFileSync(path.join(dir, 'dist/generator', file), text);
    }
    return dir;
  }
  const run = (dir: string, args = ['generate']) => {
    const r = spawnSync(process.execPath, [path.join(dir, 'bin/booster-codegen.js'), ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stderr: r.stderr };
  };
  /** A CLI bundle whose main writes what it was given and whether its module-level code ran. */
  const ECHO = "let loaded = 'loaded'; exports.main = async (args) => process.stderr.write(`${loaded} ${args.join(' ')}\\n`);\n";
  const cacheOf = (dir: string) => path.join(dir, 'dist/generator', `${BUNDLE}.cache`);
  const sha256 = (text: string) => createHash('sha256').update(text).digest();

  it('says to run npm install only when the CLI was never built', () => {
    const r = run(install({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('booster-codegen: cannot start (no dist/generator/cli.bundle.cjs); run `npm install` to build the generator\n');
  });

  it.each([
    [
      'an error thrown by the CLI',
      { [BUNDLE]: "throw new TypeError('boom in the generator');\n" },
      /TypeError: boom in the generator\n\s+at .*cli\.bundle\.cjs:1/,
    ],
    [
      'a rejected main (a command failing)',
      { [BUNDLE]: "exports.main = async () => { throw new Error('command failed'); };\n" },
      /Error: command failed\n\s+at .*cli\.bundle\.cjs:1/,
    ],
    [
      'a module the CLI requires that is missing',
      { [BUNDLE]: "require('./commands/missing.js');\n" },
      /Cannot find module '\.\/commands\/missing\.js'[\s\S]*MODULE_NOT_FOUND/,
    ],
    ['a bundle without main', { [BUNDLE]: 'exports.other = 1;\n' }, /TypeError: .*main is not a function/],
  ])('reports %s as an internal error with its stack, exit 2', (_, dist, stack) => {
    const r = run(install(dist));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^booster-codegen: internal error: /);
    expect(r.stderr).toMatch(stack);
    expect(r.stderr).not.toContain('npm install');
  });

  it('runs the CLI with the command line and require', () => {
    const dir = install({ [BUNDLE]: `require('node:fs');\n${ECHO}` });
    expect(run(dir, ['generate', '--check'])).toEqual({ code: 0, stderr: 'loaded generate --check\n' });
    // The built bundle is strict, as the ES modules it is made of, and carries the templates precompiled.
    const built = readFileSync(path.join(ROOT, 'dist/generator', BUNDLE), 'utf8');
    expect(built).toMatch(/^"use strict";\n/);
    expect(built).toMatch(/^var __BOOSTER_PRECOMPILED_TEMPLATES__ = \{\n( {2}"[0-9a-f]{64}": \{.*\n)/m);
  });

  it('makes a code cache named after the bundle, uses it, and remakes it when it is not for this bundle', () => {
    const dir = install({ [BUNDLE]: ECHO });
    expect(run(dir)).toEqual({ code: 0, stderr: 'loaded generate\n' });
    const cache = readFileSync(cacheOf(dir));
    expect(cache.subarray(0, 32)).toEqual(sha256(ECHO));
    expect(cache.length).toBeGreaterThan(32);
    // Accepted: the next run leaves it as it is.
    const made = statSync(cacheOf(dir)).mtimeMs;
    expect(run(dir)).toEqual({ code: 0, stderr: 'loaded generate\n' });
    expect(statSync(cacheOf(dir)).mtimeMs).toBe(made);
    // The bundle changed, keeping its length (V8's own check): the cache is not used but remade.
    const changed = ECHO.replace("'loaded'", "'LOADED'");
    writeFileSync(path.join(dir, 'dist/generator', BUNDLE), changed);
    expect(run(dir)).toEqual({ code: 0, stderr: 'LOADED generate\n' });
    expect(readFileSync(cacheOf(dir)).subarray(0, 32)).toEqual(sha256(changed));
  });

  it('runs without a usable cache: garbage, truncated, or one it cannot write', () => {
    for (const cache of [Buffer.alloc(0), Buffer.from('not a cache'), Buffer.concat([sha256(ECHO), Buffer.from('garbage from V8s point of view')])]) {
      const dir = install({ [BUNDLE]: ECHO, [`${BUNDLE}.cache`]: cache });
      expect(run(dir)).toEqual({ code: 0, stderr: 'loaded generate\n' });
      expect(readFileSync(cacheOf(dir)).subarray(0, 32)).toEqual(sha256(ECHO));
    }
    // Where the cache should go stands a folder (a permission error would not stop root): no cache, no litter.
    const dir = install({ [BUNDLE]: ECHO });
    mkdirSync(cacheOf(dir));
    expect(run(dir)).toEqual({ code: 0, stderr: 'loaded generate\n' });
    expect(readdirSync(path.join(dir, 'dist/generator')).sort()).toEqual([BUNDLE, `${BUNDLE}.cache`]);
  });
});

describe('booster-codegen inspect', () => {
  it('summarises the model, or prints it as JSON', () => {
    const dir = workspace();
    const text = cli(['inspect', '--input', 'docs'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('UpdateCustomer: UpdateCustomer -> untyped  [auth]');
    expect(text.stdout).toContain('PUT /customer/{boosterCustomerId}');
    expect(text.stdout).toContain("rule: companyName required when clientType is 'COMPANY'");
    const json = cli(['inspect', '--input', 'docs', '--json'], dir);
    expect((JSON.parse(json.stdout) as { types: unknown[] }).types.length).toBeGreaterThan(10);
  });

  it('has --help and --version', () => {
    const dir = workspace();
    expect(cli(['--help'], dir).stdout).toContain('generate');
    expect(cli(['generate', '--help'], dir).stdout).toContain('--check');
    expect(cli(['--version'], dir).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
