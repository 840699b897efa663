// Scans one frame's document in time slices, then keeps up with its changes. All work goes
// through resumable run walkers, so a slice can stop at any run and the page gets its turn;
// the total is capped so a hostile page cannot keep the scanner busy forever.

import { BLOCK_TAGS } from '../identifiers/dom';
import type { DetectorPort, ScanRun, ScanRunReading, ScanRunWalker } from './detector-port';
import type { Painter } from './highlights';
import type { ScanLimits } from './limits';
import { MatchStore } from './match-store';
import { yieldToPage } from './yield';

export interface ScannerHooks {
  /** After every slice that read something (the report throttle decides whether to send). */
  afterSlice(): void;
  /** The first full scan is over (or was cut short by the cap). */
  firstScanDone(): void;
}

export interface ScanStats {
  slices: number;
  longestSliceMs: number;
  runs: number;
  charsRead: number;
  nodesRead: number;
  /** Mutation batches taken from the observer and how long processing them took. */
  mutationBatches: number;
  mutationMs: number;
  longestBatchMs: number;
  /** Blocks or subtrees read again because of changes. */
  rescans: number;
}

interface Pass {
  id: number;
  walker: ScanRunWalker;
  chars: number;
  nodes: number;
  first: boolean;
  /** A pass that processes changes: its time counts as mutation work. */
  batch: boolean;
  /** The run being detected, a step at a time: a slice may stop inside it. */
  reading: RunInProgress | null;
}

interface RunInProgress {
  block: Node;
  detection: ScanRunReading;
}

type Dirt = 'own' | 'subtree';

export interface ScannerOptions {
  detector: DetectorPort;
  painter: Painter;
  limits: ScanLimits;
  hooks: ScannerHooks;
  now?: () => number;
  yieldToPage?: () => Promise<void>;
}

export class FrameScanner {
  readonly store: MatchStore;
  readonly stats: ScanStats = {
    slices: 0,
    longestSliceMs: 0,
    runs: 0,
    charsRead: 0,
    nodesRead: 0,
    mutationBatches: 0,
    mutationMs: 0,
    longestBatchMs: 0,
    rescans: 0,
  };
  truncated = false;
  firstScanDone = false;

  private readonly detector: DetectorPort;
  private readonly limits: ScanLimits;
  private readonly hooks: ScannerHooks;
  private readonly now: () => number;
  private readonly yieldToPage: () => Promise<void>;
  private readonly painter: Painter;
  private readonly observer: MutationObserver;
  private readonly observedRoots = new Set<Node>();
  private work: Pass[] = [];
  private dirty = new Map<Node, Dirt>();
  private sweep = false;
  private nextPass = 1;
  /** The first scan's walker is made in the first slice: making one may query the page. */
  private firstPending = false;
  private running = false;
  private stopped = false;
  /** Time spent so far on the changes not yet fully read. */
  private batchSpent = 0;
  /** The cap fell inside a run: that run is read up to it, then the scan stops. */
  private capped = false;

  constructor(
    private readonly doc: Document,
    options: ScannerOptions,
  ) {
    this.detector = options.detector;
    this.painter = options.painter;
    this.limits = options.limits;
    this.hooks = options.hooks;
    this.now = options.now ?? (() => performance.now());
    this.yieldToPage = options.yieldToPage ?? yieldToPage;
    this.store = new MatchStore(options.painter, options.limits.maxDistinct);
    this.observer = new MutationObserver((records) => this.takeRecords(records));
  }

  start(): void {
    this.observe(this.doc);
    this.firstPending = true;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.work = [];
    this.dirty.clear();
  }

