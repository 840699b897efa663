// One frame's scout: scans, keeps up with changes, paints highlights and reports the frame's
// whole set to the background, in pages when it is large (./report-pages.ts). Talks to the extension only through a `ScoutPort`, so the
// same code runs under test and in the benchmark.

import type { ContentCommand, DetectionsReport } from '../messaging/content-protocol';
import type { DetectorPort } from './detector-port';
import type { RunningScout } from './frame-guard';
import { FrameScanner } from './frame-scanner';
import { createPainter, type Painter } from './highlights';
import { DEFAULT_LIMITS, PAINT_CADENCE, type ScanLimits } from './limits';
import { PaintBatch } from './paint-batch';
import { ReportPager } from './report-pages';
import { realClock, Throttle, type ThrottleClock } from './throttle';
import { timeToNextFrame } from './yield';

export interface ScoutPort {
  /** Sends one page of a report; resolves with the background's reply (unvalidated), rejects
   * when it is unreachable. */
  send(report: DetectionsReport): Promise<unknown>;
  /** Listens for background commands (unvalidated); returns the way to stop listening. */
  listen(onCommand: (message: unknown) => void): () => void;
  /** False once the extension was reloaded or removed under this script. */
  alive(): boolean;
}

export interface ScoutOptions {
  detector: DetectorPort;
  limits?: ScanLimits;
  painter?: Painter;
  /** The page already has the highlight rules (see createPainter). */
  documentStyled?: boolean;
  clock?: ThrottleClock;
  yieldToPage?: () => Promise<void>;
  /** Waits between slices while the page keeps changing (see FrameScanner). */
  pause?: (ms: number) => Promise<void>;
  /** How long the frame after a repaint took (sets how often highlights repaint). */
  frameCost?: (done: (ms: number) => void) => void;
}

export interface FrameScout extends RunningScout {
  readonly scanner: FrameScanner;
  readonly painter: PaintBatch;
}

export function isContentCommand(message: unknown): message is ContentCommand {
  const m = message as { type?: unknown; enabled?: unknown } | null;
  if (typeof m !== 'object' || m === null) return false;
  return (
    (m.type === 'set-highlights' && typeof m.enabled === 'boolean') ||
    m.type === 'show-held-highlights'
  );
}

export function startFrameScout(doc: Document, port: ScoutPort, options: ScoutOptions): FrameScout {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const clock = options.clock ?? realClock;
  const painter = new PaintBatch(
    options.painter ?? createPainter(doc, { documentStyled: options.documentStyled }),
  );
  const frameCost = options.frameCost ?? timeToNextFrame;
  let stopped = false;
  let sentVersion = -1;
  let sentHeld = false;

  const throttle = new Throttle(report, limits.reportEveryMs, clock);
  // Repaints follow the first finding at once, then come as often as their cost allows.
  const paintThrottle = new Throttle(paint, PAINT_CADENCE.minMs, clock);
  const scanner = new FrameScanner(doc, {
    detector: options.detector,
    painter,
    limits,
    now: clock.now,
    yieldToPage: options.yieldToPage,
    pause: options.pause,
    hooks: {
      afterSlice() {
        // Reloaded or removed extension: an orphan must not keep reading the page.
        if (!port.alive()) {
          stop();
          return;
        }
        if (scanner.store.version !== sentVersion || painter.held !== sentHeld) {
          throttle.markChanged();
        }
        throttle.afterSlice();
        if (painter.pending) {
          paintThrottle.markChanged();
          paintThrottle.afterSlice();
        }
      },
      firstScanDone: () => throttle.flush(),
    },
  });

  function paint(): void {
    if (stopped || !painter.pending) return;
    painter.flush();
    reportHeldChange();
    frameCost((ms) => {
      const { minMs, maxMs, costFactor } = PAINT_CADENCE;
      paintThrottle.everyMs = Math.min(maxMs, Math.max(minMs, ms * costFactor));
    });
  }

  // The painter decides to hold when highlights first have something to colour: in a repaint
  // or when they are switched on, maybe after the scan's last report. The background must
  // hear it either way, and when they are shown after all.
  function reportHeldChange(): void {
    if (painter.held === sentHeld) return;
    throttle.markChanged();
    throttle.afterSlice();
  }

  function report(): void {
    if (stopped) return;
    if (!port.alive()) {
      stop();
      return;
    }
    sentVersion = scanner.store.version;
    sentHeld = painter.held;
    void pager.send(scanner.store.list(), {
      truncated: scanner.truncated,
      capped: scanner.store.capped,
      ...(sentHeld ? { highlightsHeld: true } : {}),
    });
  }

  const pager = new ReportPager({
    send: (page) => port.send(page),
    onReply(reply) {
      if (stopped) return;
      painter.setEnabled(reply.highlights);
      reportHeldChange();
    },
    // The background may be restarting; the next report carries the whole set again.
    // Only a dead extension context ends the scout.
    onUnreachable() {
      if (!port.alive()) stop();
    },
  });

  const unlisten = port.listen((message) => {
    if (!isContentCommand(message) || stopped) return;
    if (message.type === 'set-highlights') painter.setEnabled(message.enabled);
    else painter.showHeld();
    reportHeldChange();
  });

  function stop(): void {
    if (stopped) return;
    stopped = true;
    scanner.stop();
    pager.stop();
    throttle.cancel();
    paintThrottle.cancel();
    unlisten();
    view?.removeEventListener('pageshow', onPageShow);
    painter.dispose();
  }

  // Back from the back/forward cache: the background dropped this tab's results when it
  // navigated away, so it needs the whole set again.
  const view = doc.defaultView;
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && scanner.firstScanDone) throttle.flush();
  };
  view?.addEventListener('pageshow', onPageShow);

  painter.setEnabled(true);
  scanner.start();

  return {
    scanner,
    painter,
    alive: () => !stopped && port.alive(),
    refresh() {
      // Before the first scan ends, its own report is still to come.
      if (scanner.firstScanDone) throttle.flush();
    },
    stop,
  };
}
