// The background's portal service: everything the popup may ask of the partner portal.
// Built with its dependencies so tests can give it a scripted fetch, fixed clocks and a
// token store of their own; the extension uses `defaultPortalService()`.
import { browser } from 'wxt/browser';
import type {
  Cart,
  CreditsOption,
  ExpiredAdded,
  ManualLookup,
  PopupSettings,
  PortalAccount,
  PortalPage,
  PortalPageOpened,
  PortalResult,
  QuoteSaved,
  RenewalAdded,
  TabSupportStatus,
} from '../../messaging/portal-results';
import type { PortalClientOptions } from '../../portal/client';
import type { LookupItem } from '../../portal/schemas';
import { type IsoDate, localToday } from '../../renewal';
import { loadSettings } from '../../settings';
import { portalOrigin } from '../../settings/portal-url';
import { getToken, hasToken, type TokenStore } from '../../settings/token';
import { hasSiteAccess } from '../../sites/access';
import { addRenewal, getCart, type RenewalOrder, removeCartLine, saveQuote } from './cart';
import { createConnector } from './connection';
import { type PortalContext, portalCall } from './context';
import { addAllExpired } from './expired';
import { createLookupCache, DEFAULT_LOOKUP_TTL_MS, itemKey } from './lookup-cache';
import { lookupManual } from './manual';
import { portalPageUrl } from './pages';
import { ACTION_DEADLINE_MS, POPUP_PATIENCE } from './patience';
import { createSingleFlight } from './single-flight';
import { tabSupportStatus } from './status';

export interface PortalService {
  supportStatus(
    tabId: number,
    refresh?: boolean,
    items?: readonly LookupItem[],
  ): Promise<PortalResult<TabSupportStatus>>;
  lookupManual(query: string): Promise<PortalResult<ManualLookup>>;
  getCart(): Promise<PortalResult<Cart>>;
  addRenewal(order: RenewalOrder): Promise<PortalResult<RenewalAdded>>;
  removeCartLine(lineId: string): Promise<PortalResult<Cart>>;
  addAllExpired(
    tabId: number,
    credits: CreditsOption,
    deploymentIds?: readonly string[],
  ): Promise<PortalResult<ExpiredAdded>>;
  saveQuote(): Promise<PortalResult<QuoteSaved>>;
  openPortal(page: PortalPage): Promise<PortalResult<PortalPageOpened>>;
  account(): Promise<PortalResult<PortalAccount>>;
  settings(): Promise<PortalResult<PopupSettings>>;
}

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

  // Identical requests join from the moment they arrive, before the connection is even
  // resolved: a double click is one operation however slow storage or the portal is.
  // (Portal calls made inside are joined again per credential, see ./context.ts.)
  const join = <T>(key: string, work: () => Promise<T>) =>
    context.flights.run(`request|${key}`, work);

  return {
    supportStatus: (tabId, refresh = false, items) =>
      join(`status|${tabId}|${refresh}|${items?.map(itemKey).join(',') ?? 'all'}`, () =>
        tabSupportStatus(context, tabId, refresh, items),
      ),
    lookupManual: (query) => join(`manual|${query}`, () => lookupManual(context, query)),
    getCart: () => join('cart', () => getCart(context)),
    addRenewal: (order) =>
      join(`renewal|${order.deploymentId}|${order.quantity}|${order.credits}`, () =>
        addRenewal(context, order),
      ),
    removeCartLine: (lineId) => join(`remove|${lineId}`, () => removeCartLine(context, lineId)),
    addAllExpired: (tabId, credits, deploymentIds) =>
      join(`expired|${tabId}|${credits}|${deploymentIds?.join(',') ?? 'all'}`, () =>
        addAllExpired(context, tabId, credits, deploymentIds),
      ),
    saveQuote: () => join('quote', () => saveQuote(context)),

    async openPortal(page) {
      // No connection needed: the sign-in page is exactly what a signed-out user wants.
      const { settings } = await loadSettings();
      // Session answers are cached per portal, not per user (the cookie is the browser's);
      // whoever signs in next must not see the previous user's deployments.
      if (page === 'signin') await context.cache.forgetAll();
      const url = portalPageUrl(settings.portalBaseUrl, page);
      const tab = await browser.tabs.create({ url });
      return { ok: true, value: tab.id === undefined ? { url } : { url, tabId: tab.id } };
    },

    async account() {
      const connected = await context.connect();
      if (!connected.ok) return connected;
      const { client, portal, settings } = connected.value;
      const me = await portalCall(context, connected.value, 'me', () => client.me());
      if (!me.ok) return me;
      return { ok: true, value: { portal, signInMethod: settings.signInMethod, me: me.value } };
    },

    async settings() {
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
    },
  };
}

let shared: PortalService | undefined;

/** The service the background's handlers use: one per service-worker lifetime. */
export function defaultPortalService(): PortalService {
  shared ??= createPortalService();
  return shared;
}
