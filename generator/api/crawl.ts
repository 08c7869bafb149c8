/**
 * `crawl`: saves a live ServiceStack service's metadata pages into a folder, so that `generate`
 * works offline. The crawler itself (generator/crawl/) is loaded on use: it brings the HTML readers.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { CrawlSummary } from '../crawl/crawl.js';
import type { ProgressSink } from '../crawl/progress.js';

export type { CrawlSummary, ProgressSink };

export interface CrawlOptions {
  /** The service root, e.g. `https://api.example.com/` (a `/metadata` URL is taken back to it). */
  baseUrl: string;
  /** The folder to save the pages in (default `input`, from `cwd`). */
  out?: string;
  cwd?: string;
  /** Request headers, e.g. `{ Authorization: 'Bearer …' }`; never printed. */
  headers?: Record<string, string>;
  /** Pages fetched at once (default 4). */
  concurrency?: number;
  /** Milliseconds per attempt (default 15,000). */
  timeoutMs?: number;
  /** Retries after a timeout, a network error or a 5xx (default 2). */
  retries?: number;
  /** Bytes; larger pages fail (default 5 MiB). */
  maxBytes?: number;
  /** Where the progress goes (a bar on a terminal, a line per page otherwise); none when absent. */
  progress?: ProgressSink;
}

type Limit = 'concurrency' | 'timeoutMs' | 'retries' | 'maxBytes';

/** Throws UsageError for a limit that is no positive integer (retries: 0 or more); `label` names the option as the caller knows it. */
export function checkCrawlLimits(o: Partial<Record<Limit, number>>, label: (option: Limit) => string = (option) => option): void {
  for (const option of ['concurrency', 'timeoutMs', 'maxBytes'] as const) {
    const value = o[option];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new UsageError(`${label(option)} must be a positive integer`);
  }
  if (o.retries !== undefined && (!Number.isInteger(o.retries) || o.retries < 0)) throw new UsageError(`${label('retries')} must be 0 or more`);
}

const silent: ProgressSink = { write: () => undefined };

/**
 * Fetches the index, then each operation's pages; resolves with what was saved and what failed.
 * Throws UsageError for a base URL that is no http(s) URL, or a bad limit.
 */
export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  checkCrawlLimits(options);
  const { crawl: crawlService, CrawlUsageError } = await import('../crawl/crawl.js');
  const { out = 'input', cwd = process.cwd(), progress = silent, ...rest } = options;
  try {
    return await crawlService({ ...rest, outDir: path.resolve(cwd, out), progress });
  } catch (e) {
    throw e instanceof CrawlUsageError ? new UsageError(e.message) : e;
  }
}
