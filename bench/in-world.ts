// Runs inside an isolated world of the benchmark page (bundled by bench/browser.ts and
// evaluated through CDP in a world made with Page.createIsolatedWorld, the same kind of world
// a content script gets). Every function returns plain figures. bench/detect.ts calls some of
// them; every one can be run on its own with `npm run bench:probe -- NAME...`.

import { detectInRun } from '../lib/identifiers';
import { detector } from '../lib/scan/detector';
import type { Match } from '../lib/scan/detector-port';
import { type FrameScout, startFrameScout } from '../lib/scan/frame-scout';
import { createPainter, type Mark, noPainter, type Painter } from '../lib/scan/highlights';

/** The floor: a bare TreeWalker over every text node, reading its data. */
function floor() {
  const started = performance.now();
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += (node as Text).data.length;
    nodes++;
  }
  return { ms: performance.now() - started, nodes, chars };
}

function detectAll(): { matches: Match[]; runs: number } {
  const walker = detector.createRunWalker(document);
  const matches: Match[] = [];
  let runs = 0;
  for (let run = walker.next(); run; run = walker.next()) {
    runs++;
    for (const m of detectInRun(run)) matches.push(m);
  }
  return { matches, runs };
}

/** The walk into block runs alone, no rules: where detection's time goes. */
function walkRuns() {
  const started = performance.now();
  const walker = detector.createRunWalker(document);
  let runs = 0;
  let longest = 0;
  for (let run = walker.next(); run; run = walker.next()) {
    runs++;
    if (run.text.length > longest) longest = run.text.length;
  }
  return { ms: performance.now() - started, runs, longest };
}

/** Rule time per run, worst runs first: what a long slice is made of. */
function slowestRuns() {
  const walker = detector.createRunWalker(document);
  const costs: { ms: number; chars: number; block: string; text: string }[] = [];
  for (let run = walker.next(); run; run = walker.next()) {
    const started = performance.now();
    detectInRun(run);
    const ms = performance.now() - started;
    if (ms > 1) {
      costs.push({
        ms,
        chars: run.text.length,
        block: (run.block as Element).localName ?? run.block.nodeName,
        text: run.text.slice(0, 80),
      });
    }
  }
  return costs.sort((a, b) => b.ms - a.ms).slice(0, 10);
}

/** Full detection, unsliced: the walk into block runs and every rule on every run. */
function detect() {
  const started = performance.now();
  const { matches, runs } = detectAll();
  const ms = performance.now() - started;
  const distinct = new Set(matches.map((m) => `${m.kind}:${m.value}`)).size;
  return { ms, runs, matches: matches.length, distinct };
}

/**
 * Our highlight of every match, then its removal: the script's own time, and the time until
 * the frame after each has rendered (Chromium repaints the document for a highlight change).
 */
async function highlight() {
  const { matches } = detectAll();
  await rendered();
  const started = performance.now();
  const painter = createPainter(document);
  paintAll(painter, matches);
  painter.setEnabled(true);
  const paintMs = performance.now() - started;
  const paintFrameMs = paintMs + (await rendered());
  // Clearing is what switching highlights off does; the sheet stays adopted (see highlights.ts).
  const clearStarted = performance.now();
  painter.setEnabled(false);
  const clearMs = performance.now() - clearStarted;
  const clearFrameMs = clearMs + (await rendered());
  painter.dispose();
  await rendered();
  const idleFrameMs = await rendered();
  return { ranges: matches.length, paintMs, clearMs, paintFrameMs, clearFrameMs, idleFrameMs };
}

/** Paints every match; returns what each was painted with, in order. */
function paintAll(painter: Painter, matches: Match[]): Mark[] {
  const marks: Mark[] = [];
  for (const m of matches) {
    const mark = painter.mark(m);
    if (!mark) throw new Error('this browser cannot paint highlights');
    painter.add(mark, m.kind);
    marks.push(mark);
  }
  return marks;
}

/** After the next frame has rendered: the time a change costs the page's rendering. */
function rendered(): Promise<number> {
  const started = performance.now();
  return new Promise((done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now() - started);
      channel.port2.postMessage(null);
    }),
  );
}

/** What one change to a registered highlight costs the next frame, against no change. */
async function highlightUpdateCost() {
  const { matches } = detectAll();
  const painter = createPainter(document);
  const marks = paintAll(painter, matches);
  painter.setEnabled(true);
  await rendered();
  await rendered();
  const idle = Math.min(await rendered(), await rendered(), await rendered());
  const costs: number[] = [];
  for (const [i, m] of matches.slice(0, 5).entries()) {
    const mark = marks[i] as Mark;
    painter.remove(mark, m.kind);
    costs.push(await rendered());
    painter.add(mark, m.kind);
    costs.push(await rendered());
  }
  painter.dispose();
  return { idleFrameMs: idle, changedFrameMs: costs };
}

