// What `booster-codegen release` refuses, before publishing anything and without touching the
// output folder: an unfinished write, docs with errors (or warnings, --strict), a registry that
// cannot be asked; and what --dry-run shows. The registry here is a loopback server that has no
// package (every GET a 404) and records what it is asked; publishing for real is registry.test.ts's.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT, ROOT } from '../helpers.js';
import { tempDir } from '../temp-dirs.js';

const BIN = path.join(ROOT, 'bin/booster-codegen.js');
const EXPORT_PAGE = readdirSync(INPUT).find((f) => f.startsWith('003_'))!;

let server: Server;
let registryUrl: string;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    res.statusCode = 404;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A project whose output is generated from its docs (its own manifest, so `release` starts from a settled output). */
function project(): string {
  const dir = tempDir('booster-refusals-');
  cpSync(INPUT, path.join(dir, 'input'), { recursive: true });
  writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify({ packageName: '@booster-test/refused', packageVersion: '1.0.0' }));
  expect(spawnSync(process.execPath, [BIN, 'generate', '--quiet'], { cwd: dir }).status).toBe(0);
  return dir;
}

/** The CLI, run without blocking: the registry above answers from this process. npm's retries off, so that an unreachable one fails at once. */
function release(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const dir = tempDir('booster-refusals-npm-');
  const npmrc = path.join(dir, 'npmrc');
  writeFileSync(npmrc, `registry=${registryUrl}\n`);
  const env = {
    ...process.env,
    npm_config_userconfig: npmrc,
    npm_config_cache: path.join(dir, 'cache'),
    npm_config_loglevel: 'error',
    npm_config_fetch_retries: '0',
  };
  const child = spawn(process.execPath, [BIN, 'release', ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

/** Every file of the output folder (its state folder included), to show that a refusal leaves it as it was. */
function outputFiles(dir: string): Record<string, string> {
  const out = path.join(dir, 'output');
  const files: Record<string, string> = {};
  for (const e of readdirSync(out, { recursive: true, withFileTypes: true }))
    if (e.isFile()) files[path.relative(out, path.join(e.parentPath, e.name))] = readFileSync(path.join(e.parentPath, e.name), 'utf8');
  return files;
}

const addNickname = (dir: string) => {
  const file = path.join(dir, 'input', EXPORT_PAGE);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^(emailformstring.*\n)/m, '$1nicknameformstringNoNickname\n'));
};

describe('release refuses', () => {
  it('an output holding an unfinished write, before anything else', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'output/.booster-codegen/journal.json'), JSON.stringify({ moves: [], removals: [], staging: 'staging-1' }));
    const before = outputFiles(dir);
    const r = await release([], dir);
    expect(r.stderr).toContain('release refused: output/ holds an unfinished write');
    expect(r.code).toBe(1);
    expect(outputFiles(dir)).toEqual(before);
  });

  it('docs with errors, or with warnings under --strict, leaving the output as it was (no version bumped)', async () => {
    const dir = project();
    addNickname(dir);
    writeFileSync(path.join(dir, 'input/broken.txt'), Buffer.from([0xff, 0xfe, 0x41]));
    const before = outputFiles(dir);
    const errors = await release([], dir);
    expect(errors.stderr).toMatch(/input\/broken\.txt:1 error: cannot read file: not UTF-8 text.*\[SS001\]/);
    expect(errors.stderr).toContain('release refused: the docs give 1 error(s)');
    expect(errors.code).toBe(1);
    expect(outputFiles(dir)).toEqual(before);

    // The broken page mended (an empty page is skipped, a note); the seeds' warnings stay.
    writeFileSync(path.join(dir, 'input/broken.txt'), '');
    const strict = await release(['--strict', '--quiet'], dir);
    expect(strict.stderr).toMatch(/release refused: --strict: the docs give \d+ warning\(s\)/);
    expect(strict.code).toBe(1);
    expect(outputFiles(dir)).toEqual(before);
    expect(asked).toEqual([]);
  });

  it('when the registry cannot say whether the version is published', async () => {
    const dir = project();
    const r = await release(['--registry', 'http://127.0.0.1:9/', '--quiet'], dir);
    expect(r.stderr).toContain('release refused: cannot ask http://127.0.0.1:9/ whether @booster-test/refused@1.0.0 is published');
    expect(r.code).toBe(1);
  });
});

describe('release --dry-run', () => {
  it('builds, packs and smoke-tests what would be published, and shows it, writing and publishing nothing', async () => {
    const dir = project();
    addNickname(dir);
    const before = outputFiles(dir);
    const r = await release(['--dry-run'], dir);
    expect(r.stderr).toContain('generated: version 1.0.0 -> 1.1.0, 1 API change(s)');
    expect(r.stderr).toContain(`registry: ${registryUrl} has no @booster-test/refused@1.1.0 yet`);
    expect(r.stderr).toMatch(/smoke test: installed into a scratch project and imported: \d+ exports, BoosterClient, \d+ validators/);
    expect(r.stderr).toMatch(/dry run: would write output\/CHANGELOG\.md, output\/api-model\.json, .*output\/package\.json/);
    expect(r.stderr).toMatch(
      new RegExp(`dry run: would publish @booster-test/refused@1\\.1\\.0 to ${registryUrl.replace(/[.]/g, '\\.')} \\(tag latest\\): \\d+ files`),
    );
    expect(r.stderr).toMatch(/^ {2}dist\/index\.js \(/m);
    expect(r.stderr).toMatch(/CHANGELOG\.md entry:\n## 1\.1\.0\n[\s\S]*`SearchCustomer\.nickname`: optional member added/);
    expect(r.code).toBe(0);
    expect(outputFiles(dir)).toEqual(before);
    expect(asked.filter((a) => !a.startsWith('GET '))).toEqual([]);
  }, 60_000);
});
