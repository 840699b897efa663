// How much a frame's scan may cost, and in what pieces.

export interface ScanLimits {
  /** Work per time slice before yielding to the page; stays under a 16 ms frame. */
  sliceMs: number;
  /** Total characters read per page (initial scan and later changes together). */
  maxChars: number;
  /** Total text nodes read per page. */
  maxNodes: number;
  /** Least time between two reports while a long scan or a burst of changes goes on. */
  reportEveryMs: number;
  /** Distinct identifiers a frame keeps; MAX_DISTINCT_IDENTIFIERS unless a test says less. */
  maxDistinct?: number;
  /** Share of the main thread the scanner takes while the page keeps changing. */
  stormShare: number;
}

// The cap lets the largest benchmark ticket finish with room to spare and still stops a
// hostile page after a few seconds of sliced background work (bench/README.md has the
// throughput); the frame then reports `truncated: true` and stops reading. Changes spend the same budget, and an endless storm
// is meant to end this way: pacing (`stormShare`) bounds what a storm costs the page per
// second, the cap bounds what it costs in all, and a feed that never stops is then reported
// as partly read (the popup's "scan truncated") rather than watched at a fifth of the main
// thread for as long as the tab stays open.
export const DEFAULT_LIMITS: ScanLimits = {
  // Half a frame: the one step that overshoots the deadline still leaves the slice in a frame.
  sliceMs: 8,
  maxChars: 32_000_000,
  maxNodes: 2_500_000,
  reportEveryMs: 300,
  // A page that keeps changing is busy: a fifth of the main thread for reading its changes
  // keeps what the extension adds under a third of the page's own time even on a page that
  // uses only part of the thread, and the backlog drains at full speed once it is quiet.
  stormShare: 0.2,
};

// How often highlights may repaint. A frame in which a registered highlight changed repaints
// the whole document in Chromium, so the pace follows the measured cost of that frame and
// keeps repaints to a small share of the main thread: a small page repaints almost at once,
// a very large one every few seconds.
export const PAINT_CADENCE = { minMs: 100, maxMs: 5000, costFactor: 10 };
