// How the client core sends one operation: the route its request fills, credentials, timeouts, retries,
// redirects, a capped read of the body, errors. Internal: operations.ts calls it, the package
// entry point does not export it.

import {
  ApiError,
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
  type ApiClient,
  type CallInfo,
  type CallOptions,
  type Failure,
} from './core.js';
import { ValidationError, type Issue } from './schema.js';

/** `[method, path with {wireName} variables, variables, query]`: `query` is `true` when every other member goes to the query string, else the members that do although the rest travel in the body. */
export type Route = readonly [method: string, path: string, vars: readonly string[], query: true | readonly string[]];

/** What a per-operation function tells `call` about its operation. */
export interface Operation {
  name: string;
  /** Request DTO name, for validation messages, when it is not the operation's. */
  type?: string;
  routes: readonly Route[];
  auth?: boolean;
  /** Rewrites the `/Date(…)/` values of a response into ISO 8601 (dates.ts). */
  dates?: (body: unknown) => unknown;
  oneWay?: boolean;
}

const invalid = (op: Operation, issues: Issue[]) => new ValidationError(op.type ?? op.name, issues);

/**
 * Sends `request` as operation `op` and resolves to the parsed response body. The type of the
 * body is the caller's to declare (the generated function's return type): it is not checked here.
 */
export async function call<R>(
  client: ApiClient,
  request: object,
  options: CallOptions = {},
  op: Operation,
): Promise<R> {
  const o = client.options;
  const [method, path, body] = target(op, request as Record<string, unknown>);
  let failure: Failure | undefined;
  const own: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) own['content-type'] = 'application/json';
  for (let attempt = 1; ; attempt++) {
    const headers = lower(o.headers, { ...own });
    await o.auth?.(headers);
    lower(options.headers, headers);
    if (op.auth && !o.auth && !headers.authorization)
      throw new Error(`${op.name} requires authentication: set the \`auth\` option`);
    const info: CallInfo = { operation: op.name, method, url: o.baseUrl + path, headers, body, attempt };
    await o.onRequest?.(info);
    let res: Response | undefined;
    let error: Error;
    try {
      const [response, text] = await send(client, info, options, callerHeaders(info.headers, own));
      res = response;
      await o.onResponse?.(info, res);
      if (res.ok) return result(op, res, text) as R;
      // Not ok and below 400: a redirect left unfollowed by `redirect: 'manual'` (status 0 in browsers); see createClient.
      error = new ApiError(
        res.status,
        res.statusText,
        parse(text),
        res.status < 400 ? `${op.name}: redirect not followed (the request carries the caller's headers)` : undefined,
      );
    } catch (e) {
      if (!(e instanceof NetworkError || e instanceof TimeoutError)) throw e;
      error = e;
    }
    failure = { info, error, response: res, previous: failure, signal: options.signal };
    if (!(await (options.retry ?? o.retry)?.(failure))) throw error;
  }
}

/** Method, path with query, and JSON body of a request, on the route whose variables it fills. */
function target(op: Operation, req: Record<string, unknown>): [string, string, string | undefined] {
  // Own members only: a variable named like `constructor` must not be filled from the prototype.
  const filled = (k: string) => Object.hasOwn(req, k) && req[k] != null && req[k] !== '';
  // Like ServiceStack's clients: the route with the most variables that the request fills.
  const route = op.routes.filter((r) => r[2].every(filled)).sort((a, b) => b[2].length - a[2].length)[0];
  if (!route)
    throw invalid(
      op,
      op.routes[0]![2].filter((k) => !filled(k)).map((k) => ({ path: [k], message: 'required (route variable)' })),
    );
  const [method, template, vars, inQuery] = route;
  const path = template.replace(/\{([^}]+)\}/g, (_, k: string) => {
    const s = encodeURIComponent(String(req[k]));
    // URL parsers resolve `.` and `..` segments even when percent-encoded: they would change the route.
    if (s === '.' || s === '..') throw invalid(op, [{ path: [k], message: 'must not be "." or ".." in a path' }]);
    return s;
  });
  const query: string[] = [];
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(req)) {
    if (v === undefined || vars.includes(k)) continue;
    if (inQuery === true || inQuery.includes(k)) {
      if (v !== null) query.push(`${encodeURIComponent(k)}=${encodeURIComponent(queryValue(v))}`);
    } else body[k] = v;
  }
  return [
    method,
    path + (query.length ? `?${query.join('&')}` : ''),
    inQuery === true ? undefined : JSON.stringify(body),
  ];
}

