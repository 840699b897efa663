import { describe, expect, test } from 'vitest';
import type { DetectionsReport } from '../messaging/content-protocol';
import { REPORT_PAGE_SIZE } from '../messaging/report-limits';
import { type FrameScout, isContentCommand, type ScoutPort, startFrameScout } from './frame-scout';
import { DEFAULT_LIMITS, type ScanLimits } from './limits';
import { type CountingDetector, countingDetector } from './testing/counting-detector';
import { EMPTY_FIRST_REPORT } from './testing/empty-report';
import { macrotask, settle, stopAfterEach, storeValues } from './testing/harness';
import { ManualClock } from './testing/manual-clock';
import { type RecordingPainter, recordingPainter } from './testing/recording-painter';
import { statsOf } from './testing/stats';

interface Harness {
  scout: FrameScout;
  detector: CountingDetector;
  painter: RecordingPainter;
  clock: ManualClock;
  reports: DetectionsReport[];
  command(message: unknown): void;
  /** Lets the observer deliver and the scanner finish every slice. */
  settle(): Promise<void>;
  values(): string[];
}

const running = stopAfterEach<FrameScout>();

function start(
  html: string,
  limits: Partial<ScanLimits> = {},
  step = 0,
  frameMs?: number,
  painter: RecordingPainter = recordingPainter(),
): Harness {
  document.body.innerHTML = html;
  const detector = countingDetector();
  const clock = new ManualClock(step);
  const reports: DetectionsReport[] = [];
  let onCommand: (m: unknown) => void = () => {};
  const port: ScoutPort = {
    send: async (report) => {
      reports.push(report);
      return { highlights: true, received: report.page === report.pages - 1 ? 'report' : 'page' };
    },
    listen(listener) {
      onCommand = listener;
      return () => {
        onCommand = () => {};
      };
    },
    alive: () => true,
  };
  const scout = startFrameScout(document, port, {
    detector,
    painter,
    clock,
    limits: { ...DEFAULT_LIMITS, ...limits },
    yieldToPage: macrotask,
    frameCost: (done) => {
      if (frameMs !== undefined) done(frameMs);
    },
  });
  running(scout);
  return {
    scout,
    detector,
    painter,
    clock,
    reports,
    command: (m) => onCommand(m),
    settle: () => settle(scout.scanner),
    values: () => storeValues(scout.scanner),
  };
}

const comment = (n: number, id: string) =>
  `<div class="comment"><b>Agent ${n}</b><p>Moved to deployment ${id} today.</p></div>`;

function thread(count: number): string {
  let html = '<div id="thread">';
  for (let i = 0; i < count; i++) html += comment(i, String(10000000 + i));
  return `${html}</div>`;
}

