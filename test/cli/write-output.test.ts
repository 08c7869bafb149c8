// generator/write-output.ts: one writer per output folder (a lock holding its pid, taken over
// from a dead process), leftovers of dead runs only cleared, and a journal that survives moving
// the output folder. The kill-at-any-point test of the CLI is in output.test.ts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { OutputBusyError, recoverOutput, StagedWrite, StaleCheck, waitForWriters, writeOutput, type OutputFiles } from '../../generator/write-output.js';

// A switch to make the moves out of the staging folder fail, as a kill between them would.
const fault = vi.hoisted(() => ({ failMoves: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof fs.rename = async (from, to) => {
    if (fault.failMoves && String(from).includes(`${path.sep}staging-`)) throw Object.assign(new Error('killed mid-move'), { code: 'EIO' });
    return fs.rename(from, to);
  };
  return { ...fs, default: { ...fs, rename }, rename };
});

const manifest = { inputHash: 'h', diagnostics: { error: 0, warning: 0, info: 0 } };
const files = (tag: string): OutputFiles =>
  new Map([
    ['README.md', `# ${tag}\n`],
    ['src/index.ts', `export const tag = '${tag}';\n`],
  ]);
const state = (out: string, name = '') => path.join(out, '.booster-codegen', name);
const lockFile = (out: string) => state(out, 'lock');

function outDir(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'booster-write-')), 'pkg');
}

/** The generated files on disk (state folder excluded). */
function onDisk(out: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const e of readdirSync(out, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (e.isFile() && !rel.startsWith('.booster-codegen')) found[rel] = readFileSync(path.join(out, rel), 'utf8');
  }
  return found;
}

const children: ReturnType<typeof spawn>[] = [];
/** A process that stays alive until the end of the file: its pid is a live one. */
function livePid(): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}
/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

function holdLock(out: string, pid: number) {
  mkdirSync(state(out), { recursive: true });
  writeFileSync(lockFile(out), `${pid}\n`);
}

describe('the output lock', () => {
  it('is released after a write (and after a failed one: see the journal tests)', async () => {
    const out = outDir();
    await writeOutput(out, files('a'), manifest);
    expect(existsSync(lockFile(out))).toBe(false);
    expect(onDisk(out)).toEqual(Object.fromEntries(files('a')));
  });

  it('waits for a live holder, then fails naming its pid, writing nothing', async () => {
    const out = outDir();
    const pid = livePid();
    holdLock(out, pid);
    const t0 = Date.now();
    const error = await writeOutput(out, files('a'), manifest, { waitMs: 400 }).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
    expect(error).toBeInstanceOf(OutputBusyError);
    expect((error as Error).message).toMatch(
      new RegExp(`^another run \\(pid ${pid}\\) is writing .*pkg/ \\(lock: .*pkg/\\.booster-codegen/lock\\); gave up after 400 ms\\.`),
    );
    expect(onDisk(out)).toEqual({});
    expect(readFileSync(lockFile(out), 'utf8')).toBe(`${pid}\n`);
  });

  it('is taken as soon as a live holder lets go', async () => {
    const out = outDir();
    holdLock(out, livePid());
    setTimeout(() => rmSync(lockFile(out)), 300);
    await writeOutput(out, files('a'), manifest, { waitMs: 10_000 });
    expect(onDisk(out)).toEqual(Object.fromEntries(files('a')));
    expect(existsSync(lockFile(out))).toBe(false);
  });

  it('is taken over from a dead process, without waiting', async () => {
    const out = outDir();
    holdLock(out, await deadPid());
    const t0 = Date.now();
    await writeOutput(out, files('a'), manifest, { waitMs: 10_000 });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(onDisk(out)).toEqual(Object.fromEntries(files('a')));
    expect(readdirSync(state(out))).toEqual(['manifest.json']);
  });

  it('serialises writes started at once: each completes, the output is the last one whole', async () => {
    const out = outDir();
    const tags = ['a', 'b', 'c', 'd'];
    const order: string[] = [];
    await Promise.all(tags.map((tag) => writeOutput(out, new Map([[`${tag}.txt`, tag], ...files(tag)]), manifest).then(() => order.push(tag))));
    const last = order.at(-1)!;
    // Each write removed the files of the one before it (they are in its manifest): only the last one's remain.
    expect(onDisk(out)).toEqual({ [`${last}.txt`]: last, ...Object.fromEntries(files(last)) });
    expect(readdirSync(state(out))).toEqual(['manifest.json']);
  });
});

