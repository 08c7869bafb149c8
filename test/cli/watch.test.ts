// `generate --watch` as users run it: a child process on a copy of the seeds, its pages edited,
// added and deleted, its config changed; each change seen in the output and the diagnostics it
// prints; Ctrl-C (SIGINT) at any moment of a run leaves one complete output and exits 0.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INPUT, ROOT, stateFiles } from '../helpers.js';
import { tempDir } from '../temp-dirs.js';

const BIN = path.join(ROOT, 'bin/booster-codegen.js');
const seed = (prefix: string) => readdirSync(INPUT).find((f) => f.startsWith(prefix))!;
const CREATE = seed('002_');
const EXPORT = seed('003_');

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A `generate --watch` child and what it printed; `next` waits for the pattern in what came after the last match. */
class Watching {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private text = '';
  private mark = 0;

  constructor(cwd: string, args: string[]) {
    this.child = spawn(process.execPath, [BIN, 'generate', '--watch', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(this.child);
    for (const stream of [this.child.stdout!, this.child.stderr!]) stream.on('data', (d: Buffer) => (this.text += d.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  async next(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.text.slice(this.mark);
      const m = pattern.exec(rest);
      if (m) {
        this.mark += m.index + m[0].length;
        return rest.slice(0, m.index + m[0].length);
      }
      if (Date.now() > deadline || this.child.exitCode !== null) throw new Error(`no ${pattern} in the watch output after:\n${rest}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  get all(): string {
    return this.text;
  }
}

function workspace(without: string[] = []): string {
  const dir = tempDir('booster-watch-');
  cpSync(INPUT, path.join(dir, 'docs'), { recursive: true, filter: (f) => !without.includes(path.basename(f)) });
  return dir;
}

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const NICKNAME = (text: string) => text.replace(/^(emailformstring.*\n)/m, '$1nicknameformstringNoNickname\n');

describe('generate --watch', () => {
  it('is bad usage with --check, and ends at once (exit 2) when the first run cannot read its input', () => {
    const dir = workspace();
    const check = spawnSync(process.execPath, [BIN, 'generate', '--watch', '--check', '--input', 'docs'], { cwd: dir, encoding: 'utf8' });
    expect(check.stderr).toContain('--watch writes the output on every change; it cannot be combined with --check');
    expect(check.status).toBe(2);
    const missing = spawnSync(process.execPath, [BIN, 'generate', '--watch', '--input', 'nowhere'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(missing.stderr).toMatch(/booster-codegen: .*nowhere: cannot read the input folder/);
    expect(missing.status).toBe(2);
  });

  it('regenerates on each change of a page or the config, added and deleted pages included, printing the diagnostics as they change', async () => {
    const dir = workspace([CREATE]);
    const watch = new Watching(dir, ['--input', 'docs', '--out', 'pkg']);
    await watch.next(/watching docs\/ and codegen\.config\.json for changes/);
    expect(read(dir, 'pkg/src/types.ts')).not.toContain('interface CreateCustomer ');

    // The same bytes written again: the incremental check finds nothing to do.
    writeFileSync(path.join(dir, 'docs', EXPORT), read(dir, `docs/${EXPORT}`));
    await watch.next(/pkg\/ is up to date: the docs, config and generator have not changed/);

    writeFileSync(path.join(dir, 'docs', EXPORT), NICKNAME(read(dir, `docs/${EXPORT}`)));
    const edited = await watch.next(/version 0\.1\.0 -> 0\.1\.1: 1 API change/);
    expect(edited).toContain(`change: docs/${EXPORT}; generating`);
    expect(read(dir, 'pkg/api-model.json')).toContain('"nickname"');

    cpSync(path.join(INPUT, CREATE), path.join(dir, 'docs', CREATE));
    // Its warnings are new (and a warning of another page, naming where it sees a member, changes).
    const added = await watch.next(/version 0\.1\.1 -> 0\.1\.2.*\ndiagnostics since the last run: [1-9]\d* new, \d+ gone\n/);
    expect(added).toMatch(new RegExp(`docs/${CREATE}:1 warning: .*\\[SS050\\]`));
    expect(read(dir, 'pkg/src/types.ts')).toContain('interface CreateCustomer ');

    writeFileSync(path.join(dir, 'docs/notes.txt'), 'hello\n');
    const junk = await watch.next(/diagnostics since the last run: 1 new, 0 gone/);
    expect(junk).toMatch(/docs\/notes\.txt:1 warning: .*\[SS003\]/);
    rmSync(path.join(dir, 'docs/notes.txt'));
    await watch.next(/diagnostics since the last run: 0 new, 1 gone/);

    rmSync(path.join(dir, 'docs', CREATE));
    await watch.next(/version 0\.1\.2 -> 0\.2\.0/);
    expect(read(dir, 'pkg/src/types.ts')).not.toContain('interface CreateCustomer ');

    writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify({ packageName: '@acme/crm' }));
    await watch.next(/change: codegen\.config\.json; generating[\s\S]*wrote pkg\/package\.json/);
    expect(JSON.parse(read(dir, 'pkg/package.json')).name).toBe('@acme/crm');

    // A config being edited: its error is printed, and watching goes on.
    writeFileSync(path.join(dir, 'codegen.config.json'), '{ "packageName": ');
    await watch.next(/booster-codegen: .*codegen\.config\.json: not valid JSON/);
    writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify({ packageName: '@acme/crm2' }));
    await watch.next(/wrote pkg\/package\.json/);

    watch.child.kill('SIGINT');
    expect(await watch.exited).toEqual({ code: 0, signal: null });
    expect(watch.all).toMatch(/stopped watching\n$/);
    expect(stateFiles(path.join(dir, 'pkg'))).toEqual(['manifest.json']);
  }, 120_000);

  it('stopped by Ctrl-C while a run is in progress, leaves one complete output (the previous run’s or the new one’s) and exits 0', async () => {
    const outcomes: string[] = [];
    for (const delayMs of [0, 150, 400]) {
      const dir = workspace();
      const watch = new Watching(dir, ['--input', 'docs', '--out', 'pkg']);
      await watch.next(/watching docs\//);
      const before = snapshot(path.join(dir, 'pkg'));
      const v1 = path.join(dir, 'docs-v1');
      cpSync(path.join(dir, 'docs'), v1, { recursive: true });
      writeFileSync(path.join(dir, 'docs', EXPORT), NICKNAME(read(dir, `docs/${EXPORT}`)));
      await watch.next(/generating/);
      await new Promise((r) => setTimeout(r, delayMs));
      watch.child.kill('SIGINT');
      expect(await watch.exited, `SIGINT ${delayMs} ms into a run`).toEqual({ code: 0, signal: null });

      const out = path.join(dir, 'pkg');
      expect(stateFiles(out), 'no lock, journal or staging left').toEqual(['manifest.json']);
      expect(manifestMatchesDisk(out), 'every file is the one the manifest records').toBe(true);
      const fresh = (docs: string) =>
        spawnSync(process.execPath, [BIN, 'generate', '--check', '--quiet', '--input', docs, '--out', 'pkg'], { cwd: dir }).status === 0;
      if (fresh('docs')) outcomes.push('finished');
      else {
        expect(snapshot(out), `SIGINT ${delayMs} ms into a run: neither the new output nor the previous one`).toEqual(before);
        expect(fresh('docs-v1')).toBe(true);
        outcomes.push('abandoned');
      }
    }
    // Which it is depends on where the run was; each is one complete state (checked above).
    expect(outcomes).toHaveLength(3);
  }, 120_000);
});

/** Every file of the output (its state folder excluded) by its content's hash. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(dir, path.join(e.parentPath, e.name));
    if (e.isFile() && !rel.startsWith('.booster-codegen'))
      files[rel] = createHash('sha256')
        .update(readFileSync(path.join(dir, rel)))
        .digest('hex');
  }
  return files;
}

function manifestMatchesDisk(out: string): boolean {
  const manifest = JSON.parse(readFileSync(path.join(out, '.booster-codegen/manifest.json'), 'utf8')) as { files: Record<string, string> };
  const disk = snapshot(out);
  return Object.entries(manifest.files).every(([rel, hash]) => existsSync(path.join(out, rel)) && disk[rel] === hash);
}
