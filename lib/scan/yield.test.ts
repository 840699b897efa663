import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToPage } from './yield';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('yielding to the page', () => {
  it('posts a task behind the page’s own instead of jumping ahead with scheduler.yield()', async () => {
    const jumpAhead = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: jumpAhead });
    let microtasksDone = false;
    queueMicrotask(() => {
      microtasksDone = true;
    });
    await yieldToPage();
    expect(jumpAhead).not.toHaveBeenCalled();
    // Resumed from a task of its own, not from the microtasks of the slice that yielded.
    expect(microtasksDone).toBe(true);
  });
});
