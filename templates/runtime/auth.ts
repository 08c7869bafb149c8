// Credentials, opt-in by import: `auth: bearer(getToken)`, and `retry: refreshOn401(renew)`. Each
// scheme sets its header before every attempt; a program that sends none bundles none of them.

import type { ApiError, AuthScheme, Credential, Failure, RetryPolicy } from './core.js';

async function secret(c: Credential): Promise<string | undefined> {
  return typeof c === 'function' ? c() : c;
}

/** `Authorization: Bearer <token>`, unless the token (or what its function returns) is empty. */
export function bearer(token: Credential): AuthScheme {
  return async (headers) => {
    const value = await secret(token);
    if (value) headers.authorization = `Bearer ${value}`;
  };
}

/** `Authorization: Basic …`, of the name and password as UTF-8. */
export function basic(username: string, password: string): AuthScheme {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  const value = `Basic ${btoa(String.fromCharCode(...bytes))}`;
  return (headers) => {
    headers.authorization = value;
  };
}

/** A key in a header of its own, e.g. `apiKey('X-Api-Key', key)`, unless the key is empty. */
export function apiKey(header: string, key: Credential): AuthScheme {
  const name = header.toLowerCase();
  return async (headers) => {
    const value = await secret(key);
    if (value) headers[name] = value;
  };
}

/**
 * On the first 401 of a call, calls `renew` (e.g. to refresh a token) and sends the request once
 * more, unless it returns `false`; any other failure goes to `otherwise` (e.g. a `retryPolicy`).
 */
export function refreshOn401(renew: (error: ApiError) => unknown, otherwise?: RetryPolicy): RetryPolicy {
  return async (failure) =>
    failure.response?.status === 401 && !earlier401(failure.previous)
      ? (await renew(failure.error as ApiError)) !== false
      : (otherwise?.(failure) ?? false);
}

const earlier401 = (f: Failure | undefined): boolean =>
  f !== undefined && (f.response?.status === 401 || earlier401(f.previous));
