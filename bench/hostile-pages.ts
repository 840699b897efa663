// Large and hostile pages for `npm run bench:hostile` and test/e2e/hostile-pages.e2e.ts: the
// shapes resellers really open (a portal export, an asset sheet, a monitoring feed) and the
// shapes that defeat a detector (one endless text run, one enormous text node). Deterministic,
// no network. Every page carries its own responsiveness probe and the answer it expects, on
// `window.__hostile`, so a harness can judge the popup and the page without knowing the page.

import { generateTicketPage } from './ticket-page';

/** What the extension should report for a page. */
export interface ExpectedAnswer {
  /** Distinct identifiers on the page (after a storm: at its end). */
  distinct: number;
  deployments: number;
  serials: number;
  /** Values that must be listed: found early in the page, so any cap point keeps them. */
  mustFind: string[];
  /** The page is bigger than the scan's total cap: "scan truncated" is an honest answer. */
  mayTruncate: boolean;
}

export interface HostilePage {
  name: string;
  /** One line for the benchmark's table. */
  title: string;
  html: string;
  expected: ExpectedAnswer;
  /** A storm page: `window.__hostile.storm()` runs it; its length in seconds. */
  stormSeconds?: number;
}

/** What the page exposes on `window.__hostile` (read it with `page.evaluate`). */
export interface ProbeReading {
  /** Milliseconds since the probe started or was last reset. */
  sinceMs: number;
  /** The longest gap between two ticks of the page's own frame-length timer. */
  longestGapMs: number;
  ticks: number;
  longFrames: LongFrame[];
  longTasks: number[];
}

export interface LongFrame {
  startTime: number;
  duration: number;
  blockingDuration: number;
  /** Style and layout of the frame's rendering phase, after its scripts. */
  renderMs: number;
  scripts: { sourceURL: string; invoker: string; invokerType: string; duration: number }[];
}

export interface StormResult {
  appended: number;
  ms: number;
}

// The probe runs in the page's own world from the first script in <head>, as a page's own
// code would: a frame-length interval whose longest gap is how long the page could not run, and
// observers of long tasks and long animation frames (with their scripts, for attribution).
// Plain source text: tsx would wrap functions in a helper the page does not have.
const PROBE = `(() => {
  const probe = { since: performance.now(), last: performance.now(), longestGapMs: 0, ticks: 0,
    longFrames: [], longTasks: [] };
  setInterval(() => {
    const now = performance.now();
    if (now - probe.last > probe.longestGapMs) probe.longestGapMs = now - probe.last;
    probe.last = now;
    probe.ticks++;
  }, 16);
  const observe = (type, take) => {
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) take(e); })
        .observe({ type, buffered: true });
    } catch {}
  };
  observe('longtask', (e) => probe.longTasks.push(e.duration));
  observe('long-animation-frame', (e) => probe.longFrames.push({
    startTime: e.startTime,
    duration: e.duration,
    blockingDuration: e.blockingDuration,
    renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
    scripts: e.scripts.map((s) => ({ sourceURL: s.sourceURL, invoker: s.invoker,
      invokerType: s.invokerType, duration: s.duration })),
  }));
  window.__hostile = {
    expected: EXPECTED,
    reset() {
      probe.since = probe.last = performance.now();
      probe.longestGapMs = 0;
      probe.ticks = 0;
      probe.longFrames = [];
      probe.longTasks = [];
    },
    read() {
      const now = performance.now();
      const gap = Math.max(probe.longestGapMs, now - probe.last);
      return { sinceMs: now - probe.since, longestGapMs: gap, ticks: probe.ticks,
        longFrames: probe.longFrames.slice(), longTasks: probe.longTasks.slice() };
    },
    storm: STORM,
  };
})();`;

// A monitoring feed: lines appended one node at a time at a steady rate, the oldest dropped
// past `keep`, and one status line rewritten on every tick. Each line carries a cued ID from a
// fixed pool, so the answer at the end is known however many lines went by. Ticks are
// setTimeout(0) tasks, so the page's own work stays in small tasks and its timer keeps running.
const STORM = `(options) => new Promise((done) => {
  const feed = document.getElementById('feed');
  const status = document.getElementById('status');
  const id = (i) => String(STORM_BASE + (i % STORM_POOL) * 13);
  const started = performance.now();
  let last = started;
  let appended = 0;
  const tick = () => {
    const now = performance.now();
    if (now - started >= options.seconds * 1000) {
      done({ appended, ms: now - started });
      return;
    }
    const due = Math.min(Math.round(((now - last) * options.perSecond) / 1000), 2000);
    last = now;
    for (let i = 0; i < due; i++, appended++) {
      const line = document.createElement('div');
      line.textContent = 'Deployment ID ' + id(appended) + ' is up';
      feed.append(line);
    }
    while (feed.childElementCount > options.keep) feed.firstElementChild.remove();
    status.textContent = 'Last heartbeat: deployment ' + id(appended) + ' is up';
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
})`;

const STORM_BASE = 40_000_000;

