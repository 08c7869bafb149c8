/**
 * `booster-codegen crawl <baseUrl>`: the CLI over the API's `crawl`: save a live service's metadata
 * pages under the input folder. Exit codes: 0 every page saved; 1 some pages failed (the rest is
 * saved); 2 bad usage or no usable index.
 */
import type { Argv } from 'yargs';
import { checkCrawlLimits, crawl } from '../api/crawl.js';
import { guarded, UsageError } from './shared.js';

/**
 * The crawler, loaded only when `crawl` runs: it brings the HTML readers (cheerio, parse5, undici),
 * which every other command, and above all `generate`'s no-op check, must not pay for at start-up.
 */
const crawlModule = () => import('../crawl/crawl.js');

interface CrawlArgs {
  baseUrl: string;
  out: string;
  header?: string[];
  concurrency: number;
  timeout: number;
  retries: number;
  maxPageSize: number;
}

const FLAGS = { concurrency: '--concurrency', timeoutMs: '--timeout', retries: '--retries', maxBytes: '--max-page-size' } as const;

/** `Name: value` pairs; the values (tokens) are never printed. */
function parseHeaders(list: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of list) {
    const m = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*:\s*(.*)$/.exec(h);
    if (!m) throw new UsageError(`--header must be 'Name: value' (got '${h.split(':')[0]}…')`);
    headers[m[1]!] = m[2]!;
  }
  return headers;
}

async function run(args: CrawlArgs): Promise<number> {
  const limits = { concurrency: args.concurrency, timeoutMs: args.timeout, retries: args.retries, maxBytes: args.maxPageSize };
  checkCrawlLimits(limits, (option) => FLAGS[option]);
  const { formatSummary } = await crawlModule();
  const summary = await crawl({ baseUrl: args.baseUrl, out: args.out, headers: parseHeaders(args.header ?? []), ...limits, progress: process.stderr });
  process.stderr.write(formatSummary(summary));
  return summary.indexFailed ? 2 : summary.failed.length ? 1 : 0;
}

export function registerCrawl(y: Argv): Argv {
  return y.command(
    'crawl <baseUrl>',
    "save a live service's /metadata pages for offline generate",
    async (c) => {
      const { CRAWL_DEFAULTS } = await crawlModule();
      return c.positional('baseUrl', { type: 'string', demandOption: true, describe: 'the service root, e.g. https://api.example.com/' }).options({
        out: { type: 'string', default: 'input', describe: 'folder to save the pages in' },
        header: { type: 'string', array: true, describe: "request header 'Name: value' (repeatable), e.g. 'Authorization: Bearer …'" },
        concurrency: { type: 'number', default: CRAWL_DEFAULTS.concurrency, describe: 'pages fetched at once' },
        timeout: { type: 'number', default: CRAWL_DEFAULTS.timeoutMs, describe: 'milliseconds per attempt' },
        retries: { type: 'number', default: CRAWL_DEFAULTS.retries, describe: 'retries after a timeout, network error or 5xx' },
        'max-page-size': { type: 'number', default: CRAWL_DEFAULTS.maxBytes, describe: 'bytes; larger pages fail' },
      });
    },
    (args) => guarded(() => run(args as unknown as CrawlArgs)),
  );
}
