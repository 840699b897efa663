// The one map of every message the background accepts: its type, who may send it, the schema
// its body must match and the type of its answer. Every other list of messages (answers,
// portal messages, the portal service's methods and handlers) is derived from it; adding a
// message means a line here and its handler, or for a `portal: true` line its portal
// operation (the router's and the portal service's types insist on it).
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

interface MessageSpec {
  from: Audience;
  schema: z.ZodMiniType;
  /** Only a type: what the handler answers (see `answer`). */
  answer: unknown;
  /** Served by the portal service (lib/background/portal), one method per message. */
  portal?: true;
}

/** Names the answer's type on a table line; the value itself is never read. */
function answer<T>(): T {
  return undefined as T;
}

export const messageProtocol = {
  detections: {
    from: 'content',
    schema: detectionsReportSchema,
    answer: answer<DetectionsReply>(),
  },
  'get-tab-results': {
    from: 'extension',
    schema: getTabResultsSchema,
    answer: answer<Result<TabResults, BackgroundError>>(),
  },
  'scan-tab': {
    from: 'extension',
    schema: scanTabSchema,
    answer: answer<Result<ScanStarted, BackgroundError>>(),
  },
  'get-highlights': {
    from: 'extension',
    schema: getHighlightsSchema,
    answer: answer<Result<HighlightsState, BackgroundError>>(),
  },
  'set-highlights': {
    from: 'extension',
    schema: setHighlightsSchema,
    answer: answer<Result<HighlightsState, BackgroundError>>(),
  },
  /** `{ tabId }` → tells the tab's frames to show the highlights they held back. */
  'show-held-highlights': {
    from: 'extension',
    schema: showHeldHighlightsSchema,
    answer: answer<Result<HeldHighlightsShown, BackgroundError>>(),
  },

  // The partner portal (lib/background/portal). Every portal call is made by the background,
  // with the user's portal session or token; only the extension's own pages may ask. Each
  // line is served by the portal operation of its name (`PortalOperations`).

  /**
   * `{ tabId, refresh?, items? }` → the support status of every identifier detected on the
   * tab (or of `items`, at most 100 of them, in that order: the popup asks a page at a time
   * to show progress), looked up in one portal request per 100 identifiers (cached for a
   * minute; `refresh` skips the cache), each planned with planRenewal against the user's
   * local today.
   */
  'support-status': {
    from: 'extension',
    schema: supportStatusSchema,
    answer: answer<PortalResult<TabSupportStatus>>(),
    portal: true,
  },
  /**
   * `{ query }` → deployments matching what the user typed, like the portal's wizard:
   * 8 digits look up that deployment, a serial-shaped value looks up that serial (falling
   * back to a name search when no serial matches), anything else searches names and numbers.
   */
  'lookup-manual': {
    from: 'extension',
    schema: lookupManualSchema,
    answer: answer<PortalResult<ManualLookup>>(),
    portal: true,
  },
  /** `{}` → the user's portal cart (lines, total, version). */
  'get-cart': {
    from: 'extension',
    schema: getCartSchema,
    answer: answer<PortalResult<Cart>>(),
    portal: true,
  },
  /**
   * `{ deploymentId, quantity, credits }` → puts the deployment's renewal line (the portal's
   * idempotent PUT). Identical requests in flight share one call: a double click is one PUT.
   */
  'add-renewal': {
    from: 'extension',
    schema: addRenewalSchema,
    answer: answer<PortalResult<RenewalAdded>>(),
    portal: true,
  },
  /** `{ lineId }` → removes a cart line; answers the cart after the removal. */
  'remove-cart-line': {
    from: 'extension',
    schema: removeCartLineSchema,
    answer: answer<PortalResult<Cart>>(),
    portal: true,
  },
  /**
   * `{ tabId, credits, deploymentIds? }` → puts a line for every expired deployment found on
   * the tab (or among `deploymentIds`, at most 20: the popup sends batches to show
   * progress), each with its catch-up quantity; deployments already in the cart are left
   * alone.
   */
  'add-all-expired': {
    from: 'extension',
    schema: addAllExpiredSchema,
    answer: answer<PortalResult<ExpiredAdded>>(),
    portal: true,
  },
  /** `{}` → saves the cart as a quote (the portal empties the cart). */
  'save-quote': {
    from: 'extension',
    schema: saveQuoteSchema,
    answer: answer<PortalResult<QuoteSaved>>(),
    portal: true,
  },
  /** `{ page: 'signin' | 'cart' | 'quotes' }` → opens that portal page in a new tab. */
  'open-portal': {
    from: 'extension',
    schema: openPortalSchema,
    answer: answer<PortalResult<PortalPageOpened>>(),
    portal: true,
  },
  /** `{}` → who the portal says the user is (signed-out when not signed in). */
  'get-account': {
    from: 'extension',
    schema: getAccountSchema,
    answer: answer<PortalResult<PortalAccount>>(),
    portal: true,
  },
  /** `{}` → the settings the popup uses (credits default, expiring threshold, portal). */
  'get-settings': {
    from: 'extension',
    schema: getSettingsSchema,
    answer: answer<PortalResult<PopupSettings>>(),
    portal: true,
  },
} as const satisfies Record<string, MessageSpec>;

type Protocol = typeof messageProtocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['schema']>;
export type ResponseOf<T extends MessageType> = Protocol[T]['answer'];
export type AudienceOf<T extends MessageType> = Protocol[T]['from'];

export type ContentMessageType = {
  [T in MessageType]: AudienceOf<T> extends 'content' ? T : never;
}[MessageType];
export type ExtensionMessageType = Exclude<MessageType, ContentMessageType>;
/** Any request an extension page may send, e.g. `{ type: 'scan-tab', tabId: 7 }`. */
export type ExtensionRequest = { [T in ExtensionMessageType]: RequestOf<T> }[ExtensionMessageType];

/** The messages the background's portal service answers (`portal: true` in the table). */
export type PortalMessageType = {
  [T in MessageType]: Protocol[T] extends { portal: true } ? T : never;
}[MessageType];
/** A portal message's body without its `type`: what the portal service's method takes. */
export type PortalRequest<T extends PortalMessageType> = Omit<RequestOf<T>, 'type'>;

export const portalMessageTypes = (Object.keys(messageProtocol) as MessageType[]).filter(
  (type): type is PortalMessageType => 'portal' in messageProtocol[type],
);
