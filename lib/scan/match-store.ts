// The frame's current matches, kept per block so a changed block's old matches can be
// replaced without touching the rest of the page, and the distinct identifiers with their
// counts, kept up to date as blocks change so a report never walks every match.
//
// Everything here lives as long as the page, so it is kept small: per block, one flat array;
// per match, three of its slots (kind, value and the painted range); per identifier, one
// count in a map by kind. Blocks are map keys, which keeps their wrappers alive as long as
// the blocks: one per block that holds a match. A match kept as an object holds its text
// nodes' wrappers alive, which made a large page's scan keep several times the heap this
// layout keeps (bench/README.md, "Memory").

import type { IdentifierKind } from '../identifiers/types';
import type { ReportedIdentifier } from '../messaging/content-protocol';
import { MAX_DISTINCT_IDENTIFIERS } from '../messaging/report-limits';
import type { Match } from './detector-port';
import type { Mark, Painter } from './highlights';

/**
 * A block's matches: `[pass, kind, value, mark, kind, value, mark, …]`, where `pass` wrote
 * them (a block's later runs in the same pass append) and `mark` is null when nothing paints.
 */
type BlockEntry = unknown[];

const STRIDE = 3;
const KINDS: readonly IdentifierKind[] = ['deployment', 'serial'];

export class MatchStore {
  private readonly blocks = new Map<Node, BlockEntry>();
  private readonly counts: Record<IdentifierKind, Map<string, number>> = {
    deployment: new Map(),
    serial: new Map(),
  };
  /** Bumped whenever the reported set (values or counts) changes. */
  version = 0;
  /**
   * A match of a new identifier was turned away because `maxDistinct` were already known.
   * Stays set: what was turned away is not read again, so the set is short for good.
   */
  capped = false;

  constructor(
    private readonly painter: Painter,
    private readonly maxDistinct = MAX_DISTINCT_IDENTIFIERS,
  ) {}

  get blockCount(): number {
    return this.blocks.size;
  }

  /** How many distinct identifiers `list()` would return. */
  get distinct(): number {
    return this.counts.deployment.size + this.counts.serial.size;
  }

  /**
   * Records one run's matches: replaces the block's older matches unless `pass` wrote them
   * and this run continues the block (`fresh` false). A pass started later than `pass` that
   * already read the block read newer text (any change since clears the block), so the run
   * is dropped: the first scan arriving at a block a change batch got to first.
   */
  put(block: Node, pass: number, matches: Match[], fresh = false): void {
    let entry = this.blocks.get(block);
    if (entry) {
      const wrote = entry[0] as number;
      if (wrote > pass) return;
      if (wrote !== pass || fresh) {
        this.drop(block, entry);
        entry = undefined;
      }
    }
    if (matches.length === 0) return;
    // Sized once: an array grown by push keeps spare room, and most blocks hold one match.
    let items: unknown[] = new Array(STRIDE * matches.length);
    let i = 0;
    for (const m of matches) {
      // Past the cap, a new identifier is neither listed nor painted nor kept: the block
      // holds only matches the counts include, so dropping it later stays exact.
      if (!this.admits(m.kind, m.value)) {
        if (!this.capped) this.version++;
        this.capped = true;
        continue;
      }
      const mark = this.painter.mark(m);
      items[i++] = m.kind;
      items[i++] = m.value;
      items[i++] = mark;
      this.count(m.kind, m.value, 1);
      if (mark) this.painter.add(mark, m.kind);
    }
    if (i === 0) return;
    if (i < items.length) items = items.slice(0, i);
    if (!entry) {
      this.blocks.set(block, ([pass] as unknown[]).concat(items));
      return;
    }
    // A long run's matches come a window at a time: appended in place, not copied each time.
    for (const item of items) entry.push(item);
  }

  private admits(kind: IdentifierKind, value: string): boolean {
    return this.distinct < this.maxDistinct || this.counts[kind].has(value);
  }

  clear(block: Node): void {
    const entry = this.blocks.get(block);
    if (entry) this.drop(block, entry);
  }

  /** Drops the matches of blocks no longer in the document. */
  sweepDetached(): void {
    for (const [block, entry] of this.blocks) {
      if (!block.isConnected) this.drop(block, entry);
    }
  }

  list(): ReportedIdentifier[] {
    const list: ReportedIdentifier[] = [];
    for (const kind of KINDS) {
      this.counts[kind].forEach((count, value) => {
        list.push({ kind, value, count });
      });
    }
    return list;
  }

  private drop(block: Node, entry: BlockEntry): void {
    this.blocks.delete(block);
    for (let i = 1; i < entry.length; i += STRIDE) {
      const kind = entry[i] as IdentifierKind;
      const mark = entry[i + 2] as Mark | null;
      this.count(kind, entry[i + 1] as string, -1);
      if (mark) this.painter.remove(mark, kind);
    }
  }

  private count(kind: IdentifierKind, value: string, delta: 1 | -1): void {
    const counts = this.counts[kind];
    const count = (counts.get(value) ?? 0) + delta;
    if (count > 0) counts.set(value, count);
    else counts.delete(value);
    this.version++;
  }
}
