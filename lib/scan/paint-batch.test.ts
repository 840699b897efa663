import { beforeEach, describe, expect, test } from 'vitest';
import { type Mark, markOf, noPainter, type Painter } from './highlights';
import { PaintBatch } from './paint-batch';

/** A painter that logs every call it gets, with the mark's start offset and the kind. */
function loggingPainter(log: string[]): Painter {
  return {
    ...noPainter,
    mark: markOf,
    add: (mark, kind) => void log.push(`add ${mark.startOffset} ${kind}`),
    remove: (mark, kind) => void log.push(`remove ${mark.startOffset} ${kind}`),
    setEnabled: (on) => void log.push(`enabled ${on}`),
  };
}

let text: Text;
beforeEach(() => {
  document.body.innerHTML = '<p>deployment 11112222 serial AB12CD34</p>';
  text = document.querySelector('p')?.firstChild as Text;
});

const markAt = (offset: number): Mark =>
  markOf({ startContainer: text, startOffset: offset, endContainer: text, endOffset: offset + 1 });

describe('the paint batch', () => {
  test('passes changes straight through while highlights are off', () => {
    const log: string[] = [];
    const batch = new PaintBatch(loggingPainter(log));
    batch.add(markAt(1), 'deployment');
    batch.remove(markAt(2), 'serial');
    expect(log).toEqual(['add 1 deployment', 'remove 2 serial']);
    expect(batch.pending).toBe(false);
  });

  test('holds changes while highlights are on and applies them in order on flush', () => {
    const log: string[] = [];
    const batch = new PaintBatch(loggingPainter(log));
    batch.setEnabled(true);
    log.length = 0;
    batch.add(markAt(1), 'deployment');
    batch.add(markAt(2), 'serial');
    batch.remove(markAt(3), 'serial');
    batch.remove(markAt(4), 'deployment');
    expect(log).toEqual([]);
    expect(batch.pending).toBe(true);
    batch.flush();
    expect(log).toEqual([
      'add 1 deployment',
      'add 2 serial',
      'remove 3 serial',
      'remove 4 deployment',
    ]);
    expect(batch.pending).toBe(false);
    batch.flush();
    expect(log).toHaveLength(4);
  });

  test('leaves nothing painted for a mark added and removed between two flushes', () => {
    const painted = new Set<Mark>();
    const target: Painter = {
      ...noPainter,
      add: (mark) => void painted.add(mark),
      remove: (mark) => void painted.delete(mark),
    };
    const batch = new PaintBatch(target);
    batch.setEnabled(true);
    const gone = markAt(1);
    const kept = markAt(2);
    batch.add(gone, 'deployment');
    batch.add(kept, 'serial');
    batch.remove(gone, 'deployment');
    batch.flush();
    expect([...painted]).toEqual([kept]);
  });

  test('flushes what it holds before highlights go off, and drops it on dispose', () => {
    const log: string[] = [];
    const batch = new PaintBatch(loggingPainter(log));
    batch.setEnabled(true);
    batch.add(markAt(1), 'serial');
    batch.setEnabled(false);
    expect(log).toEqual(['enabled true', 'add 1 serial', 'enabled false']);
    batch.setEnabled(true);
    batch.add(markAt(2), 'serial');
    batch.dispose();
    expect(batch.pending).toBe(false);
    expect(log).not.toContain('add 2 serial');
  });

  test('applies what it holds before showing held highlights, and reads the hold through', () => {
    const log: string[] = [];
    let held = true;
    const target: Painter = {
      ...loggingPainter(log),
      get held() {
        return held;
      },
      showHeld() {
        held = false;
        log.push('show held');
      },
    };
    const batch = new PaintBatch(target);
    batch.setEnabled(true);
    batch.add(markAt(1), 'deployment');
    expect(batch.held).toBe(true);
    batch.showHeld();
    expect(log).toEqual(['enabled true', 'add 1 deployment', 'show held']);
    expect(batch.held).toBe(false);
  });
});