function page(
  name: string,
  title: string,
  body: string,
  expected: ExpectedAnswer,
  storm = 'undefined',
): HostilePage {
  const probe = PROBE.replace('EXPECTED', () => JSON.stringify(expected)).replace(
    'STORM',
    () => storm,
  );
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>` +
    `<script>${probe}</script></head><body>\n${body}\n</body></html>\n`;
  return { name, title, html, expected };
}

/** The nth distinct 8-digit deployment ID of a page (never joined by `.` or `-`). */
const deploymentId = (n: number, base = 10_000_000) => String(base + n * 7);
/** The nth distinct serial: two letters and six digits. */
const serialOf = (n: number) => `VA${String(100_000 + n)}`;

const counted = (
  deployments: number,
  serials: number,
  mustFind: string[],
  mayTruncate = false,
) => ({
  distinct: deployments + serials,
  deployments,
  serials,
  mustFind,
  mayTruncate,
});

/** A portal export: one table, a "Deployment ID" column header cueing every row. */
export function deploymentTable(rows = 600): HostilePage {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(`<tr><td>${deploymentId(i)}</td><td>Branch ${i + 1}</td><td>Active</td></tr>`);
  }
  return page(
    `table-${rows}`,
    `a table of ${rows} cued deployment IDs`,
    '<table><thead><tr><th>Deployment ID</th><th>Site</th><th>Status</th></tr></thead>' +
      `<tbody>\n${lines.join('\n')}\n</tbody></table>`,
    counted(rows, 0, [deploymentId(0)]),
  );
}

/** An asset sheet: half deployments, half serials, each cued by its column header. */
export function assetSheet(identifiers = 5000): HostilePage {
  const rows = Math.ceil(identifiers / 2);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `<tr><td>${deploymentId(i)}</td><td>${serialOf(i)}</td><td>Rack ${i % 40}</td></tr>`,
    );
  }
  return page(
    `sheet-${rows * 2}`,
    `${(rows * 2).toLocaleString('en')} identifiers (deployments and serials) cued by column headers`,
    '<table><thead><tr><th>Deployment ID</th><th>Serial Number</th><th>Location</th></tr>' +
      `</thead><tbody>\n${lines.join('\n')}\n</tbody></table>`,
    counted(rows, rows, [deploymentId(0), serialOf(0)]),
  );
}

/** One cue, then a comma-joined list that counts whole: one text run, one text node. */
export function cuedList(count = 100_000): HostilePage {
  const ids = Array.from({ length: count }, (_, i) => deploymentId(i));
  return page(
    `list-${count}`,
    `one cue followed by ${count.toLocaleString('en')} comma-joined numbers`,
    `<p>Deployment IDs: ${ids.join(', ')}</p>`,
    counted(count, 0, [deploymentId(0)]),
  );
}

/** `Deployment ID NNNNNNNN ` over and over in one text node. */
export function repeatedCue(count = 200_000): HostilePage {
  let text = '';
  for (let i = 0; i < count; i++) text += `Deployment ID ${deploymentId(i)} `;
  return page(
    `repeated-${count}`,
    `\`Deployment ID \` repeated ${count.toLocaleString('en')} times with IDs`,
    `<p>${text}</p>`,
    counted(count, 0, [deploymentId(0)]),
  );
}

/** Digits derived from a seed, without a generator's state to carry between calls. */
function digitRun(length: number, seed: number): string {
  const block = Array.from({ length: 997 }, (_, i) => String((i * 7919 + seed) % 10)).join('');
  return block.repeat(Math.ceil(length / block.length)).slice(0, length);
}

/**
 * One line of digits `mb` MB long, as one token: no identifier inside, one cued before it and
 * one after it in the same run, so the whole run must be read.
 */
export function digitLine(mb = 5): HostilePage {
  const length = Math.round(mb * 1_000_000);
  return page(
    `digits-${mb}mb`,
    `a ${mb} MB line of digits`,
    `<p>Deployment ID 14181336: ${digitRun(length, 3)} and deployment 85922823</p>`,
    counted(2, 0, ['14181336', '85922823']),
  );
}

/** `S/N` and then `mb` MB of letters and digits in one token, then a real serial in the run. */
export function serialBlob(mb = 1): HostilePage {
  const length = Math.round(mb * 1_000_000);
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  const block = Array.from({ length: 1009 }, (_, i) => letters[(i * 31 + 7) % letters.length]);
  const blob = block
    .join('')
    .repeat(Math.ceil(length / block.length))
    .slice(0, length);
  return page(
    `serial-blob-${mb}mb`,
    `\`S/N\` followed by ${mb} MB of letters and digits`,
    `<p>S/N ${blob}. Replacement S/N VS0164AB.</p>`,
    counted(0, 1, ['VS0164AB']),
  );
}

/**
 * One text node of `mb` MB, bigger than the scan's total cap, with a cued ID in its first 25
 * characters: whatever precedes the cap point must be found. The page's script makes the node
 * (Chromium's parser splits long text into nodes of 64 K characters), inside a closed
 * <details>, a log folded away as a ticket would show it: still read (text hidden by CSS
 * is), never laid out, so the page loads in seconds rather than minutes.
 */
