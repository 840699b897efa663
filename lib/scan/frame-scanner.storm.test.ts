// The scanner while the page keeps changing: the page's "turns" run between slices (in the
// yield and the pause the scanner takes), and every clock reading costs 1 ms, so a slice
// holds only a few runs and a storm easily outpaces it.
import { afterEach, describe, expect, test } from 'vitest';
import { FrameScanner } from './frame-scanner';
import { DEFAULT_LIMITS, type ScanLimits } from './limits';
import { type CountingDetector, countingDetector } from './testing/counting-detector';
import { ManualClock } from './testing/manual-clock';
import { recordingPainter } from './testing/recording-painter';
import { statsOf } from './testing/stats';

const macrotask = () => new Promise<void>((done) => setTimeout(done, 0));

interface Storm {
  scanner: FrameScanner;
  detector: CountingDetector;
  clock: ManualClock;
  /** Page turns so far; the storm's `change` runs in each until `calm()`. */
  turns: number;
  /** The turn in which the first scan was done, or -1. */
  firstDoneAt: number;
  /** Clock time spent waiting in the scanner's pauses. */
  paused: number;
  pauses: number;
  calm(): void;
  settle(): Promise<void>;
  values(): string[];
}

let running: FrameScanner | undefined;
afterEach(() => {
  running?.stop();
  running = undefined;
  document.body.innerHTML = '';
});

function startStorm(
  html: string,
  change: (turn: number) => void,
  limits: Partial<ScanLimits> = {},
) {
  document.body.innerHTML = html;
  const detector = countingDetector();
  const clock = new ManualClock(1);
  let stormy = true;
  const turn = async () => {
    await macrotask();
    s.turns++;
    if (stormy) change(s.turns);
    await macrotask();
  };
  const scanner = new FrameScanner(document, {
    detector,
    painter: recordingPainter(),
    limits: { ...DEFAULT_LIMITS, ...limits },
    now: clock.now,
    hooks: {
      afterSlice() {},
      firstScanDone() {
        s.firstDoneAt = s.turns;
      },
    },
    yieldToPage: turn,
    async pause(ms) {
      s.pauses++;
      s.paused += ms;
      clock.advance(ms);
      await turn();
    },
  });
  const s: Storm = {
    scanner,
    detector,
    clock,
    turns: 0,
    firstDoneAt: -1,
    paused: 0,
    pauses: 0,
    calm() {
      stormy = false;
    },
    async settle() {
      await macrotask();
      await scanner.idle();
    },
    values: () =>
      scanner.store
        .list()
        .map((i) => `${i.value}×${i.count}`)
        .sort(),
  };
  running = scanner;
  scanner.start();
  return s;
}

const comment = (id: number) =>
  `<div class="comment"><b>Agent</b><p>Moved to deployment ${id} today.</p></div>`;

function thread(from: number, count: number): string {
  let html = '';
  for (let i = 0; i < count; i++) html += comment(from + i);
  return `<div id="thread">${html}</div><footer><p>deployment 99990000</p></footer>`;
}

