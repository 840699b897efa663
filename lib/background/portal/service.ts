// The background's portal service: everything the popup may ask of the partner portal.
// Built with its dependencies so tests can give it a scripted fetch, fixed clocks and a
// token store of their own; the extension uses `defaultPortalService()`.
import {
  type PortalMessageType,
  type PortalRequest,
  portalMessageTypes,
  type ResponseOf,
} from '../../messaging/protocol';
import type { PortalClientOptions } from '../../portal/client';
import { type IsoDate, localToday } from '../../renewal';
import { getToken, hasToken, type TokenStore } from '../../settings/token';
import { hasSiteAccess } from '../../sites/access';
import { accountOperations } from './account';
import { cartOperations } from './cart';
import { createConnector } from './connection';
import { flightKey, type PortalContext, type PortalOperations } from './context';
import { expiredOperations } from './expired';
import { createLookupCache, DEFAULT_LOOKUP_TTL_MS } from './lookup-cache';
import { manualOperations } from './manual';
import { ACTION_DEADLINE_MS, POPUP_PATIENCE } from './patience';
import { createSingleFlight } from './single-flight';
import { statusOperations } from './status';

/**
 * One method per portal message of lib/messaging/protocol.ts, named by its type and taking
 * its body without `type`: `service['add-renewal']({ deploymentId, quantity, credits })`.
 * A message without a body may be called with none: `service['get-cart']()`.
 */
export type PortalService = {
  [T in PortalMessageType]: (
    ...request: object extends PortalRequest<T> ? [PortalRequest<T>?] : [PortalRequest<T>]
  ) => Promise<ResponseOf<T>>;
};

/** Opening a portal page is what each click asks for: two clicks, two tabs. */
const NOT_JOINED: ReadonlySet<PortalMessageType> = new Set(['open-portal']);

export interface PortalServiceOptions {
  /** Passed to every portal client: fetch, timeoutMs, retry, clocks. */
  client?: Omit<PortalClientOptions, 'baseUrl' | 'auth'>;
  tokens?: Pick<TokenStore, 'getToken' | 'hasToken'>;
  /** Whether the browser gives access to an origin; default `permissions.contains`. */
  hasAccess?: (origin: string) => Promise<boolean>;
  cacheTtlMs?: number;
  now?: () => number;
  today?: () => IsoDate;
}

export function createPortalService(options: PortalServiceOptions = {}): PortalService {
  const tokens = options.tokens ?? { getToken, hasToken };
  const hasAccess = options.hasAccess ?? hasSiteAccess;
  const now = options.now ?? Date.now;
  const context: PortalContext = {
    connect: createConnector({
      tokens,
      hasAccess,
      client: { ...POPUP_PATIENCE, ...options.client },
    }),
    cache: createLookupCache({ ttlMs: options.cacheTtlMs ?? DEFAULT_LOOKUP_TTL_MS, now }),
    flights: createSingleFlight(),
    now,
    actionDeadlineMs: options.client?.deadlineMs ?? ACTION_DEADLINE_MS,
    today: options.today ?? (() => localToday()),
    hasToken: () => tokens.hasToken(),
    hasAccess,
  };

  const operations: PortalOperations = {
    ...statusOperations,
    ...manualOperations,
    ...cartOperations,
    ...expiredOperations,
    ...accountOperations,
  };

  // Two layers of joining, on purpose. Here identical requests join from the moment they
  // arrive, before the connection is even resolved: a double click is one operation however
  // slow storage or the portal is. Inside, each portal call joins again per credential
  // (portalCall in ./context.ts), which is what lets different messages share one call (an
  // `add-all-expired` and a click on one of its rows, two tabs' status with one lookup) and
  // keeps a call made for one user from answering another.
  const service: Partial<Record<PortalMessageType, (request?: object) => Promise<unknown>>> = {};
  for (const type of portalMessageTypes) {
    const operation = operations[type] as (
      context: PortalContext,
      request: object,
    ) => Promise<unknown>;
    const run = (request: object) => operation(context, request);
    service[type] = NOT_JOINED.has(type)
      ? (request = {}) => run(request)
      : (request = {}) => context.flights.run(flightKey(type, { ...request }), () => run(request));
  }
  return service as PortalService;
}

let shared: PortalService | undefined;

/** The service the background's handlers use: one per service-worker lifetime. */
export function defaultPortalService(): PortalService {
  shared ??= createPortalService();
  return shared;
}
