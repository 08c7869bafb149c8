/**
 * Reads every page in the input folder. Each file goes to the reader for its form; the
 * pages come back sorted by path so that the model never depends on the order of reading.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DiagnosticBag } from '../diagnostics.js';
import type { PageFragments } from './fragments.js';
import { readTextPage } from './text-page.js';

export interface InputFile {
  /** Path relative to the input folder, with `/` separators. */
  file: string;
  text: string;
}

/** A reader for one form of page. HTML pages get theirs in a later release. */
interface PageReader {
  accepts(file: InputFile): boolean;
  read(file: InputFile, bag: DiagnosticBag): PageFragments | undefined;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text']);
const PAGE_EXTENSIONS = new Set([...TEXT_EXTENSIONS, '.html', '.htm']);

const readers: PageReader[] = [
  {
    accepts: (f) => /<html[\s>]|<!doctype html/i.test(f.text.slice(0, 2000)),
    read: (f, bag) => {
      bag.error('SS003', { file: f.file, line: 1 }, 'HTML pages are not read yet; save the page as text or wait for the HTML reader');
      return undefined;
    },
  },
  {
    accepts: () => true,
    read: (f, bag) => {
      const page = readTextPage(f.file, f.text, bag);
      const found = page.routes.length + page.tables.length + page.pythonClasses.length + page.samples.length;
      if (found || page.operationName) return page;
      bag.warn('SS003', { file: f.file, line: 1 }, 'no route, parameter table, DTO or sample found: not a ServiceStack operation page; skipped');
      return undefined;
    },
  },
];

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) files.push(...(await listFiles(dir, rel)));
    else if (PAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) files.push(rel);
  }
  return files;
}

export class InputError extends Error {}

/** Loads the folder's pages; throws InputError when the folder itself cannot be read. */
export async function loadInputFiles(dir: string, bag: DiagnosticBag): Promise<InputFile[]> {
  let names: string[];
  try {
    names = (await listFiles(dir)).sort();
  } catch (e) {
    throw new InputError(`${dir}: cannot read the input folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const files: InputFile[] = [];
  for (const file of names) {
    try {
      const buffer = await readFile(path.join(dir, file));
      const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
      files.push({ file, text });
    } catch (e) {
      const why = e instanceof TypeError ? 'not UTF-8 text' : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      bag.error('SS001', { file, line: 1 }, `cannot read file: ${why}; skipped`);
    }
  }
  return files;
}

export function readPages(files: InputFile[], bag: DiagnosticBag): PageFragments[] {
  const pages: PageFragments[] = [];
  for (const f of [...files].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const reader = readers.find((r) => r.accepts(f))!;
    try {
      const page = reader.read(f, bag);
      if (page) pages.push(page);
    } catch (e) {
      // A reader bug must not take the whole run down: report it against the file.
      bag.error('SS004', { file: f.file, line: 1 }, `internal error while reading this page: ${(e as Error).message}`);
    }
  }
  return pages;
}
