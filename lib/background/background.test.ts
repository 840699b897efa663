// The background's behaviour through its message handlers and browser events, on WXT's
// in-memory fake browser.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ReportedIdentifier } from '../messaging/content-protocol';
import type { ContentFrame } from '../messaging/sender';
import { wholeReport } from '../messaging/testing/reports';
import { updateSettings } from '../settings';
import { backgroundHandlers } from './handlers';
import { broadcastHighlightChanges } from './highlights';
import { watchTabLifecycle } from './navigation';
import { tabResultsKey } from './tab-state';

const deployment = (value: string, count = 1): ReportedIdentifier => ({
  kind: 'deployment',
  value,
  count,
});
const serial = (value: string, count = 1): ReportedIdentifier => ({ kind: 'serial', value, count });

const frame = (tabId: number, frameId = 0, documentId?: string): ContentFrame => ({
  tabId,
  frameId,
  url: `https://helpdesk.example/ticket/${tabId}/${frameId}`,
  ...(documentId === undefined ? {} : { documentId }),
});

function report(frameOf: ContentFrame, identifiers: ReportedIdentifier[], truncated = false) {
  return backgroundHandlers.detections(wholeReport(identifiers, { truncated }), frameOf);
}

async function results(tabId: number) {
  const answer = await backgroundHandlers['get-tab-results'](
    { type: 'get-tab-results', tabId },
    { pageUrl: 'chrome-extension://test-extension-id/popup.html' },
  );
  if (!answer.ok) throw new Error(answer.error.kind);
  return answer.value;
}

const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reports and results', () => {
  test('a report is stored per frame, counted on the badge, and answered with highlights', async () => {
    await expect(report(frame(3), [deployment('14181336'), serial('VS0164AB')])).resolves.toEqual({
      highlights: true,
      received: 'report',
    });
    expect(await badge(3)).toBe('2');
    expect(await results(3)).toMatchObject({
      tabId: 3,
      scanned: true,
      frameCount: 1,
      truncated: false,
      pageUrl: 'https://helpdesk.example/ticket/3/0',
      identifiers: [
        { kind: 'deployment', value: '14181336', count: 1 },
        { kind: 'serial', value: 'VS0164AB', count: 1 },
      ],
    });
  });

  test('frames are aggregated: each identifier once, occurrences summed, truncation from any frame', async () => {
    await report(frame(3, 0), [deployment('14181336', 2), serial('VS0164AB')]);
    await report(frame(3, 7), [deployment('14181336'), deployment('85922823')], true);
    const tab = await results(3);
    expect(tab.identifiers).toEqual([
      { kind: 'deployment', value: '14181336', count: 3 },
      { kind: 'deployment', value: '85922823', count: 1 },
      { kind: 'serial', value: 'VS0164AB', count: 1 },
    ]);
    expect(tab.truncated).toBe(true);
    expect(tab.frameCount).toBe(2);
    expect(await badge(3)).toBe('3');
  });

  test("a frame's new report replaces its old one; other frames keep theirs", async () => {
    await report(frame(3, 0), [deployment('14181336')]);
    await report(frame(3, 1), [serial('VS0164AB')]);
    await report(frame(3, 0), []);
    expect((await results(3)).identifiers).toEqual([
      { kind: 'serial', value: 'VS0164AB', count: 1 },
    ]);
    expect(await badge(3)).toBe('1');
  });

  test('an empty report clears the badge but marks the tab scanned', async () => {
    await report(frame(4), []);
    expect(await badge(4)).toBe('');
    expect(await results(4)).toMatchObject({ scanned: true, identifiers: [] });
  });

  test('concurrent reports from many frames all land', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        report(frame(5, i), [deployment(String(20_000_000 + i))]),
      ),
    );
    expect((await results(5)).identifiers).toHaveLength(12);
    expect(await badge(5)).toBe('12');
  });

  test('tabs are kept apart', async () => {
    await report(frame(1), [deployment('14181336')]);
    await report(frame(2), [serial('VS0164AB'), serial('FX22090041')]);
    expect(await badge(1)).toBe('1');
    expect(await badge(2)).toBe('2');
    expect((await results(1)).identifiers).toHaveLength(1);
  });

  test('a tab nobody reported on is not scanned', async () => {
    expect(await results(42)).toEqual({
      tabId: 42,
      scanned: false,
      identifiers: [],
      truncated: false,
      capped: false,
      unreadable: false,
      frameCount: 0,
    });
  });

  test('results live in storage.session, so a restarted service worker still has them', async () => {
    await report(frame(6), [deployment('14181336')]);
    const stored = await fakeBrowser.storage.session.get(tabResultsKey(6));
    expect(stored[tabResultsKey(6)]).toBeDefined();
    vi.resetModules();
    const fresh = await import('./handlers');
    const answer = await fresh.backgroundHandlers['get-tab-results'](
      { type: 'get-tab-results', tabId: 6 },
      { pageUrl: 'chrome-extension://test-extension-id/popup.html' },
    );
    expect(answer.ok && answer.value.identifiers).toEqual([
      { kind: 'deployment', value: '14181336', count: 1 },
    ]);
  });
});

