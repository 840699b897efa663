// The frame's current matches, kept per block so a changed block's old matches can be
// replaced without touching the rest of the page, and the distinct identifiers with their
// counts, kept up to date as blocks change so a report never walks every match.

import type { ReportedIdentifier } from '../messaging/content-protocol';
import type { Match } from './detector-port';
import type { Painter } from './highlights';

interface BlockEntry {
  /** The pass that wrote these matches: a block's later runs in the same pass append. */
  pass: number;
  matches: Match[];
}

export class MatchStore {
  private readonly blocks = new Map<Node, BlockEntry>();
  private readonly identifiers = new Map<string, ReportedIdentifier>();
  /** Bumped whenever the reported set (values or counts) changes. */
  version = 0;

  constructor(private readonly painter: Painter) {}

  get blockCount(): number {
    return this.blocks.size;
  }

  /** Records one run's matches: replaces the block's older matches unless `pass` wrote them. */
  put(block: Node, pass: number, matches: Match[]): void {
    const entry = this.blocks.get(block);
    if (entry && entry.pass === pass) {
      for (const m of matches) this.count(m, 1);
      entry.matches.push(...matches);
      return;
    }
    if (entry) this.drop(block, entry);
    if (matches.length === 0) return;
    for (const m of matches) this.count(m, 1);
    this.blocks.set(block, { pass, matches });
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
    return [...this.identifiers.values()].map((i) => ({ ...i }));
  }

  private drop(block: Node, entry: BlockEntry): void {
    this.blocks.delete(block);
    for (const m of entry.matches) this.count(m, -1);
  }

  private count(m: Match, delta: 1 | -1): void {
    const key = `${m.kind}:${m.value}`;
    const known = this.identifiers.get(key);
    if (delta > 0) {
      if (known) known.count++;
      else this.identifiers.set(key, { kind: m.kind, value: m.value, count: 1 });
      this.painter.add(m, m.kind);
    } else {
      if (known && --known.count === 0) this.identifiers.delete(key);
      this.painter.remove(m, m.kind);
    }
    this.version++;
  }
}
