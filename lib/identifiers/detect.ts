import { detectInRun } from './detect-in-run';
import { createRunWalker } from './run-walker';
import type { Detection } from './types';

/**
 * Every identifier under `root` (a Document, Element or ShadowRoot), grouped by kind and
 * value in order of first appearance, with every occurrence. Built from the same walker and
 * per-run detection the content script time-slices, so both always agree.
 */
export function detectIdentifiers(root: Node): Detection[] {
  const byKey = new Map<string, Detection>();
  const walker = createRunWalker(root, { digitRunsOnly: true });
  for (let run = walker.next(); run; run = walker.next()) {
    for (const match of detectInRun(run)) {
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
  return [...byKey.values()];
}
