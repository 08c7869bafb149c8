/** Finds and loads the page files of an input folder (no parsing, so that it stays cheap to import). */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DiagnosticBag } from '../diagnostics.js';

export interface InputFile {
  /** Path relative to the input folder, with `/` separators. */
  file: string;
  text: string;
}

const PAGE_EXTENSIONS = new Set(['.txt', '.md', '.text', '.html', '.htm', '.json']);

export class InputError extends Error {}

/** Adds the pages under `prefix` to `files`, and the folders listed (`prefix` included) to `folders`. */
async function listFiles(dir: string, prefix: string, files: string[], folders: string[]): Promise<void> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  folders.push(prefix);
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) await listFiles(dir, rel, files, folders);
    else if (PAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) files.push(rel);
  }
}

/**
 * The page files of the folder, sorted, and the folders that were listed to find them (relative
 * to it, `''` for itself); throws InputError when the folder itself cannot be read.
 */
export async function listInputTree(dir: string): Promise<{ files: string[]; folders: string[] }> {
  const files: string[] = [];
  const folders: string[] = [];
  try {
    await listFiles(dir, '', files, folders);
  } catch (e) {
    throw new InputError(`${dir}: cannot read the input folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { files: files.sort(), folders };
}

/** The page files of the folder, sorted; throws InputError when the folder itself cannot be read. */
export async function listInputFiles(dir: string): Promise<string[]> {
  return (await listInputTree(dir)).files;
}

/**
 * Loads the folder's pages; unreadable files are reported and skipped. `preread`: the bytes of
 * pages read already, taken out of the map as they are decoded (released as soon as they are text).
 */
export async function loadInputFiles(dir: string, bag: DiagnosticBag, preread?: Map<string, Buffer>): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // One after the other, synchronously: a promise per page (1,000s of them) costs several times the reads.
  for (const file of await listInputFiles(dir)) {
    try {
      const buffer = preread?.get(file) ?? readFileSync(path.join(dir, file));
      preread?.delete(file);
      const text = decoder.decode(buffer).replace(/^\uFEFF/, '');
      files.push({ file, text });
    } catch (e) {
      const why = e instanceof TypeError ? 'not UTF-8 text' : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      bag.error('SS001', { file, line: 1 }, `cannot read file: ${why}; skipped`);
    }
  }
  return files;
}
