import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../generator/diff/compare.js';
import { bumpFor, bumpVersion, startVersion } from '../../generator/diff/release.js';
import { INPUT, ROOT } from '../helpers.js';

const BIN = path.join(ROOT, 'bin/booster-codegen.js');
const S3 = 'docs/003_54bf65ec9057eb7c.txt';

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A temp folder with the seeds in docs/ and, unless told otherwise, the package generated in pkg/. */
async function workspace(generated = true): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'booster-diff-cli-'));
  cpSync(INPUT, path.join(dir, 'docs'), { recursive: true });
  if (generated) expect((await cli(['generate', '--quiet', '--input', 'docs', '--out', 'pkg'], dir)).code).toBe(0);
  return dir;
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const next = text.replace(from, to);
  expect(next, `edit of ${file}`).not.toBe(text);
  writeFileSync(path.join(dir, file), next);
}

const makeRequired = (dir: string) => edit(dir, S3, 'phoneNumberformstringNo', 'phoneNumberformstringYes');
const describeAgain = (dir: string) => edit(dir, S3, 'Search by phone number - exact match', 'Search by phone number (exact match)');
const addOptional = (dir: string) => {
  edit(dir, S3, /^(emailformstring.*\n)/m, '$1nicknameformstringNoNickname\n');
  edit(dir, S3, /^( *)<phoneNumber>/m, '$1<nickname>String</nickname>\n$1<phoneNumber>');
};

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const version = (dir: string) => (JSON.parse(read(dir, 'pkg/package.json')) as { version: string }).version;
const generate = (dir: string, ...more: string[]) => cli(['generate', '--input', 'docs', '--out', 'pkg', ...more], dir);
const diff = (dir: string, ...more: string[]) => cli(['diff', '--input', 'docs', '--out', 'pkg', ...more], dir);

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
}

const gitRev = (dir: string) => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();

