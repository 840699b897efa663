import { describe, expect, test } from 'vitest';
import { classifySender, type MessageSender } from './sender';

const self = { id: 'scout-id', baseUrl: 'chrome-extension://scout-id/' };
const tab = (id: number) => ({ id }) as MessageSender['tab'];

describe('extension pages', () => {
  test('the action popup (no tab) is an extension page', () => {
    const sender: MessageSender = {
      id: 'scout-id',
      url: 'chrome-extension://scout-id/popup.html',
      origin: 'chrome-extension://scout-id',
    };
    expect(classifySender(sender, self)).toEqual({
      role: 'extension-page',
      url: 'chrome-extension://scout-id/popup.html',
    });
  });

  test('the popup opened in a tab or pop-out window (top frame) is an extension page', () => {
    const sender: MessageSender = {
      id: 'scout-id',
      url: 'chrome-extension://scout-id/popup.html?tabId=4',
      tab: tab(9),
      frameId: 0,
    };
    expect(classifySender(sender, self).role).toBe('extension-page');
  });

  test('Firefox: an addon_child page on the moz-extension origin', () => {
    const firefox = { id: 'scout@x', baseUrl: 'moz-extension://0a1b/' };
    const sender: MessageSender = {
      id: 'scout@x',
      url: 'moz-extension://0a1b/popup.html',
      envType: 'addon_child',
    };
    expect(classifySender(sender, firefox).role).toBe('extension-page');
  });

  test('one of our pages framed inside a web page is not trusted', () => {
    const sender: MessageSender = {
      id: 'scout-id',
      url: 'chrome-extension://scout-id/popup.html',
      tab: tab(9),
      frameId: 3,
    };
    expect(classifySender(sender, self).role).toBe('rejected');
  });
});

describe('spoofed senders', () => {
  test('another extension, even with our page URL, is rejected', () => {
    const sender: MessageSender = { id: 'evil-id', url: 'chrome-extension://scout-id/popup.html' };
    expect(classifySender(sender, self).role).toBe('rejected');
  });

  test('a prefix of our URL is not our origin', () => {
    const sender: MessageSender = {
      id: 'scout-id',
      url: 'chrome-extension://scout-idx/popup.html',
    };
    expect(classifySender(sender, self).role).toBe('rejected');
  });

  test('a URL on our origin with a different sender origin is rejected', () => {
    const sender: MessageSender = {
      id: 'scout-id',
      url: 'chrome-extension://scout-id/popup.html',
      origin: 'https://evil.example',
    };
    expect(classifySender(sender, self).role).toBe('rejected');
  });

  test('a content script (Firefox says so) claiming an extension URL is rejected', () => {
    const sender: MessageSender = {
      id: 'scout-id',
      url: 'chrome-extension://scout-id/popup.html',
      envType: 'content_child',
      tab: tab(2),
      frameId: 0,
    };
    expect(classifySender(sender, self).role).toBe('rejected');
  });

  test('no URL at all is rejected', () => {
    expect(classifySender({ id: 'scout-id' }, self).role).toBe('rejected');
  });
});

describe('content scripts', () => {
  test('a web page frame is a content sender, with tab and frame from the browser', () => {
    const sender: MessageSender = {
      id: 'scout-id',
      url: 'https://helpdesk.example/tickets/1',
      tab: tab(12),
      frameId: 4,
      documentId: 'DOC-1',
    };
    expect(classifySender(sender, self)).toEqual({
      role: 'content',
      tabId: 12,
      frameId: 4,
      url: 'https://helpdesk.example/tickets/1',
      documentId: 'DOC-1',
    });
  });

  test('a web page sender outside any tab is rejected', () => {
    const sender: MessageSender = { id: 'scout-id', url: 'https://helpdesk.example/' };
    expect(classifySender(sender, self).role).toBe('rejected');
  });

  test('Firefox: a non-content context on a web URL is rejected', () => {
    const sender: MessageSender = {
      id: 'scout-id',
      url: 'https://helpdesk.example/',
      envType: 'addon_child',
      tab: tab(1),
      frameId: 0,
    };
    expect(classifySender(sender, self).role).toBe('rejected');
  });
});
