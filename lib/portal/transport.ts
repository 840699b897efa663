// One request to the portal: URL and headers for the chosen sign-in method, a timeout per
// attempt inside one deadline for the whole request (attempts and waits together),
// cancellation by the caller, and automatic retries for requests that are safe to repeat.
// Uses only fetch, AbortController and timers, so it runs in a service worker.

import type { PortalError, Result } from './errors';
import { interpretResponse, type ResponseSchema } from './responses';
import { backoffDelay, MAX_HONOURED_RETRY_AFTER_MS, type RetryPolicy, sleep } from './retry';

/** The portal session (its cookie, sent by the browser) or a personal access token. */
export type PortalAuth = { kind: 'session' } | { kind: 'token'; token: string };

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportConfig {
  baseUrl: string;
  auth: PortalAuth;
  fetch: Fetch;
  timeoutMs: number;
  /** The whole request, every attempt and wait included, when the caller sets no deadline. */
  deadlineMs: number;
  retry: RetryPolicy;
  random: () => number;
  now: () => number;
}

export interface PortalRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the base URL, without a leading slash: `api/v1/cart`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema: ResponseSchema<T>;
  /** Safe to send again when the first try may or may not have reached the portal. */
  retryable: boolean;
  signal?: AbortSignal;
  /** Epoch ms (the config's clock) by which the request has an answer, whatever happened. */
  deadline?: number;
}

export type Send = <T>(request: PortalRequest<T>) => Promise<Result<T, PortalError>>;

/** RFC 6750's token68 characters: anything else cannot travel in an Authorization header. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export function createTransport(config: TransportConfig): Send {
  const auth = config.auth;
  // A token pasted with a stray character would make fetch throw before sending anything,
  // which would read as "portal unreachable". The portal would refuse it anyway: signed out.
  const unusableToken: PortalError | undefined =
    auth.kind === 'token' && !BEARER_TOKEN.test(auth.token)
      ? {
          kind: 'signed-out',
          reason: 'unauthenticated',
          status: 0,
          detail: 'The personal access token is empty or has characters a token cannot have',
        }
      : undefined;

  return async (request) => {
    if (unusableToken) return { ok: false, error: unusableToken };
    const deadline = request.deadline ?? config.now() + config.deadlineMs;
    for (let retry = 0; ; retry += 1) {
      const left = deadline - config.now();
      if (left <= 0) return { ok: false, error: deadlinePassed(deadline) };
      const result = await sendOnce(config, request, Math.min(config.timeoutMs, left));
      if (result.ok || !request.retryable || retry >= config.retry.retries) return result;
      const delay = retryDelay(result.error, retry, config);
      // A wait that would leave no time for the next attempt is not worth it: the answer in
      // hand (with its Retry-After, for a 429) is what the user hears, on time.
      if (delay === undefined || config.now() + delay + config.retry.minAttemptMs > deadline)
        return result;
      try {
        await sleep(delay, request.signal);
      } catch {
        return { ok: false, error: { kind: 'cancelled' } };
      }
    }
  };
}

/** Only a caller's own deadline can be past before the first attempt: nothing was sent. */
function deadlinePassed(deadline: number): PortalError {
  return {
    kind: 'portal-unavailable',
    cause: 'timeout',
    detail: `Not sent: the deadline (${new Date(deadline).toISOString()}) had passed`,
  };
}

/** How long to wait before retrying after `error`, or undefined when retrying will not help. */
function retryDelay(
  error: PortalError,
  retry: number,
  config: TransportConfig,
): number | undefined {
  // The portal refused without doing anything and said when to come back: for a request
  // safe to repeat, that wait is honoured (the deadline still caps it, see above).
  // A little jitter, so callers turned away together do not all come back together.
  if (error.kind === 'rate-limited') {
    return error.retryAfterSeconds * 1000 + Math.round(config.random() * config.retry.baseDelayMs);
  }
  // Only a portal that failed or did not answer may do better on a second try; every other
  // kind (signed out, a bad request…) would fail the same way again.
  if (error.kind !== 'portal-unavailable') return undefined;
  const backoff = backoffDelay(retry, config.retry, config.random);
  if (error.retryAfterSeconds === undefined) return backoff;
  const asked = error.retryAfterSeconds * 1000;
  return asked > MAX_HONOURED_RETRY_AFTER_MS ? undefined : Math.max(asked, backoff);
}

async function sendOnce<T>(
  config: TransportConfig,
  request: PortalRequest<T>,
  timeoutMs: number,
): Promise<Result<T, PortalError>> {
  const outer = request.signal;
  if (outer?.aborted) return { ok: false, error: { kind: 'cancelled' } };

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => controller.abort();
  outer?.addEventListener('abort', forwardAbort, { once: true });

  try {
    const response = await config.fetch(requestUrl(config.baseUrl, request), {
      method: request.method,
      headers: requestHeaders(config.auth, request.body !== undefined),
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      // The session cookie belongs to the portal's origin; a token request sends no cookie,
      // so a stale session can never be mistaken for the token's identity.
      credentials: config.auth.kind === 'session' ? 'include' : 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    // The timeout covers the body too: a portal can hang after sending its headers.
    const body = await response.text();
    return interpretResponse(
      { status: response.status, headers: response.headers, url: response.url, body },
      request.schema,
      config.now(),
    );
  } catch (error) {
    if (outer?.aborted) return { ok: false, error: { kind: 'cancelled' } };
    if (timedOut) {
      return {
        ok: false,
        error: {
          kind: 'portal-unavailable',
          cause: 'timeout',
          detail: `No answer within ${timeoutMs} ms`,
        },
      };
    }
    return {
      ok: false,
      error: { kind: 'portal-unavailable', cause: 'network', detail: describeNetworkError(error) },
    };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forwardAbort);
  }
}

function requestUrl(baseUrl: string, request: PortalRequest<unknown>): string {
  const url = new URL(request.path, baseUrl);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.href;
}

function requestHeaders(auth: PortalAuth, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (auth.kind === 'token') headers.authorization = `Bearer ${auth.token}`;
  return headers;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch hides the reason (ECONNREFUSED…) in `cause`; browsers say only "Failed to fetch".
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
