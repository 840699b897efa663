// What the background answers extension pages about the partner portal: support status,
// manual lookups, the cart and quotes. Types and a dependency-free constant (the portal types
// are `import type`), so the popup bundles none of the background's code or schemas.
import type { PortalError } from '../portal/errors';
import type {
  Cart,
  CartLine,
  CreditsOption,
  Deployment,
  Me,
  Product,
  Quote,
  Support,
} from '../portal/schemas';
import type { IsoDate, RenewalPlan } from '../renewal';
import type { BackgroundError, Result } from './results';

export type {
  Cart,
  CartLine,
  CreditsOption,
  Deployment,
  Me,
  Money,
  Product,
  Quote,
  Support,
} from '../portal/schemas';
export type { RenewalPlan } from '../renewal';

/** Why the background did not even ask the portal; each has its own wording in the popup. */
export type PortalSetupError =
  | {
      /** The token sign-in method is chosen but there is no usable token. */
      kind: 'not-configured';
      /** `no-token`: none saved. `token-unreadable`: saved but cannot be decrypted (paste again). */
      reason: 'no-token' | 'token-unreadable';
      detail?: string;
    }
  | {
      /** The browser has not given the extension access to the portal's origin. */
      kind: 'no-permission';
      /** e.g. `https://partners.example.com`: "Allow access to <origin> in Options". */
      origin: string;
    };

/**
 * A write whose answer was lost or unreadable, and the cart could not be read to check:
 * it may or may not have happened. The popup offers to check the cart.
 */
export interface PortalOutcomeUnknown {
  kind: 'outcome-unknown';
  /** What was asked of the portal. */
  operation: 'add-renewal' | 'remove-cart-line';
  /** The write's answer that could not be trusted (a timeout, a dropped connection, garbage). */
  cause: PortalError;
  /** Why the cart could not be read afterwards. */
  check: PortalServiceError;
}

/**
 * Every way a portal message can fail:
 * - a PortalError from the client (signed-out, forbidden, not-found, invalid-request with
 *   `fieldErrors`/`requiredQuantity`/`maxQuantity`, rate-limited with `retryAt`,
 *   portal-unavailable, unexpected-response; `cancelled` does not happen here),
 * - a PortalSetupError (not-configured, no-permission),
 * - outcome-unknown: a write not confirmed either way (see PortalOutcomeUnknown),
 * - a BackgroundError from the messaging layer (`invalid-request` without `status` when the
 *   message itself was malformed, `internal`, `background-unavailable`).
 * `describePortalServiceError` (./describe-portal-error.ts) turns each into a sentence.
 */
export type PortalServiceError =
  | PortalError
  | PortalSetupError
  | PortalOutcomeUnknown
  | BackgroundError;
export type PortalResult<T> = Result<T, PortalServiceError>;

/** Which portal answered: the popup names it and builds "Allow access to …" from it. */
export interface PortalInfo {
  /** The configured base URL, without a trailing slash. */
  baseUrl: string;
  origin: string;
}

/**
 * `expiring-soon`: still active, but the last covered day is within the user's threshold
 * (settings `expiringSoonDays`, default 30).
 */
export type SupportStanding = 'active' | 'expiring-soon' | 'expired';

/** One deployment's support as the portal knows it, planned against the user's today. */
export interface SupportView {
  deployment: Deployment;
  product: Product;
  /** Upper-case, sorted. */
  serials: string[];
  /** expiresOn (last covered day), plan {sku, name}, unitPrice (one 1-year package). */
  support: Support;
  /**
   * planRenewal(support.expiresOn, today): status, quantity, catchUpYears, newExpiresOn.
   * Null when coverage already runs to the calendar's end (e.g. 9999-12-31): nothing to renew.
   */
  renewal: RenewalPlan | null;
  standing: SupportStanding;
  /** Days from today to expiresOn: 0 on the last covered day, negative once expired. */
  daysLeft: number;
}

interface AskedIdentifier {
  kind: 'deployment' | 'serial';
  /** As detected: deployment IDs as 8 digits, serials upper-cased. */
  value: string;
  /** Occurrences on the tab. */
  count: number;
}

/** `found: false` also covers another organization's deployment (indistinguishable). */
export type IdentifierStatus =
  | (AskedIdentifier & { found: false })
  | (AskedIdentifier & { found: true } & SupportView);

/** Answer to `support-status`. */
export interface TabSupportStatus {
  tabId: number;
  portal: PortalInfo;
  /** The user's local calendar date the plans were made for. */
  today: IsoDate;
  expiringSoonDays: number;
  /** The tab's identifiers in the order of `get-tab-results` (deployments, then serials). */
  identifiers: IdentifierStatus[];
  /** Epoch ms of the oldest portal answer used (answers are cached for a minute). */
  fetchedAt: number;
}

/** How a manual query was read, like the portal's own wizard. */
export type ManualQueryKind = 'deployment' | 'serial' | 'name';

/** Answer to `lookup-manual`. */
export interface ManualLookup {
  /** The query as searched (trimmed). */
  query: string;
  searchedAs: ManualQueryKind;
  /** Deployments matching the query; empty when the portal knows none the user may see. */
  matches: SupportView[];
  /** The name search stopped at its limit: there may be more; refine the query. */
  more: boolean;
  portal: PortalInfo;
  today: IsoDate;
  expiringSoonDays: number;
}

/** Answer to `add-renewal`: the line as stored and the whole cart after the change. */
export interface RenewalAdded {
  line: CartLine;
  cart: Cart;
}

/** The most deployments one `add-all-expired` request names (the popup sends batches). */
export const MAX_EXPIRED_BATCH = 20;

/** Answer to `add-all-expired`. */
export interface ExpiredAdded {
  /** Lines put now, one per expired deployment of the tab. */
  added: CartLine[];
  /** Expired deployments that already had a cart line; left as they were. */
  alreadyInCart: string[];
  /** Deployments the portal refused (e.g. catch-up-required when its date differs from ours). */
  failed: { deploymentId: string; quantity: number; error: PortalServiceError }[];
  /** The cart after all of it. */
  cart: Cart;
}

/** Answer to `get-account`. */
export interface PortalAccount {
  portal: PortalInfo;
  signInMethod: 'session' | 'token';
  me: Me;
}

/** Answer to `get-settings`: what the popup needs from the options, never the token. */
export interface PopupSettings {
  portal: PortalInfo;
  signInMethod: 'session' | 'token';
  /** A token is saved (it may still be rejected by the portal). */
  hasToken: boolean;
  /** Whether the browser gives the extension access to the portal's origin. */
  portalAccess: boolean;
  creditsChoice: CreditsOption;
  expiringSoonDays: number;
  highlights: boolean;
}

export type PortalPage = 'signin' | 'cart' | 'quotes';

/** Answer to `open-portal`. */
export interface PortalPageOpened {
  url: string;
  tabId?: number;
}

/** Answer to `save-quote`. */
export type QuoteSaved = Quote;
