// Large sets end to end inside the background: report pages through the router (parsed as a
// content script's message), assembled per frame, recorded whole, capped, or refused.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { DetectionsReport, ReportedIdentifier } from '../messaging/content-protocol';
import { MAX_DISTINCT_IDENTIFIERS, REPORT_PAGE_SIZE } from '../messaging/report-limits';
import { createMessageRouter } from '../messaging/router';
import { contentScriptIn, self } from '../messaging/testing/senders';
import { paginate } from '../scan/report-pages';
import { recordUnreadable } from './detections';
import { backgroundHandlers } from './handlers';
import { MAX_REPORTS_IN_PROGRESS, reportsInProgress } from './report-assembly';
import { tabResultsKey } from './tab-state';

const TAB = 5;

const deployments = (n: number, from = 0): ReportedIdentifier[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'deployment',
    value: String(10_000_000 + from + i),
    count: 1,
  }));

const log = { warn: vi.fn(), error: vi.fn() };
let route: ReturnType<typeof createMessageRouter>;

beforeEach(() => {
  fakeBrowser.reset();
  route = createMessageRouter(backgroundHandlers, {
    self,
    log,
    malformed: { detections: recordUnreadable },
  });
});

const send = (page: unknown, frameId = 0) => route(page, contentScriptIn(frameId));

async function sendAll(pages: DetectionsReport[], frameId = 0) {
  const receipts: unknown[] = [];
  for (const page of pages)
    receipts.push(((await send(page, frameId)) as { received: string }).received);
  return receipts;
}

async function results() {
  const answer = await backgroundHandlers['get-tab-results'](
    { type: 'get-tab-results', tabId: TAB },
    { pageUrl: 'chrome-extension://scout-id/popup.html' },
  );
  if (!answer.ok) throw new Error(answer.error.kind);
  return answer.value;
}

const badge = () => fakeBrowser.action.getBadgeText({ tabId: TAB });
const flags = { truncated: false, capped: false };

describe('a report in pages', () => {
  test('is recorded whole when its last page arrives, and not before', async () => {
    await sendAll(paginate(1, deployments(3), flags));
    const pages = paginate(2, deployments(2_500, 100), flags);
    expect(pages).toHaveLength(3);
    expect(await send(pages[0])).toEqual({ highlights: true, received: 'page' });
    expect(await send(pages[1])).toEqual({ highlights: true, received: 'page' });
    // Half a set is never shown as the whole: the frame's previous set stands.
    expect((await results()).identifiers).toHaveLength(3);
    expect(await badge()).toBe('3');
    expect(await send(pages[2])).toEqual({ highlights: true, received: 'report' });
    const tab = await results();
    expect(tab.identifiers).toHaveLength(2_500);
    expect(tab.identifiers[0]?.value).toBe('10000100');
    expect(tab.capped).toBe(false);
    expect(await badge()).toBe('2k+');
    expect(reportsInProgress()).toBe(0);
  });

  test('a newer report abandons the unfinished one; the old one’s late pages do not land', async () => {
    const old = paginate(1, deployments(2_000), flags);
    const newer = paginate(2, deployments(1_500, 5_000), flags);
    await send(old[0]);
    await send(newer[0]);
    expect(await send(old[1])).toMatchObject({ received: 'missing' });
    expect(await send(newer[1])).toMatchObject({ received: 'report' });
    const tab = await results();
    expect(tab.identifiers).toHaveLength(1_500);
    expect(tab.identifiers.every(({ value }) => Number(value) >= 10_005_000)).toBe(true);
  });

  test('a restarted service worker has lost the pages: it answers missing, and a resend lands', async () => {
    const pages = paginate(1, deployments(1_200), flags);
    await send(pages[0]);
    vi.resetModules();
    const fresh = await import('./handlers');
    const freshDetections = await import('./detections');
    const { createMessageRouter: freshRouter } = await import('../messaging/router');
    route = freshRouter(fresh.backgroundHandlers, {
      self,
      log,
      malformed: { detections: freshDetections.recordUnreadable },
    });
    expect(await send(pages[1])).toMatchObject({ received: 'missing' });
    expect((await results()).scanned).toBe(false);
    expect(await sendAll(pages)).toEqual(['page', 'report']);
    expect((await results()).identifiers).toHaveLength(1_200);
  });

  test('a frame cannot continue another frame’s report', async () => {
    const pages = paginate(1, deployments(1_200), flags);
    await send(pages[0], 0);
    expect(await send(pages[1], 3)).toMatchObject({ received: 'missing' });
    expect((await results()).scanned).toBe(false);
  });

  test('pages out of order are missing, not stitched together', async () => {
    const pages = paginate(1, deployments(2_500), flags);
    await send(pages[0]);
    expect(await send(pages[2])).toMatchObject({ received: 'missing' });
  });

  test('unfinished reports are bounded: the oldest is dropped', async () => {
    for (let frameId = 0; frameId < MAX_REPORTS_IN_PROGRESS + 8; frameId++) {
      await send(paginate(1, deployments(1_001), flags)[0], frameId);
    }
    expect(reportsInProgress()).toBe(MAX_REPORTS_IN_PROGRESS);
    // Frame 0's report was the oldest: its next page is missing.
    expect(await send(paginate(1, deployments(1_001), flags)[1], 0)).toMatchObject({
      received: 'missing',
    });
  });
});

