/**
 * The crawl manifest: for every saved file, the URL it came from, when that content was first
 * fetched, and its SHA-256. A file whose content did not change keeps its entry as it was, so a
 * re-crawl that finds nothing new rewrites nothing, the manifest included.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CRAWL_MANIFEST } from '../read/input.js';

export interface ManifestEntry {
  /** Path relative to the crawl folder, `/`-separated. */
  file: string;
  url: string;
  fetchedAt: string;
  sha256: string;
}

export interface Manifest {
  generatedBy: string;
  baseUrl: string;
  files: ManifestEntry[];
}

export { CRAWL_MANIFEST };

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path.join(dir, CRAWL_MANIFEST), 'utf8')) as Manifest;
    return Array.isArray(parsed.files) ? parsed : undefined;
  } catch {
    return undefined; // none yet, or unreadable: the crawl starts afresh
  }
}

/**
 * The new manifest: this run's files, each keeping its previous `fetchedAt` when its hash is
 * unchanged; files of earlier runs not fetched this time (failed now) are kept as they were.
 */
export function nextManifest(previous: Manifest | undefined, baseUrl: string, fetched: Omit<ManifestEntry, 'fetchedAt'>[], now: string): Manifest {
  const before = new Map((previous?.files ?? []).map((e) => [e.file, e]));
  const files = new Map<string, ManifestEntry>(before);
  for (const f of fetched) {
    const old = before.get(f.file);
    files.set(f.file, old && old.sha256 === f.sha256 && old.url === f.url ? old : { ...f, fetchedAt: now });
  }
  const sorted = [...files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { generatedBy: 'booster-codegen crawl', baseUrl, files: sorted };
}

/** Writes `text` unless the file already holds it (then its mtime stays); atomic by rename. Returns whether it wrote. */
export async function writeIfChanged(file: string, text: string): Promise<boolean> {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) return false;
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, file);
  return true;
}

export function manifestText(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
