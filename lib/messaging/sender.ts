// Who sent a message, decided from what the browser says about the sender, never from the
// message. Privileged requests come only from the extension's own pages; a content script
// may speak only about the tab and frame it runs in.
import type { Browser } from 'wxt/browser';

export type MessageSender = Browser.runtime.MessageSender & {
  /** Firefox only: `addon_child` for extension pages, `content_child` for content scripts. */
  envType?: string;
};

export interface ExtensionIdentity {
  /** `browser.runtime.id` */
  id: string;
  /** `browser.runtime.getURL('/')`, e.g. `chrome-extension://abc…/` */
  baseUrl: string;
}

export interface ContentFrame {
  tabId: number;
  frameId: number;
  url: string;
  /** Chrome's id of the frame's document: a new one means the frame navigated. */
  documentId?: string;
}

export type SenderRole =
  | { role: 'extension-page'; url: string }
  | ({ role: 'content' } & ContentFrame)
  | { role: 'rejected'; reason: string };

export function classifySender(sender: MessageSender, self: ExtensionIdentity): SenderRole {
  if (sender.id !== self.id) return { role: 'rejected', reason: 'another extension or a page' };
  const url = sender.url;
  if (typeof url !== 'string' || url === '') return { role: 'rejected', reason: 'no sender URL' };

  if (url.startsWith(self.baseUrl)) {
    // One of our pages. It may sit in a tab (the pop-out window, tests), but only as the
    // tab's top frame: we declare no web-accessible pages, so one of ours inside another
    // page's frame is not a context we trust.
    if (sender.envType === 'content_child') {
      return { role: 'rejected', reason: 'a content script claiming an extension URL' };
    }
    if (sender.origin !== undefined && `${sender.origin}/` !== self.baseUrl) {
      return { role: 'rejected', reason: 'origin does not match the extension' };
    }
    if (sender.tab !== undefined && sender.frameId !== 0) {
      return { role: 'rejected', reason: 'an extension page framed inside a tab' };
    }
    return { role: 'extension-page', url };
  }

  if (sender.envType !== undefined && sender.envType !== 'content_child') {
    return { role: 'rejected', reason: 'neither an extension page nor a content script' };
  }
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (typeof tabId !== 'number' || tabId < 0 || typeof frameId !== 'number' || frameId < 0) {
    return { role: 'rejected', reason: 'a content script outside any tab' };
  }
  return {
    role: 'content',
    tabId,
    frameId,
    url,
    ...(typeof sender.documentId === 'string' ? { documentId: sender.documentId } : {}),
  };
}
