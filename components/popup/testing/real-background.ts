// The popup against the real background handlers on WXT's fake browser: its messages go
// through the background's own router with the sender a popup has, and a tab's page reports
// through the background's detections handler, as a content script would.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundHandlers } from '@/lib/background/handlers';
import type { ReportedIdentifier } from '@/lib/messaging/content-protocol';
import { createMessageRouter } from '@/lib/messaging/router';
import { wholeReport } from '@/lib/messaging/testing/reports';

/** A page the content script can read: what the popup's probe of each frame answers. */
export const readablePage = () => [{ frameId: 0, result: 'text/html' }];

/** Routes the popup's messages to the background; `scan` answers its script injections. */
export function routePopupToBackground(scan: () => unknown = readablePage) {
  const route = createMessageRouter(backgroundHandlers, {
    self: () => ({ id: fakeBrowser.runtime.id, baseUrl: fakeBrowser.runtime.getURL('/') }),
    log: { warn: () => undefined, error: () => undefined },
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
    async (message: unknown) =>
      route(message, {
        id: fakeBrowser.runtime.id,
        url: fakeBrowser.runtime.getURL('/popup.html'),
      }) as never,
  );
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async () => scan() as never);
}

/** What the tab's top frame would report, through the background's handler. */
export function pageReports(
  tabId: number,
  identifiers: ReportedIdentifier[],
  options: Parameters<typeof wholeReport>[1] = {},
  url = 'https://helpdesk.example/tickets/42',
) {
  return backgroundHandlers.detections(wholeReport(identifiers, options), {
    tabId,
    frameId: 0,
    url,
  });
}
