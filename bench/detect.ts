// `npm run bench:detect`: detection figures on generated ticket pages of 1, 5 and 20 MB of
// text, in headless Chromium. A benchmark that prints a table, not a test: it fails only when
// it cannot run.
//
// The floor walk and our detector run in an isolated world made with CDP
// Page.createIsolatedWorld, the kind of world a content script runs in (DOM wrappers of its
// own, so walks cost several times what they cost in the page's world). Each measurement gets a fresh,
// settled copy of the page in a renderer process of its own and a fresh world, so each is a
// first walk, as a content script's is. mark.js runs in the page's own world, as a page
// script would run it.
//
// BENCH_SIZES=1,5 picks sizes (MB of text, 10^6 characters); BENCH_REPS sets repetitions of
// floor and detection (by default 25 up to 1 MB, 5 up to 5 MB, 2 above: the small pages' figures
// move most from one repetition to the next on a busy machine).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  bundleInWorld,
  type Copy,
  longFrames,
  longTasks,
  open,
  startBench,
  World,
} from './browser';
import { commentHtml, generateTicketPage } from './ticket-page';

const SIZES = (process.env.BENCH_SIZES ?? '1,5,20').split(',').map(Number);
const repsFor = (mb: number) => Number(process.env.BENCH_REPS ?? (mb <= 1 ? 25 : mb <= 5 ? 5 : 2));
const APPENDS = 1000;
/** mark.js gets this long per page; past it the table says so instead of waiting. */
const MARK_TIMEOUT_MS = Number(process.env.BENCH_MARK_TIMEOUT_S ?? 300) * 1000;
// The cued pattern, as a page script using mark.js would write it: a cue word, punctuation,
// then an 8-digit or serial-shaped value, across inline elements.
const MARK_PATTERN =
  '(?:deployments?(?:\\s+(?:id|number|no\\.|#))?|deploy\\s+id|serial(?:\\s+(?:number|no\\.|#))?|s/n|\\bsn#?)' +
  '[\\s:#=]*(?:is\\s+)?(?:[0-9]{8}|[a-z0-9][a-z0-9-]{4,22}[a-z0-9])';

const require = createRequire(import.meta.url);
/** What the registration for a site scanned automatically injects (lib/sites/registration.ts). */
const STYLESHEET = readFileSync(
  resolve(import.meta.dirname, '../public/content/highlights.css'),
  'utf8',
);

// Page-world scripts are plain source text: tsx would otherwise wrap their functions in a
// helper (`__name`) that does not exist in the page.
const MARK_IN_PAGE = `(async () => {
  const instance = new Mark(document.body);
  let marks = 0;
  const started = performance.now();
  await new Promise((done) => instance.markRegExp(new RegExp(PATTERN, 'gi'), {
    acrossElements: true,
    each() { marks++; },
    done,
  }));
  const markMs = performance.now() - started;
  const unmarkStarted = performance.now();
  await new Promise((done) => instance.unmark({ done }));
  return { markMs, unmarkMs: performance.now() - unmarkStarted, marks };
})()`;

// One comment per task, the way a live thread grows.
const APPEND_IN_PAGE = `(async () => {
  const thread = document.getElementById('thread');
  for (const html of COMMENTS) {
    const div = document.createElement('div');
    div.className = 'comment';
    div.innerHTML = html;
    thread.append(div);
    await new Promise((done) => setTimeout(done, 0));
  }
})()`;

interface Row {
  mb: number;
  textNodes: number;
  /** Repetitions of floor and detection. */
  reps: number;
  floorMs: number;
  detectMs: number;
  /** The median over repetitions of detection ÷ floor, each pair measured back to back. */
  medianRatio: number;
  runs: number;
  distinct: number;
  cued: number;
  scanMs: number;
  slices: number;
  longestSliceMs: number;
  longestTaskMs: number;
  longestFrameMs: number;
  styledLongestTaskMs: number;
  styledLongestFrameMs: number;
  markMs: number;
  unmarkMs: number;
  marks: number;
  paintMs: number;
  clearMs: number;
  paintFrameMs: number;
  clearFrameMs: number;
  idleFrameMs: number;
  ranges: number;
  appendBatches: number;
  appendTotalMs: number;
  appendLongestMs: number;
  appendFound: number;
}

