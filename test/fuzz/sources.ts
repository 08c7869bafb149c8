/** The real pages the fuzz tests mutate, and the sections of them each reader reads. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { InputFile } from '../../generator/read/input.js';
import type { SourceLine } from '../../generator/read/fragments.js';
import { seedFiles } from '../helpers.js';
import { dtoSource, HTML_FIXTURES } from '../read/html-fixtures.js';
import { tabSource } from '../read/tab-pages.js';

export const TEXT_SEEDS: InputFile[] = seedFiles();

/** Every HTML fixture (operation pages of every form, the /metadata index) and the metadata JSON. */
export const HTML_PAGES: InputFile[] = readdirSync(HTML_FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => ({ file: f.split(path.sep).join('/'), text: readFileSync(path.join(HTML_FIXTURES, f), 'utf8') }));

export const METADATA_JSON: InputFile = { file: 'types-metadata.json', text: readFileSync(path.join(HTML_FIXTURES, 'orders/types-metadata.json'), 'utf8') };

export const ALL_PAGES: InputFile[] = [...TEXT_SEEDS, ...HTML_PAGES, METADATA_JSON];

const seed = (prefix: string) => TEXT_SEEDS.find((f) => f.file.startsWith(prefix))!.text;

/** The lines from the first matching `start` to before the first matching `end` after it. */
function section(text: string, start: RegExp, end: RegExp | undefined): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => start.test(l));
  const to = end ? lines.findIndex((l, i) => i > from && end.test(l)) : -1;
  return lines.slice(from, to < 0 ? undefined : to).join('\n');
}

/** Seed 001's Python DTO section. */
export const PYTHON_SECTION = section(seed('001'), /^import datetime/, /^Python \S+ DTOs$/);

/** The TypeScript and C# DTO sources of the language-tab fixtures, as their readers get them. */
export const TYPESCRIPT_SECTIONS = ['orders/CreateOrder.typescript.html', 'orders/GetOrderLine.typescript.html', 'booster/ExportCustomer.typescript.html'].map(
  dtoSource,
);
export const CSHARP_SECTIONS = ['orders/CreateOrder.csharp.html', 'orders/GetOrders.csharp.html', 'booster/ExportCustomer.csharp.html'].map(dtoSource);

/** The other tabs' DTO sources (test/read/fixtures/tabs/), by language: GetCustomer's and QueryCustomers'. */
export const TAB_SECTIONS: Record<string, string[]> = Object.fromEntries(
  ['kotlin', 'java', 'swift', 'dart', 'vbnet', 'fsharp', 'mjs'].map((key) => [key, ['GetCustomer', 'QueryCustomers'].map((op) => tabSource(key, op))]),
);

/** Every seed's sample section (what follows "The following are sample HTTP requests…"). */
export const SAMPLE_SECTIONS = TEXT_SEEDS.map((f) => section(f.text, /^(POST|PUT|GET) \/\S* HTTP/, undefined));

/** Sample bodies: seed 001's and 003's XML, seed 000's and 002's JSON. */
export const XML_BODIES = [section(seed('001'), /^<UpdateCustomer /, /^HTTP\/1\.1/), section(seed('003'), /^<ExportCustomer /, /^HTTP\/1\.1/)];
export const JSON_BODIES = TEXT_SEEDS.flatMap((f) => f.text.split('\n').filter((l) => l.startsWith('{')));

/** Seed 003's squashed rows and every seed's route lines. */
export const SQUASHED_ROWS = seed('003')
  .split('\n')
  .filter((l) => /^[a-zA-Z]+(form|body|path|query)/.test(l));
export const ROUTE_LINES = [
  'PUT/customer/{boosterCustomerId}Update customerUpdate CRM customer',
  'POST/customer/{brand}/exportExport Customer Data',
  'GET/orders/{OrderId}/lines/{LineId}Get order line',
];
export const PIPE_ROWS = TEXT_SEEDS.flatMap((f) => f.text.split('\n').filter((l) => l.includes('|')));

/** Text as the located lines a section reader gets (1-based). */
export function linesOf(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }));
}
