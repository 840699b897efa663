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
