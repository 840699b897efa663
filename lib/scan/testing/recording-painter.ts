// A painter that remembers what it was asked to paint (happy-dom has no CSS.highlights).

import type { Occurrence } from '../../identifiers/types';
import type { Painter } from '../highlights';

export interface RecordingPainter extends Painter {
  painted: Set<Occurrence>;
  roots: ShadowRoot[];
  enabled: boolean;
  disposed: boolean;
}

export function recordingPainter(): RecordingPainter {
  const p: RecordingPainter = {
    painted: new Set(),
    roots: [],
    enabled: false,
    disposed: false,
    add: (o) => void p.painted.add(o),
    remove: (o) => void p.painted.delete(o),
    addRoot: (r) => void p.roots.push(r),
    setEnabled(on) {
      p.enabled = on;
    },
    dispose() {
      p.painted.clear();
      p.enabled = false;
      p.disposed = true;
    },
  };
  return p;
}
