/** Finds and loads the page files of an input folder (no parsing, so that it stays cheap to import). */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DiagnosticBag } from '../diagnostics.js';
import { pushAll } from '../arrays.js';

export interface InputFile {
  /** Path relative to the input folder, with `/` separators. */
  file: string;
  text: string;
}

const PAGE_EXTENSIONS = new Set(['.txt', '.md', '.text', '.html', '.htm', '.json']);

export class InputError extends Error {}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) pushAll(files, await listFiles(dir, rel));
    else if (PAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) files.push(rel);
  }
  return files;
}

/** The page files of the folder, sorted; throws InputError when the folder itself cannot be read. */
export async function listInputFiles(dir: string): Promise<string[]> {
  try {
    return (await listFiles(dir)).sort();
  } catch (e) {
    throw new InputError(`${dir}: cannot read the input folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
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