describe('the first scan', () => {
  test('reads the page in slices and resumes where each slice stopped', async () => {
    // Every clock reading costs 1 ms: an 8 ms slice ends after a few runs.
    const h = start(thread(40), { sliceMs: 8 }, 1);
    await h.settle();
    expect(statsOf(h.scout.scanner).slices).toBeGreaterThan(5);
    expect(h.scout.scanner.firstScanDone).toBe(true);
    expect(h.values()).toHaveLength(40);
    // Each run read once: resuming never re-reads or skips.
    const texts = h.detector.runs.map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.filter((t) => t.includes('deployment'))).toHaveLength(40);
  });

  test('stops at the work cap and reports the scan as truncated', async () => {
    const h = start(thread(200), { maxChars: 2_000 });
    await h.settle();
    const last = h.reports.at(-1);
    expect(h.scout.scanner.truncated).toBe(true);
    expect(last?.truncated).toBe(true);
    expect(last?.identifiers.length).toBeGreaterThan(0);
    expect(last?.identifiers.length).toBeLessThan(200);
    // Truncated means stopped: later changes are not read.
    document.body.insertAdjacentHTML('beforeend', '<p>deployment 99999999</p>');
    await h.settle();
    expect(h.values().some((v) => v.startsWith('99999999'))).toBe(false);
  });

  test('also caps the number of nodes read', async () => {
    const h = start(thread(200), { maxNodes: 300 });
    await h.settle();
    expect(h.reports.at(-1)?.truncated).toBe(true);
  });

  test('reports an empty page once, so the background knows the frame was scanned', async () => {
    const h = start('<p>Nothing to see.</p>');
    await h.settle();
    expect(h.reports).toEqual([EMPTY_FIRST_REPORT]);
  });

  test('paints every match and forgets the paint of matches that are gone', async () => {
    const h = start(thread(3));
    await h.settle();
    expect(h.painter.enabled).toBe(true);
    expect(h.painter.painted.size).toBe(3);
    document.querySelector('.comment')?.remove();
    await h.settle();
    // Repaints are paced: the change waits for the next one.
    expect(h.painter.painted.size).toBe(3);
    h.clock.advance(100);
    expect(h.painter.painted.size).toBe(2);
  });

  test('repaints less often on a page whose repaint frames are slow', async () => {
    const h = start(thread(2), {}, 0, 300);
    await h.settle();
    expect(h.painter.painted.size).toBe(2);
    document.querySelector('#thread')?.insertAdjacentHTML('beforeend', comment(9, '90909090'));
    await h.settle();
    h.clock.advance(2900);
    expect(h.painter.painted.size).toBe(2);
    h.clock.advance(100);
    expect(h.painter.painted.size).toBe(3);
  });

  test('repaints once per interval however many batches of changes come in between', async () => {
    const h = start(thread(2));
    await h.settle();
    const adds: number[] = [];
    const add = h.painter.add;
    h.painter.add = (o, kind) => {
      adds.push(h.clock.time);
      add(o, kind);
    };
    const container = document.querySelector('#thread') as HTMLElement;
    for (let i = 0; i < 10; i++) {
      container.insertAdjacentHTML('beforeend', comment(i, String(60000000 + i)));
      await h.settle();
      h.clock.advance(20);
    }
    h.clock.advance(100);
    expect(h.painter.painted.size).toBe(12);
    // Ten batches over 200 ms, painted in a handful of flushes at least 100 ms apart.
    const flushes = [...new Set(adds)];
    expect(flushes.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < flushes.length; i++) {
      expect((flushes[i] ?? 0) - (flushes[i - 1] ?? 0)).toBeGreaterThanOrEqual(100);
    }
  });
});

