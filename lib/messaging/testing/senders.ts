// Senders for router tests: the extension itself, its popup, and a content script in tab 5.
import type { MessageSender } from '../sender';

export const self = () => ({ id: 'scout-id', baseUrl: 'chrome-extension://scout-id/' });

export const popup: MessageSender = {
  id: 'scout-id',
  url: 'chrome-extension://scout-id/popup.html',
};

export function contentScriptIn(frameId: number): MessageSender {
  return {
    id: 'scout-id',
    url: 'https://helpdesk.example/ticket/1',
    tab: { id: 5 } as MessageSender['tab'],
    frameId,
  };
}
