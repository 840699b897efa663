// The scout's line to the background, through the extension's runtime messaging.

import { browser } from 'wxt/browser';
import type { ScoutPort } from './frame-scout';

export function extensionPort(): ScoutPort {
  return {
    // Async so that a synchronous "Extension context invalidated" throw becomes a rejection.
    send: async (report) => browser.runtime.sendMessage(report),
    listen(onCommand) {
      const listener = (message: unknown) => {
        onCommand(message);
      };
      browser.runtime.onMessage.addListener(listener);
      return () => {
        try {
          browser.runtime.onMessage.removeListener(listener);
        } catch {
          // The context is gone, and the listener with it.
        }
      };
    },
    alive() {
      try {
        return Boolean(browser.runtime?.id);
      } catch {
        return false;
      }
    },
  };
}
