/**
 * `booster-codegen crawl`: saves a live service's docs so that `generate` works
 * offline. Fetches `/metadata`, reads it with the index reader to find every operation, then
 * per operation its page (samples, tables): the JSON one, else the XML or the JSV one where the
 * index links only those; its Python tab when the page offers one (DTO source), and when the host
 * serves no `/types/metadata` the tab that states the most of the .NET types among those it offers
 * (C#, else VB.NET, F#, Kotlin…: tab-languages.ts); and the XML page when the page shows no sample.
 * `/types/metadata` is saved too when the host serves it. Files that did not change are not
 * rewritten; the manifest records where each came from.
 */
import path from 'node:path';
import { DiagnosticBag } from '../diagnostics.js';
import type { IndexOperationFragment } from '../read/fragments.js';
import { readHtmlIndex } from '../read/html-index.js';
import { readHtmlPage } from '../read/html-page.js';
import { TAB_PREFERENCE, type TabLang } from '../read/tab-languages.js';
import { fetchPage, type FetchLimits } from './fetch-page.js';
import { CRAWL_MANIFEST, manifestText, nextManifest, readManifest, sha256, writeIfChanged, type ManifestEntry } from './manifest.js';
import { Progress, type ProgressSink } from './progress.js';

export interface CrawlOptions {
  baseUrl: string;
  outDir: string;
  headers?: Record<string, string>;
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  maxBytes?: number;
  progress?: ProgressSink;
  now?: () => Date;
}

export interface CrawlSummary {
  baseUrl: string;
  /** Operations the index lists. */
  operations: string[];
  saved: { file: string; url: string; changed: boolean }[];
  failed: { url: string; reason: string }[];
  /** `/types/metadata`: saved, not served by this host, or failed (then listed in `failed`). */
  metadataJson: 'saved' | 'not served' | 'failed';
  /** Set when the index itself could not be used: nothing else was fetched. */
  indexFailed?: string;
}

export const CRAWL_DEFAULTS = { concurrency: 4, timeoutMs: 15_000, retries: 2, backoffMs: 500, maxBytes: 5 * 1024 * 1024 };

/** Bad crawl arguments (exit code 2). */
export class CrawlUsageError extends Error {}

interface Run {
  base: URL;
  origin: string;
  outDir: string;
  limits: FetchLimits;
  progress: Progress;
  summary: CrawlSummary;
  fetched: Omit<ManifestEntry, 'fetchedAt'>[];
}

