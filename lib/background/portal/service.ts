// The background's portal service: everything the popup may ask of the partner portal.
// Built with its dependencies so tests can give it a scripted fetch, fixed clocks and a
// token store of their own; the extension uses `defaultPortalService()`.
import { browser } from 'wxt/browser';
import type {
  PopupSettings,
  PortalAccount,
  PortalPage,
  PortalPageOpened,
  PortalResult,
} from '../../messaging/portal-results';
import {
  type PortalMessageType,
  type PortalRequest,
  portalMessageTypes,
  type ResponseOf,
} from '../../messaging/protocol';
import type { PortalClientOptions } from '../../portal/client';
import { type IsoDate, localToday } from '../../renewal';
import { loadSettings } from '../../settings';
import { portalOrigin } from '../../settings/portal-url';
import { getToken, hasToken, type TokenStore } from '../../settings/token';
import { hasSiteAccess } from '../../sites/access';
import { addRenewal, getCart, removeCartLine, saveQuote } from './cart';
import { createConnector } from './connection';
import { flightKey, type PortalContext, portalCall, withConnection } from './context';
import { addAllExpired } from './expired';
import { createLookupCache, DEFAULT_LOOKUP_TTL_MS } from './lookup-cache';
import { lookupManual } from './manual';
import { portalPageUrl } from './pages';
import { ACTION_DEADLINE_MS, POPUP_PATIENCE } from './patience';
import { createSingleFlight } from './single-flight';
import { tabSupportStatus } from './status';

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

type PortalOperations = {
  [T in PortalMessageType]: (request: PortalRequest<T>) => Promise<ResponseOf<T>>;
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
  };

  const operations: PortalOperations = {
    'support-status': ({ tabId, refresh }) => tabSupportStatus(context, tabId, refresh),
    'lookup-manual': ({ query }) => lookupManual(context, query),
    'get-cart': () => getCart(context),
    'add-renewal': (order) => addRenewal(context, order),
    'remove-cart-line': ({ lineId }) => removeCartLine(context, lineId),
    'add-all-expired': ({ tabId, credits }) => addAllExpired(context, tabId, credits),
    'save-quote': () => saveQuote(context),
    'open-portal': ({ page }) => openPortal(context, page),
    'get-account': () => account(context),
    'get-settings': () => popupSettings(tokens, hasAccess),
  };

  // Two layers of joining, on purpose. Here identical requests join from the moment they
  // arrive, before the connection is even resolved: a double click is one operation however
  // slow storage or the portal is. Inside, each portal call joins again per credential
  // (portalCall in ./context.ts), which is what lets different messages share one call (an
  // `add-all-expired` and a click on one of its rows, two tabs' status with one lookup) and
  // keeps a call made for one user from answering another.
  const service: Partial<Record<PortalMessageType, (request?: object) => Promise<unknown>>> = {};
  for (const type of portalMessageTypes) {
    const run = operations[type] as (request: object) => Promise<unknown>;
    service[type] = NOT_JOINED.has(type)
      ? (request = {}) => run(request)
      : (request = {}) => context.flights.run(flightKey(type, { ...request }), () => run(request));
  }
  return service as PortalService;
}

async function openPortal(
  context: PortalContext,
  page: PortalPage,
): Promise<PortalResult<PortalPageOpened>> {
  // No connection needed: the sign-in page is exactly what a signed-out user wants.
  const { settings } = await loadSettings();
  // Session answers are cached per portal, not per user (the cookie is the browser's);
  // whoever signs in next must not see the previous user's deployments.
  if (page === 'signin') await context.cache.forgetAll();
  const url = portalPageUrl(settings.portalBaseUrl, page);
  const tab = await browser.tabs.create({ url });
  return { ok: true, value: tab.id === undefined ? { url } : { url, tabId: tab.id } };
}

function account(context: PortalContext): Promise<PortalResult<PortalAccount>> {
  return withConnection(context, async (connection) => {
    const { client, portal, settings } = connection;
    const me = await portalCall(context, connection, flightKey('get-account'), () => client.me());
    if (!me.ok) return me;
    return { ok: true, value: { portal, signInMethod: settings.signInMethod, me: me.value } };
  });
}

async function popupSettings(
  tokens: Pick<TokenStore, 'hasToken'>,
  hasAccess: (origin: string) => Promise<boolean>,
): Promise<PortalResult<PopupSettings>> {
  const { settings } = await loadSettings();
  const origin = portalOrigin(settings.portalBaseUrl);
  const [saved, access] = await Promise.all([
    tokens.hasToken(),
    hasAccess(origin).catch(() => false),
  ]);
  return {
    ok: true,
    value: {
      portal: { baseUrl: settings.portalBaseUrl, origin },
      signInMethod: settings.signInMethod,
      hasToken: saved,
      portalAccess: access,
      creditsChoice: settings.creditsChoice,
      expiringSoonDays: settings.expiringSoonDays,
      highlights: settings.highlights,
    },
  };
}

let shared: PortalService | undefined;

/** The service the background's handlers use: one per service-worker lifetime. */
export function defaultPortalService(): PortalService {
  shared ??= createPortalService();
  return shared;
}
