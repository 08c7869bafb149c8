/**
 * Fetches one page of the crawled service: same origin only (redirects included), a timeout
 * per attempt, bounded retries with exponential backoff for what may pass (timeouts, network
 * errors, 5xx, 408, 429), and a size limit. Never throws: a failure comes back with its reason.
 */

export interface FetchLimits {
  /** Sent with every request (e.g. Authorization); only ever to the crawled origin. */
  headers: Record<string, string>;
  timeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  backoffMs: number;
  maxBytes: number;
}

export type FetchResult =
  { ok: true; url: string; text: string; attempts: number } | { ok: false; url: string; reason: string; status?: number; attempts: number };

type Attempt = { ok: true; text: string } | { ok: false; reason: string; status?: number; retry: boolean };

const MAX_REDIRECTS = 5;

export async function fetchPage(url: URL, origin: string, limits: FetchLimits): Promise<FetchResult> {
  if (url.origin !== origin) return { ok: false, url: url.href, reason: `refused: ${url.origin} is another origin`, attempts: 0 };
  for (let attempt = 1; ; attempt++) {
    const r = await fetchOnce(url, origin, limits);
    if (r.ok) return { ok: true, url: url.href, text: r.text, attempts: attempt };
    if (!r.retry || attempt > limits.retries) {
      const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
      return { ok: false, url: url.href, reason: `${r.reason}${tries}`, ...(r.status ? { status: r.status } : {}), attempts: attempt };
    }
    await sleep(limits.backoffMs * 2 ** (attempt - 1));
  }
}

async function fetchOnce(start: URL, origin: string, limits: FetchLimits): Promise<Attempt> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limits.timeoutMs);
  try {
    let url = start;
    for (let hop = 0; ; hop++) {
      const res = await fetch(url, { headers: limits.headers, redirect: 'manual', signal: abort.signal });
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel();
        const next = new URL(res.headers.get('location')!, url);
        if (next.origin !== origin) return { ok: false, reason: `redirected to another origin (${next.origin}); not followed`, retry: false };
        if (hop >= MAX_REDIRECTS) return { ok: false, reason: `more than ${MAX_REDIRECTS} redirects`, retry: false };
        url = next;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        const retry = res.status >= 500 || res.status === 408 || res.status === 429;
        return { ok: false, reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, status: res.status, retry };
      }
      return await readBody(res, limits.maxBytes);
    }
  } catch (e) {
    if (abort.signal.aborted) return { ok: false, reason: `timed out after ${limits.timeoutMs} ms`, retry: true };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, reason: `network error: ${cause?.code ?? cause?.message ?? (e as Error).message}`, retry: true };
  } finally {
    clearTimeout(timer);
  }
}

/** Reads the body as UTF-8, stopping as soon as it passes the size limit (announced or counted). */
async function readBody(res: Response, maxBytes: number): Promise<Attempt> {
  const tooLarge: Attempt = { ok: false, reason: `larger than the ${maxBytes}-byte limit per page`, retry: false };
  const reader = res.body?.getReader();
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await reader?.cancel().catch(() => {});
    return tooLarge;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
    size += r.value.byteLength;
    if (size > maxBytes) {
      await reader!.cancel().catch(() => {});
      return tooLarge;
    }
    chunks.push(r.value);
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)).replace(/^\uFEFF/, '') };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