export function hugeTextNode(mb = 50): HostilePage {
  const head = 'Deployment ID 14181336. ';
  const filler = 'status ok, no change. ';
  const repeats = Math.ceil((mb * 1_000_000 - head.length) / filler.length);
  return page(
    `text-node-${mb}mb`,
    `a ${mb} MB text node with an ID in its first 25 characters`,
    '<details><summary>Full log</summary><div id="log"></div></details>' +
      `<script>document.getElementById('log').textContent = ${JSON.stringify(head)} + ` +
      `${JSON.stringify(filler)}.repeat(${repeats});</script>`,
    counted(1, 0, ['14181336'], true),
  );
}

export interface StormOptions {
  seconds?: number;
  perSecond?: number;
  /** Distinct IDs cycled through by the feed. */
  pool?: number;
  /** Lines the feed keeps; the oldest go. */
  keep?: number;
  /** MB of ticket text already on the page, so the first scan has work to do. */
  ticketMb?: number;
}

/**
 * A monitoring feed in a storm: a ticket page that, once `window.__hostile.storm()` is
 * called, appends cued lines continuously for `seconds` and stops by itself.
 */
export function stormPage(options: StormOptions = {}): HostilePage {
  const { seconds = 10, perSecond = 50_000, pool = 1000, keep = 20_000, ticketMb = 1 } = options;
  const ticket = ticketBody(ticketMb);
  const stormIds = Array.from({ length: pool }, (_, i) => String(STORM_BASE + i * 13));
  const storm = STORM.replaceAll('STORM_BASE', String(STORM_BASE)).replaceAll(
    'STORM_POOL',
    String(pool),
  );
  const call = `(o) => (${storm})({ seconds: ${seconds}, perSecond: ${perSecond}, keep: ${keep}, ...o })`;
  const result = page(
    `storm-${seconds}s`,
    `a storm: ${perSecond.toLocaleString('en')} cued lines a second for ${seconds} s`,
    `${ticket.body}<div id="status"></div><div id="feed"></div>`,
    counted(new Set([...ticket.deployments, ...stormIds]).size, ticket.serials.size, [
      ...ticket.mustFind,
      stormIds[0] as string,
    ]),
    call,
  );
  // Every pool ID is on the page at the end only if the feed cycled through the whole pool.
  if (Math.min(keep, seconds * perSecond) < pool) throw new Error('the storm is too short');
  return { ...result, stormSeconds: seconds };
}

/** A page of about `elements` elements, a cued deployment ID in every hundredth row. */
export function elementPage(elements = 1_000_000): HostilePage {
  const rows = Math.round(elements / 10);
  const parts: string[] = [];
  let ids = 0;
  for (let r = 0; r < rows; r++) {
    // A row is a div and nine inline elements: ten elements.
    if (r % 100 === 0) {
      parts.push(
        `<div><b>Deployment ID</b> <i>${deploymentId(ids++)}</i> <i>a</i><i>b</i><i>c</i><i>d</i><i>e</i><i>f</i><i>g</i><i>h</i></div>`,
      );
    } else {
      parts.push(
        '<div><i>a</i><i>b</i><i>c</i><i>d</i><i>e</i><i>f</i><i>g</i><i>h</i><i>k</i></div>',
      );
    }
  }
  return page(
    `elements-${Math.round(elements / 1000)}k`,
    `a page of ${elements.toLocaleString('en')} elements`,
    parts.join('\n'),
    counted(ids, 0, [deploymentId(0)]),
  );
}

/** The ticket body of bench/ticket-page.ts, without its document, and what it holds. */
function ticketBody(mb: number) {
  const ticket = generateTicketPage(mb * 1_000_000, 1);
  const body = ticket.html.slice(ticket.html.indexOf('<main'), ticket.html.indexOf('</body>'));
  return { body, ...ticket.written, mustFind: ticket.written.first };
}

/** The helpdesk ticket of bench/ticket-page.ts (`mb` MB of text). */
export function ticketPage(mb = 1): HostilePage {
  const ticket = ticketBody(mb);
  return page(
    `ticket-${mb}mb`,
    `a ${mb} MB helpdesk ticket`,
    ticket.body,
    counted(ticket.deployments.size, ticket.serials.size, ticket.mustFind),
  );
}

/** Every page, at the benchmark's sizes, built only when asked for (some are very large). */
export const HOSTILE_PAGES: Record<string, () => HostilePage> = {
  'table-600': () => deploymentTable(600),
  'sheet-5000': () => assetSheet(5000),
  'list-100k': () => cuedList(100_000),
  'repeated-200k': () => repeatedCue(200_000),
  'digits-5mb': () => digitLine(5),
  'serial-blob-1mb': () => serialBlob(1),
  'text-node-50mb': () => hugeTextNode(50),
  storm: () => stormPage({ seconds: Number(process.env.BENCH_STORM_S ?? 10) }),
  'elements-1m': () => elementPage(1_000_000),
  'ticket-1mb': () => ticketPage(1),
};
