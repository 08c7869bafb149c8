// Recovery after a kill keeps the release: a real `generate` killed at every step of its journal,
// then run again, leaves exactly what an uninterrupted run leaves (version and CHANGELOG included).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_FILE } from '../../generator/up-to-date/record.js';
import { STATE_DIR } from '../../generator/write-output.js';
import { INPUT, ROOT } from '../helpers.js';
import { tempDir } from '../temp-dirs.js';

const BIN = path.join(ROOT, 'bin/booster-codegen.js');
const KILL_AT_RENAME = path.join(ROOT, 'test/cli/fixtures/kill-at-rename.cjs');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
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

/**
 * docs v1 (the seeds without CreateCustomer's page) generated into `v1-out/`, and what an
 * uninterrupted run on docs v2 (all seeds: an operation added, 0.1.0 -> 0.1.1) makes of it.
 */
function releases() {
  const dir = tempDir('booster-recover-');
  cpSync(INPUT, path.join(dir, 'v2'), { recursive: true });
  cpSync(INPUT, path.join(dir, 'v1'), { recursive: true, filter: (f) => !path.basename(f).startsWith('002_') });
  expect(cli(['generate', '--quiet', '--input', 'v1', '--out', 'v1-out'], dir).code).toBe(0);
  cpSync(path.join(dir, 'v1-out'), path.join(dir, 'expected'), { recursive: true });
  expect(cli(['generate', '--quiet', '--input', 'v2', '--out', 'expected'], dir).code).toBe(0);
  const expected = snapshot(path.join(dir, 'expected'));
  expect(JSON.parse(expected['package.json']!)).toMatchObject({ version: '0.1.1' });
  expect(expected['CHANGELOG.md']).toMatch(/^## 0\.1\.1$/m);
  return { dir, expected };
}

describe('a run killed at any step of its journal', () => {
  it('is finished by the next run: byte for byte an uninterrupted run, version and CHANGELOG included', () => {
    const { dir, expected } = releases();
    let kills = 0;
    let journals = 0;
    let out = '';
    for (let step = 1; ; step++) {
      out = `run-${step}`;
      cpSync(path.join(dir, 'v1-out'), path.join(dir, out), { recursive: true });
      const killed = spawnSync(process.execPath, ['--require', KILL_AT_RENAME, BIN, 'generate', '--quiet', '--input', 'v2', '--out', out], {
        cwd: dir,
        env: { ...process.env, KILL_AT_RENAME: String(step) },
      });
      if (killed.signal !== 'SIGKILL') {
        expect(killed.status, 'a run past its last rename ends well').toBe(0);
        break;
      }
      kills++;
      if (existsSync(path.join(dir, out, '.booster-codegen/journal.json'))) journals++;
      const next = cli(['generate', '--quiet', '--input', 'v2', '--out', out], dir);
      expect(next, `killed in place of rename ${step}`).toEqual({ code: 0, stderr: '' });
      expect(snapshot(path.join(dir, out)), `killed in place of rename ${step}`).toEqual(expected);
      expect(cli(['generate', '--check', '--quiet', '--input', 'v2', '--out', out], dir).code).toBe(0);
      rmSync(path.join(dir, out), { recursive: true });
    }
    // The journal's own rename, each of the 9 changed files' moves, the manifest's, and the
    // up-to-date record's when the run left one (it does once the docs are RACY_MS old).
    const recorded = existsSync(path.join(dir, out, STATE_DIR, RECORD_FILE));
    expect(kills).toBe(recorded ? 12 : 11);
    expect(journals).toBe(9);
  }, 120_000);
});

describe('between a kill and the next run', () => {
  it('--check, the build and the package’s prepack refuse the output and say to run generate; generate finishes it', () => {
    const { dir, expected } = releases();
    const out = path.join(dir, 'v1-out');
    const killed = spawnSync(process.execPath, ['--require', KILL_AT_RENAME, BIN, 'generate', '--quiet', '--input', 'v2', '--out', 'v1-out'], {
      cwd: dir,
      env: { ...process.env, KILL_AT_RENAME: '4' },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(path.join(out, '.booster-codegen/journal.json'))).toBe(true);
    const mixed = snapshot(out);

    const check = cli(['generate', '--check', '--input', 'v2', '--out', 'v1-out'], dir);
    expect(check).toEqual({
      code: 1,
      stderr:
        "booster-codegen: v1-out/ holds an unfinished write (a run was stopped while moving its files into place, so they are a mix of two runs'); run `booster-codegen generate` to finish it\n",
    });
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/assert-output-settled.js'), 'v1-out'], { cwd: dir, encoding: 'utf8' });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('run `booster-codegen generate` to finish it');
    const prepack = spawnSync('npm', ['run', '-s', 'prepack'], { cwd: out, encoding: 'utf8' });
    expect(prepack.status).toBe(1);
    expect(prepack.stderr).toContain('this package holds an unfinished write of the generator');
    expect(snapshot(out), 'refusing changes nothing').toEqual(mixed);

    expect(cli(['generate', '--quiet', '--input', 'v2', '--out', 'v1-out'], dir).code).toBe(0);
    expect(snapshot(out)).toEqual(expected);
    expect(cli(['generate', '--check', '--quiet', '--input', 'v2', '--out', 'v1-out'], dir).code).toBe(0);
    expect(spawnSync(process.execPath, [path.join(ROOT, 'scripts/assert-output-settled.js'), 'v1-out'], { cwd: dir }).status).toBe(0);
    // The check passes, and the build it runs next starts: here it finds no TypeScript to build with, and says so.
    const settled = spawnSync('npm', ['run', '-s', 'prepack'], { cwd: out, encoding: 'utf8' });
    expect(settled.stderr).not.toContain('unfinished write');
    expect(settled.stderr).toContain('build: TypeScript is needed to build this package: run npm install');
  }, 60_000);
});

describe('an output a kill left with a CHANGELOG entry its package.json never got', () => {
  it('is stale for --check (package.json listed), and the next run gives it the entry’s version', () => {
    const { dir, expected } = releases();
    // As generators before recovery came first left it: the v2 sources, the 0.1.1 entry, version 0.1.0.
    cpSync(path.join(dir, 'expected'), path.join(dir, 'mixed'), { recursive: true });
    for (const file of ['package.json', 'openapi.json']) {
      const at = path.join(dir, 'mixed', file);
      writeFileSync(at, readFileSync(at, 'utf8').replace('"version": "0.1.1"', '"version": "0.1.0"'));
    }
    rmSync(path.join(dir, 'mixed/.booster-codegen/manifest.json'));
    const check = cli(['generate', '--check', '--input', 'v2', '--out', 'mixed'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('Generated files are stale; run `booster-codegen generate`:\n  mixed/openapi.json\n  mixed/package.json\n');
    expect(cli(['generate', '--quiet', '--input', 'v2', '--out', 'mixed'], dir).code).toBe(0);
    expect(snapshot(path.join(dir, 'mixed'))).toEqual(expected);
  }, 60_000);
});
