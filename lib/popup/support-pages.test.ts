import { describe, expect, test } from 'vitest';
import type {
  PortalResult,
  PortalServiceError,
  TabSupportStatus,
} from '../messaging/portal-results';
import { type AskedItem, type StatusProgress, supportStatusInPages } from './support-pages';

const items = (n: number): AskedItem[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'deployment', value: String(10_000_000 + i) }));

const answerFor = (asked: AskedItem[], fetchedAt = 100): PortalResult<TabSupportStatus> => ({
  ok: true,
  value: {
    tabId: 1,
    portal: { baseUrl: 'http://portal.test', origin: 'http://portal.test' },
    today: '2026-11-26',
    expiringSoonDays: 30,
    fetchedAt,
    identifiers: asked.map((item) => ({ ...item, count: 1, found: false })),
  },
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('support status in pages', () => {
  test('a tab that fits one request is asked as a whole', async () => {
    const asked: (AskedItem[] | undefined)[] = [];
    const result = await supportStatusInPages({
      identifiers: items(100),
      ask: async (page) => {
        asked.push(page);
        return answerFor(items(100));
      },
    });
    expect(asked).toEqual([undefined]);
    expect(result.ok && result.value.identifiers).toHaveLength(100);
  });

  test('250 identifiers: pages of 100, 100 and 50, merged in order whatever order they answer in', async () => {
    const asked: number[] = [];
    const progress: StatusProgress[] = [];
    const partials: number[] = [];
    const result = await supportStatusInPages({
      identifiers: items(250),
      ask: async (page = []) => {
        asked.push(page.length);
        // The first page answers last.
        if (page[0]?.value === '10000000') await tick();
        return answerFor(page, 100 + page.length);
      },
      onProgress: (partial, step) => {
        progress.push(step);
        partials.push(partial?.identifiers.length ?? 0);
      },
    });
    expect(asked).toEqual([100, 100, 50]);
    expect(progress.map((step) => step.checked)).toEqual([100, 150, 250]);
    expect(progress.every((step) => step.total === 250)).toBe(true);
    expect(partials).toEqual([100, 150, 250]);
    if (!result.ok) throw new Error('expected an answer');
    expect(result.value.identifiers.map((i) => i.value)).toEqual(items(250).map((i) => i.value));
    expect(result.value.fetchedAt).toBe(150);
  });

  test('at most three pages in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await supportStatusInPages({
      identifiers: items(1_000),
      ask: async (page = []) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await tick();
        inFlight -= 1;
        return answerFor(page);
      },
    });
    expect(most).toBe(3);
  });

  test('a 429 is waited out as long as the portal asks, then the page is asked again', async () => {
    const slept: number[] = [];
    const waits: (number | undefined)[] = [];
    let refused = false;
    const result = await supportStatusInPages({
      identifiers: items(150),
      concurrency: 1,
      ask: async (page = []) => {
        if (page.length === 50 && !refused) {
          refused = true;
          return { ok: false, error: rateLimited(2) };
        }
        return answerFor(page);
      },
      onProgress: (_, step) => waits.push(step.waitingSeconds),
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    expect(slept).toEqual([2000]);
    expect(waits).toEqual([undefined, 2, undefined]);
    expect(result.ok && result.value.identifiers).toHaveLength(150);
  });

  test('a page that keeps failing, or another error, is the answer; no further page is asked', async () => {
    let asks = 0;
    const limited = await supportStatusInPages({
      identifiers: items(500),
      concurrency: 1,
      rateLimitWaits: 2,
      ask: async () => {
        asks += 1;
        return { ok: false, error: rateLimited(1) };
      },
      sleep: async () => undefined,
    });
    expect(limited).toMatchObject({ ok: false, error: { kind: 'rate-limited' } });
    expect(asks).toBe(3);

    const signedOut: PortalServiceError = {
      kind: 'signed-out',
      reason: 'unauthenticated',
      status: 401,
    };
    asks = 0;
    const failed = await supportStatusInPages({
      identifiers: items(500),
      concurrency: 1,
      ask: async (page = []) => {
        asks += 1;
        return asks === 2 ? { ok: false, error: signedOut } : answerFor(page);
      },
    });
    expect(failed).toEqual({ ok: false, error: signedOut });
    expect(asks).toBe(2);
  });

  test('a Retry-After over a minute is not waited for', async () => {
    const result = await supportStatusInPages({
      identifiers: items(200),
      ask: async () => ({ ok: false, error: rateLimited(600) }),
      sleep: () => Promise.reject(new Error('should not wait')),
    });
    expect(result).toMatchObject({ ok: false, error: { retryAfterSeconds: 600 } });
  });

  test('cancelled (the popup closed or the list changed): no further page is asked', async () => {
    const controller = new AbortController();
    let asks = 0;
    const run = supportStatusInPages({
      identifiers: items(1_000),
      concurrency: 1,
      signal: controller.signal,
      ask: async (page = []) => {
        asks += 1;
        if (asks === 2) controller.abort();
        return answerFor(page);
      },
    });
    await expect(run).rejects.toThrow();
    expect(asks).toBe(2);
  });
});

function rateLimited(seconds: number): PortalServiceError {
  return { kind: 'rate-limited', status: 429, retryAfterSeconds: seconds, retryAt: 0 };
}
