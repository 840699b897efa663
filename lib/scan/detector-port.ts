// The part of the detector (lib/identifiers) the scanner drives. Kept as an interface so
// tests can count how much of the page each change makes the scanner read again.

import type { Match } from '../identifiers/types';

export type { Match };

/** Text of one block element read in order, as lib/identifiers defines it. */
export interface ScanRun {
  text: string;
  nodes: Text[];
  starts: number[];
  block: Node;
}

export interface ScanRunWalker {
  /** The next run, or null when the root is done. Bounded work per call. */
  next(): ScanRun | null;
  /** Where a whole-subtree walk stands (see RunWalker.reached); own-run walkers leave it out. */
  readonly reached?: Node | null;
  readonly charsRead: number;
  readonly nodesRead: number;
}

/** One run's detection, a step at a time (lib/identifiers/run-reading.ts). */
export interface ScanRunReading {
  /** Reads on; returns the matches now certain, in text order. Bounded work per call. */
  step(): Match[];
  readonly done: boolean;
}

export interface DetectorPort {
  /** `skip`: elements whose subtree the walk leaves out. */
  createRunWalker(root: Node, skip?: (el: Element) => boolean): ScanRunWalker;
  /** Only the runs of `block` itself, not of the blocks nested in it. */
  createOwnRunWalker(block: Node): ScanRunWalker;
  /**
   * The detection of one run, to be stepped until done. With `limit`, only the matches
   * that end by that offset of the run's text (where the scan's cap falls).
   */
  readRun(run: ScanRun, limit?: number): ScanRunReading;
  /** The block element whose run a node's text belongs to. */
  blockOf(node: Node): Node;
  /** False for skipped elements (script, style, hidden, …) and what is inside them. */
  isReadable(node: Node): boolean;
}
