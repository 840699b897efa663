// The one place that knows how to talk to the partner portal. Every call answers with a
// Result: the parsed, contract-checked value, or a PortalError the UI can explain. Nothing
// here throws for a portal problem; only a misconfigured client (a bad base URL) throws.

import type * as z from 'zod/mini';
import { err, ok, type PortalError, type Result } from './errors';
import type { FieldError } from './problems';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import {
  type Cart,
  cartSchema,
  deploymentIdSchema,
  deploymentSearchResponseSchema,
  type LookupItem,
  type LookupResult,
  lookupItemSchema,
  lookupResponseSchema,
  MAX_LOOKUP_ITEMS,
  MAX_SEARCH_QUERY_LENGTH,
  type Me,
  meSchema,
  type Quote,
  quoteSchema,
  quotesResponseSchema,
  type RenewalRequest,
  type RenewalResponse,
  renewalRequestSchema,
  renewalResponseSchema,
  SEARCH_LIMIT_MAX,
  type SessionRequest,
  type SupportRecord,
  sessionRequestSchema,
} from './schemas';
import { createTransport, type Fetch, type PortalAuth, type Send } from './transport';

export type { PortalAuth } from './transport';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** A whole call, retries and waits included, when the caller gives no deadline. */
export const DEFAULT_DEADLINE_MS = 30_000;

export interface PortalClientOptions {
  /** The portal's address, e.g. `https://partners.example.com/` (a path prefix is kept). */
  baseUrl: string;
  auth: PortalAuth;
  /** Defaults to the global fetch. */
  fetch?: Fetch;
  /** Per attempt, headers and body included. */
  timeoutMs?: number;
  /** Per call, every attempt and wait included; a call's own `deadline` overrides it. */
  deadlineMs?: number;
  retry?: Partial<RetryPolicy>;
  /** For tests: the jitter source and the clock. */
  random?: () => number;
  now?: () => number;
}

export interface CallOptions {
  /** Aborting answers the call with `{ kind: 'cancelled' }` and stops any retries. */
  signal?: AbortSignal;
  /**
   * Epoch ms on the client's clock (`client.now()`) by which the call answers, however many
   * attempts and waits it takes; past it, a timeout. Lets a caller share one deadline
   * between several calls (a write, then the cart read that checks it).
   */
  deadline?: number;
}

export interface DeploymentSearch {
  /** A deployment number prefix or part of a name; empty lists every visible deployment. */
  query?: string;
  /** 1 to 100; the portal's default is 20. */
  limit?: number;
}

export interface PortalClient {
  readonly baseUrl: string;
  /** The clock deadlines are set on. */
  now(): number;
  /** Starts a portal session (the portal sets its cookie). Session auth only. */
  signIn(credentials: SessionRequest, options?: CallOptions): Promise<Result<Me, PortalError>>;
  signOut(options?: CallOptions): Promise<Result<void, PortalError>>;
  me(options?: CallOptions): Promise<Result<Me, PortalError>>;
  /** One result per item, in order; any number of items, sent 100 at a time. */
  lookup(
    items: readonly LookupItem[],
    options?: CallOptions,
  ): Promise<Result<LookupResult[], PortalError>>;
  searchDeployments(
    search?: DeploymentSearch,
    options?: CallOptions,
  ): Promise<Result<SupportRecord[], PortalError>>;
  getCart(options?: CallOptions): Promise<Result<Cart, PortalError>>;
  /** Creates or replaces the deployment's renewal line; safe to repeat. */
  putRenewal(
    deploymentId: string,
    renewal: RenewalRequest,
    options?: CallOptions,
  ): Promise<Result<RenewalResponse, PortalError>>;
  /** Answers with the cart after the removal. */
  deleteCartLine(lineId: string, options?: CallOptions): Promise<Result<Cart, PortalError>>;
  /** Saves the cart as a quote and empties the cart. Never retried automatically. */
  saveQuote(options?: CallOptions): Promise<Result<Quote, PortalError>>;
  listQuotes(options?: CallOptions): Promise<Result<Quote[], PortalError>>;
}

