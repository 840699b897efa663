import { beforeEach, describe, expect, test } from 'vitest';
import type { IdentifierKind } from '../identifiers/types';
import { MAX_DISTINCT_IDENTIFIERS } from '../messaging/report-limits';
import type { Match } from './detector-port';
import type { Painter } from './highlights';
import { MatchStore } from './match-store';
import { recordingPainter } from './testing/recording-painter';

let blocks: HTMLElement[];

beforeEach(() => {
  document.body.innerHTML = '<p>deployment 11112222</p><p>serial AB12CD34</p><p>third</p>';
  blocks = [...document.querySelectorAll('p')];
});

function match(block: HTMLElement, kind: IdentifierKind, value: string): Match {
  const text = block.firstChild as Text;
  return { kind, value, startContainer: text, startOffset: 0, endContainer: text, endOffset: 4 };
}

const listed = (store: MatchStore) => store.list().map((i) => `${i.kind}:${i.value}×${i.count}`);

describe('the match store', () => {
  test('appends a block’s later runs of the same pass, and replaces them in a later pass', () => {
    const painter = recordingPainter();
    const store = new MatchStore(painter);
    const [first] = blocks as [HTMLElement];
    store.put(first, 1, [match(first, 'deployment', '11112222')]);
    store.put(first, 1, [match(first, 'serial', 'AB12CD34'), match(first, 'serial', 'AB12CD34')]);
    expect(listed(store)).toEqual(['deployment:11112222×1', 'serial:AB12CD34×2']);
    expect(painter.painted.size).toBe(3);

    const old = new Set(painter.painted);
    store.put(first, 2, [match(first, 'deployment', '33334444')]);
    expect(listed(store)).toEqual(['deployment:33334444×1']);
    expect(painter.painted.size).toBe(1);
    for (const mark of old) expect(painter.painted.has(mark)).toBe(false);
    // A later pass that finds nothing empties the block.
    store.put(first, 3, []);
    expect(store.list()).toEqual([]);
    expect(painter.painted.size).toBe(0);
    expect(store.blockCount).toBe(0);
  });

  test('ignores a run from an older pass once a later pass read the block, and starts a block afresh when told', () => {
    const painter = recordingPainter();
    const store = new MatchStore(painter);
    const [first] = blocks as [HTMLElement];
    // A change pass got to the block before the first scan did: its reading is newer.
    store.put(first, 7, [match(first, 'deployment', '77778888')]);
    store.put(first, 1, [match(first, 'deployment', '11112222')]);
    expect(listed(store)).toEqual(['deployment:77778888×1']);
    // The same pass meets the block again (it moved ahead of the walk): not counted twice.
    store.put(first, 7, [match(first, 'deployment', '77778888')], true);
    expect(listed(store)).toEqual(['deployment:77778888×1']);
    expect(painter.painted.size).toBe(1);
  });

  test('counts an identifier across blocks, and a value of both kinds as two identifiers', () => {
    const store = new MatchStore(recordingPainter());
    const [first, second] = blocks as [HTMLElement, HTMLElement];
    store.put(first, 1, [match(first, 'deployment', '12345678')]);
    store.put(second, 1, [match(second, 'deployment', '12345678')]);
    store.put(second, 1, [match(second, 'serial', '12345678')]);
    expect(listed(store)).toEqual(['deployment:12345678×2', 'serial:12345678×1']);
    expect(store.distinct).toBe(2);
    store.clear(second);
    expect(listed(store)).toEqual(['deployment:12345678×1']);
    expect(store.distinct).toBe(1);
  });

  test('drops only the blocks that left the document', () => {
    const painter = recordingPainter();
    const store = new MatchStore(painter);
    const [first, second] = blocks as [HTMLElement, HTMLElement];
    store.put(first, 1, [match(first, 'deployment', '11112222')]);
    store.put(second, 1, [match(second, 'serial', 'AB12CD34')]);
    const version = store.version;
    second.remove();
    store.sweepDetached();
    expect(listed(store)).toEqual(['deployment:11112222×1']);
    expect(painter.painted.size).toBe(1);
    expect(store.version).toBeGreaterThan(version);
  });

  test('keeps counts where nothing can be painted', () => {
    const painter: Painter = { ...recordingPainter(), mark: () => null };
    const store = new MatchStore(painter);
    const [first] = blocks as [HTMLElement];
    store.put(first, 1, [match(first, 'deployment', '11112222')]);
    store.put(first, 2, [match(first, 'deployment', '55556666')]);
    expect(listed(store)).toEqual(['deployment:55556666×1']);
  });

  test('past the cap, turns new identifiers away but keeps counting the known ones', () => {
    const painter = recordingPainter();
    const store = new MatchStore(painter, 2);
    const [first, second, third] = blocks as [HTMLElement, HTMLElement, HTMLElement];
    store.put(first, 1, [
      match(first, 'deployment', '11112222'),
      match(first, 'serial', 'AB12CD34'),
    ]);
    expect(store.capped).toBe(false);
    const version = store.version;
    store.put(second, 1, [
      match(second, 'deployment', '33334444'),
      match(second, 'deployment', '11112222'),
    ]);
    expect(store.capped).toBe(true);
    expect(store.version).toBeGreaterThan(version);
    expect(listed(store)).toEqual(['deployment:11112222×2', 'serial:AB12CD34×1']);
    // What was turned away is not painted either: the highlights match the list.
    expect(painter.painted.size).toBe(3);
    // A block with nothing admitted holds nothing.
    store.put(third, 1, [match(third, 'serial', 'ZZ99ZZ99')]);
    expect(store.blockCount).toBe(2);
    // Dropping a block takes off exactly what it added.
    store.clear(second);
    expect(listed(store)).toEqual(['deployment:11112222×1', 'serial:AB12CD34×1']);
    expect(painter.painted.size).toBe(2);
    // Room again: a new identifier is admitted, and the store still says some were missed.
    store.clear(first);
    store.put(third, 2, [match(third, 'serial', 'ZZ99ZZ99')]);
    expect(listed(store)).toContain('serial:ZZ99ZZ99×1');
    expect(store.capped).toBe(true);
  });

  test('holds MAX_DISTINCT_IDENTIFIERS by default', () => {
    const store = new MatchStore(recordingPainter());
    const [first] = blocks as [HTMLElement];
    const many = Array.from({ length: MAX_DISTINCT_IDENTIFIERS + 5 }, (_, i) =>
      match(first, 'deployment', String(10_000_000 + i)),
    );
    store.put(first, 1, many);
    expect(store.distinct).toBe(MAX_DISTINCT_IDENTIFIERS);
    expect(store.capped).toBe(true);
    // The first ones found are the ones kept.
    expect(store.list().at(-1)?.value).toBe(String(10_000_000 + MAX_DISTINCT_IDENTIFIERS - 1));
  });
});