// Each test runs the CLI several times: allow for a busy machine.
describe('booster-codegen diff', { timeout: 180_000 }, () => {
  it('reports changes as text, Markdown and JSON, against --base FILE', async () => {
    const dir = await workspace();
    cpSync(path.join(dir, 'pkg/api-model.json'), path.join(dir, 'before.json'));
    makeRequired(dir);
    describeAgain(dir);

    const text = await diff(dir, '--base', 'before.json');
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      [
        'Compared with before.json: 1 breaking, 0 non-breaking, 1 documentation change(s)',
        '',
        'Breaking changes:',
        '  ! SearchCustomer.phoneNumber: made required  (docs/003_54bf65ec9057eb7c.txt:18)',
        '',
        'Documentation changes:',
        '  ~ SearchCustomer.phoneNumber: description changed  (docs/003_54bf65ec9057eb7c.txt:18)',
        '',
      ].join('\n'),
    );

    const md = await diff(dir, '--base', 'before.json', '--format', 'markdown');
    expect(md.stdout).toContain('### API changes: 1 breaking, 0 non-breaking, 1 documentation change(s)\n\nCompared with `before.json`.');
    expect(md.stdout).toContain('#### Breaking changes\n\n- `SearchCustomer.phoneNumber`: made required (`docs/003_54bf65ec9057eb7c.txt:18`)\n');

    const json = JSON.parse((await diff(dir, '--base', 'before.json', '--format', 'json')).stdout) as {
      base: string;
      summary: object;
      changes: Record<string, unknown>[];
    };
    expect(json.base).toBe('before.json');
    expect(json.summary).toEqual({ breaking: 1, 'non-breaking': 0, docs: 1 });
    expect(json.changes[0]).toEqual({
      impact: 'breaking',
      kind: 'field-made-required',
      subject: 'SearchCustomer.phoneNumber',
      message: 'made required',
      sources: [{ file: 'docs/003_54bf65ec9057eb7c.txt', line: 18 }],
      from: 'current',
    });
  });

  it('exits 1 under --fail-on when such changes exist, 2 on bad usage', async () => {
    const dir = await workspace();
    cpSync(path.join(dir, 'pkg/api-model.json'), path.join(dir, 'before.json'));
    const none = await diff(dir, '--base', 'before.json', '--fail-on', 'any');
    expect(none).toMatchObject({ code: 0, stdout: 'No API changes compared with before.json.\n' });

    describeAgain(dir);
    expect((await diff(dir, '--base', 'before.json', '--fail-on', 'breaking')).code).toBe(0);
    expect((await diff(dir, '--base', 'before.json', '--fail-on', 'any')).code).toBe(1);
    makeRequired(dir);
    expect((await diff(dir, '--base', 'before.json', '--fail-on', 'breaking')).code).toBe(1);
    expect((await diff(dir, '--base', 'before.json')).code).toBe(0);

    expect((await diff(dir, '--base', 'before.json', '--fail-on', 'sometimes')).code).toBe(2);
    expect((await diff(dir, '--base', 'before.json', '--format', 'xml')).code).toBe(2);
    writeFileSync(path.join(dir, 'junk.json'), '{"hello": 1}');
    const junk = await diff(dir, '--base', 'junk.json');
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('junk.json: not an api-model.json');
  });

  it('compares with the api-model.json committed at HEAD by default, or at a given revision', async () => {
    const dir = await workspace();
    const outside = await diff(dir);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/is not in a git repository, so there is no committed pkg\/api-model\.json to compare with; give --base FILE/);

    git(dir, 'init', '-q');
    expect((await diff(dir)).stderr).toContain('no commit yet');
    git(dir, 'add', 'pkg/api-model.json');
    git(dir, 'commit', '-q', '-m', 'first');
    expect(await diff(dir)).toMatchObject({ code: 0, stdout: 'No API changes compared with HEAD:pkg/api-model.json.\n' });

    makeRequired(dir);
    expect(await diff(dir, '--fail-on', 'breaking')).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('SearchCustomer.phoneNumber: made required') as unknown,
    });
    await generate(dir);
    git(dir, 'commit', '-q', '-am', 'second');
    expect((await diff(dir)).stdout).toContain('No API changes compared with HEAD:pkg/api-model.json');
    expect((await diff(dir, '--base', 'HEAD~1')).stdout).toContain('Compared with HEAD~1:pkg/api-model.json: 1 breaking');

    const bogus = await diff(dir, '--base', 'no-such-branch');
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('--base no-such-branch: neither a file nor a git revision');
    const uncommitted = await cli(['diff', '--input', 'docs', '--out', 'elsewhere'], dir);
    expect(uncommitted.code).toBe(2);
    expect(uncommitted.stderr).toContain('elsewhere/api-model.json is not committed at HEAD');
  });

  it('reports a rename as a removal and an addition, unless the config maps the old name to the new', async () => {
    const dir = await workspace();
    edit(dir, S3, /ExportCustomer/g, 'ExportClients');
    const kinds = async () =>
      (JSON.parse((await diff(dir, '--base', 'pkg/api-model.json', '--format', 'json')).stdout) as { changes: { kind: string; subject: string }[] }).changes
        .filter((c) => c.kind.startsWith('operation'))
        .map((c) => `${c.kind} ${c.subject}`);
    expect(await kinds()).toEqual(['operation-removed ExportCustomer', 'operation-added ExportClients']);

    writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify({ diff: { renamed: { operations: { ExportCustomer: 'ExportClients' } } } }));
    expect(await kinds()).toEqual(['operation-renamed ExportClients']);
    expect((await generate(dir, '--quiet')).code).toBe(0);
    expect(version(dir)).toBe('0.2.0');
    expect(read(dir, 'pkg/CHANGELOG.md')).toContain('- `ExportClients`: operation renamed from `ExportCustomer` (`docs/003_54bf65ec9057eb7c.txt:5`)');
  });
});

