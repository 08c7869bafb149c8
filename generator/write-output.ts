/**
 * Writes the generated files so that an error or a kill never leaves a half-written output/:
 * every changed file is first staged in full, then a journal naming the moves is written, then
 * the files are moved into place. A run that finds a journal finishes the moves it names
 * (roll forward) before anything else. Files the generator did not write are never touched.
 *
 * State lives in `<out>/.booster-codegen/`: `manifest.json` (what was generated from which
 * inputs, for the incremental check), `up-to-date` (the stamps the no-op fast path compares:
 * up-to-date/record.ts), and while writing `lock` (the writer's pid: one writer at a time),
 * `journal.json` and `staging-<pid>/`.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { link, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareFile } from './file-compare.js';
import type { FileContent } from './file-content.js';

/** Generated files by path relative to the output folder. */
export type OutputFiles = Map<string, string>;

export const STATE_DIR = '.booster-codegen';

/**
 * Files by path, with the sha256 of their content and the size and modification time they had
 * then: a file whose stamp has not changed is not read again to be hashed (as make and git do; a
 * file edited in place keeping both is not noticed: `--force`).
 */
export type FileHashes = Record<string, { stamp: string; sha256: string }>;

export function stampOf(s: Stats): string {
  return `${s.size}:${s.mtimeMs}`;
}

export interface Manifest {
  /** Hash of the inputs, the config and the generator that produced these files. */
  inputHash: string;
  /** The input pages as they were hashed. */
  inputs?: FileHashes;
  /** Generated files and the sha256 of their content. */
  files: Record<string, string>;
  /** The generated files' stamps once written (see FileHashes). */
  stamps?: Record<string, string>;
  /** Diagnostic counts of the run that produced them. */
  diagnostics: { error: number; warning: number; info: number };
}

interface Journal {
  moves: string[];
  removals: string[];
  /** The staging folder, relative to the output folder (absolute in journals of older versions). */
  staging: string;
}

/** Another run is writing the same output folder (exit code 2). */
export class OutputBusyError extends Error {}

export interface LockOptions {
  /** How long to wait for another run's lock before giving up (default 10 s). */
  waitMs?: number;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

const statePath = (outDir: string, name: string) => path.join(outDir, STATE_DIR, name);

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Writes a small file atomically (temporary sibling, then rename). */
export async function writeAtomic(file: string, content: string | Buffer): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, file);
}

export function readManifest(outDir: string): Promise<Manifest | undefined> {
  return readJson<Manifest>(statePath(outDir, 'manifest.json'));
}

/** True when a process with this pid exists (EPERM: it does, but is not ours to signal). */
function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a lock file's text, NaN when there is none (yet: the file may be being written). */
const lockPid = (text: string | undefined) => (text && /^\d+\s*$/.test(text) ? Number(text) : NaN);

/**
 * Takes `<out>/.booster-codegen/lock` (created exclusively, holding our pid), waiting up to
 * `waitMs` for another run to finish; a lock whose pid is dead is taken over. Returns the release.
 */
export async function lockOutput(outDir: string, { waitMs = 10_000 }: LockOptions = {}): Promise<() => Promise<void>> {
  const lock = statePath(outDir, 'lock');
  await mkdir(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const file = await open(lock, 'wx');
      try {
        await file.writeFile(`${process.pid}\n`);
      } finally {
        await file.close();
      }
      return async () => {
        if (lockPid(await readFile(lock, 'utf8').catch(() => undefined)) === process.pid) await rm(lock, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = lockPid(await readFile(lock, 'utf8').catch(() => undefined));
    if (!Number.isNaN(pid) && !alive(pid)) {
      await takeOver(lock, pid);
      continue;
    }
    if (Date.now() >= deadline) throw busy(outDir, lock, pid, waitMs);
    await pause(deadline);
  }
}

/**
 * Waits until no live run holds the output's lock, taking none: for `--check`, which only reads,
 * so that it never compares an output half moved into place, and writes nothing itself.
 */
export async function waitForWriters(outDir: string, { waitMs = 10_000 }: LockOptions = {}): Promise<void> {
  const lock = statePath(outDir, 'lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    const text = await readFile(lock, 'utf8').catch(() => undefined);
    if (text === undefined) return;
    const pid = lockPid(text);
    if (!Number.isNaN(pid) && !alive(pid)) return; // a dead run's lock: nobody is writing
    if (Date.now() >= deadline) throw busy(outDir, lock, pid, waitMs);
    await pause(deadline);
  }
}

function busy(outDir: string, lock: string, pid: number, waitMs: number): OutputBusyError {
  const who = Number.isNaN(pid) ? 'another run' : `another run (pid ${pid})`;
  return new OutputBusyError(
    `${who} is writing ${path.relative(process.cwd(), outDir) || '.'}/ (lock: ${path.relative(process.cwd(), lock)}); ` +
      `gave up after ${waitMs} ms. Try again when it is done, or delete the lock if no such process is running.`,
  );
}

/** A short wait before looking at the lock again, never past the deadline. */
const pause = (deadline: number) => new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(1, deadline - Date.now()))));