const progress = (what: string) =>
  process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${what}\n`);

/**
 * The real scout's sliced first scan in a fresh world, painting; with the long tasks and long
 * frames seen meanwhile (a frame held back by the scan, or by a repaint it asked for, ends
 * after it: a second's wait catches it).
 */
async function slicedScanOn(
  { page, cdp }: Copy,
  bundle: string,
  mb: number,
  documentStyled: boolean,
) {
  await longTasks(page);
  await longFrames(page);
  const scan = await (await World.create(cdp, bundle)).call<{
    ms: number;
    slices: number;
    longestSliceMs: number;
    truncated: boolean;
  }>('slicedScan', false, true, documentStyled);
  if (scan.truncated) throw new Error(`${mb} MB page hit the scan cap`);
  await page.waitForTimeout(1000);
  return {
    ...scan,
    longestTaskMs: Math.max(0, ...(await longTasks(page))),
    longestFrameMs: Math.max(0, ...(await longFrames(page))),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function measure(browser: Browser, url: string, mb: number, cued: number, bundle: string) {
  const row: Partial<Row> = { mb, cued, floorMs: Infinity, detectMs: Infinity };
  // Floor and detection each get a fresh, settled copy of the page (in a renderer process of
  // its own, see `open`) and a fresh world, as a content script meets a page: first walk,
  // nothing wrapped yet, no other world's wrappers on the heap. The order alternates so that
  // drift during the run falls on both.
  progress('floor and detection');
  const ratios: number[] = [];
  row.reps = repsFor(mb);
  for (let rep = 0; rep < row.reps; rep++) {
    let floorMs = 0;
    let detectMs = 0;
    for (const which of rep % 2 ? ['detect', 'floor'] : ['floor', 'detect']) {
      const copy = await open(browser, url);
      const world = await World.create(copy.cdp, bundle);
      if (which === 'floor') {
        const f = await world.call<{ ms: number; nodes: number }>('floor');
        floorMs = f.ms;
        row.textNodes = f.nodes;
      } else {
        const d = await world.call<{ ms: number; runs: number; distinct: number }>('detect');
        detectMs = d.ms;
        row.runs = d.runs;
        row.distinct = d.distinct;
      }
      await copy.close();
    }
    row.floorMs = Math.min(row.floorMs ?? Infinity, floorMs);
    row.detectMs = Math.min(row.detectMs ?? Infinity, detectMs);
    ratios.push(detectMs / floorMs);
  }
  row.medianRatio = median(ratios);

  // Each of the measurements below gets its own fresh copy too, for the same reason.
  progress('sliced scan');
  let copy = await open(browser, url);
  const scan = await slicedScanOn(copy, bundle, mb, false);
  row.scanMs = scan.ms;
  row.slices = scan.slices;
  row.longestSliceMs = scan.longestSliceMs;
  row.longestTaskMs = scan.longestTaskMs;
  row.longestFrameMs = scan.longestFrameMs;

  // A site scanned automatically: the highlight stylesheet is registered with the content
  // script and in the page from its first style (here: adopted by a script that runs when the
  // document is created, before the page's first style), so painting restyles nothing.
  progress('sliced scan, stylesheet in the page from the start');
  await copy.close();
  copy = await open(browser, url, async (cdp) => {
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: `(() => { const sheet = new CSSStyleSheet(); sheet.replaceSync(${JSON.stringify(STYLESHEET)}); document.adoptedStyleSheets = [sheet]; })()`,
      worldName: 'renewal-scout-bench-styles',
    });
  });
  if ((await copy.page.evaluate(() => document.adoptedStyleSheets.length)) !== 1) {
    throw new Error('the stylesheet was not in the page from the start');
  }
  const styled = await slicedScanOn(copy, bundle, mb, true);
  row.styledLongestTaskMs = styled.longestTaskMs;
  row.styledLongestFrameMs = styled.longestFrameMs;
  // The rest measures the on-demand case again: fresh copies without the stylesheet.
  await copy.close();
  copy = await open(browser, url);

  progress('highlight and clear');
  const hl = await (await World.create(copy.cdp, bundle)).call<{
    ranges: number;
    paintMs: number;
    clearMs: number;
    paintFrameMs: number;
    clearFrameMs: number;
    idleFrameMs: number;
  }>('highlight');
  Object.assign(row, hl);

  progress('appending comments');
  // Appending comments, on a fresh copy of the page with the scout watching it.
  await copy.close();
  copy = await open(browser, url);
  const watcher = await World.create(copy.cdp, bundle);
  const before = await watcher.call<{ distinct: number }>('slicedScan', true);
  const comments = Array.from({ length: APPENDS }, (_, i) => commentHtml(i));
  await copy.page.evaluate(APPEND_IN_PAGE.replace('COMMENTS', JSON.stringify(comments)));
  const after = await watcher.call<{
    mutationBatches: number;
    mutationMs: number;
    longestBatchMs: number;
    distinct: number;
  }>('watchStats');
  row.appendBatches = after.mutationBatches;
  row.appendTotalMs = after.mutationMs;
  row.appendLongestMs = after.longestBatchMs;
  row.appendFound = after.distinct - before.distinct;
  await copy.close();

  // mark.js last, on a fresh copy: it rewrites the page, and on big pages it may not finish.
  progress('mark.js');
  copy = await open(browser, url);
  const { page } = copy;
  await page.addScriptTag({ path: require.resolve('mark.js/dist/mark.min.js') });
  let timer: NodeJS.Timeout | undefined;
  const mark = await Promise.race([
    page
      .evaluate<{ markMs: number; unmarkMs: number; marks: number }>(
        MARK_IN_PAGE.replace('PATTERN', JSON.stringify(MARK_PATTERN)),
      )
      // Cut off: closing the copy below ends the evaluation with an error nobody waits for.
      .catch(() => null),
    new Promise<null>((done) => {
      timer = setTimeout(() => done(null), MARK_TIMEOUT_MS);
    }),
  ]);
  // A pending cut-off would keep the benchmark's process alive for minutes after the table.
  clearTimeout(timer);
  Object.assign(row, mark ?? { markMs: Number.NaN, unmarkMs: Number.NaN, marks: 0 });
  // A mark.js still running past the cut-off goes with its renderer process.
  await copy.close();
  return row as Row;
}

// Ours counts the rendered frames too; mark.js's figures are its own synchronous work only
// (its relayout comes on top), so the comparison leans in mark.js's favour.
const ours = (r: Row) => r.detectMs + r.paintFrameMs + r.clearFrameMs;

const ms = (n: number) =>
  Number.isNaN(n) ? `> ${MARK_TIMEOUT_MS / 1000} s` : n >= 100 ? n.toFixed(0) : n.toFixed(1);

function print(rows: Row[]): void {
  const table = [
    ['page (MB of text)', (r: Row) => String(r.mb)],
    ['text nodes', (r: Row) => r.textNodes.toLocaleString('en')],
    ['block runs', (r: Row) => r.runs.toLocaleString('en')],
    ['cued written / distinct found', (r: Row) => `${r.cued} / ${r.distinct}`],
    ['floor and detection: repetitions (best of)', (r: Row) => String(r.reps)],
    ['floor: bare TreeWalker walk (ms)', (r: Row) => ms(r.floorMs)],
    ['full detection (ms)', (r: Row) => ms(r.detectMs)],
    [
      'detection / floor (target ≤ 2): best ÷ best, median of pairs',
      (r: Row) => `${(r.detectMs / r.floorMs).toFixed(2)}, ${r.medianRatio.toFixed(2)}`,
    ],
    ['sliced scan, wall (ms) / slices', (r: Row) => `${ms(r.scanMs)} / ${r.slices}`],
    ['longest slice (ms)', (r: Row) => ms(r.longestSliceMs)],
    [
      'longest task seen (ms, target ≤ 50)',
      (r: Row) => (r.longestTaskMs ? ms(r.longestTaskMs) : 'none > 50'),
    ],
    [
      '  longest frame, rendering included (ms)',
      (r: Row) => (r.longestFrameMs ? ms(r.longestFrameMs) : 'none > 50'),
    ],
    [
      'auto-scan site (stylesheet from the start): longest task / frame (ms)',
      (r: Row) =>
        `${r.styledLongestTaskMs ? ms(r.styledLongestTaskMs) : 'none > 50'} / ${
          r.styledLongestFrameMs ? ms(r.styledLongestFrameMs) : 'none > 50'
        }`,
    ],
    [
      'mark.js mark + unmark (ms)',
      (r: Row) => `${ms(r.markMs + r.unmarkMs)} (${ms(r.markMs)} + ${ms(r.unmarkMs)})`,
    ],
    ['mark.js marks', (r: Row) => String(r.marks)],
    [
      'our highlight + clear, script only (ms)',
      (r: Row) =>
        `${ms(r.paintMs + r.clearMs)} (${ms(r.paintMs)} + ${ms(r.clearMs)}), ${r.ranges} ranges`,
    ],
    [
      '  … until the next frame rendered (ms)',
      (r: Row) =>
        `${ms(r.paintFrameMs + r.clearFrameMs)} (${ms(r.paintFrameMs)} + ${ms(r.clearFrameMs)}); idle frame ${ms(r.idleFrameMs)}`,
    ],
    ['ours: detection + highlight + clear, rendered (ms)', (r: Row) => ms(ours(r))],
    [
      'mark.js / ours (target ≥ 2.5)',
      // mark.js cut off at the time limit: it took at least that long.
      (r: Row) =>
        Number.isNaN(r.markMs)
          ? `≥ ${(MARK_TIMEOUT_MS / ours(r)).toFixed(1)}`
          : ((r.markMs + r.unmarkMs) / ours(r)).toFixed(1),
    ],
    [
      `${APPENDS} appended comments: batches`,
      (r: Row) => `${r.appendBatches} (found ${r.appendFound} new)`,
    ],
    ['  total (ms)', (r: Row) => ms(r.appendTotalMs)],
    [
      '  per batch: mean / longest (ms)',
      (r: Row) =>
        `${(r.appendTotalMs / r.appendBatches).toFixed(3)} / ${r.appendLongestMs.toFixed(3)}`,
    ],
  ] as const;
  const width = Math.max(...table.map(([label]) => label.length));
  const cells = table.map(([label, cell]) => [label.padEnd(width), ...rows.map(cell)]);
  const colWidth = rows.map((_, i) => Math.max(...cells.map((c) => (c[i + 1] ?? '').length)));
  for (const c of cells) {
    console.log(
      `${c[0]}  ${c
        .slice(1)
        .map((v, i) => v.padStart(colWidth[i] ?? 0))
        .join('  ')}`,
    );
  }
}

async function main(): Promise<void> {
  const bench = await startBench();
  const { browser } = bench;
  try {
    const bundle = await bundleInWorld();
    const rows: Row[] = [];
    for (const mb of SIZES) {
      const { html, cued } = generateTicketPage(mb * 1_000_000, mb);
      const url = bench.serve(`ticket-${mb}mb.html`, html);
      process.stderr.write(`measuring ${mb} MB…\n`);
      rows.push(await measure(browser, url, mb, cued, bundle));
      // The table so far after every size: the biggest page takes minutes.
      console.log(
        `\nRenewal Scout detection benchmark — Chromium ${browser.version()}, each measurement on a fresh copy of the page in a renderer process of its own, in a fresh isolated world\n`,
      );
      print(rows);
    }
  } finally {
    await bench.close();
  }
}

await main();