/** The page's own frame after appending a comment, with and without our highlights on. */
async function appendFrameCost() {
  const { matches } = detectAll();
  const thread = document.getElementById('thread') as HTMLElement;
  const append = async () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>one more comment</p>';
    thread.append(div);
    return rendered();
  };
  const without: number[] = [];
  for (let i = 0; i < 5; i++) without.push(await append());
  const painter = createPainter(document);
  paintAll(painter, matches);
  painter.setEnabled(true);
  await rendered();
  const withHighlights: number[] = [];
  for (let i = 0; i < 5; i++) withHighlights.push(await append());
  painter.dispose();
  return { without, withHighlights };
}

/** Which step of showing highlights costs the page its frames. */
async function highlightStepCosts() {
  const { matches } = detectAll();
  await rendered();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('::highlight(rs-probe){background-color:#ffd54f;color:#111}');
  const out: Record<string, number> = { idle: await rendered() };
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  out.adoptSheet = await rendered();
  const highlight = new Highlight();
  for (const m of matches) highlight.add(new StaticRange(m));
  CSS.highlights.set('rs-probe', highlight);
  out.registerFilled = await rendered();
  highlight.delete([...highlight][0] as AbstractRange);
  out.changeOne = await rendered();
  const ranges = [...highlight];
  highlight.clear();
  out.clearContents = await rendered();
  for (const r of ranges) highlight.add(r);
  out.refill = await rendered();
  CSS.highlights.delete('rs-probe');
  out.unregister = await rendered();
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  out.removeSheet = await rendered();
  return out;
}

/** The detector's walker set-up and its first run: work the first slice cannot split. */
function walkerSetup() {
  const started = performance.now();
  const walker = detector.createRunWalker(document);
  const setupMs = performance.now() - started;
  const firstStarted = performance.now();
  walker.next();
  return { setupMs, firstRunMs: performance.now() - firstStarted };
}

/** How many runs reach the rules under the detector's digit test and under a token test. */
function prefilterCounts() {
  const walker = detector.createRunWalker(document);
  const token = /[0-9][A-Za-z0-9-]{5}|[A-Za-z0-9-]{5}[0-9]/;
  let runs = 0;
  let digit = 0;
  let tokens = 0;
  for (let run = walker.next(); run; run = walker.next()) {
    runs++;
    if (/[0-9]/.test(run.text)) digit++;
    if (token.test(run.text)) tokens++;
  }
  return { runs, digit, tokens };
}

let watching: FrameScout | undefined;
let reports = 0;

/** The real scout, sliced, with highlights; resolves when its first scan is done. */
async function slicedScan(keepWatching: boolean, paint = true, documentStyled = false) {
  const started = performance.now();
  const scout = startFrameScout(
    document,
    {
      send: async () => {
        reports++;
        return { highlights: true };
      },
      listen: () => () => {},
      alive: () => true,
    },
    paint ? { detector, documentStyled } : { detector, painter: noPainter },
  );
  while (!scout.scanner.firstScanDone) await new Promise((done) => setTimeout(done, 5));
  const ms = performance.now() - started;
  const { stats, charsRead, nodesRead } = scout.scanner;
  if (!stats) throw new Error('the scanner was bundled without its figures');
  const result = {
    ms,
    slices: stats.slices,
    longestSliceMs: stats.longestSliceMs,
    charsRead,
    nodesRead,
    distinct: scout.scanner.store.distinct,
    truncated: scout.scanner.truncated,
    reports,
  };
  if (keepWatching) watching = scout;
  else scout.stop();
  return result;
}

async function watchStats() {
  if (!watching) throw new Error('no scout is watching');
  await watching.scanner.idle();
  const { stats } = watching.scanner;
  if (!stats) throw new Error('the scanner was bundled without its figures');
  return {
    mutationBatches: stats.mutationBatches,
    mutationMs: stats.mutationMs,
    longestBatchMs: stats.longestBatchMs,
    rescans: stats.rescans,
    distinct: watching.scanner.store.distinct,
    reports,
  };
}

(globalThis as { __scoutBench?: unknown }).__scoutBench = {
  floor,
  walkRuns,
  slowestRuns,
  detect,
  highlight,
  slicedScan,
  highlightUpdateCost,
  appendFrameCost,
  highlightStepCosts,
  walkerSetup,
  prefilterCounts,
  watchStats,
};