describe('generate versions the package by the API changes', { timeout: 180_000 }, () => {
  it('bumps the version and prepends a changelog entry once per change (pre-1.0: breaking → minor, others → patch)', async () => {
    const dir = await workspace();
    expect(version(dir)).toBe('0.1.0');
    expect(existsSync(path.join(dir, 'pkg/CHANGELOG.md'))).toBe(false);

    makeRequired(dir);
    const bumped = await generate(dir);
    expect(bumped.code).toBe(0);
    expect(bumped.stderr).toContain('version 0.1.0 -> 0.2.0: 1 API change(s) since the output on disk, listed in pkg/CHANGELOG.md');
    expect(version(dir)).toBe('0.2.0');
    expect((JSON.parse(read(dir, 'pkg/openapi.json')) as { info: { version: string } }).info.version).toBe('0.2.0');
    const first = read(dir, 'pkg/CHANGELOG.md');
    expect(first).toMatch(/^# Changelog\n/);
    expect(first).toContain(
      '## 0.2.0\n\n1 breaking, 0 non-breaking, 0 documentation change(s) since 0.1.0, in the docs under `docs`.\n\n### Breaking changes\n\n- `SearchCustomer.phoneNumber`: made required (`docs/003_54bf65ec9057eb7c.txt:18`)\n',
    );

    // The same docs again, incrementally or forced: nothing to bump.
    expect((await generate(dir)).stderr).toContain('pkg/ is up to date');
    expect((await generate(dir, '--force', '--quiet')).code).toBe(0);
    expect(version(dir)).toBe('0.2.0');
    expect(read(dir, 'pkg/CHANGELOG.md')).toBe(first);

    describeAgain(dir);
    await generate(dir, '--quiet');
    expect(version(dir)).toBe('0.2.1');
    addOptional(dir);
    await generate(dir, '--quiet');
    expect(version(dir)).toBe('0.2.2');
    const log = read(dir, 'pkg/CHANGELOG.md');
    expect(log.indexOf('## 0.2.2')).toBeLessThan(log.indexOf('## 0.2.1'));
    expect(log.indexOf('## 0.2.1')).toBeLessThan(log.indexOf('## 0.2.0'));
    expect(log).toContain('### Documentation changes\n\n- `SearchCustomer.phoneNumber`: description changed (`docs/003_54bf65ec9057eb7c.txt:18`)');
    expect(log).toContain('### Non-breaking changes\n\n- `SearchCustomer.nickname`: optional member added (`docs/003_54bf65ec9057eb7c.txt:20`)');
    expect((await generate(dir, '--check')).code).toBe(0);
  });

  it.each([
    // [version, breaking, non-breaking, docs] → next version
    ['1.4.2', 1, 1, 1, '2.0.0'],
    ['1.4.2', 0, 1, 1, '1.5.0'],
    ['1.4.2', 0, 0, 1, '1.4.3'],
    ['0.3.1', 1, 1, 0, '0.4.0'],
    ['0.3.1', 0, 1, 0, '0.3.2'],
    ['0.3.1', 0, 0, 1, '0.3.2'],
    ['2.0.0-beta.1', 0, 1, 0, '2.1.0'],
  ] as const)('bumps %s with %i breaking, %i non-breaking, %i docs change(s) to %s', (from, breaking, nonBreaking, docs, to) => {
    const change = (impact: Change['impact']): Change => ({ impact, kind: 'k', subject: 's', message: 'm', sources: [], from: 'current' });
    const changes = [
      ...Array<Change>(breaking).fill(change('breaking')),
      ...Array<Change>(nonBreaking).fill(change('non-breaking')),
      ...Array<Change>(docs).fill(change('docs')),
    ];
    expect(bumpVersion(from, bumpFor(changes, from)!)).toBe(to);
  });

  it('starts from the version on disk, or the configured one when higher', () => {
    expect(startVersion('0.2.0', '0.1.0')).toBe('0.2.0');
    expect(startVersion('0.2.0', '1.0.0')).toBe('1.0.0');
    expect(startVersion('1.0.0-rc.1', '1.0.0')).toBe('1.0.0');
    expect(startVersion(undefined, '0.1.0')).toBe('0.1.0');
    expect(bumpFor([], '1.0.0')).toBeUndefined();
  });

  it('from 1.0.0, a breaking change is a major version; a higher configured version wins', async () => {
    const dir = await workspace(false);
    const config = (v: string) => writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify({ packageVersion: v }));
    config('1.0.0');
    await generate(dir, '--quiet');
    makeRequired(dir);
    await generate(dir, '--quiet');
    expect(version(dir)).toBe('2.0.0');
    config('3.0.0');
    await generate(dir, '--quiet');
    expect(version(dir)).toBe('3.0.0');
    expect(read(dir, 'pkg/CHANGELOG.md')).toContain('## 2.0.0');
    expect(read(dir, 'pkg/CHANGELOG.md')).not.toContain('## 3.0.0');
  });

  it('--no-bump keeps the version and the changelog', async () => {
    const dir = await workspace();
    makeRequired(dir);
    expect((await generate(dir, '--no-bump', '--quiet')).code).toBe(0);
    expect(version(dir)).toBe('0.1.0');
    expect(existsSync(path.join(dir, 'pkg/CHANGELOG.md'))).toBe(false);
    // The model on disk is now the new one: a later run has nothing left to bump.
    await generate(dir, '--force', '--quiet');
    expect(version(dir)).toBe('0.1.0');
  });

  it("keeps the committed output's version when the seeds are regenerated", async () => {
    const dir = await workspace(false);
    cpSync(path.join(ROOT, 'output'), path.join(dir, 'pkg'), { recursive: true });
    const committed = version(dir);
    expect((await generate(dir, '--force', '--quiet')).code).toBe(0);
    expect(version(dir)).toBe(committed);
    expect(existsSync(path.join(dir, 'pkg/CHANGELOG.md'))).toBe(existsSync(path.join(ROOT, 'output/CHANGELOG.md')));
  });

  it('against the committed output: runs while the docs are edited rewrite one pending entry, and the committed docs give the committed output back', async () => {
    const dir = await workspace();
    git(dir, 'init');
    git(dir, 'add', '.');
    git(dir, 'commit', '-m', 'release 0.1.0');
    const first = gitRev(dir);
    const committed = Object.fromEntries(['package.json', 'openapi.json', 'api-model.json'].map((f) => [f, read(dir, `pkg/${f}`)]));

    addOptional(dir);
    expect((await generate(dir)).stderr).toContain('version 0.1.0 -> 0.1.1: 1 API change(s) since HEAD:pkg/, listed in pkg/CHANGELOG.md');
    makeRequired(dir);
    await generate(dir, '--quiet');
    // Still one release ahead of the commit, with one entry listing both changes (breaking: a minor before 1.0).
    expect(version(dir)).toBe('0.2.0');
    const log = read(dir, 'pkg/CHANGELOG.md');
    expect(log.match(/^## /gm)).toHaveLength(1);
    expect(log).toContain('## 0.2.0\n\n1 breaking, 1 non-breaking, 0 documentation change(s) since 0.1.0');

    // The committed docs again: the committed output, and no changelog (the commit has none).
    git(dir, 'checkout', '-q', 'HEAD', '--', 'docs');
    await generate(dir, '--quiet');
    for (const [file, text] of Object.entries(committed)) expect(read(dir, `pkg/${file}`), file).toBe(text);
    expect(existsSync(path.join(dir, 'pkg/CHANGELOG.md'))).toBe(false);

    // Released entries are the user's to edit, and kept; the pending one is rewritten.
    makeRequired(dir);
    await generate(dir, '--quiet');
    git(dir, 'add', '.');
    git(dir, 'commit', '-m', 'release 0.2.0');
    writeFileSync(path.join(dir, 'pkg/CHANGELOG.md'), read(dir, 'pkg/CHANGELOG.md').replace('## 0.2.0\n', '## 0.2.0\n\nReviewed by the API team.\n'));
    describeAgain(dir);
    await generate(dir, '--quiet');
    await generate(dir, '--quiet', '--force');
    expect(version(dir)).toBe('0.2.1');
    const edited = read(dir, 'pkg/CHANGELOG.md');
    expect(edited.match(/^## /gm)).toHaveLength(2);
    expect(edited).toContain('Reviewed by the API team.');

    // --base names the release to compare with: since 0.1.0 the docs hold one breaking and one documentation change.
    await generate(dir, '--quiet', '--force', '--base', first);
    expect(version(dir)).toBe('0.2.0');
    expect(read(dir, 'pkg/CHANGELOG.md')).toContain('## 0.2.0\n\n1 breaking, 0 non-breaking, 1 documentation change(s) since 0.1.0');
    const unknown = await generate(dir, '--quiet', '--force', '--base', 'no-such-rev');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--base no-such-rev: not a git revision of this repository');
  });
});