/** As ServiceStack reads a query string: lists as `a,b` (JSV-quoted where needed), objects as JSON. */
function queryValue(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null))
    return v.map((x) => (/[",{}[\]\r\n]/.test(String(x)) ? `"${String(x).replace(/"/g, '""')}"` : String(x))).join(',');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Header names lower-cased, so that `Accept` from the caller replaces ours instead of joining it. */
function lower(headers: Record<string, string> | undefined, into: Record<string, string>): Record<string, string> {
  for (const k in headers) into[k.toLowerCase()] = headers[k]!;
  return into;
}

/** True when `headers` hold anything but the client's own (`own`): the caller's, which must not follow a redirect. */
function callerHeaders(headers: Record<string, string>, own: Record<string, string>): boolean {
  return Object.keys(headers).some((k) => headers[k] !== own[k]);
}

/** One attempt, body read included (up to `maxResponseBytes`), under the caller's signal and the timeout. */
async function send(
  client: ApiClient,
  info: CallInfo,
  { signal, ...call }: CallOptions,
  manual: boolean,
): Promise<[Response, string]> {
  signal?.throwIfAborted();
  const o = client.options;
  const timeoutMs = call.timeoutMs ?? o.timeoutMs;
  const limit = call.maxResponseBytes ?? o.maxResponseBytes ?? 2 ** 25; // 32 MiB
  // Aborted by the caller's signal (with its reason) or by the timeout (with a TimeoutError).
  const controller = new AbortController();
  const abort = () => controller.abort(signal!.reason);
  const timer =
    timeoutMs &&
    setTimeout(
      () => controller.abort(new TimeoutError(`${info.operation} timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
  signal?.addEventListener('abort', abort);
  try {
    // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of the options.
    const res = await (o.fetch ?? fetch)(info.url, {
      method: info.method,
      headers: info.headers,
      body: info.body ?? null,
      signal: controller.signal,
      redirect: manual ? 'manual' : 'follow',
    });
    return [res, await read(res, info.operation, limit || Infinity)];
  } catch (e) {
    if (controller.signal.aborted) throw controller.signal.reason;
    if (e instanceof ResponseTooLargeError) throw e;
    throw new NetworkError(`${info.method} ${info.url}: ${(e as Error).message}`, { cause: e });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

/**
 * The body as text, read up to `limit` bytes: past it, or when Content-Length says it is larger,
 * the stream is cancelled (which aborts the request) with the rest unread.
 */
async function read(res: Response, operation: string, limit: number): Promise<string> {
  const reader = res.body?.getReader();
  // No stream: a null body, or a `fetch` stand-in without streams.
  if (!reader) return res.text();
  const decoder = new TextDecoder();
  let text = '';
  // Content-Length counts the encoded bytes: the decoded ones are counted as they arrive.
  let size = Number(res.headers.get('content-length')) > limit ? Infinity : 0;
  for (;;) {
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw new ResponseTooLargeError(operation, limit);
    }
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
}

/** The response body: undefined for a one-way operation, else parsed JSON with its dates revived. */
function result(op: Operation, res: Response, text: string): unknown {
  if (op.oneWay) return undefined;
  const body = parse(text);
  // Only a body that is not JSON parses to its own text: a JSON string's text has quotes around it.
  if (text && body === text)
    throw new ApiError(res.status, res.statusText, text, `${op.name}: the response is not JSON`);
  return op.dates ? op.dates(body) : body;
}

/** The JSON value of `text`, undefined when it is empty, or `text` itself when it is not JSON. */
function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
