import { afterEach, describe, expect, test, vi } from 'vitest';
import { yieldToPage } from './yield';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('yielding to the page', () => {
  test('posts a task behind the page’s own instead of jumping ahead with scheduler.yield()', async () => {
    const jumpAhead = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: jumpAhead });
    let resumed = false;
    const yielded = yieldToPage().then(() => {
      resumed = true;
    });
    // The slice's own microtasks run out without resuming the scan: it waits for a task.
    for (let i = 0; i < 10; i++) await null;
    expect(resumed).toBe(false);
    await yielded;
    expect(jumpAhead).not.toHaveBeenCalled();
  });
});
