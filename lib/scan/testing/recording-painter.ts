// A painter that remembers what it was asked to paint (happy-dom has no CSS.highlights).

import { type Mark, markOf, type Painter } from '../highlights';

export interface RecordingPainter extends Painter {
  painted: Set<Mark>;
  roots: ShadowRoot[];
  enabled: boolean;
  disposed: boolean;
  /** Set by a test: the painter holds its highlights until `showHeld`. */
  held: boolean;
}

export function recordingPainter(): RecordingPainter {
  const p: RecordingPainter = {
    painted: new Set(),
    roots: [],
    enabled: false,
    disposed: false,
    held: false,
    mark: markOf,
    add: (mark) => void p.painted.add(mark),
    remove: (mark) => void p.painted.delete(mark),
    addRoot: (r) => void p.roots.push(r),
    setEnabled(on) {
      p.enabled = on;
    },
    showHeld() {
      p.held = false;
    },
    holdLongText() {
      p.held = true;
    },
    dispose() {
      p.painted.clear();
      p.enabled = false;
      p.disposed = true;
    },
  };
  return p;
}
