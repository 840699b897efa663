// The detector's vocabulary. Dependency-free: the content script bundles this.

export type IdentifierKind = 'deployment' | 'serial';

/** A distinct identifier: deployment IDs are the 8 digits as written, serials upper-cased. */
export interface Identifier {
  kind: IdentifierKind;
  value: string;
}

/** Where one occurrence sits in the DOM: enough to build a Range. */
export interface Occurrence {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

/** One identifier and every place it occurs on the scanned root. */
export interface Detection extends Identifier {
  occurrences: Occurrence[];
}

/** One match in a run: an identifier and where it sits. */
export type Match = Identifier & Occurrence;

/**
 * The text of one block element (or of the walk's root), read in document order across
 * inline elements. `starts[i]` is where `nodes[i]` begins in `text`; a line break (`<br>`,
 * `<img>`, a form control) adds a newline to `text` that belongs to no node. A run may be
 * blank when the walker yields after its work budget: treat it like any other run. Runs from
 * the walker are read-only and build `text` on first read (copy them field by field).
 */
export interface TextRun {
  text: string;
  nodes: Text[];
  starts: number[];
  /** The block element (or root, or shadow root) this run belongs to. */
  block: Node;
  /** False when the run holds no digit (so no identifier): set by the walker, optional here. */
  readonly hasDigit?: boolean;
}

/** A resumable walk over a subtree's text runs: each `next()` reads about one block run. */
export interface RunWalker {
  next(): TextRun | null;
  /**
   * The last node the walk took, null before the first. Every node after it in tree order,
   * outside its subtree, is still to come: a change there needs no reading of its own.
   */
  readonly reached: Node | null;
  readonly charsRead: number;
  readonly nodesRead: number;
}
