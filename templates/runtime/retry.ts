// Retries, opt-in by import: `retry: retryPolicy({ retries: 2 })`. A program that retries nothing
// bundles none of this.

import type { RetryOptions, RetryPolicy } from './core.js';

const IDEMPOTENT = /^(GET|HEAD|PUT|DELETE|OPTIONS)$/;
const TRANSIENT = [408, 429, 500, 502, 503, 504];

/**
 * Retries idempotent verbs after a network error, a timeout or a 408/429/500/502/503/504, waiting
 * `backoffMs` doubled at each retry; any verb after a 429/503 with a `Retry-After` of at most `maxDelayMs`.
 */
export function retryPolicy(options: RetryOptions): RetryPolicy {
  return async ({ info, response, signal }) => {
    const delay = retryDelay(options, info.attempt, IDEMPOTENT.test(info.method), response);
    if (delay === undefined) return false;
    await sleep(delay, signal);
    return true;
  };
}

/** How long to wait before attempt `attempt + 1`, or undefined when it must not be retried. */
function retryDelay(
  retry: RetryOptions,
  attempt: number,
  idempotent: boolean,
  res: Response | undefined,
): number | undefined {
  if (attempt > retry.retries) return undefined;
  const max = retry.maxDelayMs ?? 30_000;
  const after = res && (res.status === 429 || res.status === 503) ? res.headers.get('retry-after') : null;
  if (after) {
    // The server says the request was not processed, so even a POST may be sent again.
    const ms = /^\d+$/.test(after.trim()) ? Number(after) * 1000 : Date.parse(after) - Date.now();
    return ms <= max ? Math.max(0, ms) : undefined;
  }
  if (!idempotent || (res && !TRANSIENT.includes(res.status))) return undefined;
  return Math.min(max, (retry.backoffMs ?? 200) * 2 ** (attempt - 1));
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort);
  });
}
