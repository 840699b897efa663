// Scans one frame's document in time slices, then keeps up with its changes. All work goes
// through resumable run walkers, so a slice can stop at any run and the page gets its turn;
// the total is capped so a hostile page cannot keep the scanner busy forever. While the page
// keeps changing, the first scan and the change batches take turns, changes the first scan
// has yet to reach are left to it, and the scanner paces itself to a share of the main thread.

import { BLOCK_TAGS } from '../identifiers/dom';
import type { DetectorPort, ScanRun, ScanRunReading, ScanRunWalker } from './detector-port';
import { LONG_TEXT_CHARS, type Painter } from './highlights';
import type { ScanLimits } from './limits';
import { MatchStore } from './match-store';
import { yieldToPage } from './yield';

export interface ScannerHooks {
  /** After every slice that read something (the report throttle decides whether to send). */
  afterSlice(): void;
  /** The first full scan is over (or was cut short by the cap). */
  firstScanDone(): void;
}

/**
 * True in the builds the tests and benchmarks run (a build-time `define`), false in the
 * production build: the figures below are then never counted, and the minifier drops them.
 */
declare const __SCAN_STATS__: boolean;

/** What the tests and benchmarks read about the scanner's work; the user never sees it. */
export interface ScanStats {
  slices: number;
  longestSliceMs: number;
  runs: number;
  /** Mutation batches taken from the observer and how long processing them took. */
  mutationBatches: number;
  mutationMs: number;
  longestBatchMs: number;
  /** Blocks or subtrees read again because of changes. */
  rescans: number;
}

interface Pass {
  id: number;
  /** What the pass reads: whole subtree, or only the block's own text (`own`). */
  root: Node;
  own: boolean;
  /** Made when the pass is first read: a storm plans thousands of passes in one batch. */
  walker: ScanRunWalker | null;
  chars: number;
  nodes: number;
  first: boolean;
  /** A pass that processes changes: its time counts as mutation work. */
  batch: boolean;
  /** The run being detected, a step at a time: a slice may stop inside it. */
  reading: RunInProgress | null;
  /** The block of the pass's last run: a run of an unrelated block starts that block afresh. */
  lastBlock: Node | null;
}

interface RunInProgress {
  block: Node;
  detection: ScanRunReading;
  /** The reading's first step replaces what the block held; later steps append. */
  fresh: boolean;
}

type Dirt = 'own' | 'subtree';

export interface ScannerOptions {
  detector: DetectorPort;
  painter: Painter;
  limits: ScanLimits;
  hooks: ScannerHooks;
  now?: () => number;
  yieldToPage?: () => Promise<void>;
  /** Waits `ms` (measured on `now`) between two slices while the page keeps changing. */
  pause?: (ms: number) => Promise<void>;
}

/** Marked blocks that make a batch even while records are still waiting to be looked at. */
const BATCH_FLOOD = 4096;
/** Siblings looked through to order two nodes before answering "not sure". */
const SIBLING_REACH = 64;

export class FrameScanner {
  readonly store: MatchStore;
  /** Absent from the production build (see `__SCAN_STATS__`). */
  readonly stats: ScanStats | undefined = __SCAN_STATS__ ? emptyStats() : undefined;
  /** Text read so far, initial scan and changes together: what the cap is charged with. */
  charsRead = 0;
  nodesRead = 0;
  truncated = false;
  firstScanDone = false;