describe('waiting for writers (generate --check)', () => {
  it('returns at once when there is no lock, or a dead run holds it; takes none and writes nothing', async () => {
    const out = outDir();
    await waitForWriters(out);
    expect(existsSync(out)).toBe(false);
    holdLock(out, await deadPid());
    const t0 = Date.now();
    await waitForWriters(out, { waitMs: 10_000 });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(readdirSync(state(out))).toEqual(['lock']);
  });

  it('waits while a live run holds the lock, and fails naming it when that takes too long', async () => {
    const out = outDir();
    holdLock(out, livePid());
    let done = false;
    const waiting = waitForWriters(out, { waitMs: 10_000 }).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    rmSync(lockFile(out));
    await waiting;
    const pid = livePid();
    holdLock(out, pid);
    const error = await waitForWriters(out, { waitMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputBusyError);
    expect((error as Error).message).toMatch(new RegExp(`^another run \\(pid ${pid}\\) is writing .*gave up after 300 ms\\.`));
  });
});

describe('leftovers of other runs', () => {
  it("clears the staging folders and temporary files of dead processes only, not a live one's", async () => {
    const out = outDir();
    const [live, dead] = [livePid(), await deadPid()];
    for (const pid of [live, dead]) {
      mkdirSync(state(out, `staging-${pid}/src`), { recursive: true });
      writeFileSync(state(out, `staging-${pid}/src/index.ts`), 'staged');
      writeFileSync(state(out, `manifest.json.${pid}.tmp`), '{}');
    }
    await writeOutput(out, files('a'), manifest);
    expect(readdirSync(state(out)).sort()).toEqual(['manifest.json', `manifest.json.${live}.tmp`, `staging-${live}`]);
    expect(onDisk(out)).toEqual(Object.fromEntries(files('a')));
  });
});

describe('the journal', () => {
  /** A write interrupted after its journal (every move fails, as if killed): the journal stays. */
  async function interrupted(out: string, tag: string) {
    fault.failMoves = true;
    try {
      await expect(writeOutput(out, files(tag), manifest)).rejects.toThrow('killed mid-move');
    } finally {
      fault.failMoves = false;
    }
    expect(existsSync(lockFile(out))).toBe(false);
    return JSON.parse(readFileSync(state(out, 'journal.json'), 'utf8')) as { staging: string; moves: string[] };
  }

  it('names the staging folder relative to the output folder, so that a moved output folder still rolls forward', async () => {
    const out = outDir();
    await writeOutput(out, files('a'), manifest);
    const journal = await interrupted(out, 'b');
    expect(journal).toMatchObject({ staging: `.booster-codegen/staging-${process.pid}`, moves: ['README.md', 'src/index.ts'] });
    expect(onDisk(out)).toEqual(Object.fromEntries(files('a')));

    const moved = path.join(path.dirname(out), 'renamed');
    renameSync(out, moved);
    expect(await recoverOutput(moved)).toBe(true);
    expect(onDisk(moved)).toEqual(Object.fromEntries(files('b')));
    expect(readdirSync(state(moved))).toEqual(['manifest.json']);
  });

  it('still rolls forward a journal of an older version (absolute staging path) after a move', async () => {
    const out = outDir();
    await writeOutput(out, files('a'), manifest);
    const journal = await interrupted(out, 'b');
    writeFileSync(state(out, 'journal.json'), JSON.stringify({ ...journal, staging: path.resolve(out, journal.staging) }));
    const moved = path.join(path.dirname(out), 'renamed');
    renameSync(out, moved);
    // The staging folder is looked for under its name in the moved state folder.
    expect(await recoverOutput(moved)).toBe(true);
    expect(onDisk(moved)).toEqual(Object.fromEntries(files('b')));
    expect(readdirSync(state(moved))).toEqual(['manifest.json']);
  });
});

describe('a write staged file by file', () => {
  it('stages each file as it comes, and only those that differ from the output', async () => {
    const out = outDir();
    await writeOutput(out, files('a'), manifest);
    const stage = await StagedWrite.begin(out);
    await stage.put('README.md', '# a\n'); // unchanged
    await stage.put('src/index.ts', "export const tag = 'b';\n");
    // Staged in full before anything moves: the output still holds the last write.
    expect(readdirSync(state(out, `staging-${process.pid}`), { recursive: true }).map(String)).toEqual(['src', path.join('src', 'index.ts')]);
    expect(onDisk(out)).toEqual(Object.fromEntries(files('a')));
    expect(await stage.commit(manifest)).toMatchObject({ written: ['src/index.ts'], removed: [] });
    expect(onDisk(out)).toEqual({ 'README.md': '# a\n', 'src/index.ts': "export const tag = 'b';\n" });
  });

  it('leaves the output as it was, and no staging folder, when the run gives up before committing', async () => {
    const out = outDir();
    await writeOutput(out, files('a'), manifest);
    const stage = await StagedWrite.begin(out);
    await stage.put('README.md', '# b\n');
    await stage.discard();
    expect(onDisk(out)).toEqual(Object.fromEntries(files('a')));
    expect(readdirSync(state(out))).toEqual(['manifest.json']);
  });

  it('compares file by file for --check, naming those that differ or are missing', async () => {
    const out = outDir();
    await writeOutput(out, files('a'), manifest);
    const check = new StaleCheck(out);
    await check.put('src/index.ts', "export const tag = 'a';\n"); // unchanged
    await check.put('src/new.ts', '');
    await check.put('README.md', '# b\n');
    expect(check.stale()).toEqual(['README.md', 'src/new.ts']);
  });
});
