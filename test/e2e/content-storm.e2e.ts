// A page that keeps changing, in real Chromium: a feed appending events for a few seconds.
// The popup opens during the storm; the first scan must finish while it goes on, the backlog
// must be gone soon after it stops, and the popup must list what the page holds. The same
// page in a tab the extension never touches is the baseline for the page's main-thread time
// (the renderer's task time, read over CDP). Figures are printed; the bounds asserted are
// generous, because the machine running this is shared and its timings are noisy.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { withExtensionHarness } from './support/harness';
import { openPopupFor, popupList, tabIdOf } from './support/shell';

const harness = withExtensionHarness('test/fixtures/pages/storm');

const STORM_MS = 4000;
const EVENTS_PER_SECOND = 20_000;
/** How long after the storm the page's time is still counted: the backlog's share of it. */
const AFTER_MS = 2500;

interface StormFigures {
  appended: number;
  ownMs: number;
  longestGap: number;
  wallMs: number;
}

interface ScoutState {
  firstScanDone: boolean;
  backlog: number;
  truncated: boolean;
  slices: number;
  longestSliceMs: number;
  mutationBatches: number;
  rescans: number;
}

type StormWindow = Window & {
  storm(ms: number, perSecond: number): Promise<StormFigures>;
  stormIds(): string[];
  stormResult?: Promise<StormFigures>;
};

let opened = 0;

async function openStormPage(): Promise<Page> {
  const page = await harness.ext.context.newPage();
  await page.goto(`${harness.pages.url}/storm.html?case=${++opened}`);
  await page.waitForLoadState('load');
  return page;
}

/** The renderer main thread's task time so far, in ms. */
async function taskMs(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
  };
}

function startStorm(page: Page): Promise<void> {
  return page.evaluate(
    ([ms, rate]) => {
      const w = window as unknown as StormWindow;
      w.stormResult = w.storm(ms, rate);
    },
    [STORM_MS, EVENTS_PER_SECOND] as const,
  );
}

function stormResult(page: Page): Promise<StormFigures> {
  return page.evaluate(
    () => (window as unknown as StormWindow).stormResult as Promise<StormFigures>,
  );
}

/** The running scout's state, read in the content scripts' world of the tab's top frame. */
function scoutState(tabId: number): Promise<ScoutState | null> {
  return harness.ext.background.evaluate(async (id) => {
    const [injected] = await chrome.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        const slot = globalThis as unknown as Record<symbol, unknown>;
        const scout = slot[Symbol.for('renewal-scout.frame-scout')] as
          | {
              scanner: {
                firstScanDone: boolean;
                backlog: number;
                truncated: boolean;
                stats: Record<string, number>;
              };
            }
          | undefined;
        if (!scout) return null;
        const { scanner } = scout;
        return {
          firstScanDone: scanner.firstScanDone,
          backlog: scanner.backlog,
          truncated: scanner.truncated,
          slices: scanner.stats.slices ?? 0,
          longestSliceMs: scanner.stats.longestSliceMs ?? 0,
          mutationBatches: scanner.stats.mutationBatches ?? 0,
          rescans: scanner.stats.rescans ?? 0,
        };
      },
    });
    return (injected?.result ?? null) as ScoutState | null;
  }, tabId);
}

const round = (n: number) => Math.round(n);

describe('a mutation storm', () => {
  test('the first scan finishes during the storm, the backlog drains after it, and the page keeps most of its main thread', async () => {
    // Baseline: the same page and storm in a tab where the extension is never injected.
    const plain = await openStormPage();
    const plainTask = await taskMs(plain);
    const plainBefore = await plainTask();
    await startStorm(plain);
    const plainFigures = await stormResult(plain);
    await plain.waitForTimeout(AFTER_MS);
    const plainMs = (await plainTask()) - plainBefore;
    await plain.close();

    const page = await openStormPage();
    const tabId = await tabIdOf(harness.ext, page);
    const pageTask = await taskMs(page);
    const before = await pageTask();
    await startStorm(page);
    const stormStarted = Date.now();
    await page.waitForTimeout(300);
    const popup = await openPopupFor(harness.ext, tabId);
    let firstDoneAfter = -1;
    while (Date.now() - stormStarted < STORM_MS - 200) {
      const state = await scoutState(tabId);
      if (state?.firstScanDone && firstDoneAfter < 0) firstDoneAfter = Date.now() - stormStarted;
      await page.waitForTimeout(250);
    }
    const figures = await stormResult(page);
    const stormEnded = Date.now();
    const atEnd = await scoutState(tabId);
    if (atEnd?.firstScanDone && firstDoneAfter < 0) firstDoneAfter = stormEnded - stormStarted;
    let drainedAfter = -1;
    while (Date.now() - stormEnded < 10_000) {
      const state = await scoutState(tabId);
      if (state && state.backlog === 0 && state.firstScanDone) {
        drainedAfter = Date.now() - stormEnded;
        break;
      }
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(Math.max(0, AFTER_MS - (Date.now() - stormEnded)));
    const withMs = (await pageTask()) - before;
    const final = await scoutState(tabId);

    const added = withMs - plainMs;
    console.log(
      [
        `storm: ${EVENTS_PER_SECOND}/s for ${STORM_MS} ms (figures on a shared, loaded machine)`,
        `  without the extension: ${plainFigures.appended} events, page task time ${round(plainMs)} ms, page's own code ${round(plainFigures.ownMs)} ms, longest timer gap ${round(plainFigures.longestGap)} ms`,
        `  with the extension:    ${figures.appended} events, page task time ${round(withMs)} ms, page's own code ${round(figures.ownMs)} ms, longest timer gap ${round(figures.longestGap)} ms`,
        `  added: ${round(added)} ms (${round((100 * added) / plainMs)}% of the baseline)`,
        `  first scan done ${firstDoneAfter} ms into the storm; backlog gone ${drainedAfter} ms after it`,
        `  scanner: ${JSON.stringify(final)}`,
      ].join('\n'),
    );

    // What the popup shows: every identifier on the page.
    const expected = await page.evaluate(() => (window as unknown as StormWindow).stormIds());
    await expect
      .poll(async () => [...(await popupList(popup))].sort(), { timeout: 15_000 })
      .toEqual(expected);
    expect(final?.truncated).toBe(false);
    // Finished while the page was still changing; caught up soon after it stopped.
    expect(firstDoneAfter).toBeGreaterThan(0);
    expect(firstDoneAfter).toBeLessThan(STORM_MS);
    expect(drainedAfter).toBeGreaterThanOrEqual(0);
    expect(drainedAfter).toBeLessThan(5000);
    // Generous: the aim is 30%; the bound only catches the scanner competing with the page.
    expect(added).toBeLessThan(plainMs);
    await popup.close();
    await page.close();
  }, 120_000);
});
