// The one map of every message the background accepts: its type, who may send it, and the
// schema its body must match. Adding a message means adding a line here, a response type in
// `ResponseMap`, and a handler (the router's types insist on all three).
import type { z } from 'zod/mini';
import type { DetectionsReply } from './content-protocol';
import type {
  Cart,
  ExpiredAdded,
  ManualLookup,
  PopupSettings,
  PortalAccount,
  PortalPageOpened,
  PortalResult,
  QuoteSaved,
  RenewalAdded,
  TabSupportStatus,
} from './portal-results';
import type {
  BackgroundError,
  HeldHighlightsShown,
  HighlightsState,
  Result,
  ScanStarted,
  TabResults,
} from './results';
import {
  addAllExpiredSchema,
  addRenewalSchema,
  detectionsReportSchema,
  getAccountSchema,
  getCartSchema,
  getHighlightsSchema,
  getSettingsSchema,
  getTabResultsSchema,
  lookupManualSchema,
  openPortalSchema,
  removeCartLineSchema,
  saveQuoteSchema,
  scanTabSchema,
  setHighlightsSchema,
  showHeldHighlightsSchema,
  supportStatusSchema,
} from './schemas';

/**
 * `content`: a content script, only about its own tab and frame (the sender says which).
 * `extension`: the extension's own pages (popup, options, pop-out window); privileged.
 */
export type Audience = 'content' | 'extension';

export const messageProtocol = {
  detections: { from: 'content', schema: detectionsReportSchema },
  'get-tab-results': { from: 'extension', schema: getTabResultsSchema },
  'scan-tab': { from: 'extension', schema: scanTabSchema },
  'get-highlights': { from: 'extension', schema: getHighlightsSchema },
  'set-highlights': { from: 'extension', schema: setHighlightsSchema },
  /** `{ tabId }` → tells the tab's frames to show the highlights they held back. */
  'show-held-highlights': { from: 'extension', schema: showHeldHighlightsSchema },

  // The partner portal (lib/background/portal). Every portal call is made by the background,
  // with the user's portal session or token; only the extension's own pages may ask.

  /**
   * `{ tabId, refresh?, items? }` → the support status of every identifier detected on the
   * tab (or of `items`, at most 100 of them, in that order: the popup asks a page at a time
   * to show progress), looked up in one portal request per 100 identifiers (cached for a
   * minute; `refresh` skips the cache), each planned with planRenewal against the user's
   * local today.
   */
  'support-status': { from: 'extension', schema: supportStatusSchema },
  /**
   * `{ query }` → deployments matching what the user typed, like the portal's wizard:
   * 8 digits look up that deployment, a serial-shaped value looks up that serial (falling
   * back to a name search when no serial matches), anything else searches names and numbers.
   */
  'lookup-manual': { from: 'extension', schema: lookupManualSchema },
  /** `{}` → the user's portal cart (lines, total, version). */
  'get-cart': { from: 'extension', schema: getCartSchema },
  /**
   * `{ deploymentId, quantity, credits }` → puts the deployment's renewal line (the portal's
   * idempotent PUT). Identical requests in flight share one call: a double click is one PUT.
   */
  'add-renewal': { from: 'extension', schema: addRenewalSchema },
  /** `{ lineId }` → removes a cart line; answers the cart after the removal. */
  'remove-cart-line': { from: 'extension', schema: removeCartLineSchema },
  /**
   * `{ tabId, credits, deploymentIds? }` → puts a line for every expired deployment found on
   * the tab (or among `deploymentIds`, at most 20: the popup sends batches to show
   * progress), each with its catch-up quantity; deployments already in the cart are left
   * alone.
   */
  'add-all-expired': { from: 'extension', schema: addAllExpiredSchema },
  /** `{}` → saves the cart as a quote (the portal empties the cart). */
  'save-quote': { from: 'extension', schema: saveQuoteSchema },
  /** `{ page: 'signin' | 'cart' | 'quotes' }` → opens that portal page in a new tab. */
  'open-portal': { from: 'extension', schema: openPortalSchema },
  /** `{}` → who the portal says the user is (signed-out when not signed in). */
  'get-account': { from: 'extension', schema: getAccountSchema },
  /** `{}` → the settings the popup uses (credits default, expiring threshold, portal). */
  'get-settings': { from: 'extension', schema: getSettingsSchema },
} as const satisfies Record<string, { from: Audience; schema: z.ZodMiniType }>;

export interface ResponseMap {
  detections: DetectionsReply;
  'get-tab-results': Result<TabResults, BackgroundError>;
  'scan-tab': Result<ScanStarted, BackgroundError>;
  'get-highlights': Result<HighlightsState, BackgroundError>;
  'set-highlights': Result<HighlightsState, BackgroundError>;
  'show-held-highlights': Result<HeldHighlightsShown, BackgroundError>;
  'support-status': PortalResult<TabSupportStatus>;
  'lookup-manual': PortalResult<ManualLookup>;
  'get-cart': PortalResult<Cart>;
  'add-renewal': PortalResult<RenewalAdded>;
  'remove-cart-line': PortalResult<Cart>;
  'add-all-expired': PortalResult<ExpiredAdded>;
  'save-quote': PortalResult<QuoteSaved>;
  'open-portal': PortalResult<PortalPageOpened>;
  'get-account': PortalResult<PortalAccount>;
  'get-settings': PortalResult<PopupSettings>;
}

type Protocol = typeof messageProtocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['schema']>;
export type ResponseOf<T extends MessageType> = ResponseMap[T];
export type AudienceOf<T extends MessageType> = Protocol[T]['from'];

export type ContentMessageType = {
  [T in MessageType]: AudienceOf<T> extends 'content' ? T : never;
}[MessageType];
export type ExtensionMessageType = Exclude<MessageType, ContentMessageType>;
/** Any request an extension page may send, e.g. `{ type: 'scan-tab', tabId: 7 }`. */
export type ExtensionRequest = { [T in ExtensionMessageType]: RequestOf<T> }[ExtensionMessageType];
