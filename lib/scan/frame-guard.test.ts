import { describe, expect, test, vi } from 'vitest';
import { claimFrame, type RunningScout } from './frame-guard';

function fakeScout(alive = true): RunningScout & { refreshed: number; stopped: boolean } {
  const s = {
    refreshed: 0,
    stopped: false,
    alive: () => alive && !s.stopped,
    refresh: () => {
      s.refreshed++;
    },
    stop: () => {
      s.stopped = true;
    },
  };
  return s;
}

describe('one scout per frame', () => {
  test('starts a scout on the first injection and refreshes it on the next ones', () => {
    const world = {};
    const first = fakeScout();
    const start = vi.fn(() => first);
    expect(claimFrame(start, world)).toBe(first);
    expect(claimFrame(start, world)).toBe(first);
    expect(claimFrame(start, world)).toBe(first);
    expect(start).toHaveBeenCalledTimes(1);
    expect(first.refreshed).toBe(2);
  });

  test('replaces an orphan left by a reloaded extension', () => {
    const world = {};
    const orphan = fakeScout(false);
    claimFrame(() => orphan, world);
    const fresh = fakeScout();
    expect(claimFrame(() => fresh, world)).toBe(fresh);
    expect(orphan.stopped).toBe(true);
    expect(orphan.refreshed).toBe(0);
  });

  test('keeps separate worlds apart', () => {
    const a = fakeScout();
    const b = fakeScout();
    expect(claimFrame(() => a, {})).toBe(a);
    expect(claimFrame(() => b, {})).toBe(b);
    expect(a.refreshed + b.refreshed).toBe(0);
  });
});
