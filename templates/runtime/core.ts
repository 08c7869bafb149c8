// The client core: its options, its errors and `createClient`. The per-operation functions
// (operations.ts) and the client class (client.ts) call through it. Runs wherever `fetch` does
// (Node >= 18, browsers); no runtime dependency.

import type { Issue } from './schema.js';

/** A secret, or a function returning it; a function is called before every request, so it can refresh. */
export type Credential = string | (() => string | undefined | Promise<string | undefined>);

/**
 * Sets a request's credentials in its headers (lower-case names), before every attempt. `bearer`,
 * `basic` and `apiKey` (auth.ts) make one; a program that sends none bundles none of them.
 */
export type AuthScheme = (headers: Record<string, string>) => void | Promise<void>;

// Optional members also admit `undefined`, for callers that compile with exactOptionalPropertyTypes.
/** The client class's form of `auth`: the schemes by name. */
export interface Auth {
  /** `Authorization: Bearer <token>`. */
  bearer?: Credential | undefined;
  /** `Authorization: Basic …` (used when there is no bearer token). */
  basic?: { username: string; password: string } | undefined;
  /** A key in a header of its own, e.g. `{ header: 'X-Api-Key', value: key }`. */
  apiKey?: { header: string; value: Credential } | undefined;
}

/** Retries are opt-in: idempotent verbs on network errors, timeouts and 408/429/500/502/503/504; any verb on 429/503 with `Retry-After`. */
export interface RetryOptions {
  /** Attempts after the first (one after a 401's refresh included). */
  retries: number;
  /** First backoff delay, doubled on each retry (default 200 ms). */
  backoffMs?: number | undefined;
  /** Longest wait between attempts (default 30 s); a longer `Retry-After` ends the retries. */
  maxDelayMs?: number | undefined;
}

