// codegen.config.json's `diagnostics` levels, SS052 and requiresAuth, exit codes of errors and
// --strict, and a reader that closes the pipe early.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT, ROOT } from '../helpers.js';
import { tempDir } from '../temp-dirs.js';

const BIN = path.join(ROOT, 'bin/booster-codegen.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

/** The seeds under docs/, with `config` as codegen.config.json. */
function workspace(config?: object): string {
  const dir = tempDir('booster-diagcfg-');
  cpSync(INPUT, path.join(dir, 'docs'), { recursive: true });
  if (config) writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify({ input: 'docs', out: 'pkg', ...config }));
  return dir;
}

const SS052 = 'docs/002_893a8cf0c7c0b088.txt:1 warning: no page says whether';

describe('the diagnostics setting', () => {
  it('sets a code’s level everywhere, in one page, or in one operation’s pages; the narrowest wins', () => {
    const base = cli(['generate', '--input', 'docs', '--out', 'pkg'], workspace());
    expect(base.stderr).toContain(SS052);
    expect(base.stderr).toContain('0 error(s), 4 warning(s), 2 note(s)');

    const off = cli(['generate'], workspace({ diagnostics: { SS052: 'off' } }));
    expect(off.stderr).not.toContain('[SS052]');
    expect(off.stderr).toContain('0 error(s), 3 warning(s), 2 note(s)');

    const perFile = cli(['generate'], workspace({ diagnostics: { SS063: 'error', files: { '000_7647e57921bd59cd.txt': { SS063: 'note' } } } }));
    expect(perFile.stderr).toMatch(/^docs\/002_893a8cf0c7c0b088\.txt:49 error: table row of 'Email' has no name.*\[SS063\]$/m);
    expect(perFile.stderr).not.toMatch(/^docs\/000_7647e57921bd59cd\.txt:48 .*\[SS063\]$/m);
    expect(perFile.stderr).toContain('1 error(s), 2 warning(s), 3 note(s)');
    // An error makes the exit code 1; the output is still written.
    expect(perFile.code).toBe(1);

    const perOperation = cli(['generate'], workspace({ diagnostics: { SS050: 'error', operations: { CreateCustomer: { SS050: 'off', SS052: 'note' } } } }));
    expect(perOperation.stderr).not.toContain('[SS050]');
    expect(perOperation.stderr).toContain('0 error(s), 2 warning(s), 3 note(s)');
    expect(perOperation.code).toBe(0);
  });

  it('is checked: an unknown code or level names the setting (exit 2)', () => {
    expect(cli(['generate'], workspace({ diagnostics: { SS999: 'off' } }))).toEqual({
      code: 2,
      stderr: expect.stringContaining('codegen.config.json.diagnostics.SS999: is not a diagnostic code'),
    });
    expect(cli(['generate'], workspace({ diagnostics: { operations: { CreateCustomer: { SS052: 'quiet' } } } })).stderr).toContain(
      'codegen.config.json.diagnostics.operations.CreateCustomer.SS052: must be one of off, note, warning, error',
    );
  });

  it('SS052 is not reported for an operation whose requiresAuth the config sets', () => {
    const r = cli(['generate'], workspace({ operations: { CreateCustomer: { requiresAuth: true } } }));
    expect(r.stderr).not.toContain('[SS052]');
    expect(r.stderr).toContain('0 error(s), 3 warning(s), 2 note(s)');
  });
});

describe('--strict', () => {
  it('passes on the bundled docs with the repository’s codegen.config.json', () => {
    const out = path.join(tempDir('booster-diagcfg-'), 'pkg');
    const r = cli(['generate', '--strict', '--out', out], ROOT);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('0 error(s), 0 warning(s)');
  });

  it('writes nothing when the docs give warnings (exit 1)', () => {
    const dir = workspace();
    const r = cli(['generate', '--strict', '--input', 'docs', '--out', 'pkg'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('booster-codegen: --strict: 4 warning(s) and error(s); nothing written\n');
    // At most the lock's folder, emptied: no generated file.
    expect(readdirSync(path.join(dir, 'pkg'), { recursive: true })).toEqual(['.booster-codegen']);
  });
});

describe('a reader that closes the pipe early', () => {
  it('ends inspect --json quietly (no EPIPE stack trace)', async () => {
    const child = spawn(process.execPath, [BIN, 'inspect', '--json', '--input', INPUT], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