describe('keeping up with changes', () => {
  test('reads an appended comment and nothing else', async () => {
    const h = start(thread(100));
    await h.settle();
    h.detector.reset();
    document.querySelector('#thread')?.insertAdjacentHTML('beforeend', comment(100, '77777777'));
    await h.settle();
    expect(h.values()).toContain('77777777×1');
    expect(h.values()).toHaveLength(101);
    // One walker over the new comment only: its two runs, a handful of nodes.
    expect(h.detector.walkers.map((w) => (w.root as Element).className)).toEqual(['comment']);
    expect(h.detector.runs).toHaveLength(2);
    expect(h.detector.nodesRead()).toBeLessThan(10);
  });

  test('re-reads only the blocks whose text changed, and replaces their matches', async () => {
    const h = start(thread(50));
    await h.settle();
    h.detector.reset();
    const p = document.querySelectorAll('.comment p')[7] as HTMLElement;
    (p.firstChild as Text).data = 'Moved to deployment 55555555 ';
    await h.settle();
    expect(h.values()).toContain('55555555×1');
    expect(h.values()).not.toContain('10000007×1');
    expect(h.values()).toHaveLength(50);
    expect(h.detector.walkers).toHaveLength(1);
    expect(h.detector.walkers[0]?.root).toBe(p);
    expect(h.detector.runs.map((r) => r.block)).toEqual([p]);
  });

  test('drops the matches of removed nodes', async () => {
    const h = start(thread(10));
    await h.settle();
    h.detector.reset();
    document.querySelectorAll('.comment')[3]?.remove();
    document.querySelector('.comment p')?.firstChild?.remove();
    await h.settle();
    h.clock.advance(100);
    expect(h.values()).not.toContain('10000003×1');
    expect(h.values()).not.toContain('10000000×1');
    expect(h.values()).toHaveLength(8);
    expect(h.painter.painted.size).toBe(8);
  });

  test('joins an inline element added into a run with the text around it', async () => {
    const h = start('<p id="p">The deployment <b>1418</b> is live.</p>');
    await h.settle();
    expect(h.values()).toEqual([]);
    const b = document.querySelector('b') as HTMLElement;
    b.after(document.createElement('i'));
    (b.nextSibling as HTMLElement).textContent = '1336';
    await h.settle();
    expect(h.values()).toEqual(['14181336×1']);
  });

  test('batches a burst of changes: touched blocks deduplicated, nested ones read once', async () => {
    const h = start(thread(20));
    await h.settle();
    h.detector.reset();
    const box = document.createElement('div');
    document.querySelector('#thread')?.append(box);
    for (let i = 0; i < 30; i++)
      box.insertAdjacentHTML('beforeend', comment(i, String(30000000 + i)));
    const p = document.querySelector('.comment p') as HTMLElement;
    for (let i = 0; i < 5; i++) (p.firstChild as Text).data = `deployment 4000000${i} `;
    await h.settle();
    expect(statsOf(h.scout.scanner).mutationBatches).toBe(1);
    // The new box is read as one subtree; the edited paragraph once, whatever its edit count.
    expect(h.detector.walkers.map((w) => w.root)).toEqual(expect.arrayContaining([box, p]));
    expect(h.detector.walkers).toHaveLength(2);
    expect(h.values()).toContain('40000004×1');
    expect(h.values()).toHaveLength(50);
  });

  test('reads a big container’s own text only when inline content is added to it', async () => {
    const h = start(thread(100));
    await h.settle();
    h.detector.reset();
    const container = document.querySelector('#thread') as HTMLElement;
    container.insertAdjacentHTML('beforeend', '<span>deployment 12121212</span>');
    await h.settle();
    expect(h.values()).toContain('12121212×1');
    expect(h.detector.walkers).toHaveLength(1);
    expect(h.detector.walkers[0]?.own).toBe(true);
    // The container's 100 comments are not read again.
    expect(h.detector.nodesRead()).toBeLessThan(120);
  });

  test('ignores what it does not read: scripts, hidden elements, newlines between blocks', async () => {
    const h = start(thread(5));
    await h.settle();
    h.detector.reset();
    const container = document.querySelector('#thread') as HTMLElement;
    container.append(document.createTextNode('\n'));
    const script = document.createElement('script');
    script.textContent = 'var deployment = "deployment 31313131";';
    document.body.append(script);
    container.insertAdjacentHTML('beforeend', '<div hidden>deployment 32323232</div>');
    await h.settle();
    expect(h.detector.walkers).toEqual([]);
    expect(h.values()).toHaveLength(5);
  });

  test('observes open shadow roots met during the walk', async () => {
    const h = start('');
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>deployment 62626262</p>';
    document.body.append(host);
    await h.settle();
    expect(h.values()).toEqual(['62626262×1']);
    expect(h.painter.roots).toContain(shadow);
    shadow.querySelector('p')?.append(' and deployment 63636363');
    await h.settle();
    expect(h.values()).toEqual(['62626262×1', '63636363×1']);
  });
});

