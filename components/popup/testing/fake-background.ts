// A scripted background for popup component tests: it stands in at the messaging boundary
// (`browser.runtime.sendMessage`) only, so the popup's queries, mutations and components
// run as they do in the extension. Each message type answers from a handler the test sets.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { supportView } from '@/lib/background/portal/support-view';
import { supportRecord } from '@/lib/background/portal/testing/fake-portal';
import type {
  Cart,
  CartLine,
  IdentifierStatus,
  PopupSettings,
  PortalInfo,
  PortalResult,
  SupportView,
  TabSupportStatus,
} from '@/lib/messaging/portal-results';
import type { ExtensionMessageType, ResponseOf } from '@/lib/messaging/protocol';
import type { TabIdentifier } from '@/lib/messaging/results';

export const TODAY = '2026-11-26';
export const PORTAL: PortalInfo = { baseUrl: 'http://portal.test', origin: 'http://portal.test' };

type Handler<T extends ExtensionMessageType> = (
  request: { type: T } & Record<string, unknown>,
) => ResponseOf<T> | Promise<ResponseOf<T>>;
export type Handlers = { [T in ExtensionMessageType]?: Handler<T> };

/** A deployment's support as the background would answer it, planned against TODAY. */
export function view(
  id: string,
  expiresOn: string,
  serials: string[] = [],
  name = `Deployment ${id}`,
): SupportView {
  return supportView(supportRecord(id, expiresOn, serials, name), TODAY, 30);
}

export function found(identifier: TabIdentifier, support: SupportView): IdentifierStatus {
  return { ...identifier, found: true, ...support };
}

export function cartOf(lines: CartLine[]): Cart {
  const amount = lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0);
  return { lines, total: { amount, currency: 'USD' }, version: lines.length };
}

export function lineFor(support: SupportView, quantity = support.renewal?.quantity ?? 1): CartLine {
  return {
    id: `line-${support.deployment.id}`,
    sku: support.support.plan.sku,
    name: support.support.plan.name,
    deploymentId: support.deployment.id,
    quantity,
    unitPrice: support.support.unitPrice,
    credits: 'organization',
  };
}

/** The background's answer to `add-renewal` when the cart held nothing else. */
export function renewalAdded(support: SupportView, quantity?: number): ResponseOf<'add-renewal'> {
  const line = lineFor(support, quantity);
  return { ok: true, value: { line, cart: cartOf([line]) } };
}

export const SETTINGS: PopupSettings = {
  portal: PORTAL,
  signInMethod: 'token',
  hasToken: true,
  portalAccess: true,
  creditsChoice: 'organization',
  expiringSoonDays: 30,
  highlights: true,
};

/** The background's `support-status` answer for a tab: the portal's statuses, fetched now. */
export function supportStatusOf(
  tabId: number,
  identifiers: IdentifierStatus[],
): PortalResult<TabSupportStatus> {
  return {
    ok: true,
    value: {
      tabId,
      portal: SETTINGS.portal,
      today: TODAY,
      expiringSoonDays: 30,
      fetchedAt: Date.now(),
      identifiers,
    },
  };
}

/**
 * Installs the fake background for one tab showing `identifiers`. Returns the handlers (to
 * change per test) and every request the popup sent, in order.
 */
export function fakeBackground(tabId: number, identifiers: TabIdentifier[]) {
  const sent: ({ type: ExtensionMessageType } & Record<string, unknown>)[] = [];
  const handlers: Handlers = {
    'get-tab-results': () => ({
      ok: true,
      value: {
        tabId,
        scanned: true,
        identifiers,
        truncated: false,
        capped: false,
        unreadable: false,
        frameCount: 1,
      },
    }),
    'scan-tab': () => ({ ok: true, value: { frames: 1 } }),
    'get-highlights': () => ({ ok: true, value: { enabled: true } }),
    'get-settings': () => ({ ok: true, value: SETTINGS }),
    'get-cart': () => ({ ok: true, value: cartOf([]) }),
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const request = message as { type: ExtensionMessageType } & Record<string, unknown>;
    sent.push(request);
    const handler = handlers[request.type] as Handler<ExtensionMessageType> | undefined;
    if (!handler) throw new Error(`no handler for ${request.type}`);
    return handler(request as never) as never;
  });
  const sentOf = (type: ExtensionMessageType) => sent.filter((request) => request.type === type);
  return { handlers, sent, sentOf };
}

/** A promise the test settles by hand: a background that has not answered yet. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
