// For the scanner's unit tests: the real walkers and block rules of lib/identifiers with a
// minimal rule (`deployment NNNNNNNN`), counting every run and node the scanner makes it read.
// Keeps the scanner's tests about the scanner, whatever the detector's rules become.

import { blockOf, isReadable } from '../../identifiers/dom';
import { createOwnRunWalker } from '../../identifiers/own-run-walker';
import { createRunWalker } from '../../identifiers/run-walker';
import type { DetectorPort, Match, ScanRun, ScanRunReading, ScanRunWalker } from '../detector-port';

export interface CountingDetector extends DetectorPort {
  runs: ScanRun[];
  walkers: { root: Node; own: boolean; walker: ScanRunWalker }[];
  nodesRead(): number;
  reset(): void;
}

function at(run: ScanRun, offset: number, end: boolean): { node: Text; offset: number } {
  let i = run.starts.length - 1;
  while (i > 0 && ((run.starts[i] ?? 0) > offset || (end && run.starts[i] === offset))) i--;
  const node = run.nodes[i] as Text;
  return { node, offset: offset - (run.starts[i] ?? 0) };
}

/** A run detected whole, in its first step. */
function oneStep(matches: Match[]): ScanRunReading {
  const reading = {
    done: false,
    step(): Match[] {
      if (reading.done) return [];
      reading.done = true;
      return matches;
    },
  };
  return reading;
}

export function countingDetector(): CountingDetector {
  const d: CountingDetector = {
    runs: [],
    walkers: [],
    nodesRead: () => d.walkers.reduce((sum, w) => sum + w.walker.nodesRead, 0),
    reset() {
      d.runs = [];
      d.walkers = [];
    },
    createRunWalker(root, skip) {
      const walker = createRunWalker(root, { skip });
      d.walkers.push({ root, own: false, walker });
      return walker;
    },
    createOwnRunWalker(root) {
      const walker = createOwnRunWalker(root);
      d.walkers.push({ root, own: true, walker });
      return walker;
    },
    readRun(run, limit = run.text.length) {
      d.runs.push(run);
      const matches: Match[] = [];
      for (const m of run.text.matchAll(/deployment (\d{8})\b/gi)) {
        const from = (m.index ?? 0) + m[0].length - 8;
        if (from + 8 > limit) break;
        const start = at(run, from, false);
        const end = at(run, from + 8, true);
        matches.push({
          kind: 'deployment',
          value: m[1] as string,
          startContainer: start.node,
          startOffset: start.offset,
          endContainer: end.node,
          endOffset: end.offset,
        });
      }
      return oneStep(matches);
    },
    blockOf,
    isReadable,
  };
  return d;
}
