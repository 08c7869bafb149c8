import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { INPUT, ROOT, stateFiles } from '../helpers.js';

const BIN = path.join(ROOT, 'bin/booster-codegen.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'booster-out-'));
  cpSync(INPUT, path.join(dir, 'docs'), { recursive: true });
  return dir;
}

/** Every file under a folder (state folder excluded) with its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (!rel.startsWith('.booster-codegen')) out[rel] = readFileSync(path.join(dir, rel), 'utf8');
  }
  return out;
}

describe('the generated package', () => {
  it('has a package.json with an exports map for import and require, no dependencies, and a README', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'output/package.json'), 'utf8')) as Record<string, any>;
    expect(pkg).toMatchObject({
      name: 'booster-api-client',
      license: 'UNLICENSED',
      type: 'module',
      sideEffects: false,
      exports: {
        '.': {
          import: { types: './dist/index.d.ts', default: './dist/index.js' },
          require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
          default: './dist/index.js',
        },
      },
      main: './dist/index.cjs',
      types: './dist/index.d.cts',
      scripts: { build: 'node build.mjs', prepack: expect.stringMatching(/ && node build\.mjs$/) },
    });
    // `types` first in each condition: TypeScript takes the first that matches.
    expect(Object.keys(pkg.exports['.'].import)[0]).toBe('types');
    expect(Object.keys(pkg.exports['.'].require)[0]).toBe('types');
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.repository).toBeUndefined();
    expect(pkg.files).toEqual(['dist', 'src', 'openapi.json', 'README.md', 'CHANGELOG.md']);
    const readme = readFileSync(path.join(ROOT, 'output/README.md'), 'utf8');
    for (const m of ['createCustomer', 'exportCustomer', 'updateCustomer', 'ApiError', 'ValidationError']) expect(readme).toContain(m);
    // A section per error class and per option, and what the package needs.
    const sections = [...readme.matchAll(/^### `(\w+)`/gm)].map((m) => m[1]);
    for (const name of ['ApiError', 'ValidationError', 'NetworkError', 'TimeoutError', 'ResponseTooLargeError']) expect(sections).toContain(name);
    for (const name of ['baseUrl', 'auth', 'headers', 'fetch', 'timeoutMs', 'maxResponseBytes', 'retry', 'validate', 'onUnauthorized', 'onResponseDrift'])
      expect(sections).toContain(name);
    expect(readme).toContain('TypeScript 5.0 or newer');
    expect(readme).toContain('CommonJS (`require`)');
  });

  it('takes its name, version, license and repository from the config', () => {
    const dir = workspace();
    const repository = { url: 'git+https://github.com/acme/booster.git', directory: 'pkg' };
    writeFileSync(
      path.join(dir, 'codegen.config.json'),
      JSON.stringify({ input: 'docs', out: 'pkg', packageName: '@acme/booster', packageVersion: '2.3.4', license: 'MIT', repository }),
    );
    expect(cli(['generate', '--quiet'], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'pkg/package.json'), 'utf8'))).toMatchObject({
      name: '@acme/booster',
      version: '2.3.4',
      license: 'MIT',
      repository: { type: 'git', ...repository },
    });
    expect(() => parseConfig({ repository: { directory: 'pkg' } }, 'codegen.config.json')).toThrow(/repository\.url: is required/);
    expect(readFileSync(path.join(dir, 'pkg/README.md'), 'utf8')).toContain("from '@acme/booster'");
  });
});

describe('incremental generation', () => {
  it('does nothing when nothing changed, and notices every kind of change', () => {
    const dir = workspace();
    const args = ['generate', '--input', 'docs', '--out', 'pkg'];
    expect(cli(args, dir).code).toBe(0);
    expect(cli(args, dir).stderr).toContain('pkg/ is up to date: the docs, config and generator have not changed (0 error(s), 4 warning(s) last time');
    expect(cli([...args, '--strict'], dir).code).toBe(1);

    // An output edited by hand, even to the same size, is noticed (its modification time moved) and rewritten.
    const types = path.join(dir, 'pkg/src/types.ts');
    const size = statSync(types).size;
    writeFileSync(types, '// edited by hand\n'.padEnd(size, ' '));
    expect(statSync(types).size).toBe(size);
    const repaired = cli(args, dir);
    expect(repaired.stderr).toContain('wrote pkg/src/types.ts');
    expect(readFileSync(path.join(dir, 'pkg/src/types.ts'), 'utf8')).toContain('export interface Customer');

    // A page edited keeping its size is read again: its modification time changed.
    const page = path.join(dir, 'docs/002_893a8cf0c7c0b088.txt');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Create customer', 'Create Customer'));
    expect(cli(args, dir).stderr).toContain('wrote pkg/src/client.ts');
    // Touched, not changed: the same hash, nothing to do.
    utimesSync(page, new Date(), new Date(Date.now() + 5000));
    expect(cli(args, dir).stderr).toContain('is up to date: the docs, config and generator have not changed');

    rmSync(path.join(dir, 'docs/001_8060713cbadbf278.txt'));
    const changed = cli(args, dir);
    expect(changed.stderr).toContain('wrote pkg/api-model.json');
    expect(cli([...args, '--force'], dir).stderr).toContain('pkg/ is up to date\n');
  });

  it('keeps files it did not write, and removes files it no longer generates', () => {
    const dir = workspace();
    const args = ['generate', '--input', 'docs', '--out', 'pkg'];
    mkdirSync(path.join(dir, 'pkg'));
    writeFileSync(path.join(dir, 'pkg/.npmignore'), 'secret\n');
    writeFileSync(path.join(dir, 'pkg/NOTES.md'), 'mine\n');
    expect(cli(args, dir).code).toBe(0);
    const manifestFile = path.join(dir, 'pkg/.booster-codegen/manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: Record<string, string> };
    writeFileSync(path.join(dir, 'pkg/src/legacy.ts'), 'old\n');
    manifest.files['src/legacy.ts'] = 'x';
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const r = cli(args, dir);
    expect(r.stderr).toContain('removed pkg/src/legacy.ts');
    expect(existsSync(path.join(dir, 'pkg/src/legacy.ts'))).toBe(false);
    expect(readFileSync(path.join(dir, 'pkg/.npmignore'), 'utf8')).toBe('secret\n');
    expect(readFileSync(path.join(dir, 'pkg/NOTES.md'), 'utf8')).toBe('mine\n');
  });
});

describe('one writer at a time', () => {
  /** Runs the CLI without blocking the event loop (for runs side by side). */
  async function cliAsync(args: string[], cwd: string) {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const [code] = (await once(child, 'exit')) as [number | null];
    return { code, stderr };
  }

  it('two runs at once on the same output both succeed, one after the other, leaving no lock or staging', async () => {
    const dir = workspace();
    const args = ['generate', '--quiet', '--force', '--no-bump', '--input', 'docs', '--out', 'pkg'];
    cli(['generate', '--quiet', '--input', 'docs', '--out', 'expected'], dir);
    const runs = await Promise.all([cliAsync(args, dir), cliAsync(args, dir)]);
    expect(runs).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    expect(snapshot(path.join(dir, 'pkg'))).toEqual(snapshot(path.join(dir, 'expected')));
    expect(stateFiles(path.join(dir, 'pkg'))).toEqual(['manifest.json']);
  }, 60_000);

  it('gives up on an output another live process is writing, naming its pid (exit 2, nothing written)', async () => {
    const dir = workspace();
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      mkdirSync(path.join(dir, 'pkg/.booster-codegen'), { recursive: true });
      writeFileSync(path.join(dir, 'pkg/.booster-codegen/lock'), `${holder.pid}\n`);
      const r = await cliAsync(['generate', '--quiet', '--input', 'docs', '--out', 'pkg'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `booster-codegen: another run (pid ${holder.pid}) is writing pkg/ (lock: pkg/.booster-codegen/lock); gave up after 10000 ms. Try again when it is done, or delete the lock if no such process is running.\n`,
      );
      expect(snapshot(path.join(dir, 'pkg'))).toEqual({});
    } finally {
      holder.kill('SIGKILL');
    }
    // Once its holder is gone, the lock is taken over.
    await once(holder, 'exit');
    expect(cli(['generate', '--quiet', '--input', 'docs', '--out', 'pkg'], dir).code).toBe(0);
    expect(stateFiles(path.join(dir, 'pkg'))).toEqual(['manifest.json']);
  }, 60_000);

  it('--check waits for a run that is writing the output, then compares what it wrote', async () => {
    const dir = workspace();
    expect(cli(['generate', '--quiet', '--input', 'docs', '--out', 'pkg'], dir).code).toBe(0);
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const lock = path.join(dir, 'pkg/.booster-codegen/lock');
    try {
      writeFileSync(lock, `${holder.pid}\n`);
      let exited = false;
      const check = cliAsync(['generate', '--check', '--input', 'docs', '--out', 'pkg'], dir).then((r) => ((exited = true), r));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(exited).toBe(false);
      rmSync(lock);
      const r = await check;
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^pkg\/ is up to date/);
      expect(stateFiles(path.join(dir, 'pkg'))).toEqual(['manifest.json']);
    } finally {
      holder.kill('SIGKILL');
    }
  }, 60_000);
});

