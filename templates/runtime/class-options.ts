// The client class's options as the client core takes them: `auth` and `retry` as plain objects
// become a scheme and a policy, `onUnauthorized` a policy around the retries. Internal: the class
// calls it, so a bundle holds it only with the class.

import { apiKey, basic, bearer, refreshOn401 } from './auth.js';
import type {
  Auth,
  AuthScheme,
  CallOptions,
  ClassCallOptions,
  ClassOptions,
  ClientOptions,
  RetryOptions,
  RetryPolicy,
} from './core.js';
import { retryPolicy } from './retry.js';

/** `ClientOptions` of the class's options. */
export function clientOptionsOf(options: ClassOptions): ClientOptions {
  return { ...options, auth: authSchemeOf(options.auth), retry: retryOf(options.retry, options) };
}

/** `CallOptions` of a class method's call options, `onUnauthorized` still in force when the call has a `retry` of its own. */
export function callOptionsOf(options: ClassCallOptions | undefined, client: ClassOptions): CallOptions | undefined {
  return options && { ...options, retry: options.retry && retryOf(options.retry, client) };
}

function retryOf(
  retry: RetryOptions | RetryPolicy | undefined,
  { onUnauthorized }: ClassOptions,
): RetryPolicy | undefined {
  const policy = typeof retry === 'object' ? retryPolicy(retry) : retry;
  return onUnauthorized ? refreshOn401(onUnauthorized, policy) : policy;
}

/** The class's `auth` as one scheme: the bearer token when there is one, else basic; and the API key besides. */
function authSchemeOf(auth: Auth | AuthScheme | undefined): AuthScheme | undefined {
  if (typeof auth !== 'object') return auth;
  // Basic first, so that a bearer token, when its function returns one, replaces it.
  const schemes = [
    auth.basic && basic(auth.basic.username, auth.basic.password),
    auth.bearer && bearer(auth.bearer),
    auth.apiKey && apiKey(auth.apiKey.header, auth.apiKey.value),
  ].filter((scheme): scheme is AuthScheme => typeof scheme === 'function');
  if (!schemes.length) return undefined;
  return async (headers) => {
    for (const scheme of schemes) await scheme(headers);
  };
}
