// Pages with many identifiers in real Chromium: every one reaches the popup up to the
// per-page cap, beyond it the popup says it shows the first ones, and the badge agrees; a
// report the background refuses is named as such. The
// large pages get long timeouts: rendering the popup's list of thousands is not what they pin.
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { MAX_DISTINCT_IDENTIFIERS } from '../../lib/messaging/report-limits';
import { withExtensionHarness } from './support/harness';
import { badgeOf, openPopupFor, serializeDom, tabIdOf } from './support/shell';

const harness = withExtensionHarness('test/fixtures/pages/large');

let open: Page[] = [];
afterEach(async () => {
  await Promise.all(open.map((page) => page.close()));
  open = [];
});

async function scan(query: string) {
  const page = await harness.ext.context.newPage();
  open.push(page);
  await page.goto(`${harness.pages.url}/identifiers.html?${query}`);
  await page.waitForLoadState('load');
  const before = await serializeDom(page);
  const tabId = await tabIdOf(harness.ext, page);
  const opened = Date.now();
  const popup = await openPopupFor(harness.ext, tabId);
  open.push(popup);
  return { page, popup, tabId, before, opened };
}

type Scanned = Awaited<ReturnType<typeof scan>>;

const summary = (popup: Page) => popup.getByTestId('summary').textContent();

/**
 * A page past the cap: the badge says "10k+", the popup's notice shows and its summary counts
 * the cap; how soon each came is logged. Returns the notice.
 */
async function cappedAnswer({ popup, tabId, opened }: Scanned, what: string) {
  await expect
    .poll(() => badgeOf(harness.ext, tabId), { timeout: 100_000, interval: 500 })
    .toBe('10k+');
  console.log(`badge 10k+ after ${Date.now() - opened} ms (loaded machine)`);
  const capped = popup.getByTestId('capped');
  await capped.waitFor({ timeout: 60_000 });
  console.log(`${what}: popup's capped answer after ${Date.now() - opened} ms (loaded machine)`);
  expect(await summary(popup)).toBe(
    `${MAX_DISTINCT_IDENTIFIERS.toLocaleString('en-US')} identifiers on this page`,
  );
  return capped;
}

test('600 cued deployment IDs are all listed, with no notice', async () => {
  const { page, popup, tabId, before } = await scan('shape=table&n=600');
  await expect.poll(() => summary(popup), { timeout: 20_000 }).toBe('600 identifiers on this page');
  await expect.poll(() => badgeOf(harness.ext, tabId)).toBe('600');
  expect(await popup.getByTestId('capped').count()).toBe(0);
  expect(await popup.getByTestId('unreadable').count()).toBe(0);
  expect(await popup.getByTestId('empty-state').count()).toBe(0);
  expect(await serializeDom(page)).toEqual(before);
});

test('12,000 cued deployment IDs: the first 10,000 are listed and the popup says there are more', async () => {
  const scanned = await scan('shape=table&n=12000');
  const { page, popup, tabId, before } = scanned;
  const capped = await cappedAnswer(scanned, '12,000 rows');
  expect(await capped.textContent()).toContain(
    `Showing the first ${MAX_DISTINCT_IDENTIFIERS.toLocaleString('en-US')} of more`,
  );
  await expect.poll(() => badgeOf(harness.ext, tabId)).toBe('10k+');
  expect(await popup.getByTestId('empty-state').count()).toBe(0);
  expect(await serializeDom(page)).toEqual(before);
  const stored = await harness.ext.background.evaluate(
    (id) => chrome.storage.session.getBytesInUse(`tab-results:${id}`),
    tabId,
  );
  console.log(`12,000 rows: the tab's results take ${stored} bytes of storage.session`);
}, 240_000);

test('100,000 IDs after one cue: the popup answers with the first 10,000 and the notice', async () => {
  const scanned = await scan('shape=list&n=100000');
  const { page, popup, tabId, before } = scanned;
  await cappedAnswer(scanned, '100,000 in one run');
  expect(await popup.getByTestId('no-answer').count()).toBe(0);
  await expect.poll(() => badgeOf(harness.ext, tabId)).toBe('10k+');
  expect(await serializeDom(page)).toEqual(before);
}, 240_000);

test('a report the background refuses: the popup names it, and Scan again reads the page afresh', async () => {
  const { popup, tabId } = await scan('shape=table&n=3');
  await expect.poll(() => summary(popup), { timeout: 20_000 }).toBe('3 identifiers on this page');
  // A malformed report from the page's own content-script world, as a broken one would send.
  await harness.ext.background.evaluate(async (id) => {
    await chrome.scripting.executeScript({
      target: { tabId: id },
      func: () =>
        chrome.runtime.sendMessage({
          type: 'detections',
          report: 1,
          page: 0,
          pages: 1,
          identifiers: [{ kind: 'deployment', value: 'not-an-id', count: 1 }],
          truncated: false,
          capped: false,
        }),
    });
  }, tabId);
  const unreadable = popup.getByTestId('unreadable');
  await unreadable.waitFor({ timeout: 20_000 });
  expect(await unreadable.textContent()).toContain('This page’s results could not be read');
  expect(await popup.getByTestId('empty-state').count()).toBe(0);
  await expect.poll(() => badgeOf(harness.ext, tabId)).toBe('');
  await unreadable.getByRole('button', { name: 'Scan again' }).click();
  await expect.poll(() => summary(popup), { timeout: 20_000 }).toBe('3 identifiers on this page');
  expect(await popup.getByTestId('unreadable').count()).toBe(0);
  await expect.poll(() => badgeOf(harness.ext, tabId)).toBe('3');
});