describe('tab lifecycle', () => {
  test('closing a tab drops its results', async () => {
    watchTabLifecycle();
    const tabId = 12;
    await report(frame(tabId), [deployment('14181336')]);
    await report(frame(13), [deployment('14181336')]);
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect((await results(tabId)).scanned).toBe(false));
    expect((await results(13)).scanned).toBe(true);
  });

  test('after a load completes, frames whose documents are gone are dropped and the badge follows', async () => {
    watchTabLifecycle();
    const sendMessage = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(async (_tabId: number, _message: unknown, options?: unknown) => {
        const { documentId } = options as { documentId?: string };
        if (documentId === 'OLD-SUB') {
          throw new Error('Could not establish connection. Receiving end does not exist.');
        }
        return undefined;
      });
    await report(frame(8, 0, 'TOP'), [deployment('14181336')]);
    await report(frame(8, 3, 'OLD-SUB'), [serial('VS0164AB')]);
    expect(await badge(8)).toBe('2');

    await fakeBrowser.tabs.onUpdated.trigger(8, { status: 'complete' }, {} as never);
    await vi.waitFor(async () => expect(await badge(8)).toBe('1'));
    expect((await results(8)).identifiers).toEqual([
      { kind: 'deployment', value: '14181336', count: 1 },
    ]);
    expect(sendMessage).toHaveBeenCalledWith(
      8,
      { type: 'set-highlights', enabled: true },
      { documentId: 'TOP' },
    );
  });

  test('navigating to a page without our script clears everything', async () => {
    watchTabLifecycle();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await report(frame(9, 0, 'DOC'), [deployment('14181336'), serial('VS0164AB')]);
    await fakeBrowser.tabs.onUpdated.trigger(9, { status: 'complete' }, {} as never);
    await vi.waitFor(async () => expect(await badge(9)).toBe(''));
    expect((await results(9)).scanned).toBe(false);
  });

  test('an in-page route change (the document answers) keeps the results', async () => {
    watchTabLifecycle();
    // A listener that does not reply: Chrome's wording when the receiver exists.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('The message port closed before a response was received.'),
    );
    await report(frame(10, 0, 'DOC'), [deployment('14181336')]);
    await fakeBrowser.tabs.onUpdated.trigger(10, { status: 'loading' }, {} as never);
    await fakeBrowser.tabs.onUpdated.trigger(10, { status: 'complete' }, {} as never);
    await new Promise((done) => setTimeout(done, 20));
    expect(await badge(10)).toBe('1');
    expect((await results(10)).scanned).toBe(true);
  });

  test('a new top document drops the old page’s frames that are gone', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(
      async (_tabId: number, _message: unknown, options?: unknown) => {
        const { documentId } = options as { documentId?: string };
        if (documentId?.startsWith('OLD')) throw new Error('Receiving end does not exist.');
        return undefined;
      },
    );
    await report(frame(11, 0, 'OLD-TOP'), [deployment('14181336')]);
    await report(frame(11, 2, 'OLD-FRAME'), [serial('VS0164AB')]);
    await report(frame(11, 0, 'NEW-TOP'), [deployment('85922823')]);
    await vi.waitFor(async () =>
      expect((await results(11)).identifiers).toEqual([
        { kind: 'deployment', value: '85922823', count: 1 },
      ]),
    );
    expect(await badge(11)).toBe('1');
  });
});

describe('highlights', () => {
  test('the setting is read from and written to the settings', async () => {
    const context = { pageUrl: 'chrome-extension://test-extension-id/popup.html' };
    await expect(
      backgroundHandlers['get-highlights']({ type: 'get-highlights' }, context),
    ).resolves.toEqual({ ok: true, value: { enabled: true } });
    await expect(
      backgroundHandlers['set-highlights']({ type: 'set-highlights', enabled: false }, context),
    ).resolves.toEqual({ ok: true, value: { enabled: false } });
    await expect(report(frame(3), [])).resolves.toEqual({
      highlights: false,
      received: 'report',
    });
  });

  test('a change from any page is sent to every tab with results', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await report(frame(21), [deployment('14181336')]);
    await report(frame(22), []);
    broadcastHighlightChanges();
    await updateSettings({ highlights: false });
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(2));
    expect(sendMessage).toHaveBeenCalledWith(21, { type: 'set-highlights', enabled: false });
    expect(sendMessage).toHaveBeenCalledWith(22, { type: 'set-highlights', enabled: false });
  });

  test('a tab that cannot be reached does not stop the others', async () => {
    const sendMessage = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(async (tabId: number) => {
        if (tabId === 31) throw new Error('Receiving end does not exist.');
        return undefined;
      });
    await report(frame(31), []);
    await report(frame(32), []);
    broadcastHighlightChanges();
    await updateSettings({ highlights: false });
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith(32, expect.anything()));
  });

  test('a frame holding its highlights back marks the tab until it reports them shown', async () => {
    const held = (frameOf: ContentFrame) =>
      backgroundHandlers.detections(
        wholeReport([deployment('14181336')], { highlightsHeld: true }),
        frameOf,
      );
    await report(frame(41, 0), [deployment('14181336')]);
    expect(await results(41)).not.toHaveProperty('highlightsHeld');
    await held(frame(41, 3));
    expect(await results(41)).toMatchObject({ highlightsHeld: true, frameCount: 2 });
    await report(frame(41, 3), [deployment('14181336')]);
    expect(await results(41)).not.toHaveProperty('highlightsHeld');
  });

  test('showing held highlights tells that tab’s frames, and only that tab', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const context = { pageUrl: 'chrome-extension://test-extension-id/popup.html' };
    await expect(
      backgroundHandlers['show-held-highlights'](
        { type: 'show-held-highlights', tabId: 42 },
        context,
      ),
    ).resolves.toEqual({ ok: true, value: { tabId: 42 } });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith(42, { type: 'show-held-highlights' });
  });
});