/** Every deployment on the page as the store should list it once things settle. */
function onPage(): string[] {
  const text = [...document.querySelectorAll('p')].map((p) => p.textContent).join('\n');
  const found = text.matchAll(/deployment (\d{8})\b/gi);
  const counts = new Map<string, number>();
  for (const m of found) counts.set(m[1] as string, (counts.get(m[1] as string) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${value}×${count}`).sort();
}

const threadEl = () => document.querySelector('#thread') as HTMLElement;

describe('a page that keeps changing', () => {
  test('lets the first scan finish while comments keep arriving at the end and a line keeps changing at the top', async () => {
    let next = 20_000_000;
    const s = startStorm(thread(10_000_000, 60), (turn) => {
      for (let i = 0; i < 2; i++) threadEl().insertAdjacentHTML('beforeend', comment(next++));
      // Already read by the first scan after its first slices: a pass every batch.
      const top = document.querySelector('.comment p') as HTMLElement;
      top.textContent = `Moved to deployment ${30_000_000 + turn} today.`;
      if (turn >= 200) s.calm();
    });
    await s.settle();
    // Done while the storm went on, long before it ended.
    expect(s.firstDoneAt).toBeGreaterThan(0);
    expect(s.firstDoneAt).toBeLessThan(200);
    expect(s.scanner.firstScanDone).toBe(true);
    expect(s.scanner.truncated).toBe(false);
    // Everything on the page when it settled, each once; the top line's old values are gone.
    expect(s.values()).toEqual(onPage());
    expect(s.values().length).toBeGreaterThan(400);
  }, 60_000);

  test('leaves changes in the part the first scan has not reached to the first scan', async () => {
    const s = startStorm(thread(10_000_000, 200), (turn) => {
      if (turn > 1) return;
      const last = document.querySelectorAll('.comment p')[199] as HTMLElement;
      last.textContent = 'Moved to deployment 44444444 today.';
      last.insertAdjacentHTML('beforeend', ' <span>and deployment 45454545</span>');
      document.querySelector('footer p')?.append(' and deployment 46464646');
    });
    await s.settle();
    expect(s.turns).toBeGreaterThan(5);
    // One walker only, the first scan's: no pass of its own for any of those changes.
    expect(s.detector.walkers.map((w) => w.root)).toEqual([document]);
    expect(statsOf(s.scanner).rescans).toBe(0);
    expect(s.values()).toContain('44444444×1');
    expect(s.values()).toContain('45454545×1');
    expect(s.values()).toContain('46464646×1');
    expect(s.values()).toEqual(onPage());
  });

  test('reads a block rewritten a thousand times in a turn once per batch', async () => {
    const s = startStorm(thread(10_000_000, 5), () => {});
    await s.settle();
    const p = document.querySelectorAll('.comment p')[2] as HTMLElement;
    const text = p.firstChild as Text;
    s.detector.reset();
    const before = statsOf(s.scanner).mutationBatches;
    // A clock on the page: the same line rewritten 1,000 times per turn, for 30 turns.
    let turns = 0;
    const tick = () => {
      for (let i = 0; i < 1000; i++) text.data = `Moved to deployment ${50_000_000 + i} today.`;
      turns++;
    };
    for (let i = 0; i < 30; i++) {
      tick();
      await macrotask();
    }
    await s.settle();
    const batches = statsOf(s.scanner).mutationBatches - before;
    const reads = s.detector.runs.filter((run) => run.block === p).length;
    expect(turns).toBe(30);
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThanOrEqual(30);
    expect(reads).toBe(batches);
    expect(s.values()).toContain('50000999×1');
    expect(s.values()).toEqual(onPage());
  });

  test('takes at most its share of the main thread during the storm, and drains the backlog at full speed after it', async () => {
    let next = 60_000_000;
    let storm = { on: false, turns: 0, endedAt: 0, pausedAtEnd: 0, pausesAtEnd: 0, backlog: 0 };
    const append = () => {
      for (let i = 0; i < 10; i++) threadEl().insertAdjacentHTML('beforeend', comment(next++));
    };
    // The storm runs in the page's turns between slices, as a page timer would.
    const s = startStorm(thread(10_000_000, 20), () => {
      if (!storm.on) return;
      if (++storm.turns <= 60) {
        append();
        return;
      }
      storm.on = false;
      const backlog = (s.scanner as unknown as { work: unknown[] }).work.length;
      storm = {
        ...storm,
        endedAt: s.clock.time,
        pausedAtEnd: s.paused,
        pausesAtEnd: s.pauses,
        backlog,
      };
    });
    await s.settle();
    // After the first scan every change is a pass of its own. 10 comments a turn is more
    // than a fifth of the thread can read, so a backlog builds up.
    const startedAt = s.clock.time;
    const pausedBefore = s.paused;
    storm.on = true;
    append();
    await s.settle();
    while (storm.on) await s.settle();
    await s.settle();
    const elapsed = storm.endedAt - startedAt;
    const share = (elapsed - (storm.pausedAtEnd - pausedBefore)) / elapsed;
    expect(share).toBeLessThanOrEqual(DEFAULT_LIMITS.stormShare + 0.05);
    // There was a backlog, and once quiet the scanner read it without pausing again.
    expect(storm.backlog).toBeGreaterThan(20);
    expect(s.pauses - storm.pausesAtEnd).toBeLessThanOrEqual(1);
    expect(s.values()).toEqual(onPage());
    expect(s.values().length).toBe(21 + 10 * 61);
  }, 60_000);

  test('reads a block moved past the first scan’s position once, not twice', async () => {
    const s = startStorm(thread(10_000_000, 60), (turn) => {
      if (turn !== 3) return;
      // The first comment, read by now, moves to the end, which the scan has yet to reach.
      const first = document.querySelector('.comment') as HTMLElement;
      threadEl().append(first);
    });
    await s.settle();
    expect(s.turns).toBeGreaterThan(3);
    expect(s.values()).toContain('10000000×1');
    expect(s.values()).toEqual(onPage());
  });

  test('still reads the rest of the page when the node the first scan stood on is removed', async () => {
    let removed = 0;
    const s = startStorm(thread(10_000_000, 80), () => {
      // Remove the comment the walk is in (or just past), as a feed trimming items would.
      const reached = (s.scanner as unknown as { first: { walker: { reached: Node | null } } })
        .first?.walker.reached;
      const at = reached instanceof Element ? reached : reached?.parentElement;
      const item = at?.closest('.comment');
      if (item && removed < 3) {
        item.remove();
        removed++;
      }
    });
    await s.settle();
    expect(removed).toBe(3);
    expect(s.values()).toEqual(onPage());
    expect(s.values()).toContain('99990000×1');
  });

  test('stops an endless storm at the work cap and says so', async () => {
    let next = 70_000_000;
    const s = startStorm(
      thread(10_000_000, 10),
      () => threadEl().insertAdjacentHTML('beforeend', comment(next++)),
      { maxNodes: 600 },
    );
    await s.settle();
    expect(s.scanner.truncated).toBe(true);
    expect(s.scanner.firstScanDone).toBe(true);
    // Stopped: the page's later turns cost it nothing more.
    const batches = statsOf(s.scanner).mutationBatches;
    for (let i = 0; i < 5; i++) {
      threadEl().insertAdjacentHTML('beforeend', comment(next++));
      await macrotask();
    }
    expect(statsOf(s.scanner).mutationBatches).toBe(batches);
  });
});
