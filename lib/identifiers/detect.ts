import { readRun } from './run-reading';
import { createRunWalker } from './run-walker';
import type { Detection } from './types';

/**
 * Every identifier under `root` (a Document, Element or ShadowRoot), grouped by kind and
 * value in order of first appearance, with every occurrence. Built from the same walker and
 * run reading the content script time-slices, so both always agree.
 */
export function detectIdentifiers(root: Node): Detection[] {
  const byKey = new Map<string, Detection>();
  const walker = createRunWalker(root, { digitRunsOnly: true });
  for (let run = walker.next(); run; run = walker.next()) {
    // A long run is read in windows, as the scanner reads it between slices.
    for (const reading = readRun(run); !reading.done; ) {
      for (const match of reading.step()) {
        const key = `${match.kind}:${match.value}`;
        let detection = byKey.get(key);
        if (!detection) {
          detection = { kind: match.kind, value: match.value, occurrences: [] };
          byKey.set(key, detection);
        }
        detection.occurrences.push({
          startContainer: match.startContainer,
          startOffset: match.startOffset,
          endContainer: match.endContainer,
          endOffset: match.endOffset,
        });
      }
    }
  }
  return [...byKey.values()];
}
