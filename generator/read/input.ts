/**
 * Reads every page in the input folder. Each file goes to the reader for its form; the
 * pages come back sorted by path so that the model never depends on the order of reading.
 */
import { DiagnosticBag } from '../diagnostics.js';
import type { PageFragments } from './fragments.js';
import type { InputFile } from './input-files.js';
import { readTextPage } from './text-page.js';

export { InputError, loadInputFiles, type InputFile } from './input-files.js';

/** A reader for one form of page. HTML pages get theirs in a later release. */
interface PageReader {
  accepts(file: InputFile): boolean;
  read(file: InputFile, bag: DiagnosticBag): PageFragments | undefined;
}

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