describe('reports', () => {
  test('sends one report per burst of slices, then at most one per interval', async () => {
    const h = start(thread(60), { sliceMs: 2, reportEveryMs: 300 }, 1);
    await h.settle();
    // The first finding, then the end of the first scan; slices in between send nothing.
    expect(statsOf(h.scout.scanner).slices).toBeGreaterThan(10);
    expect(h.reports.length).toBeLessThanOrEqual(3);
    expect(h.reports.at(-1)?.identifiers).toHaveLength(60);
    const before = h.reports.length;
    const container = document.querySelector('#thread') as HTMLElement;
    for (let i = 0; i < 20; i++) {
      container.insertAdjacentHTML('beforeend', comment(i, String(50000000 + i)));
      await h.settle();
    }
    // 20 batches within one interval: at most one report went out, the rest wait.
    expect(statsOf(h.scout.scanner).mutationBatches).toBe(20);
    expect(h.reports.length - before).toBeLessThanOrEqual(1);
    h.clock.advance(300);
    expect(h.reports.at(-1)?.identifiers).toHaveLength(80);
    expect(h.reports.at(-1)?.identifiers.find((i) => i.value === '50000019')?.count).toBe(1);
  });

  test('counts repeats of one identifier', async () => {
    const h = start('<p>deployment 11112222</p><p>deployment 11112222 again</p>');
    await h.settle();
    expect(h.reports.at(-1)?.identifiers).toEqual([
      { kind: 'deployment', value: '11112222', count: 2 },
    ]);
  });

  test('past the cap: reports the first identifiers found, in pages, and says the frame is capped', async () => {
    // The real page size with a lower cap: happy-dom is too slow for 10,000 rows.
    const cap = REPORT_PAGE_SIZE + 500;
    const list = Array.from({ length: cap + 300 }, (_, i) => `deployment ${10_000_000 + i}`);
    const h = start(`<p>${list.join(', ')}</p>`, { maxDistinct: cap });
    await h.settle();
    const last = h.reports.at(-1) as DetectionsReport;
    const pages = h.reports.filter((r) => r.report === last.report);
    expect(pages.map((p) => p.page)).toEqual([0, 1]);
    expect(pages.every((p) => p.identifiers.length <= REPORT_PAGE_SIZE && p.capped)).toBe(true);
    const values = pages.flatMap((p) => p.identifiers.map((i) => Number(i.value)));
    expect(values).toHaveLength(cap);
    expect(Math.max(...values)).toBe(10_000_000 + cap - 1);
    // A known identifier is still counted past the cap; a new one is not added.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<p>deployment 10000000</p><p>deployment 99999999</p>',
    );
    await h.settle();
    h.clock.advance(1_000);
    // Each page waits for the answer to the one before.
    await h.settle();
    const next = h.reports.at(-1) as DetectionsReport;
    expect(next.report).toBeGreaterThan(last.report);
    const again = h.reports.filter((r) => r.report === next.report).flatMap((r) => r.identifiers);
    expect(again).toHaveLength(cap);
    expect(again.find((i) => i.value === '10000000')?.count).toBe(2);
    expect(again.some((i) => i.value === '99999999')).toBe(false);
  });

  test('sends nothing when a change leaves the set as it was', async () => {
    const h = start(thread(5));
    await h.settle();
    const sent = h.reports.length;
    document.body.insertAdjacentHTML('beforeend', '<p>no identifiers here</p>');
    await h.settle();
    h.clock.advance(1000);
    expect(h.reports.length).toBe(sent);
  });
});

