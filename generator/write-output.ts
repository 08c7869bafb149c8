/**
 * Writes the generated files so that an error or a kill never leaves a half-written output/:
 * every changed file is first staged in full, then a journal naming the moves is written, then
 * the files are moved into place. A run that finds a journal finishes the moves it names
 * (roll forward) before anything else. Files the generator did not write are never touched.
 *
 * State lives in `<out>/.booster-codegen/`: `manifest.json` (what was generated from which
 * inputs, for the incremental check), `journal.json` and `staging-<pid>/` while writing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Generated files by path relative to the output folder. */
export type OutputFiles = Map<string, string>;

export const STATE_DIR = '.booster-codegen';

export interface Manifest {
  /** Hash of the inputs, the config and the generator that produced these files. */
  inputHash: string;
  /** Generated files and the sha256 of their content. */
  files: Record<string, string>;
  /** Diagnostic counts of the run that produced them. */
  diagnostics: { error: number; warning: number; info: number };
}

interface Journal {
  moves: string[];
  removals: string[];
  staging: string;
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
async function writeAtomic(file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, file);
}

export function readManifest(outDir: string): Promise<Manifest | undefined> {
  return readJson<Manifest>(statePath(outDir, 'manifest.json'));
}

/** Finishes the moves of a write that was interrupted, and clears leftover staging folders. */
export async function recoverOutput(outDir: string): Promise<boolean> {
  const journal = await readJson<Journal>(statePath(outDir, 'journal.json'));
  if (journal) {
    for (const rel of journal.moves) {
      const staged = path.join(journal.staging, rel);
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
  for (const name of state.filter((n) => n.startsWith('staging-') || n.endsWith('.tmp')))
    await rm(statePath(outDir, name), { recursive: true, force: true });
  return Boolean(journal);
}

/** Files whose content on disk differs from what would be written (missing ones included). */
export async function staleFiles(outDir: string, files: OutputFiles): Promise<string[]> {
  const stale: string[] = [];
  for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const current = await readFile(path.join(outDir, rel), 'utf8').catch(() => undefined);
    if (current !== content) stale.push(rel);
  }
  return stale;
}

/** Files the last run generated that this one does not: they are removed. */
function obsolete(previous: Manifest | undefined, files: OutputFiles): string[] {
  return Object.keys(previous?.files ?? {}).filter((rel) => !files.has(rel)).sort();
}

/** True when the files on disk are exactly the ones the manifest recorded. */
export async function manifestIntact(outDir: string, manifest: Manifest): Promise<boolean> {
  for (const [rel, hash] of Object.entries(manifest.files)) {
    const content = await readFile(path.join(outDir, rel)).catch(() => undefined);
    if (!content || sha256(content) !== hash) return false;
  }
  return true;
}

/** Writes what changed; returns the changed and removed paths. */
export async function writeOutput(
  outDir: string,
  files: OutputFiles,
  manifest: Omit<Manifest, 'files'>,
): Promise<{ written: string[]; removed: string[] }> {
  await recoverOutput(outDir);
  const previous = await readManifest(outDir);
  const written = await staleFiles(outDir, files);
  const removed = obsolete(previous, files);
  const staging = statePath(outDir, `staging-${process.pid}`);
  await mkdir(staging, { recursive: true });
  for (const rel of written) {
    await mkdir(path.dirname(path.join(staging, rel)), { recursive: true });
    await writeFile(path.join(staging, rel), files.get(rel)!);
  }
  // From here on the new output is complete on disk: the journal makes the moves finishable.
  await writeAtomic(statePath(outDir, 'journal.json'), JSON.stringify({ moves: written, removals: removed, staging } satisfies Journal));
  await recoverOutput(outDir);
  const hashes = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rel, c]) => [rel, sha256(c)]));
  await writeAtomic(statePath(outDir, 'manifest.json'), `${JSON.stringify({ ...manifest, files: hashes }, null, 2)}\n`);
  return { written, removed };
}
