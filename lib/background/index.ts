// What the background entrypoint wires up. Each call registers listeners synchronously, as
// a Manifest V3 service worker must, so a restarted worker hears the event that woke it.
import { browser } from 'wxt/browser';
import { createMessageRouter } from '../messaging/router';
import { recordUnreadable } from './detections';
import { backgroundHandlers } from './handlers';

export { offerLookupOnSelection } from './context-menu';
export { broadcastHighlightChanges } from './highlights';
export { watchTabLifecycle } from './navigation';

export function listenForMessages(): void {
  browser.runtime.onMessage.addListener(
    createMessageRouter(backgroundHandlers, {
      self: () => ({ id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') }),
      malformed: { detections: recordUnreadable },
    }),
  );
}