/** The service root: `https://host/api/metadata` and `https://host/api` both give `https://host/api/`. */
export function crawlBase(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new CrawlUsageError(`not a URL: ${input}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CrawlUsageError(`not an http(s) URL: ${input}`);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/metadata\/?$/i, '').replace(/\/?$/, '/');
  return url;
}

export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  const base = crawlBase(options.baseUrl);
  const run: Run = {
    base,
    origin: base.origin,
    outDir: options.outDir,
    limits: {
      headers: options.headers ?? {},
      timeoutMs: options.timeoutMs ?? CRAWL_DEFAULTS.timeoutMs,
      retries: options.retries ?? CRAWL_DEFAULTS.retries,
      backoffMs: options.backoffMs ?? CRAWL_DEFAULTS.backoffMs,
      maxBytes: options.maxBytes ?? CRAWL_DEFAULTS.maxBytes,
    },
    progress: new Progress(options.progress ?? process.stderr),
    summary: { baseUrl: base.href, operations: [], saved: [], failed: [], metadataJson: 'not served' },
    fetched: [],
  };
  run.progress.expect(2);
  const indexUrl = new URL('metadata', base);
  const indexHtml = await get(run, indexUrl, 'metadata.html');
  const listed = indexHtml === undefined ? [] : readHtmlIndex('metadata.html', indexHtml, new DiagnosticBag()).operations;
  if (indexHtml === undefined) run.summary.indexFailed = run.summary.failed[0]?.reason ?? 'not fetched';
  else if (!listed.length) run.summary.indexFailed = 'the index page lists no operation';
  if (run.summary.indexFailed) {
    run.progress.end();
    return finish(run);
  }
  run.summary.operations = listed.map((o) => o.name);
  await crawlMetadataJson(run);
  run.progress.expect(listed.length);
  await pool(listed, options.concurrency ?? CRAWL_DEFAULTS.concurrency, (op) => crawlOperation(run, op, indexUrl));
  run.progress.end();
  const previous = await readManifest(run.outDir);
  const manifest = nextManifest(previous, base.href, run.fetched, (options.now ?? (() => new Date()))().toISOString());
  await writeIfChanged(path.join(run.outDir, CRAWL_MANIFEST), manifestText(manifest));
  return finish(run);
}

/** Sorted, so the summary reads the same whatever order the pages arrived in. */
function finish(run: Run): CrawlSummary {
  run.summary.saved.sort((a, b) => (a.file < b.file ? -1 : 1));
  run.summary.failed.sort((a, b) => (a.url < b.url ? -1 : 1));
  return run.summary;
}

async function crawlOperation(run: Run, op: IndexOperationFragment, indexUrl: URL): Promise<void> {
  // The index's own links, where it gives them (it may be served under a path prefix).
  const link = (format: string) => {
    const href = op.links.find((l) => l.format.toUpperCase() === format)?.href;
    return href ? new URL(href, indexUrl) : new URL(`${format.toLowerCase()}/metadata?op=${encodeURIComponent(op.name)}`, run.base);
  };
  const stem = op.name.replace(/[^\w.-]/g, '_');
  const format = mainFormat(op);
  const mainUrl = link(format);
  const main = await get(run, mainUrl, `${stem}.${format.toLowerCase()}.html`);
  if (main === undefined) return;
  const more: [URL, string][] = [];
  const showsSample = readHtmlPage(`${stem}.${format.toLowerCase()}.html`, main, new DiagnosticBag()).samples.length > 0;
  if (!showsSample && format !== 'XML' && (!op.links.length || linked(op, 'XML'))) more.push([link('XML'), `${stem}.xml.html`]);
  const tab = (lang: TabLang) => {
    const url = new URL(mainUrl);
    url.searchParams.set('lang', lang);
    more.push([url, `${stem}.${lang}.html`]);
  };
  const offers = (lang: TabLang) => new RegExp(`[?&](amp;)?lang=${lang}\\b`).test(main);
  if (offers('python')) tab('python');
  // C# states the .NET types exactly (`long`, `int?`, DataMember names); so does /types/metadata,
  // so a tab is fetched only where the host does not serve that: the one that states the most.
  const best = run.summary.metadataJson === 'saved' ? undefined : TAB_PREFERENCE.find(offers);
  if (best) tab(best);
  run.progress.expect(more.length);
  for (const [url, file] of more) await get(run, url, file);
}

/** The page a crawl reads an operation from: the JSON one, else the XML one, else JSV (a host may serve only that), else CSV. */
function mainFormat(op: IndexOperationFragment): string {
  if (!op.links.length) return 'JSON';
  return ['JSON', 'XML', 'JSV', 'CSV'].find((f) => linked(op, f)) ?? 'JSON';
}

function linked(op: IndexOperationFragment, format: string): boolean {
  return op.links.some((l) => l.format.toUpperCase() === format);
}

/** ServiceStack's MetadataTypes JSON; saved indented so that its facts get meaningful line numbers. */
async function crawlMetadataJson(run: Run): Promise<void> {
  const url = new URL('types/metadata', run.base);
  const r = await fetchPage(url, run.origin, run.limits);
  const parsed = r.ok ? parseMetadata(r.text) : undefined;
  if (!r.ok && r.status !== 404) {
    run.summary.failed.push({ url: r.url, reason: r.reason });
    run.summary.metadataJson = 'failed';
    run.progress.step(`failed types-metadata.json: ${r.reason}`);
    return;
  }
  if (!parsed) {
    run.progress.step('types/metadata not served');
    return;
  }
  run.summary.metadataJson = 'saved';
  await save(run, 'types-metadata.json', url.href, `${JSON.stringify(parsed, null, 2)}\n`);
}

function parseMetadata(text: string): unknown {
  try {
    const value = JSON.parse(text) as { operations?: unknown };
    return Array.isArray(value?.operations) ? value : undefined;
  } catch {
    return undefined; // an HTML login page or the like: not the metadata
  }
}

/** Fetches and saves one page; undefined (and a recorded failure) when it could not be fetched. */
async function get(run: Run, url: URL, file: string): Promise<string | undefined> {
  const r = await fetchPage(url, run.origin, run.limits);
  if (!r.ok) {
    run.summary.failed.push({ url: r.url, reason: r.reason });
    run.progress.step(`failed ${file}: ${r.reason}`);
    return undefined;
  }
  await save(run, file, r.url, r.text);
  return r.text;
}

async function save(run: Run, file: string, url: string, text: string): Promise<void> {
  const changed = await writeIfChanged(path.join(run.outDir, file), text);
  run.summary.saved.push({ file, url, changed });
  run.fetched.push({ file, url, sha256: sha256(text) });
  run.progress.step(`${changed ? 'saved' : 'unchanged'} ${file}`);
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

export function formatSummary(s: CrawlSummary): string {
  if (s.indexFailed) return `crawl ${s.baseUrl}: cannot use the index page (${s.indexFailed}); nothing else fetched\n`;
  const changed = s.saved.filter((f) => f.changed).length;
  const lines = [
    `crawl ${s.baseUrl}: ${s.operations.length} operation(s) found; ${s.saved.length} file(s) saved (${changed} changed, ${s.saved.length - changed} unchanged); ${s.failed.length} failed`,
    `  /types/metadata: ${s.metadataJson}`,
    ...s.failed.map((f) => `  failed ${f.url}: ${f.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
