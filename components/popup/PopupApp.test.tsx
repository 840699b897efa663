// The popup against the real background handlers on WXT's fake browser: its messages go
// through the same router, with the sender a popup has.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { recordUnreadable } from '@/lib/background/detections';
import { backgroundHandlers } from '@/lib/background/handlers';
import type { ReportedIdentifier } from '@/lib/messaging/content-protocol';
import { createMessageRouter } from '@/lib/messaging/router';
import { wholeReport } from '@/lib/messaging/testing/reports';
import { PopupApp } from './PopupApp';
import { mountInto } from './testing/render';

const TAB = 7;
let root: HTMLElement;
let scanAnswer: () => unknown;

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
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
  scanAnswer = () => [{ frameId: 0, result: 'text/html' }];
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(
    async () => scanAnswer() as never,
  );
});

afterEach(() => {
  render(null, root);
  root.remove();
});

const mount = (poppedOut = true) => mountInto(root, <PopupApp tabId={TAB} poppedOut={poppedOut} />);

/** What the tab's content script would send, through the background's handler. */
function pageReports(identifiers: ReportedIdentifier[], truncated = false) {
  return backgroundHandlers.detections(wholeReport(identifiers, { truncated }), {
    tabId: TAB,
    frameId: 0,
    url: 'https://helpdesk.example/tickets/42',
  });
}

const text = (selector: string) => root.querySelector(selector)?.textContent ?? '';
const values = () =>
  [...root.querySelectorAll('[data-testid="identifier"]')].map((node) => node.textContent);

describe('PopupApp', () => {
  test('scans its tab on open, says it is scanning, then shows the report live', async () => {
    await mount();
    await vi.waitFor(() =>
      expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({
        target: { tabId: TAB, allFrames: true },
        files: ['/content-scripts/content.js'],
      }),
    );
    await vi.waitFor(() => expect(text('[data-testid="scanning"]')).toBe('Scanning this page…'));

    await pageReports([
      { kind: 'serial', value: 'VS0164AB', count: 1 },
      { kind: 'deployment', value: '14181336', count: 2 },
    ]);
    await vi.waitFor(() => expect(values()).toEqual(['14181336', 'VS0164AB']));
    expect(text('[data-testid="summary"]')).toBe('2 identifiers on this page');
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Deployment IDs 1',
      'Serial numbers 1',
    ]);
    expect(text('.identifier-occurrences')).toBe('×2 on the page');
    expect(text('.page')).toBe('helpdesk.example');
  });

  test('shows the truncation notice', async () => {
    await pageReports([{ kind: 'deployment', value: '14181336', count: 1 }], true);
    await mount();
    await vi.waitFor(() => expect(text('[data-testid="truncated"]')).toContain('Scan truncated'));
  });

  test('a page with more than a page may list says how many it shows, and that there are more', async () => {
    await backgroundHandlers.detections(
      wholeReport([{ kind: 'deployment', value: '14181336', count: 1 }], { capped: true }),
      { tabId: TAB, frameId: 0, url: 'https://helpdesk.example/tickets/42' },
    );
    await mount();
    await vi.waitFor(() =>
      expect(text('[data-testid="capped"]')).toContain('Showing the first 1 of more'),
    );
    expect(values()).toEqual(['14181336']);
  });

  test('a report the background could not accept is named, with Scan again, not the empty state', async () => {
    const frame = { tabId: TAB, frameId: 0, url: 'https://helpdesk.example/tickets/42' };
    await recordUnreadable(frame, 'malformed "detections"');
    await mount();
    await vi.waitFor(() =>
      expect(text('[data-testid="unreadable"]')).toContain('This page’s results could not be read'),
    );
    expect(root.querySelector('[data-testid="empty-state"]')).toBeNull();
    await vi.waitFor(() => expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledTimes(2));
    const rescan = [...root.querySelectorAll('[data-testid="unreadable"] button')].find(
      (b) => b.textContent === 'Scan again',
    ) as HTMLButtonElement;
    await act(() => rescan.click());
    // The page's next report replaces the unreadable one.
    await vi.waitFor(() => expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledTimes(4));
    await pageReports([{ kind: 'deployment', value: '14181336', count: 1 }]);
    await vi.waitFor(() => expect(values()).toEqual(['14181336']));
    expect(root.querySelector('[data-testid="unreadable"]')).toBeNull();
  });

  test('a page with none gets the empty state, which says what it looks for', async () => {
    await pageReports([]);
    await mount();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="empty-state"]')).not.toBeNull(),
    );
    expect(text('[data-testid="empty-state"]')).toContain('Deployment ID 14181336');
    expect(text('[data-testid="empty-state"]')).toContain('S/N VS0164AB');
    expect(root.querySelector('[data-testid="summary"]')).toBeNull();
  });

  test('a page that cannot be scanned is explained, with Try again', async () => {
    scanAnswer = () => {
      throw new Error('Cannot access a chrome:// URL');
    };
    await mount();
    await vi.waitFor(() => expect(text('[role="alert"]')).toContain('This page can’t be scanned'));
    scanAnswer = () => [{ frameId: 0, result: 'text/html' }];
    const retry = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Try again');
    await act(() => retry?.click());
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')).toBeNull());
    // The failed probe, then the probe and the injection of the retry.
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledTimes(3);
  });

  test('copy puts the value on the clipboard and announces it', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await pageReports([{ kind: 'deployment', value: '14181336', count: 1 }]);
    await mount();
    const copy = await vi.waitFor(() => {
      const button = root.querySelector<HTMLButtonElement>('button.copy');
      expect(button?.getAttribute('aria-label')).toBe('Copy deployment ID 14181336');
      return button as HTMLButtonElement;
    });
    await act(() => copy.click());
    expect(writeText).toHaveBeenCalledWith('14181336');
    await vi.waitFor(() => expect(text('[data-testid="announcer"]')).toBe('Copied 14181336'));
    expect(copy.textContent).toBe('Copied');
    vi.unstubAllGlobals();
  });

  test('the highlights switch saves the setting', async () => {
    await mount();
    const toggle = await vi.waitFor(() => {
      const button = root.querySelector<HTMLButtonElement>('[role="switch"]');
      expect(button?.getAttribute('aria-checked')).toBe('true');
      expect(button?.disabled).toBe(false);
      return button as HTMLButtonElement;
    });
    await act(() => toggle.click());
    await vi.waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    const stored = await fakeBrowser.storage.local.get('settings');
    expect((stored.settings as { highlights: boolean }).highlights).toBe(false);
  });

  test('the pop-out button is offered in the toolbar popup only', async () => {
    await mount(false);
    expect(root.querySelector('[aria-label="Open in its own window"]')).not.toBeNull();
    render(null, root);
    await mount(true);
    expect(root.querySelector('[aria-label="Open in its own window"]')).toBeNull();
  });
});