describe('atomic output', () => {
  it('never leaves a partial output/ when killed at any point of a write', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'other'));
    for (const f of readdirSync(path.join(dir, 'docs')).filter((f) => !f.startsWith('001'))) cpSync(path.join(dir, 'docs', f), path.join(dir, 'other', f));
    // The two complete states the output may be in: generated from docs/ or from other/.
    cli(['generate', '--input', 'other', '--out', 'b'], dir);
    cli(['generate', '--input', 'docs', '--out', 'pkg'], dir);
    const a = snapshot(path.join(dir, 'pkg'));
    const b = snapshot(path.join(dir, 'b'));
    expect(a).not.toEqual(b);

    for (let i = 0; i < 12; i++) {
      const [from, expected] = i % 2 ? ['docs', a] : ['other', b];
      const child = spawn(process.execPath, [BIN, 'generate', '--quiet', '--force', '--no-bump', '--input', from, '--out', 'pkg'], {
        cwd: dir,
        stdio: 'ignore',
      });
      const delay = 100 + ((i * 137) % 1400);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const journal = existsSync(path.join(dir, 'pkg/.booster-codegen/journal.json'));
      const now = snapshot(path.join(dir, 'pkg'));
      if (!journal) expect([a, b], `kill after ${delay} ms`).toContainEqual(now);
      // Whatever the state, the next run completes it.
      expect(cli(['generate', '--quiet', '--no-bump', '--input', from, '--out', 'pkg'], dir).code).toBe(0);
      expect(snapshot(path.join(dir, 'pkg'))).toEqual(expected);
    }
  }, 120_000);
});