  private readonly detector: DetectorPort;
  private readonly limits: ScanLimits;
  private readonly hooks: ScannerHooks;
  private readonly now: () => number;
  private readonly yieldToPage: () => Promise<void>;
  private readonly pause: (ms: number) => Promise<void>;
  private readonly painter: Painter;
  private readonly observer: MutationObserver;
  private readonly observedRoots = new Set<Node>();
  /** The first scan's pass until it is done. */
  private first: Pass | null = null;
  /**
   * Subtrees added since the first scan began: each is read by a pass of its own and the
   * first scan leaves it out, so that a page appending without end does not keep the first
   * scan from ever reaching its end.
   */
  private addedAhead = new Set<Node>();
  /** Change passes, oldest first. */
  private work: Pass[] = [];
  /** Passes part-way through a run: few at once, so the observer callback looks only at them. */
  private readonly reading = new Set<Pass>();
  /** Record lists the observer delivered, not looked at yet (`recordAt` into the first). */
  private records: MutationRecord[][] = [];
  private recordAt = 0;
  /** Records came in since the last slice: the page is changing while there is work. */
  private changed = false;
  /** While both are pending, the first scan and the change passes lead slices in turn. */
  private firstLeads = false;
  private dirty = new Map<Node, Dirt>();
  /** The batch being planned (a big one takes more than one slice), and where planning is. */
  private planning: Map<Node, Dirt> | null = null;
  private planned: Iterator<[Node, Dirt]> | null = null;
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
    this.pause = options.pause ?? ((ms) => new Promise((resume) => setTimeout(resume, ms)));
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
    this.first = null;
    this.work = [];
    this.reading.clear();
    this.records = [];
    this.dirty.clear();
    this.planning = null;
    this.planned = null;
  }

  /** Changes not read yet: record lists, marked blocks and passes (tests and benchmarks). */
  get backlog(): number {
    return this.records.length + this.dirty.size + (this.planning?.size ?? 0) + this.work.length;
  }

  /** Resolves when no work is queued (tests and the benchmark wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.yieldToPage();
  }

  private pass(root: Node, own: boolean, first: boolean): Pass {
    const id = this.nextPass++;
    return {
      id,
      root,
      own,
      walker: null,
      chars: 0,
      nodes: 0,
      first,
      batch: !first,
      lastBlock: null,
      reading: null,
    };
  }

  private walkerOf(pass: Pass): ScanRunWalker {
    if (pass.walker) return pass.walker;
    const { detector } = this;
    pass.walker = pass.own
      ? detector.createOwnRunWalker(pass.root)
      : pass.first
        ? detector.createRunWalker(pass.root, (el) => this.addedAhead.has(el))
        : detector.createRunWalker(pass.root);
    return pass.walker;
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer.observe(root, { childList: true, characterData: true, subtree: true });
    if (root instanceof ShadowRoot) this.painter.addRoot(root);
  }

  /**
   * Runs after every page task that changed the DOM, so it only keeps the records: looking
   * at them happens in slices, paced like the rest of the work.
   */
  private takeRecords(records: MutationRecord[]): void {
    if (this.stopped) return;
    // Blocks added while the first scan runs are left out of it at once (a pass reads each):
    // looking at the records may lag behind, and the first scan must not chase a page that
    // keeps appending.
    if (this.first || this.firstPending) {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).localName)) {
            this.addedAhead.add(node);
          }
        }
      }
    }
    this.dropReadingsTouchedBy(records);
    this.records.push(records);
    this.changed = true;
    this.schedule();
  }

  /** Turns kept records into marked blocks until the deadline; returns the time spent. */
  private noteChanges(deadline: number): number {
    const started = this.now();
    for (let list = this.records[0]; list; list = this.records[0]) {
      while (this.recordAt < list.length) {
        this.note(list[this.recordAt++] as MutationRecord);
        if ((this.recordAt & 63) === 0 && this.now() >= deadline) return this.now() - started;
      }
      this.records.shift();
      this.recordAt = 0;
    }
    return this.now() - started;
  }

  private note(record: MutationRecord): void {
    const { detector } = this;
    if (record.type === 'characterData') {
      if (detector.isReadable(record.target)) this.mark(detector.blockOf(record.target), 'own');
      return;
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

  private mark(node: Node, dirt: Dirt): void {
    if (this.dirty.get(node) !== 'subtree') this.dirty.set(node, dirt);
  }

  /**
   * Turns the noted changes into passes: deduplicated, nested and detached ones dropped, and
   * those the first scan has yet to reach left to it. Returns the time spent.
   */
  private planBatch(deadline: number): number {
    const started = this.now();
    if (!this.planning) {
      this.planning = this.dirty;
      this.planned = this.planning.entries();
      this.dirty = new Map();
      if (this.sweep) {
        this.sweep = false;
        this.store.sweepDetached();
      }
    }
    const dirty = this.planning;
    let count = 0;
    for (let next = this.planned?.next(); next && !next.done; next = this.planned?.next()) {
      const [node, dirt] = next.value;
      // Whatever the block held is about to be re-read, or is gone.
      this.store.clear(node);
      if (!node.isConnected || insideSubtree(node, dirty)) continue;
      // Changed text ahead is read by the first scan. A new subtree gets a pass of its own
      // wherever it is, and the first scan leaves it out if it comes to it.
      if (dirt === 'own' && this.notReachedYet(node)) continue;
      if (dirt === 'subtree' && this.first) this.addedAhead.add(node);
      this.work.push(this.pass(node, dirt === 'own', false));
      if (__SCAN_STATS__ && this.stats) this.stats.rescans++;
      // A storm's batch can mark thousands of blocks: planning them goes on in later slices.
      if ((++count & 255) === 0 && this.now() >= deadline) return this.now() - started;
    }
    this.dropStaleReadings(dirty);
    this.planning = null;
    this.planned = null;
    if (__SCAN_STATS__ && this.stats) this.stats.mutationBatches++;
    return this.now() - started;
  }

  /**
   * Whether the first scan is still to read `node` and all of it: it comes after the node
   * the walk reached, outside that node's subtree, in the same tree. When that is not
   * quickly certain (another tree, siblings far apart), the change gets a pass of its own.
   */
  private notReachedYet(node: Node): boolean {
    const first = this.first;
    if (!first) return false;
    // Not started: all of the document is ahead of it.
    if (!first.walker) return true;
    const reached = first.walker.reached;
    if (reached === undefined) return false;
    if (reached === null) return true;
    if (!surelyAfter(reached, node)) return false;
    // Inside a subtree the first scan leaves out: that subtree's pass may be done with it.
    if (this.addedAhead.size) {
      for (let n: Node | null = node; n; n = n.parentNode) if (this.addedAhead.has(n)) return false;
    }
    return true;
  }

  private schedule(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    try {
      // Not inside the observer's callback: the page's task ends first.
      await this.yieldToPage();
      // What woke the scanner is one change, not yet a storm.
      this.changed = false;
      let storming = false;
      while (!this.stopped) {
        if (this.firstPending) {
          this.firstPending = false;
          this.first = this.pass(this.doc, false, true);
        }
        const started = this.now();
        const deadline = started + this.limits.sliceMs;
        this.firstLeads = !this.firstLeads;
        let batchTime = 0;
        // While the first scan is on, every other slice is all its own: however many changes
        // come in, it moves on. The other slices look at changes first.
        if (!this.first || !this.firstLeads) {
          // Looking at records may take half a slice: a flood of them leaves reading time.
          const half = deadline - this.limits.sliceMs / 2;
          if (this.records.length) batchTime += this.noteChanges(half);
          // A batch takes every record delivered so far, so that a block changed a thousand
          // times is read once; only a flood that outruns the noting is cut into batches.
          const noted = !this.records.length || this.dirty.size >= BATCH_FLOOD;
          if (this.planning || (noted && (this.dirty.size || this.sweep))) {
            batchTime += this.planBatch(half);
          }
        }
        if (this.isIdle()) {
          if (__SCAN_STATS__) this.noteBatchTime(batchTime);
          break;
        }
        batchTime += this.slice(deadline);
        const spent = this.now() - started;
        if (__SCAN_STATS__ && this.stats) {
          this.stats.slices++;
          if (spent > this.stats.longestSliceMs) this.stats.longestSliceMs = spent;
          this.noteBatchTime(batchTime);
        }
        this.hooks.afterSlice();
        if (this.isIdle()) continue;
        // Changes came in while there was work: the page is busy changing. Give it the rest
        // of the main thread and come back; once it is quiet, catch up at full speed.
        if (storming) {
          const share = this.limits.stormShare;
          await this.pause((spent * (1 - share)) / share);
        } else {
          await this.yieldToPage();
        }
        storming = this.changed;
        this.changed = false;
      }
    } finally {
      this.running = false;
    }
    if (!this.stopped) this.hooks.afterSlice();
  }

  private isIdle(): boolean {
    return (
      !this.first &&
      !this.work.length &&
      !this.records.length &&
      !this.dirty.size &&
      !this.planning &&
      !this.sweep
    );
  }

  private noteBatchTime(ms: number): void {
    const { stats } = this;
    this.batchSpent += ms;
    if (!stats || this.batchSpent === 0 || this.work.length || this.records.length) return;
    if (this.dirty.size || this.planning) return;
    // Every change noted so far is read: that was one batch, however many slices it took.
    stats.mutationMs += this.batchSpent;
    if (this.batchSpent > stats.longestBatchMs) stats.longestBatchMs = this.batchSpent;
    this.batchSpent = 0;
  }

  /**
   * Reads until the deadline, one step at a time: a step is one walker step or one step of a
   * run's detection, so a slice may stop inside a run and the next slice goes on with it.
   * Returns the time spent on change passes.
   */
  private slice(deadline: number): number {
    const { limits } = this;
    let batchTime = 0;
    while (!this.stopped) {
      // Once capped, only the run the cap fell in is read on (changes read nothing more).
      const pass = this.capped ? this.readingPass() : this.current();
      if (!pass) {
        if (this.capped) this.truncate();
        return batchTime;
      }
      if (pass.batch && !pass.root.isConnected) {
        // Removed before or while it was read: nothing of it is on the page any more.
        this.work.splice(this.work.indexOf(pass), 1);
        this.endReading(pass);
        continue;
      }
      const timed = __SCAN_STATS__ && pass.batch;
      const passStarted = timed ? this.now() : 0;
      if (pass.reading) {
        this.readOn(pass, pass.reading);
      } else {
        const walker = this.walkerOf(pass);
        const run = walker.next();
        const { charsRead, nodesRead } = walker;
        this.charsRead += charsRead - pass.chars;
        this.nodesRead += nodesRead - pass.nodes;
        pass.chars = charsRead;
        pass.nodes = nodesRead;
        const overChars = this.charsRead - limits.maxChars;
        if (overChars > 0 || this.nodesRead > limits.maxNodes) {
          // The cap is charged as text is read: the run it falls in (its text the last read)
          // is still detected up to the cap point.
          const limit = run && this.nodesRead <= limits.maxNodes ? run.text.length - overChars : 0;
          if (!run || limit <= 0) {
            this.truncate();
            return batchTime;
          }
          this.capped = true;
          this.startRun(pass, run, limit);
        } else if (run) {
          this.startRun(pass, run);
        } else {
          this.finish(pass);
        }
      }
      if (timed) batchTime += this.now() - passStarted;
      if (this.now() >= deadline) return batchTime;
    }
    return batchTime;
  }

  private startRun(pass: Pass, run: ScanRun, limit?: number): void {
    if (__SCAN_STATS__ && this.stats) this.stats.runs++;
    const block = run.block;
    const root = block.getRootNode();
    if (root !== this.doc && !this.observedRoots.has(root)) this.observe(root);
    const fresh = block !== pass.lastBlock && !holds(block, pass.lastBlock);
    pass.lastBlock = block;
    // A run the walk found in a subtree the page has since removed holds nothing to show.
    if (!block.isConnected) {
      this.store.clear(block);
      if (this.capped) this.truncate();
      return;
    }
    // Its highlights would cost a frame of the block's whole layout: they wait for the user.
    if (run.text.length > LONG_TEXT_CHARS) this.painter.holdLongText?.();
    const reading = { block, detection: this.detector.readRun(run, limit), fresh };
    pass.reading = reading;
    this.reading.add(pass);
    this.readOn(pass, reading);
  }

  /** The pass whose run is being read, if any. */
  private readingPass(): Pass | undefined {
    if (this.first?.reading) return this.first;
    for (const pass of this.reading) return pass;
    return undefined;
  }

  /** One step of a run's detection; its matches join what the pass found in the block. */
  private readOn(pass: Pass, reading: RunInProgress): void {
    this.store.put(reading.block, pass.id, reading.detection.step(), reading.fresh);
    reading.fresh = false;
    if (!reading.detection.done) return;
    this.endReading(pass);
    if (this.capped) this.truncate();
  }

  /**
   * A run read a step at a time maps its matches onto the text nodes it started with: once
   * the page changes that text, the next step would point past it. Checked as the records
   * arrive, since noting them may wait for slices the first scan leads.
   */
  private dropReadingsTouchedBy(records: MutationRecord[]): void {
    for (const pass of this.reading) {
      const block = pass.reading?.block;
      if (block && records.some((record) => block.contains(record.target))) this.endReading(pass);
    }
  }

  /** A run whose block changed is read again by a change pass: its old reading stops. */
  private dropStaleReadings(dirty: Map<Node, Dirt>): void {
    for (const pass of this.reading) {
      const block = pass.reading?.block;
      if (block && (dirty.has(block) || insideSubtree(block, dirty))) this.endReading(pass);
    }
  }

  private endReading(pass: Pass): void {
    pass.reading = null;
    this.reading.delete(pass);
  }

  /** The first scan and the oldest change pass take turns leading a slice. */
  private current(): Pass | undefined {
    const batch = this.work[0];
    if (!this.first) return batch;
    return batch && !this.firstLeads ? batch : this.first;
  }

  private finish(pass: Pass): void {
    if (pass === this.first) {
      this.first = null;
      this.addedAhead = new Set();
    } else {
      this.work.shift();
    }
    if (pass.first) this.finishFirstScan();
  }

  private finishFirstScan(): void {
    if (this.firstScanDone) return;
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

function emptyStats(): ScanStats {
  return {
    slices: 0,
    longestSliceMs: 0,
    runs: 0,
    mutationBatches: 0,
    mutationMs: 0,
    longestBatchMs: 0,
    rescans: 0,
  };
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

/**
 * Whether `node` comes after `reached` in tree order and outside its subtree, answered from
 * their ancestors and a bounded look along the siblings where their paths part (as
 * compareDocumentPosition does, which some DOMs answer by walking the whole tree); false
 * when not sure.
 */
function surelyAfter(reached: Node, node: Node): boolean {
  const a: Node[] = [];
  const b: Node[] = [];
  for (let n: Node | null = reached; n; n = n.parentNode) a.push(n);
  for (let n: Node | null = node; n; n = n.parentNode) b.push(n);
  let i = a.length - 1;
  let j = b.length - 1;
  if (a[i] !== b[j]) return false;
  while (i >= 0 && j >= 0 && a[i] === b[j]) {
    i--;
    j--;
  }
  // One holds the other (or they are the same node).
  if (i < 0 || j < 0) return false;
  const before = a[i] as Node;
  const after = b[j] as Node;
  // Appended last: after everything else there.
  if (!after.nextSibling) return true;
  let n = before.nextSibling;
  for (let steps = 0; n && steps < SIBLING_REACH; steps++, n = n.nextSibling) {
    if (n === after) return true;
  }
  return false;
}

/** Whether `inner` is `block` or inside it, across shadow roots (a host's text resumes after). */
function holds(block: Node, inner: Node | null): boolean {
  for (let n = inner; n; n = parentOf(n)) if (n === block) return true;
  return false;
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
