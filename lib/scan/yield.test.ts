import { afterEach, describe, expect, test, vi } from 'vitest';
import { TIMER_TURN_MS, yieldToPage } from './yield';

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

  test('gives the page’s timers a turn at least every so often', async () => {
    let clock = performance.now() + 10_000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    // The first turn is a timer: from then on the clock says when the next one is due.
    await yieldToPage();
    expect(timers).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) {
      clock += TIMER_TURN_MS / 8;
      await yieldToPage();
    }
    // Well within the interval: posted messages only.
    expect(timers).toHaveBeenCalledTimes(1);
    clock += TIMER_TURN_MS;
    await yieldToPage();
    expect(timers).toHaveBeenCalledTimes(2);
    clock += 1;
    await yieldToPage();
    expect(timers).toHaveBeenCalledTimes(2);
  });
});
