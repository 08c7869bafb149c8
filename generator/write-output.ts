/**
 * Writes generated files so that a failure or a kill midway never leaves a half-written file:
 * each file goes to a temporary sibling first and is renamed over the old one.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Generated files by path relative to the output folder. */
export type OutputFiles = Map<string, string>;

/** Files whose content on disk differs from what would be written (missing ones included). */
export async function staleFiles(outDir: string, files: OutputFiles): Promise<string[]> {
  const stale: string[] = [];
  for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const current = await readFile(path.join(outDir, rel), 'utf8').catch(() => undefined);
    if (current !== content) stale.push(rel);
  }
  return stale;
}

/** Writes the files that changed; returns their paths. Files not in `files` are left alone. */
export async function writeOutput(outDir: string, files: OutputFiles): Promise<string[]> {
  const changed = await staleFiles(outDir, files);
  const temps: [string, string][] = [];
  try {
    for (const rel of changed) {
      const target = path.join(outDir, rel);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      await writeFile(temp, files.get(rel)!);
      temps.push([temp, target]);
    }
    // Every file is rendered and on disk before the first one replaces its predecessor.
    for (const [temp, target] of temps) await rename(temp, target);
  } finally {
    for (const [temp] of temps) await rm(temp, { force: true });
  }
  return changed;
}