export function createPortalClient(options: PortalClientOptions): PortalClient {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const now = options.now ?? Date.now;
  const send = createTransport({
    baseUrl,
    // Surrounding whitespace is a pasting accident, never part of a token.
    auth:
      options.auth.kind === 'token'
        ? { kind: 'token', token: options.auth.token.trim() }
        : options.auth,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    random: options.random ?? Math.random,
    now,
  });

  return {
    baseUrl,
    now,

    async signIn(credentials, call) {
      const refused = refuse(sessionRequestSchema, credentials, '');
      if (refused) return refused;
      return send({
        method: 'POST',
        path: 'api/v1/session',
        body: credentials,
        schema: meSchema,
        retryable: false,
        signal: call?.signal,
        deadline: call?.deadline,
      });
    },

    signOut: (call) =>
      send({
        method: 'DELETE',
        path: 'api/v1/session',
        schema: null,
        retryable: false,
        signal: call?.signal,
        deadline: call?.deadline,
      }),

    me: (call) =>
      send({
        method: 'GET',
        path: 'api/v1/me',
        schema: meSchema,
        retryable: true,
        signal: call?.signal,
        deadline: call?.deadline,
      }),

    lookup: (items, call) => lookupInChunks(send, items, call),

    async searchDeployments(search = {}, call) {
      const { query, limit } = search;
      if (query !== undefined && query.length > MAX_SEARCH_QUERY_LENGTH) {
        return invalid([
          { path: '/query', message: `At most ${MAX_SEARCH_QUERY_LENGTH} characters` },
        ]);
      }
      if (
        limit !== undefined &&
        !(Number.isInteger(limit) && limit >= 1 && limit <= SEARCH_LIMIT_MAX)
      ) {
        return invalid([
          { path: '/limit', message: `A whole number from 1 to ${SEARCH_LIMIT_MAX}` },
        ]);
      }
      const result = await send({
        method: 'GET',
        path: 'api/v1/deployments',
        query: { query, limit },
        schema: deploymentSearchResponseSchema,
        retryable: true,
        signal: call?.signal,
        deadline: call?.deadline,
      });
      return result.ok ? ok(result.value.deployments) : result;
    },

    getCart: (call) =>
      send({
        method: 'GET',
        path: 'api/v1/cart',
        schema: cartSchema,
        retryable: true,
        signal: call?.signal,
        deadline: call?.deadline,
      }),

    async putRenewal(deploymentId, renewal, call) {
      const refused =
        refuse(deploymentIdSchema, deploymentId, '/deploymentId') ??
        refuse(renewalRequestSchema, renewal, '');
      if (refused) return refused;
      return send({
        method: 'PUT',
        path: `api/v1/cart/renewals/${encodeURIComponent(deploymentId)}`,
        body: renewal,
        schema: renewalResponseSchema,
        // PUT replaces the deployment's one line: sending it twice leaves the same cart.
        retryable: true,
        signal: call?.signal,
        deadline: call?.deadline,
      });
    },

    async deleteCartLine(lineId, call) {
      if (lineId === '') return invalid([{ path: '/lineId', message: 'Required' }]);
      return send({
        method: 'DELETE',
        path: `api/v1/cart/lines/${encodeURIComponent(lineId)}`,
        schema: cartSchema,
        // A repeat after a lost answer would report a 404 for a line that is in fact gone.
        retryable: false,
        signal: call?.signal,
        deadline: call?.deadline,
      });
    },

    saveQuote: (call) =>
      send({
        method: 'POST',
        path: 'api/v1/cart/quote',
        body: {},
        schema: quoteSchema,
        // Not idempotent: a repeat could save a second quote or find the cart already empty.
        retryable: false,
        signal: call?.signal,
        deadline: call?.deadline,
      }),

    async listQuotes(call) {
      const result = await send({
        method: 'GET',
        path: 'api/v1/quotes',
        schema: quotesResponseSchema,
        retryable: true,
        signal: call?.signal,
        deadline: call?.deadline,
      });
      return result.ok ? ok(result.value.quotes) : result;
    },
  };
}

/**
 * Lookups are reads sent as POST (the items do not fit a URL), so they are retried like a
 * GET. Chunks go one after another: a tab rarely has more than 100 identifiers, and
 * sequential chunks stay well inside the portal's rate limit.
 */
async function lookupInChunks(
  send: Send,
  items: readonly LookupItem[],
  call: CallOptions | undefined,
): Promise<Result<LookupResult[], PortalError>> {
  for (const [index, item] of items.entries()) {
    // Callers may pass richer objects (a detection with its count); only kind and value travel.
    const refused = refuse(
      lookupItemSchema,
      { kind: item.kind, value: item.value },
      `/items/${index}`,
    );
    if (refused) return refused;
  }
  const results: LookupResult[] = [];
  for (let start = 0; start < items.length; start += MAX_LOOKUP_ITEMS) {
    const chunk = items.slice(start, start + MAX_LOOKUP_ITEMS);
    const answer = await send({
      method: 'POST',
      path: 'api/v1/support/lookup',
      body: { items: chunk.map(({ kind, value }) => ({ kind, value })) },
      schema: lookupResponseSchema,
      retryable: true,
      signal: call?.signal,
      deadline: call?.deadline,
    });
    if (!answer.ok) return answer;
    const mismatch = findMismatch(chunk, answer.value.results);
    if (mismatch) return err({ kind: 'unexpected-response', status: 200, detail: mismatch });
    results.push(...answer.value.results);
  }
  return ok(results);
}

/** The contract promises one result per item, in order, echoing each item. */
function findMismatch(
  items: readonly LookupItem[],
  results: readonly LookupResult[],
): string | undefined {
  if (results.length !== items.length) {
    return `lookup answered ${results.length} results for ${items.length} items`;
  }
  const index = items.findIndex(
    (item, i) => results[i]?.kind !== item.kind || results[i]?.value !== item.value,
  );
  return index === -1 ? undefined : `lookup result ${index} does not answer item ${index}`;
}

/** Checks a request locally, so a call the portal would reject never leaves the browser. */
function refuse<T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
  at: string,
): Result<never, PortalError> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  return invalid(
    parsed.error.issues.map((issue) => ({
      path: at + issue.path.map((part) => `/${String(part)}`).join(''),
      message: issue.message,
    })),
  );
}

function invalid(fieldErrors: FieldError[]): Result<never, PortalError> {
  const error: PortalError = {
    kind: 'invalid-request',
    status: 0,
    detail: 'The request was not sent: it does not fit the portal API',
    fieldErrors,
  };
  return err(error);
}

function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RangeError(
      `The portal address must be an absolute URL, got ${JSON.stringify(baseUrl)}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(
      `The portal address must use https or http, got ${JSON.stringify(baseUrl)}`,
    );
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}
