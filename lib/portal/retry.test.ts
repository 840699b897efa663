import { describe, expect, test } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, sleep } from './retry';

describe('backoffDelay', () => {
  const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 };

  test('doubles each time up to the ceiling, with half of it jittered', () => {
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelay(retry, policy, () => 0))).toEqual([
      50, 100, 200, 400, 500,
    ]);
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelay(retry, policy, () => 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });

  test('never retries at once with the default policy', () => {
    expect(backoffDelay(0, DEFAULT_RETRY, () => 0)).toBeGreaterThan(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-26T10:00:00Z');

  test('reads delay-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  test('reads an HTTP-date, rounding up and never below zero', () => {
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:07 GMT', now)).toBe(7);
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  test('ignores an absent or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('sleep', () => {
  test('resolves after the delay', async () => {
    const started = performance.now();
    await sleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });

  test('rejects as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const sleeping = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('closed')), 10);
    await expect(sleeping).rejects.toThrow('closed');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('rejects at once for an already aborted signal', async () => {
    await expect(sleep(10_000, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });
});
