// Issue 2 §5: the whole slice in real Chromium. Each fixture page is opened, the popup's
// view for its tab triggers the on-demand scan, and the test checks the badge (from the
// service worker), the popup's list, and that the page's DOM is exactly as it was.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { withExtensionHarness } from './support/harness';
import {
  badgeOf,
  highlightedRanges,
  openPopupFor,
  popupList,
  serializeDom,
  tabIdOf,
} from './support/shell';

const harness = withExtensionHarness('test/fixtures/pages/shell');

interface Scanned {
  page: Page;
  popup: Page;
  tabId: number;
  before: string[];
}

let opened = 0;

async function scanFixture(file: string): Promise<Scanned> {
  const page = await harness.ext.context.newPage();
  // A query string of its own, so each test's tab is found by URL even if an earlier
  // failure left a tab open.
  await page.goto(`${harness.pages.url}/${file}?case=${++opened}`);
  await page.waitForLoadState('load');
  const before = await serializeDom(page);
  const tabId = await tabIdOf(harness.ext, page);
  const popup = await openPopupFor(harness.ext, tabId);
  return { page, popup, tabId, before };
}

async function expectFound({ popup, tabId }: Scanned, expected: string[]) {
  await expect.poll(() => popupList(popup), { timeout: 10_000 }).toEqual(expected);
  await expect.poll(() => badgeOf(harness.ext, tabId)).toBe(String(expected.length));
  await expect(popup.getByTestId('summary').textContent()).resolves.toBe(
    `${expected.length} ${expected.length === 1 ? 'identifier' : 'identifiers'} on this page`,
  );
}

async function expectUntouched({ page, before }: Scanned) {
  expect(await serializeDom(page)).toEqual(before);
}

function storedResults(tabId: number): Promise<Record<string, unknown>> {
  return harness.ext.background.evaluate(
    (id) => chrome.storage.session.get(`tab-results:${id}`),
    tabId,
  );
}

async function closeAll({ page, popup }: Scanned) {
  await popup.close();
  await page.close();
}

describe('detection in real Chromium', () => {
  test('a static ticket page: table labels, column headers, inline lists', async () => {
    const scanned = await scanFixture('ticket-static.html');
    await expectFound(scanned, ['14181336', '30000007', '85922823', 'FX22090041', 'VS0164AB']);
    // Grouped by kind, with headings.
    const headings = await scanned.popup.locator('h2').allTextContents();
    expect(headings).toEqual(['Deployment IDs 3', 'Serial numbers 2']);
    // Highlighted in place (14181336 occurs twice), without touching the DOM.
    await expect.poll(() => highlightedRanges(scanned.page)).toBe(6);
    await expectUntouched(scanned);
    await closeAll(scanned);
  });

  test('a comment added after load is picked up and the popup updates live', async () => {
    const scanned = await scanFixture('ticket-late-comment.html');
    await expectFound(scanned, ['14181336']);
    await scanned.page.evaluate(() =>
      (window as unknown as { postComment(text: string): void }).postComment(
        'Agent: the appliance serial is VS0164AB.',
      ),
    );
    await expectFound(scanned, ['14181336', 'VS0164AB']);
    const beforeWithComment = await serializeDom(scanned.page);
    await expect.poll(() => highlightedRanges(scanned.page)).toBe(2);
    expect(await serializeDom(scanned.page)).toEqual(beforeWithComment);
    await closeAll(scanned);
  });

  test('a same-origin iframe reports to its tab', async () => {
    const scanned = await scanFixture('ticket-iframe.html');
    await expectFound(scanned, ['14181336', '85922823', 'VS0164AB']);
    await expectUntouched(scanned);
    await closeAll(scanned);
  });

  test('an open shadow root is read', async () => {
    const scanned = await scanFixture('ticket-shadow.html');
    await expectFound(scanned, ['85922823', 'VS0164AB']);
    await expectUntouched(scanned);
    await closeAll(scanned);
  });

  test('an ID split across <b> is read as one', async () => {
    const scanned = await scanFixture('ticket-split.html');
    await expectFound(scanned, ['14181336']);
    await expectUntouched(scanned);
    await closeAll(scanned);
  });

  test('a page with none: empty badge, and the popup says what it looks for', async () => {
    const scanned = await scanFixture('ticket-none.html');
    const empty = scanned.popup.getByTestId('empty-state');
    await empty.waitFor({ timeout: 10_000 });
    expect(await empty.textContent()).toContain('Deployment ID 14181336');
    expect(await empty.textContent()).toContain('S/N VS0164AB');
    expect(await popupList(scanned.popup)).toEqual([]);
    expect(await badgeOf(harness.ext, scanned.tabId)).toBe('');
    await expectUntouched(scanned);
    await closeAll(scanned);
  });
});