describe('commands and lifecycle', () => {
  test('toggles highlights on a valid command and ignores anything else', async () => {
    const h = start(thread(2));
    await h.settle();
    h.command({ type: 'set-highlights', enabled: false });
    expect(h.painter.enabled).toBe(false);
    h.command({ type: 'set-highlights', enabled: 'yes' });
    h.command({ type: 'other', enabled: true });
    h.command(null);
    expect(h.painter.enabled).toBe(false);
    h.command({ type: 'set-highlights', enabled: true });
    expect(h.painter.enabled).toBe(true);
  });

  test('says when its highlights are held back, and shows them when the user asks', async () => {
    // The painter decides to hold when it first gets something to colour, in a repaint that
    // may come after the first scan's last report.
    const painter = recordingPainter();
    const add = painter.add;
    painter.add = (mark, kind) => {
      painter.held = true;
      add(mark, kind);
    };
    const h = start(thread(2), {}, 0, undefined, painter);
    await h.settle();
    h.clock.advance(1000);
    expect(h.reports.at(-1)).toMatchObject({ highlightsHeld: true });
    expect(h.reports.at(-1)?.identifiers).toHaveLength(2);

    const sent = h.reports.length;
    h.command({ type: 'show-held-highlights' });
    h.clock.advance(1000);
    expect(h.painter.held).toBe(false);
    // It goes once the report before it has its answer.
    await macrotask();
    expect(h.reports).toHaveLength(sent + 1);
    expect(h.reports.at(-1)).not.toHaveProperty('highlightsHeld');
    expect(h.reports.at(-1)?.identifiers).toHaveLength(2);
  });

  test('reports a hold decided when highlights are switched on after the scan', async () => {
    const painter = recordingPainter();
    const setEnabled = painter.setEnabled;
    let decides = false;
    painter.setEnabled = (on) => {
      if (on && decides) painter.held = true;
      setEnabled(on);
    };
    const h = start(thread(2), {}, 0, undefined, painter);
    await h.settle();
    h.clock.advance(1000);
    h.command({ type: 'set-highlights', enabled: false });
    const sent = h.reports.length;
    expect(h.reports.at(-1)).not.toHaveProperty('highlightsHeld');
    decides = true;
    h.command({ type: 'set-highlights', enabled: true });
    h.clock.advance(1000);
    expect(h.reports).toHaveLength(sent + 1);
    expect(h.reports.at(-1)).toMatchObject({ highlightsHeld: true });
  });

  test('validates commands by hand', () => {
    expect(isContentCommand({ type: 'set-highlights', enabled: true })).toBe(true);
    expect(isContentCommand({ type: 'set-highlights' })).toBe(false);
    expect(isContentCommand({ type: 'show-held-highlights' })).toBe(true);
    expect(isContentCommand('set-highlights')).toBe(false);
    expect(isContentCommand(undefined)).toBe(false);
  });

  test('stopped while a paged report is in flight: no page follows, the newer set included', async () => {
    document.body.innerHTML = `<p>${Array.from(
      { length: REPORT_PAGE_SIZE + 10 },
      (_, i) => `deployment ${10_000_000 + i}`,
    ).join(', ')}</p>`;
    const reports: DetectionsReport[] = [];
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    const scout = startFrameScout(
      document,
      {
        send: async (report) => {
          reports.push(report);
          await held;
          return {
            highlights: true,
            received: report.page === report.pages - 1 ? 'report' : 'page',
          };
        },
        listen: () => () => {},
        alive: () => true,
      },
      {
        detector: countingDetector(),
        painter: recordingPainter(),
        clock: new ManualClock(),
        yieldToPage: macrotask,
        frameCost: () => {},
      },
    );
    running(scout);
    await settle(scout.scanner);
    // The first report's first page waits for its answer.
    expect(reports).toHaveLength(1);
    expect(scout.scanner.store.list()).toHaveLength(REPORT_PAGE_SIZE + 10);
    scout.stop();
    release();
    await macrotask();
    expect(reports).toHaveLength(1);
  });

  test('sends a fresh report when asked again after the first scan', async () => {
    const h = start(thread(2));
    await h.settle();
    const sent = h.reports.length;
    h.scout.refresh();
    expect(h.reports.length).toBe(sent + 1);
    expect(h.reports.at(-1)?.identifiers).toHaveLength(2);
  });

  test('reports again when the page comes back from the back/forward cache', async () => {
    const h = start(thread(2));
    await h.settle();
    const sent = h.reports.length;
    const show = (persisted: boolean) =>
      window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted }));
    show(false);
    expect(h.reports.length).toBe(sent);
    show(true);
    expect(h.reports.length).toBe(sent + 1);
  });

  test('stops quietly and removes its highlights once the extension context is gone', async () => {
    const h = start(thread(2));
    await h.settle();
    let alive = true;
    h.scout.stop();
    const painter = recordingPainter();
    const reports: DetectionsReport[] = [];
    const scout = startFrameScout(
      document,
      {
        send: async (r) => {
          reports.push(r);
          throw new Error('Extension context invalidated.');
        },
        listen: () => () => {},
        alive: () => alive,
      },
      {
        detector: countingDetector(),
        painter,
        clock: new ManualClock(),
        yieldToPage: macrotask,
        frameCost: () => {},
      },
    );
    running(scout);
    await macrotask();
    await scout.scanner.idle();
    expect(reports).toHaveLength(1);
    alive = false;
    document.body.insertAdjacentHTML('beforeend', '<p>deployment 70707070</p>');
    await macrotask();
    await scout.scanner.idle();
    scout.refresh();
    expect(reports).toHaveLength(1);
    // It stopped reading the page after its first slice with a dead context.
    const batches = statsOf(scout.scanner).mutationBatches;
    document.body.insertAdjacentHTML('beforeend', '<p>deployment 71717171</p>');
    await macrotask();
    await scout.scanner.idle();
    expect(statsOf(scout.scanner).mutationBatches).toBe(batches);
    expect(scout.alive()).toBe(false);
    expect(painter.disposed).toBe(true);
  });
});