/** One HTTP attempt, as the `onRequest`/`onResponse` hooks see it. `headers` may be changed in `onRequest` (tracing); it holds the credentials, so do not log it as is. */
export interface CallInfo {
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** 1, then one more for each retry (a retry after a 401's refresh included). */
  attempt: number;
}

/** An attempt that failed, as a retry policy sees it. */
export interface Failure {
  info: CallInfo;
  /** `ApiError`, `NetworkError` or `TimeoutError`. */
  error: Error;
  /** The error response, when there was one. */
  response: Response | undefined;
  /** The failure of the attempt before, in the same call. */
  previous: Failure | undefined;
  /** The caller's signal: a wait before the next attempt ends when it aborts. */
  signal: AbortSignal | undefined;
}

/**
 * Whether to send a failed request again, once the promise settles (it may wait first): `retryPolicy`
 * (retry.ts), `refreshOn401` (auth.ts), or one of your own. Without a policy nothing is retried.
 */
export type RetryPolicy = (failure: Failure) => boolean | Promise<boolean>;

/** A response that does not match its documented type (`onResponseDrift`). */
export interface ResponseDrift {
  operation: string;
  issues: Issue[];
  body: unknown;
}

export interface ClientOptions {
  /** `https://host[/prefix]`; the route paths are appended. */
  baseUrl: string;
  /** The credentials: `bearer(token)`, `basic(username, password)`, `apiKey(header, value)`, or a scheme of your own. */
  auth?: AuthScheme | undefined;
  /** Sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Per attempt, body included; none when unset or 0. */
  timeoutMs?: number | undefined;
  /** Largest response body read, in bytes (default 32 MiB); a larger one throws `ResponseTooLargeError`. `Infinity` or 0: no limit. */
  maxResponseBytes?: number | undefined;
  /** Retries are off by default: `retryPolicy({ retries: 2 })`. */
  retry?: RetryPolicy | undefined;
  onRequest?: ((info: CallInfo) => void | Promise<void>) | undefined;
  onResponse?: ((info: CallInfo, response: Response) => void | Promise<void>) | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxResponseBytes?: number | undefined;
  /** Sent with this request, over the client's headers and credentials. */
  headers?: Record<string, string> | undefined;
  retry?: RetryPolicy | undefined;
}

/** The client class's options: `ClientOptions`, whose `auth` and `retry` may also be plain objects (the class bundles what reads them), and the class's own. */
export interface ClassOptions extends Omit<ClientOptions, 'auth' | 'retry'> {
  auth?: Auth | AuthScheme | undefined;
  retry?: RetryOptions | RetryPolicy | undefined;
  /** Validate requests with the generated schemas before sending (default true). */
  validate?: boolean | undefined;
  /** When set, typed responses are validated and mismatches reported here instead of thrown. */
  onResponseDrift?: ((drift: ResponseDrift) => void) | undefined;
  /** Called on a 401 before the one retry, e.g. to refresh a token; return `false` to not retry (`refreshOn401` for the functions). */
  onUnauthorized?: ((error: ApiError) => unknown) | undefined;
}

/** The call options of the client class's methods: `CallOptions`, whose `retry` may also be `RetryOptions`, and `validate`. */
export interface ClassCallOptions extends Omit<CallOptions, 'retry'> {
  retry?: RetryOptions | RetryPolicy | undefined;
  /** Validate this request (default: the client's `validate`). */
  validate?: boolean | undefined;
}

/**
 * What the per-operation functions call through: `createCustomer(client, request)`. Plain data,
 * so that a bundle holds only the operations it calls.
 */
export interface ApiClient {
  readonly options: Readonly<ClientOptions>;
}

/**
 * A client for the per-operation functions. Errors they throw: `ValidationError` (a route
 * variable missing: nothing sent), `ApiError` (error status), `NetworkError`, `TimeoutError`,
 * `ResponseTooLargeError` (body over `maxResponseBytes`), or the caller's `signal.reason` on abort.
 *
 * Redirects are followed only for requests that carry no header of the caller's: a request with
 * any (`auth`, `headers` of the client or the call, or one `onRequest` adds) is sent with
 * `redirect: 'manual'`, and a redirect, to whichever origin, becomes an `ApiError` instead of being
 * followed, so that no credential, API key or other header of the caller's reaches another origin.
 */
export function createClient(options: ClientOptions): ApiClient {
  return { options: { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') } };
}

export interface FieldError {
  fieldName: string;
  errorCode: string;
  message: string;
}

/** ServiceStack's `responseStatus` (PascalCase on some hosts). */
export interface ErrorResponseStatus {
  errorCode?: string;
  message?: string;
  stackTrace?: string;
  errors?: { fieldName?: string; errorCode?: string; message?: string; meta?: Record<string, string> }[];
  meta?: Record<string, string>;
}

/** The server answered with an error status (or a body the client cannot read). */
export class ApiError extends Error {
  override name = 'ApiError';
  // `declare`: assigned in the constructor, so no field initialisers are needed.
  declare readonly status: number;
  declare readonly statusText: string;
  /** ServiceStack's `errorCode`, else the status text. */
  declare readonly errorCode: string;
  declare readonly fieldErrors: FieldError[];
  declare readonly responseStatus: ErrorResponseStatus | undefined;
  /** The parsed JSON body, or its text when it is not JSON. */
  declare readonly body: unknown;

  constructor(status: number, statusText: string, body: unknown, message?: string) {
    const rs = member(body, 'responseStatus') as ErrorResponseStatus | undefined;
    // The start of a text or HTML body (tags dropped), so that a proxy's error page still says something.
    const snippet =
      typeof body === 'string'
        ? body
            .replace(/(<[^>]*>|\s)+/g, ' ')
            .trim()
            .slice(0, 200)
        : '';
    super(
      message ??
        (text(member(rs, 'message')) ||
          text(member(body, 'message')) ||
          `HTTP ${status} ${statusText}`.trim() + (snippet && `: ${snippet}`)),
    );
    this.status = status;
    this.statusText = statusText;
    this.body = body;
    this.responseStatus = rs;
    this.errorCode = text(member(rs, 'errorCode')) || statusText || String(status);
    const errors = member(rs, 'errors');
    this.fieldErrors = Array.isArray(errors)
      ? errors.map((e) => ({
          fieldName: text(member(e, 'fieldName')),
          errorCode: text(member(e, 'errorCode')),
          message: text(member(e, 'message')),
        }))
      : [];
  }
}

/** The request never got a response: DNS, refused or dropped connection, CORS. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** No complete response within `timeoutMs`. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** The response body is larger than `maxResponseBytes`: the request was aborted with the rest unread. Not retried. */
export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
  declare readonly operation: string;
  /** The `maxResponseBytes` in force. */
  declare readonly limit: number;

  constructor(operation: string, limit: number) {
    super(`${operation}: the response is larger than ${limit} bytes (maxResponseBytes)`);
    this.operation = operation;
    this.limit = limit;
  }
}

/** `o.key`, or `o.Key` as .NET hosts without camelCase serialize it. */
function member(o: unknown, key: string): unknown {
  if (typeof o !== 'object' || o === null) return undefined;
  const r = o as Record<string, unknown>;
  return r[key] ?? r[key[0]!.toUpperCase() + key.slice(1)];
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