describe('the tab’s life', () => {
  test('navigating away clears the badge and the results; an in-page route change does not', async () => {
    const scanned = await scanFixture('ticket-split.html');
    await expectFound(scanned, ['14181336']);

    await scanned.page.evaluate(() => history.pushState({}, '', '#/route/2'));
    await scanned.page.waitForTimeout(500);
    expect(await badgeOf(harness.ext, scanned.tabId)).toBe('1');

    await scanned.page.goto(`${harness.pages.url}/ticket-none.html`);
    // Chrome resets a tab's badge on navigation by itself; the stored results follow once
    // the old document no longer answers.
    await expect.poll(() => badgeOf(harness.ext, scanned.tabId), { timeout: 10_000 }).toBe('');
    await expect
      .poll(async () => JSON.stringify(await storedResults(scanned.tabId)), { timeout: 10_000 })
      .not.toContain('ticket-split.html');
    // The popup, still open, scans the new page by itself (here with the e2e build's host
    // access; the shipped build would ask for a click on the toolbar button).
    await scanned.popup.getByTestId('empty-state').waitFor({ timeout: 10_000 });
    expect(await popupList(scanned.popup)).toEqual([]);
    expect(await badgeOf(harness.ext, scanned.tabId)).toBe('');
    await closeAll(scanned);
  });

  test('highlights toggled off in the popup are removed from the page, and come back', async () => {
    const scanned = await scanFixture('ticket-split.html');
    await expectFound(scanned, ['14181336']);
    await expect.poll(() => highlightedRanges(scanned.page)).toBe(1);
    const toggle = scanned.popup.getByRole('switch', { name: 'Highlight on page' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => highlightedRanges(scanned.page)).toBe(0);
    await toggle.press('Space');
    await expect.poll(() => highlightedRanges(scanned.page)).toBe(1);
    await expectUntouched(scanned);
    await closeAll(scanned);
  });

  test('a content script can report only about its own tab, and cannot send privileged messages', async () => {
    const scanned = await scanFixture('ticket-split.html');
    await expectFound(scanned, ['14181336']);
    const other = await scanFixture('ticket-none.html');
    await other.popup.getByTestId('empty-state').waitFor({ timeout: 10_000 });

    // Code in the content scripts' isolated world of the first tab, as a compromised or
    // confused content script would run.
    const answers = await harness.ext.background.evaluate(
      async ([tabId, otherTabId]) => {
        const [injected] = await chrome.scripting.executeScript({
          target: { tabId },
          func: async (victim: number) => {
            const attempt = (message: unknown) =>
              chrome.runtime.sendMessage(message).then(
                (answer: unknown) => `answered ${JSON.stringify(answer)}`,
                (error: Error) => `rejected: ${error.message}`,
              );
            return {
              setHighlights: await attempt({ type: 'set-highlights', enabled: false }),
              readResults: await attempt({ type: 'get-tab-results', tabId: victim }),
              scan: await attempt({ type: 'scan-tab', tabId: victim }),
              forgedReport: await attempt({
                type: 'detections',
                report: 1,
                page: 0,
                pages: 1,
                identifiers: [{ kind: 'deployment', value: '99999999', count: 1 }],
                truncated: false,
                capped: false,
                tabId: victim,
                frameId: 0,
              }),
            };
          },
          args: [otherTabId],
        });
        return injected?.result;
      },
      [scanned.tabId, other.tabId] as const,
    );
    for (const privileged of [answers?.setHighlights, answers?.readResults, answers?.scan]) {
      // No answer at all: the background ignores them.
      expect(privileged).toMatch(/^(rejected: .*|answered undefined)$/);
    }
    // The setting did not change, and the forged report landed on its sender's own tab.
    expect(
      await scanned.popup
        .getByRole('switch', { name: 'Highlight on page' })
        .getAttribute('aria-checked'),
    ).toBe('true');
    await expect.poll(() => badgeOf(harness.ext, scanned.tabId)).toBe('1');
    await expect.poll(() => popupList(scanned.popup)).toEqual(['99999999']);
    expect(await badgeOf(harness.ext, other.tabId)).toBe('');
    expect(await popupList(other.popup)).toEqual([]);
    await closeAll(scanned);
    await closeAll(other);
  });

  test('closing the tab drops its results', async () => {
    const scanned = await scanFixture('ticket-split.html');
    await expectFound(scanned, ['14181336']);
    const { tabId } = scanned;
    await scanned.page.close();
    await expect.poll(() => storedResults(tabId)).toEqual({});
    await scanned.popup.close();
  });

  // Last: the harness's handle on the old worker is gone afterwards.
  test('a restarted service worker keeps the tab’s results: a frame’s new report adds to them', async () => {
    const scanned = await scanFixture('ticket-iframe.html');
    await expectFound(scanned, ['14181336', '85922823', 'VS0164AB']);
    await scanned.popup.close();
    // Stop the worker the way a developer would, from chrome://serviceworker-internals.
    const internals = await harness.ext.context.newPage();
    await internals.goto('chrome://serviceworker-internals/');
    const registration = internals
      .locator('.serviceworker-registration')
      .filter({ hasText: `chrome-extension://${harness.ext.extensionId}/` });
    await registration.locator('cr-button[data-command="stop"]').click();
    await expect
      .poll(() => registration.locator('.serviceworker-running-status .value').allTextContents())
      .not.toContain('RUNNING');
    await internals.close();

    // Only the subframe changes; its report wakes a new worker, which must still know what
    // the top frame reported to the old one.
    const panel = scanned.page.frames().find((frame) => frame.url().includes('panel'));
    await panel?.evaluate(() => {
      const line = document.createElement('p');
      line.textContent = 'Spare unit S/N FX22090041.';
      document.body.append(line);
    });
    // Ask from an extension page that starts no scan of its own (a tabId it rejects).
    const probe = await harness.ext.context.newPage();
    await probe.goto(`chrome-extension://${harness.ext.extensionId}/popup.html?tabId=none`);
    await expect
      .poll(
        () =>
          probe.evaluate(async (tabId) => {
            const answer = await chrome.runtime.sendMessage({ type: 'get-tab-results', tabId });
            const badge = await chrome.action.getBadgeText({ tabId });
            return {
              badge,
              values: answer.value.identifiers.map((i: { value: string }) => i.value),
            };
          }, scanned.tabId),
        { timeout: 10_000 },
      )
      .toEqual({ badge: '4', values: ['14181336', '85922823', 'FX22090041', 'VS0164AB'] });
    await probe.close();
    await scanned.page.close();
  });
});
