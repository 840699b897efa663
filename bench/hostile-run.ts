// Drives one hostile page through the real extension, the way a user meets it: the page
// opens in a tab, the popup's view for that tab opens (which injects the content script), and
// we read what the popup shows, what the scanner did, and what the page itself felt (its own
// timer and long frames). The baseline is the same page in a tab of the same browser where
// the popup never opens, so nothing is injected. Shared by bench/hostile.ts and
// test/e2e/hostile-pages.e2e.ts.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { type LaunchedExtension, launchExtension } from '../test/e2e/support/extension';
import { openPopupFor, tabIdOf } from '../test/e2e/support/shell';
import { type StaticServer, serveDirectory } from '../test/e2e/support/static-server';
import type { HostilePage, ProbeReading, StormResult } from './hostile-pages';

export interface HostileSession {
  ext: LaunchedExtension;
  /** Writes the page where the server serves it; returns its URL. */
  serve(page: HostilePage): string;
  close(): Promise<void>;
}

export async function startHostileSession(extensionDir?: string): Promise<HostileSession> {
  const dir = mkdtempSync(join(tmpdir(), 'renewal-scout-hostile-'));
  let server: StaticServer | undefined;
  let ext: LaunchedExtension | undefined;
  try {
    server = await serveDirectory(dir);
    ext = await launchExtension({ extensionDir });
    // Notes when the popup first shows an answer, from its own first script on (see below).
    await ext.context.addInitScript({ content: POPUP_WATCH });
  } catch (error) {
    await ext?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const running = { server, ext };
  let served = 0;
  return {
    ext,
    serve(page) {
      const name = `${page.name}.html`;
      writeFileSync(join(dir, name), page.html);
      // A query string of its own per visit, so each tab is found by its URL.
      return `${running.server.url}/${name}?visit=${++served}`;
    },
    async close() {
      await running.ext.close();
      await running.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// In the popup only: the first time each kind of answer appears (a count, the empty state, a
// notice such as "The page has not answered yet", an error), in ms after its `popup-start`
// mark. Installed before the popup's own scripts, so the first answer is never missed.
const POPUP_WATCH = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/popup.html')) return;
  const answers = [];
  window.__popupAnswers = answers;
  const seen = new Set();
  const note = (kind) => {
    if (seen.has(kind)) return;
    seen.add(kind);
    const start = performance.getEntriesByName('popup-start')[0];
    answers.push({ kind, ms: performance.now() - (start ? start.startTime : 0) });
  };
  const check = () => {
    if (document.querySelector('[data-testid="summary"]')) note('count');
    if (document.querySelector('[data-testid="empty-state"]')) note('empty state');
    for (const notice of document.querySelectorAll('.notice')) {
      note(notice.getAttribute('data-testid') || notice.querySelector('.notice-title')?.textContent || 'notice');
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
})();`;

/** What the popup showed for the tab. */
export interface PopupAnswer {
  /** Every kind of answer shown, with when it first appeared (ms after popup-start). */
  answers: { kind: string; ms: number }[];
  /** The identifier count in the popup's summary; null when it shows none. */
  count: number | null;
  /** N of "first N of more", when the popup says it shows only part of a larger set. */
  firstOf: number | null;
  truncated: boolean;
  emptyState: boolean;
  noAnswer: boolean;
  /** The notices' titles, as shown. */
  notices: string[];
  /** Which of the page's must-find values the popup lists (rendered rows only). */
  listed: string[];
}

/** The content script's own figures, read from its isolated world; null if unreadable. */
export interface ScannerReading {
  slices: number;
  longestSliceMs: number;
  charsRead: number;
  nodesRead: number;
  mutationBatches: number;
  mutationMs: number;
  longestBatchMs: number;
  firstScanDone: boolean;
  truncated: boolean;
  distinct: number;
}

export interface TabRun {
  probe: ProbeReading;
  /** Main-thread task time of the page's renderer over the measured window (ms). */
  taskMs: number;
  windowMs: number;
  storm?: StormResult;
}

export interface ExtensionRun extends TabRun {
  popup: PopupAnswer;
  scanner: ScannerReading | null;
  /** The popup's first answer of any kind, ms after popup-start; null when it never answered. */
  firstAnswerMs: number | null;
  /** When the count stopped moving (ms after the popup opened). */
  settledMs: number | null;
  /** The run hit its time limit before the popup's answer settled. */
  cutOff: boolean;
  /** After a storm: ms from its end until the scanner's figures stopped moving. */
  backlogMs?: number;
  /** The extension's work on the page's main thread, from a trace; null if none was found. */
  trace: ExtensionTrace | null;
}

export interface ExtensionTrace {
  /** Tasks of the page's main thread that ran the content script. */
  tasks: number;
  longestTaskMs: number;
  totalTaskMs: number;
  /** The longest animation frame (tasks, style, layout, paint) holding one of those tasks. */
  longestFrameMs: number;
}

export interface RunOptions {
  /** Time limit for the popup's answer to settle. */
  timeoutMs: number;
  /** How long the count must stay the same to count as settled. */
  quietMs?: number;
  /** Traces the page's main thread to find the extension's tasks and the frames they held. */
  trace?: boolean;
}

const STORM_TAIL_MS = 2000;

async function openTab(session: HostileSession, page: HostilePage) {
  const url = session.serve(page);
  const tab = await session.ext.context.newPage();
  const cdp = await session.ext.context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await tab.goto(url, { waitUntil: 'load', timeout: 300_000 });
  // Its first frames and post-load work would otherwise land in whatever is measured first.
  await tab.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  await tab.waitForTimeout(500);
  return { tab, cdp };
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

const resetProbe = (tab: Page) =>
  tab.evaluate(() => (window as unknown as HostileWindow).__hostile.reset());
const readProbe = (tab: Page) =>
  tab.evaluate(() => (window as unknown as HostileWindow).__hostile.read());

interface HostileWindow {
  __hostile: {
    reset(): void;
    read(): ProbeReading;
    storm?: (options?: object) => Promise<StormResult>;
  };
  __stormDone?: Promise<StormResult>;
}

const startStorm = (tab: Page) =>
  tab.evaluate(() => {
    const w = window as unknown as HostileWindow;
    if (!w.__hostile.storm) throw new Error('not a storm page');
    w.__stormDone = w.__hostile.storm();
  });
const stormDone = (tab: Page) =>
  tab.evaluate(() => (window as unknown as HostileWindow).__stormDone as Promise<StormResult>);

/**
 * The page in a tab where the popup never opens: its own timer and frames over `windowMs`
 * (a storm page: over its storm and the same tail as the extension's run).
 */
export async function runBaseline(
  session: HostileSession,
  page: HostilePage,
  windowMs: number,
): Promise<TabRun> {
  const { tab, cdp } = await openTab(session, page);
  try {
    await resetProbe(tab);
    const started = Date.now();
    const before = await taskSeconds(cdp);
    let storm: StormResult | undefined;
    if (page.stormSeconds) {
      await startStorm(tab);
      storm = await stormDone(tab);
      await tab.waitForTimeout(STORM_TAIL_MS);
    } else {
      await tab.waitForTimeout(windowMs);
    }
    const taskMs = ((await taskSeconds(cdp)) - before) * 1000;
    return { probe: await readProbe(tab), taskMs, windowMs: Date.now() - started, storm };
  } finally {
    await tab.close();
  }
}

/**
 * The page with the extension: the popup's view for its tab opened (a storm page: as the
 * storm starts), then followed until its count settles or `timeoutMs` runs out.
 */
export async function runWithExtension(
  session: HostileSession,
  page: HostilePage,
  options: RunOptions,
): Promise<ExtensionRun> {
  const { ext } = session;
  const quietMs = options.quietMs ?? 3000;
  const { tab, cdp } = await openTab(session, page);
  const worlds = await isolatedWorlds(cdp);
  let popup: Page | undefined;
  let tracing: { stop(): Promise<TraceEvent[]> } | undefined;
  try {
    const tabId = await tabIdOf(ext, tab);
    await resetProbe(tab);
    const before = await taskSeconds(cdp);
    const started = Date.now();
    let stormWindow: Promise<StormWindow> | undefined;
    if (page.stormSeconds) {
      await startStorm(tab);
      stormWindow = followStorm(tab, cdp, worlds, before);
    }
    tracing = options.trace ? await startTracing(session, tab) : undefined;
    popup = await openPopupFor(ext, tabId);

    // Followed until the count has not moved for `quietMs` and the scanner says its first
    // scan is done (when it can be read), or the time limit.
    let last: string | undefined;
    let lastChange = Date.now();
    let settledMs: number | null = null;
    let cutOff = false;
    while (true) {
      const shown = await popupState(popup, page.expected.mustFind);
      const scanner = await readScanner(cdp, worlds);
      const key = JSON.stringify([shown.count, shown.firstOf, shown.emptyState, shown.truncated]);
      if (key !== last) {
        last = key;
        lastChange = Date.now();
      }
      const answered = shown.count !== null || shown.emptyState;
      const scanDone = scanner === null || scanner.firstScanDone;
      if (answered && scanDone && Date.now() - lastChange >= quietMs) {
        settledMs = lastChange - started;
        break;
      }
      if (Date.now() - started > options.timeoutMs) {
        cutOff = true;
        break;
      }
      await tab.waitForTimeout(250);
    }

    const storm = await stormWindow;
    const windowMs = storm?.windowMs ?? Date.now() - started;
    const taskMs = storm?.taskMs ?? ((await taskSeconds(cdp)) - before) * 1000;
    const probe = await readProbe(tab);
    const shown = await popupState(popup, page.expected.mustFind);
    const scanner = await readScanner(cdp, worlds);
    const answers = shown.answers;
    return {
      probe,
      taskMs,
      windowMs,
      storm: storm?.storm,
      backlogMs: storm?.backlogMs,
      popup: shown,
      scanner,
      firstAnswerMs: answers.length ? Math.min(...answers.map((a) => a.ms)) : null,
      settledMs,
      cutOff,
      trace: tracing ? contentScriptWork(await tracing.stop(), ext.extensionId) : null,
    };
  } finally {
    await tracing?.stop().catch(() => undefined);
    await popup?.close();
    await tab.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id2?: { local?: string };
  id?: string;
  args?: { data?: { url?: string } };
}

async function startTracing(session: HostileSession, tab: Page) {
  const browser = session.ext.context.browser();
  if (!browser) throw new Error('no browser to trace');
  await browser.startTracing(tab, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'],
  });
  let stopped: Promise<TraceEvent[]> | undefined;
  return {
    stop() {
      stopped ??= browser
        .stopTracing()
        .then(
          (buffer) => (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents,
        );
      return stopped;
    },
  };
}

/**
 * The content script's tasks on the page's main thread: a top-level task is the extension's
 * when something in it ran the content script's code (its URL names the script). Long
 * animation frames do not list scripts of isolated worlds, so the frames it caused are
 * found here too: a frame is the extension's when one of those tasks ran inside it, and its
 * length takes in the style, layout and paint that the task set off.
 */
export function contentScriptWork(
  events: TraceEvent[],
  extensionId: string,
): ExtensionTrace | null {
  const prefix = `chrome-extension://${extensionId}/content-scripts/`;
  const marks = events.filter((e) => e.args?.data?.url?.startsWith(prefix));
  const first = marks[0];
  if (!first) return null;
  const onThread = (e: TraceEvent) => e.pid === first.pid && e.tid === first.tid;
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && onThread(e))
    .sort((a, b) => a.ts - b.ts);
  const ours = new Set<TraceEvent>();
  for (const mark of marks.filter(onThread)) {
    const task = tasks.find((t) => t.ts <= mark.ts && mark.ts <= t.ts + (t.dur ?? 0));
    if (task) ours.add(task);
  }
  // Animation frames are async spans ('b' … 'e') of the renderer, paired by id.
  const begins = new Map<string, number>();
  let longestFrame = 0;
  for (const e of events.filter((x) => x.name === 'AnimationFrame' && x.pid === first.pid)) {
    const id = e.id2?.local ?? e.id ?? '';
    if (e.ph === 'b') begins.set(id, e.ts);
    if (e.ph !== 'e') continue;
    const start = begins.get(id);
    if (start === undefined) continue;
    const holdsOurs = [...ours].some((t) => t.ts >= start && t.ts <= e.ts);
    if (holdsOurs) longestFrame = Math.max(longestFrame, (e.ts - start) / 1000);
  }
  const durations = [...ours].map((t) => (t.dur ?? 0) / 1000);
  return {
    tasks: ours.size,
    longestTaskMs: Math.max(0, ...durations),
    totalTaskMs: durations.reduce((a, b) => a + b, 0),
    longestFrameMs: longestFrame,
  };
}

interface StormWindow {
  storm: StormResult;
  /** Task time and length of the same window the baseline measures: the storm and its tail. */
  taskMs: number;
  windowMs: number;
  backlogMs: number;
}

/** Follows a storm started at `taskBefore`: its window's task time, then the backlog. */
async function followStorm(
  tab: Page,
  cdp: CDPSession,
  worlds: Set<number>,
  taskBefore: number,
): Promise<StormWindow> {
  const started = Date.now();
  const storm = await stormDone(tab);
  const backlog = backlogAfterStorm(cdp, worlds, 10_000);
  await tab.waitForTimeout(STORM_TAIL_MS);
  const taskMs = ((await taskSeconds(cdp)) - taskBefore) * 1000;
  return { storm, taskMs, windowMs: Date.now() - started, backlogMs: await backlog };
}

/** After a storm: how long the scanner's figures kept moving (infinite: still at `limitMs`). */
async function backlogAfterStorm(
  cdp: CDPSession,
  worlds: Set<number>,
  limitMs: number,
): Promise<number> {
  const ended = Date.now();
  let last = JSON.stringify(await readScanner(cdp, worlds));
  let lastChange = ended;
  while (Date.now() - ended < limitMs) {
    await new Promise((done) => setTimeout(done, 200));
    const now = JSON.stringify(await readScanner(cdp, worlds));
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    } else if (Date.now() - lastChange >= 1000) {
      return lastChange - ended;
    }
  }
  return Number.POSITIVE_INFINITY;
}

async function popupState(popup: Page, mustFind: readonly string[]): Promise<PopupAnswer> {
  return popup.evaluate((values) => {
    const w = window as unknown as { __popupAnswers?: { kind: string; ms: number }[] };
    const countText = document.querySelector('.summary-count')?.textContent ?? null;
    const body = document.body.textContent ?? '';
    const firstOf = /first\s+([\d,]+)\s+of\s+more/i.exec(body)?.[1];
    const listed = new Set(
      [...document.querySelectorAll('[data-testid="identifier"]')].map((e) => e.textContent),
    );
    return {
      answers: w.__popupAnswers ?? [],
      count: countText === null ? null : Number(countText.replace(/[^\d]/g, '')),
      firstOf: firstOf ? Number(firstOf.replace(/,/g, '')) : null,
      truncated: document.querySelector('[data-testid="truncated"]') !== null,
      emptyState: document.querySelector('[data-testid="empty-state"]') !== null,
      noAnswer: document.querySelector('[data-testid="no-answer"]') !== null,
      notices: [...document.querySelectorAll('.notice-title')].map((e) => e.textContent ?? ''),
      listed: values.filter((v) => listed.has(v)),
    };
  }, mustFind);
}

/**
 * The execution contexts of the tab's isolated worlds (content scripts run in one), kept up
 * to date as they are made; the extension's is found among them by what it holds.
 */
async function isolatedWorlds(cdp: CDPSession): Promise<Set<number>> {
  const worlds = new Set<number>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated') worlds.add(context.id);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    worlds.delete(executionContextId);
  });
  await cdp.send('Runtime.enable');
  return worlds;
}

// The content script keeps its running scout in a well-known global slot of its world (one
// scout per frame); its scanner counts slices and mutation batches. Read, never changed.
const READ_SCANNER = `(() => {
  const scout = globalThis[Symbol.for('renewal-scout.frame-scout')];
  const scanner = scout && scout.scanner;
  if (!scanner || !scanner.stats) return null;
  return { ...scanner.stats, charsRead: scanner.charsRead, nodesRead: scanner.nodesRead,
    firstScanDone: scanner.firstScanDone === true,
    truncated: scanner.truncated === true, distinct: scanner.store ? scanner.store.distinct : -1 };
})()`;

async function readScanner(cdp: CDPSession, worlds: Set<number>): Promise<ScannerReading | null> {
  for (const contextId of worlds) {
    const result = await cdp
      .send('Runtime.evaluate', { expression: READ_SCANNER, contextId, returnByValue: true })
      .catch(() => undefined);
    const value = result?.result.value as ScannerReading | null | undefined;
    if (value) return value;
  }
  return null;
}