describe('what a page may list', () => {
  test('a capped frame is recorded with what it kept, and the tab says so', async () => {
    const set = deployments(MAX_DISTINCT_IDENTIFIERS);
    expect(await sendAll(paginate(1, set, { truncated: false, capped: true }))).toHaveLength(
      MAX_DISTINCT_IDENTIFIERS / REPORT_PAGE_SIZE,
    );
    const tab = await results();
    expect(tab.identifiers).toHaveLength(MAX_DISTINCT_IDENTIFIERS);
    expect(tab.capped).toBe(true);
    expect(await badge()).toBe('10k+');
  });

  test('frames that together pass the cap: the top frame’s come first, and the tab is capped', async () => {
    await sendAll(paginate(1, deployments(6_000, 0), flags), 0);
    await sendAll(paginate(1, deployments(6_000, 50_000), flags), 2);
    const tab = await results();
    expect(tab.identifiers).toHaveLength(MAX_DISTINCT_IDENTIFIERS);
    expect(tab.capped).toBe(true);
    expect(tab.identifiers.filter(({ value }) => Number(value) < 10_050_000)).toHaveLength(6_000);
    expect(await badge()).toBe('10k+');
    // The same identifier in both frames is one, its count summed.
    await sendAll(paginate(2, deployments(1, 0), flags), 2);
    expect((await results()).capped).toBe(false);
    expect((await results()).identifiers[0]).toEqual({
      kind: 'deployment',
      value: '10000000',
      count: 2,
    });
  });

  test('more distinct identifiers than a page may list is refused', async () => {
    // Eleven full pages cannot even be numbered: the eleventh page is malformed.
    const pages = paginate(1, deployments(MAX_DISTINCT_IDENTIFIERS + REPORT_PAGE_SIZE), flags);
    const receipts = await sendAll(pages);
    expect(receipts.at(-1)).toBe('rejected');
    expect((await results()).unreadable).toBe(true);
  });

  test('a capped tab stays small in storage.session', async () => {
    await sendAll(paginate(1, deployments(MAX_DISTINCT_IDENTIFIERS), flags));
    const stored = await fakeBrowser.storage.session.get(tabResultsKey(TAB));
    // storage.session is shared by all tabs: one capped tab must leave room for many others.
    expect(JSON.stringify(stored).length).toBeLessThan(200_000);
  });
});

describe('a report the background cannot accept', () => {
  test('a malformed page makes the frame unreadable, replacing its old set; the badge clears', async () => {
    await sendAll(paginate(1, deployments(2), flags));
    const [page] = paginate(2, deployments(2), flags);
    const bad = { ...page, identifiers: [{ kind: 'deployment', value: '123', count: 1 }] };
    expect(await send(bad)).toEqual({ highlights: true, received: 'rejected' });
    const tab = await results();
    expect(tab).toMatchObject({ scanned: true, unreadable: true, identifiers: [] });
    expect(await badge()).toBe('');
  });

  test('an oversized page is refused', async () => {
    const [page] = paginate(1, deployments(REPORT_PAGE_SIZE + 1), flags, REPORT_PAGE_SIZE + 1);
    expect(await send(page)).toMatchObject({ received: 'rejected' });
    expect((await results()).unreadable).toBe(true);
  });

  test('the same identifier on two pages is refused', async () => {
    const set = deployments(REPORT_PAGE_SIZE + 1);
    set[REPORT_PAGE_SIZE] = { ...(set[0] as ReportedIdentifier) };
    expect(await sendAll(paginate(1, set, flags))).toEqual(['page', 'rejected']);
    expect((await results()).unreadable).toBe(true);
  });

  test('only the sending frame is spoiled; the next good report clears it', async () => {
    await sendAll(paginate(1, deployments(2), flags), 0);
    await send({ ...paginate(1, deployments(1), flags)[0], pages: 0 }, 4);
    let tab = await results();
    expect(tab.unreadable).toBe(true);
    expect(tab.identifiers).toHaveLength(2);
    await sendAll(paginate(2, deployments(1, 9), flags), 4);
    tab = await results();
    expect(tab.unreadable).toBe(false);
    expect(tab.identifiers).toHaveLength(3);
  });
});