/**
 * Removes the lock of dead `pid`. Moved aside first, atomically, so that of two runs taking it
 * over only one removes it; when what was moved is a live run's new lock instead, it goes back.
 */
async function takeOver(lock: string, pid: number): Promise<void> {
  const aside = `${lock}.${process.pid}.tmp`;
  try {
    await rename(lock, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (lockPid(await readFile(aside, 'utf8').catch(() => undefined)) !== pid)
    await link(aside, lock).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
  await rm(aside, { force: true });
}

/** The pid in `staging-<pid>` or `<name>.<pid>.tmp`. */
const ownerPid = (name: string) => Number(/^staging-(\d+)$|\.(\d+)\.tmp$/.exec(name)?.slice(1).find(Boolean) ?? NaN);

/**
 * Finishes the moves of a write that was interrupted, and clears the staging folders and
 * temporary files of runs that are gone (or of this one). Called with the lock held.
 */
export async function recoverOutput(outDir: string): Promise<boolean> {
  const journal = await readJson<Journal>(statePath(outDir, 'journal.json'));
  if (journal) {
    // Relative to the output folder, so that a moved checkout still rolls forward; an absolute
    // one (older journals) that no longer exists is looked for by its name in the state folder.
    let staging = path.resolve(outDir, journal.staging);
    if (
      path.isAbsolute(journal.staging) &&
      !(await readdir(staging).then(
        () => true,
        () => false,
      ))
    )
      staging = statePath(outDir, path.basename(journal.staging));
    for (const rel of journal.moves) {
      const staged = path.join(staging, rel);
      await mkdir(path.dirname(path.join(outDir, rel)), { recursive: true });
      // Already moved before the interruption when the staged copy is gone.
      await rename(staged, path.join(outDir, rel)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    }
    for (const rel of journal.removals) await rm(path.join(outDir, rel), { force: true });
    await rm(statePath(outDir, 'journal.json'), { force: true });
  }
  const state = await readdir(path.join(outDir, STATE_DIR)).catch(() => [] as string[]);
  for (const name of state.filter((n) => n.startsWith('staging-') || n.endsWith('.tmp'))) {
    const pid = ownerPid(name);
    if (pid === process.pid || !alive(pid)) await rm(statePath(outDir, name), { recursive: true, force: true });
  }
  return Boolean(journal);
}

/**
 * True when the output holds a journal whose moves are not all made: between a kill and the next
 * `generate`, its files are a mix of two runs' (each file whole). Nothing may build or compare it.
 */
export function unfinishedWrite(outDir: string): Promise<boolean> {
  return stat(statePath(outDir, 'journal.json')).then(
    () => true,
    () => false,
  );
}

/** What `--check` and the build say of an output with an unfinished write (`outRel` as the user names it). */
export function unfinishedWriteMessage(outRel: string, command: string): string {
  return `${outRel}/ holds an unfinished write (a run was stopped while moving its files into place, so they are a mix of two runs'); run \`${command}\` to finish it`;
}

/** Where rendered files go, one at a time, so that none need be held once it is handed over. */
export interface FileSink {
  put(rel: string, content: FileContent): Promise<void>;
}

/** `--check`: compares each file with the output folder as it comes, keeping only the names of those that differ. */
export class StaleCheck implements FileSink {
  private readonly differing: string[] = [];
  constructor(private readonly outDir: string) {}

  async put(rel: string, content: FileContent): Promise<void> {
    if ((await compareFile(content, path.join(this.outDir, rel))).differs) this.differing.push(rel);
  }

  stale(): string[] {
    return [...this.differing].sort();
  }
}

/** Files the last run generated that this one does not: they are removed. */
function obsolete(previous: Manifest | undefined, generated: ReadonlySet<string>): string[] {
  return Object.keys(previous?.files ?? {})
    .filter((rel) => !generated.has(rel))
    .sort();
}

/** True when the files on disk are exactly the ones the manifest recorded. */
export async function manifestIntact(outDir: string, manifest: Manifest): Promise<boolean> {
  for (const [rel, hash] of Object.entries(manifest.files)) {
    const file = path.join(outDir, rel);
    const stamp = await stat(file).then(stampOf, () => undefined);
    if (!stamp) return false;
    if (manifest.stamps?.[rel] === stamp) continue;
    const content = await readFile(file).catch(() => undefined);
    if (!content || sha256(content) !== hash) return false;
  }
  return true;
}

/** What a write changed and removed, and the manifest it recorded. */
export interface Committed {
  written: string[];
  removed: string[];
  manifest: Manifest;
}

/** Writes what changed, holding the output folder's lock; returns the changed and removed paths. */
export function writeOutput(outDir: string, files: OutputFiles, manifest: Omit<Manifest, 'files' | 'stamps'>, options: LockOptions = {}): Promise<Committed> {
  return withSettledOutput(outDir, () => writeLocked(outDir, files, manifest), options);
}

/**
 * Runs `body` holding the output folder's lock, after finishing any interrupted write: whatever
 * `body` reads of the output (the model and version of the last release) is then one complete
 * state, and nothing else writes it until `body` is done.
 */
export async function withSettledOutput<T>(outDir: string, body: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await lockOutput(outDir, options);
  try {
    await recoverOutput(outDir);
    return await body();
  } finally {
    await release();
  }
}

/** Writes what changed; the caller holds the lock (`withSettledOutput`). */
export async function writeLocked(outDir: string, files: OutputFiles, manifest: Omit<Manifest, 'files' | 'stamps'>): Promise<Committed> {
  const stage = await StagedWrite.begin(outDir);
  for (const [rel, content] of files) await stage.put(rel, content);
  return stage.commit(manifest);
}

/**
 * One write of the output folder, file by file: each file is staged in full as it is rendered (when
 * it differs from the one on disk) and let go, keeping only its hash; `commit` then writes the
 * journal and moves the staged files into place. The caller holds the lock (`withSettledOutput`).
 */
export class StagedWrite implements FileSink {
  private readonly hashes = new Map<string, string>();
  private readonly changed: string[] = [];

  private constructor(
    private readonly outDir: string,
    private readonly staging: string,
  ) {}

  static async begin(outDir: string): Promise<StagedWrite> {
    const staging = statePath(outDir, `staging-${process.pid}`);
    await mkdir(staging, { recursive: true });
    return new StagedWrite(outDir, staging);
  }

  async put(rel: string, content: FileContent): Promise<void> {
    const staged = path.join(this.staging, rel);
    await mkdir(path.dirname(staged), { recursive: true });
    const { differs, sha256 } = await compareFile(content, path.join(this.outDir, rel), { staged, hash: true });
    this.hashes.set(rel, sha256!);
    if (differs) this.changed.push(rel);
  }

  /** Removes what was staged, when the run ends before `commit` (an error while rendering). */
  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }

  /** Moves the staged files into place (through the journal) and records the manifest; returns the changed and removed paths, and the manifest. */
  async commit(manifest: Omit<Manifest, 'files' | 'stamps'>): Promise<Committed> {
    const { outDir } = this;
    const written = [...this.changed].sort();
    const removed = obsolete(await readManifest(outDir), new Set(this.hashes.keys()));
    // From here on the new output is complete on disk: the journal makes the moves finishable.
    const journal: Journal = { moves: written, removals: removed, staging: path.relative(outDir, this.staging).split(path.sep).join('/') };
    await writeAtomic(statePath(outDir, 'journal.json'), JSON.stringify(journal));
    await recoverOutput(outDir);
    const paths = [...this.hashes.keys()].sort();
    const hashes = Object.fromEntries(paths.map((rel) => [rel, this.hashes.get(rel)!]));
    const stamps = Object.fromEntries(await Promise.all(paths.map(async (rel) => [rel, stampOf(await stat(path.join(outDir, rel)))])));
    const recorded: Manifest = { ...manifest, files: hashes, stamps };
    await writeAtomic(statePath(outDir, 'manifest.json'), `${JSON.stringify(recorded, null, 2)}\n`);
    return { written, removed, manifest: recorded };
  }
}
