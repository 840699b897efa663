import { afterEach, describe, expect, test } from 'vitest';
import { detectIdentifiers, STEP_CANDIDATES, WINDOW_CHARS } from '../identifiers';
import { detector } from './detector';
import type { DetectorPort, ScanRunReading } from './detector-port';
import { FrameScanner } from './frame-scanner';
import { LONG_TEXT_CHARS } from './highlights';
import { DEFAULT_LIMITS, type ScanLimits } from './limits';
import { ManualClock } from './testing/manual-clock';
import { type RecordingPainter, recordingPainter } from './testing/recording-painter';

/** Scanner tests of one long run: the real detector, counting its steps per slice. */
interface Harness {
  scanner: FrameScanner;
  painter: RecordingPainter;
  /** Detection steps taken in each slice. */
  stepsPerSlice: number[];
  settle(): Promise<void>;
  values(): string[];
}

let running: FrameScanner | undefined;
afterEach(() => {
  running?.stop();
  running = undefined;
  document.body.innerHTML = '';
});

const macrotask = () => new Promise<void>((done) => setTimeout(done, 0));

function start(text: string, limits: Partial<ScanLimits> = {}): Harness {
  const p = document.createElement('p');
  p.append(document.createTextNode(text));
  document.body.replaceChildren(p);
  const stepsPerSlice: number[] = [];
  let steps = 0;
  const counting: DetectorPort = {
    ...detector,
    readRun(run, limit) {
      const reading = detector.readRun(run, limit);
      const counted: ScanRunReading = {
        step() {
          steps++;
          return reading.step();
        },
        get done() {
          return reading.done;
        },
      };
      return counted;
    },
  };
  const painter = recordingPainter();
  // Every clock reading costs 1 ms: a 3 ms slice has room for two or three steps.
  const clock = new ManualClock(1);
  const scanner = new FrameScanner(document, {
    detector: counting,
    painter,
    // Above the per-page cap on distinct identifiers: these runs hold more than it admits.
    limits: { ...DEFAULT_LIMITS, sliceMs: 3, maxDistinct: 100_000, ...limits },
    hooks: {
      afterSlice() {
        stepsPerSlice.push(steps);
        steps = 0;
      },
      firstScanDone() {},
    },
    now: clock.now,
    yieldToPage: macrotask,
  });
  running = scanner;
  scanner.start();
  return {
    scanner,
    painter,
    stepsPerSlice,
    async settle() {
      await macrotask();
      await scanner.idle();
      await macrotask();
    },
    values: () =>
      scanner.store
        .list()
        .map((i) => `${i.value}×${i.count}`)
        .sort(),
  };
}

const ids = (count: number, from = 10_000_000) =>
  Array.from({ length: count }, (_, i) => String(from + i));

describe('one long run', () => {
  test('is read over many slices, a few detection steps each, and found whole', async () => {
    // One cue, then 30,000 IDs in one text node: a step ends at its window's end or after
    // its share of candidates, whichever comes first.
    const text = `Ticket 55512345: deployments ${ids(30_000).join(', ')}.`;
    const fewest = Math.max(Math.ceil(text.length / WINDOW_CHARS), 30_000 / STEP_CANDIDATES);
    const h = start(text);
    await h.settle();
    expect(h.scanner.firstScanDone).toBe(true);
    expect(h.scanner.truncated).toBe(false);
    const steps = h.stepsPerSlice.reduce((a, b) => a + b, 0);
    expect(steps).toBeGreaterThanOrEqual(fewest);
    expect(steps).toBeLessThanOrEqual(text.length / WINDOW_CHARS + 30_001 / STEP_CANDIDATES + 1);
    expect(Math.max(...h.stepsPerSlice)).toBeLessThanOrEqual(3);
    expect(h.stepsPerSlice.length).toBeGreaterThanOrEqual(steps / 3);
    expect(h.scanner.store.distinct).toBe(30_000);
    expect(h.painter.painted.size).toBe(30_000);
    expect(h.values()).toEqual(
      detectIdentifiers(document.body)
        .map((d) => `${d.value}×${d.occurrences.length}`)
        .sort(),
    );
  });

  test('with the cap inside it, finds what precedes the cap point and says truncated', async () => {
    const text = `Deployment 14181336, S/N VS0164AB ${'9'.repeat(400_000)} deployment 85922823`;
    const h = start(text, { maxChars: 200_000 });
    await h.settle();
    expect(h.scanner.truncated).toBe(true);
    expect(h.scanner.firstScanDone).toBe(true);
    expect(h.values()).toEqual(['14181336×1', 'VS0164AB×1']);
    // Only the text before the cap point was detected, not the whole node.
    expect(h.stepsPerSlice.reduce((a, b) => a + b, 0)).toBeLessThan(200_000 / WINDOW_CHARS + 2);
  });

  test('finds nothing past the cap point', async () => {
    const text = `${'x '.repeat(150_000)} deployment 85922823`;
    const h = start(text, { maxChars: 200_000 });
    await h.settle();
    expect(h.scanner.truncated).toBe(true);
    expect(h.values()).toEqual([]);
  });

  test('stops reading a run whose text changed, and reads the new text instead', async () => {
    const h = start(`deployments ${ids(30_000).join(', ')}`);
    // Let a few slices read part of the run, then replace its text.
    await macrotask();
    await macrotask();
    expect(h.scanner.firstScanDone).toBe(false);
    const node = document.querySelector('p')?.firstChild as Text;
    node.data = 'Deployment 85922823 and 14181336';
    await h.settle();
    expect(h.values()).toEqual(['14181336×1', '85922823×1']);
    expect(h.painter.painted.size).toBe(2);
  });

  test('holds the highlights of a block too long to paint in one frame, not of a short one', async () => {
    const short = start(`Deployment 14181336 ${'x'.repeat(LONG_TEXT_CHARS - 100)}`);
    await short.settle();
    expect(short.painter.held).toBe(false);
    short.scanner.stop();
    const long = start(`Deployment 14181336 ${'x'.repeat(LONG_TEXT_CHARS)}`);
    await long.settle();
    expect(long.values()).toEqual(['14181336×1']);
    expect(long.painter.held).toBe(true);
  });
});
