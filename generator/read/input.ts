/**
 * Reads every page in the input folder. Each file goes to the reader for its form; the
 * pages come back sorted by path so that the model never depends on the order of reading.
 */
import { DiagnosticBag } from '../diagnostics.js';
import type { PageFragments } from './fragments.js';
import type { InputFile } from './input-files.js';
import { readTextPage } from './text-page.js';
import { readHtmlPage } from './html-page.js';
import { isIndexHtml, readHtmlIndex } from './html-index.js';
import { readMetadataJson } from './metadata-json.js';
import { pushAll } from '../arrays.js';

export { InputError, loadInputFiles, type InputFile } from './input-files.js';

/** The crawl manifest (`booster-codegen crawl`) sits among the pages; it is none. */
export const CRAWL_MANIFEST = 'crawl-manifest.json';

/** A reader for one form of page; one file may hold several (the metadata JSON: one per operation). */
interface PageReader {
  accepts(file: InputFile): boolean;
  read(file: InputFile, bag: DiagnosticBag): PageFragments | PageFragments[] | undefined;
}

const HTML_START = /<html[\s>]|<!doctype html/iy;

/** An `<html` or `<!doctype html` in the first 2,000 characters: tried only where a `<` stands (text pages have few). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000);
  for (let i = head.indexOf('<'); i !== -1; i = head.indexOf('<', i + 1)) {
    HTML_START.lastIndex = i;
    if (HTML_START.test(head)) return true;
  }
  return false;
}

/** The fragments of a source that is no operation page (the index, the metadata JSON): nothing set but what the caller adds. */
function envelope(file: string, form: PageFragments['form']): PageFragments {
  return { file, form, tags: [], routes: [], tables: [], enums: [], pythonClasses: [], dtoTypes: [], samples: [] };
}

const readers: PageReader[] = [
  {
    accepts: (f) => /\.json$/i.test(f.file),
    read: (f, bag) => {
      const metadata = f.file.split('/').pop() === CRAWL_MANIFEST ? undefined : readMetadataJson(f.file, f.text, bag);
      return metadata && { ...envelope(f.file, 'metadata-json'), metadata };
    },
  },
  {
    accepts: (f) => looksLikeHtml(f.text),
    read: (f, bag) => {
      if (isIndexHtml(f.text)) {
        const index = readHtmlIndex(f.file, f.text, bag);
        return { ...envelope(f.file, 'html-index'), index };
      }
      const page = readHtmlPage(f.file, f.text, bag);
      if (page.operationName || page.routes.length || page.tables.length) return page;
      bag.warn('SS003', { file: f.file, line: 1 }, 'HTML page is neither a ServiceStack operation page nor the /metadata index; skipped');
      return undefined;
    },
  },
  {
    accepts: () => true,
    read: (f, bag) => {
      const page = readTextPage(f.file, f.text, bag);
      const found = page.routes.length + page.tables.length + page.pythonClasses.length + page.dtoTypes.length + page.samples.length;
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
      const read = reader.read(f, bag);
      if (read) pushAll(pages, Array.isArray(read) ? read : [read]);
    } catch (e) {
      // A reader bug must not take the whole run down: report it against the file.
      bag.error('SS004', { file: f.file, line: 1 }, `internal error while reading this page: ${(e as Error).message}`);
    }
  }
  return pages;
}