  /** Resolves when no work is queued (tests and the benchmark wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.yieldToPage();
  }

  private pass(walker: ScanRunWalker, first: boolean, batch: boolean): Pass {
    return { id: this.nextPass++, walker, chars: 0, nodes: 0, first, batch, reading: null };
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer.observe(root, { childList: true, characterData: true, subtree: true });
    if (root instanceof ShadowRoot) this.painter.addRoot(root);
  }

  /** Only notes what changed; the reading happens in slices, after the page's own task. */
  private takeRecords(records: MutationRecord[]): void {
    if (this.stopped) return;
    const { detector } = this;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (detector.isReadable(record.target)) this.mark(detector.blockOf(record.target), 'own');
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          if (!isBlockGap(node as Text) && detector.isReadable(node)) {
            this.mark(detector.blockOf(node), 'own');
          }
        } else if (node.nodeType === Node.ELEMENT_NODE && detector.isReadable(node)) {
          const block = detector.blockOf(node);
          if (block === node) this.mark(node, 'subtree');
          else if (node.firstChild) this.mark(block, 'own');
        }
      }
      // The target's block, looked up once however many nodes the record removed.
      let targetBlock: Node | null = null;
      for (const node of record.removedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) this.sweep = true;
        // Text or an inline element left the run it was part of: read that run again.
        if (node.nodeType === Node.TEXT_NODE || detector.blockOf(node) !== node) {
          targetBlock ??= detector.blockOf(record.target);
          this.mark(targetBlock, 'own');
        }
      }
    }
    this.schedule();
  }

  private mark(node: Node, dirt: Dirt): void {
    if (this.dirty.get(node) !== 'subtree') this.dirty.set(node, dirt);
  }

  /** Turns the noted changes into passes: deduplicated, nested and detached ones dropped. */
  private planBatch(): void {
    const started = this.now();
    const dirty = this.dirty;
    this.dirty = new Map();
    if (this.sweep) {
      this.sweep = false;
      this.store.sweepDetached();
    }
    const passes: Pass[] = [];
    for (const [node, dirt] of dirty) {
      // Whatever the block held is about to be re-read, or is gone.
      this.store.clear(node);
      if (!node.isConnected || insideSubtree(node, dirty)) continue;
      const walker =
        dirt === 'subtree'
          ? this.detector.createRunWalker(node)
          : this.detector.createOwnRunWalker(node);
      passes.push(this.pass(walker, false, true));
      this.stats.rescans++;
    }
    this.dropStaleReadings(dirty);
    this.stats.mutationBatches++;
    this.batchSpent += this.now() - started;
    // Changes are few and visible: read them before the rest of the first scan.
    this.work.unshift(...passes);
  }

  private schedule(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped) {
        if (this.firstPending) {
          this.firstPending = false;
          this.work.push(this.pass(this.detector.createRunWalker(this.doc), true, false));
        }
        if (this.dirty.size || this.sweep) this.planBatch();
        if (!this.work.length) {
          this.noteBatchTime(0);
          break;
        }
        const started = this.now();
        const batchTime = this.slice(started + this.limits.sliceMs);
        const spent = this.now() - started;
        this.stats.slices++;
        if (spent > this.stats.longestSliceMs) this.stats.longestSliceMs = spent;
        this.noteBatchTime(batchTime);
        this.hooks.afterSlice();
        if (this.work.length || this.dirty.size) await this.yieldToPage();
      }
    } finally {
      this.running = false;
    }
    if (!this.stopped) this.hooks.afterSlice();
  }

  private noteBatchTime(ms: number): void {
    this.batchSpent += ms;
    if (this.batchSpent === 0 || this.work[0]?.batch) return;
    // Every change noted so far is read: that was one batch, however many slices it took.
    this.stats.mutationMs += this.batchSpent;
    if (this.batchSpent > this.stats.longestBatchMs) this.stats.longestBatchMs = this.batchSpent;
    this.batchSpent = 0;
  }

  /**
   * Reads until the deadline, one step at a time: a step is one walker step or one step of a
   * run's detection, so a slice may stop inside a run and the next slice goes on with it.
   * Returns the time spent on change passes.
   */
  private slice(deadline: number): number {
    const { stats, limits } = this;
    let batchTime = 0;
    while (!this.stopped) {
      // Once capped, only the run the cap fell in is read on (changes read nothing more).
      const pass = this.capped ? this.work.find((p) => p.reading !== null) : this.work[0];
      if (!pass) {
        if (this.capped) this.truncate();
        return batchTime;
      }
      const passStarted = pass.batch ? this.now() : 0;
      if (pass.reading) {
        this.readOn(pass, pass.reading);
      } else {
        const run = pass.walker.next();
        const { charsRead, nodesRead } = pass.walker;
        stats.charsRead += charsRead - pass.chars;
        stats.nodesRead += nodesRead - pass.nodes;
        pass.chars = charsRead;
        pass.nodes = nodesRead;
        const overChars = stats.charsRead - limits.maxChars;
        if (overChars > 0 || stats.nodesRead > limits.maxNodes) {
          // The cap is charged as text is read: the run it falls in (its text the last read)
          // is still detected up to the cap point.
          const limit = run && stats.nodesRead <= limits.maxNodes ? run.text.length - overChars : 0;
          if (!run || limit <= 0) {
            this.truncate();
            return batchTime;
          }
          this.capped = true;
          this.startRun(pass, run, limit);
        } else if (run) {
          this.startRun(pass, run);
        } else {
          this.work.shift();
          if (pass.first) this.finishFirstScan();
        }
      }
      if (pass.batch) batchTime += this.now() - passStarted;
      if (this.now() >= deadline) return batchTime;
    }
    return batchTime;
  }

  private startRun(pass: Pass, run: ScanRun, limit?: number): void {
    this.stats.runs++;
    const root = run.block.getRootNode();
    if (root !== this.doc && !this.observedRoots.has(root)) this.observe(root);
    const reading = { block: run.block, detection: this.detector.readRun(run, limit) };
    pass.reading = reading;
    this.readOn(pass, reading);
  }

  /** One step of a run's detection; its matches join what the pass found in the block. */
  private readOn(pass: Pass, reading: RunInProgress): void {
    this.store.put(reading.block, pass.id, reading.detection.step());
    if (!reading.detection.done) return;
    pass.reading = null;
    if (this.capped) this.truncate();
  }

  /** A run whose block changed is read again by a change pass: its old reading stops. */
  private dropStaleReadings(dirty: Map<Node, Dirt>): void {
    for (const pass of this.work) {
      const block = pass.reading?.block;
      if (block && (dirty.has(block) || insideSubtree(block, dirty))) pass.reading = null;
    }
  }

  private finishFirstScan(): void {
    this.firstScanDone = true;
    this.hooks.firstScanDone();
  }

  /** The cap: stop reading and say so; what was found so far stays reported and painted. */
  private truncate(): void {
    this.truncated = true;
    this.store.version++;
    this.stop();
    if (!this.firstScanDone) this.finishFirstScan();
  }
}

// Whitespace between two blocks (the newline a template puts between appended items) joins
// no text: marking the container for it would re-read the container's own text for nothing.
function isBlockGap(text: Text): boolean {
  return (
    /^\s*$/.test(text.data) &&
    isBlockOrNothing(text.previousSibling) &&
    isBlockOrNothing(text.nextSibling)
  );
}

function isBlockOrNothing(node: Node | null): boolean {
  return node === null || (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).localName));
}

function insideSubtree(node: Node, dirty: Map<Node, Dirt>): boolean {
  for (let n = parentOf(node); n; n = parentOf(n)) {
    if (dirty.get(n) === 'subtree') return true;
  }
  return false;
}

function parentOf(node: Node): Node | null {
  return node.parentNode ?? (node as ShadowRoot).host ?? null;
}
