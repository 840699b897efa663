// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { ProblemType } from '../../lib/portal/problems';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../http/rate-limit';
import { startSandbox } from '../server';
import { call, signIn, TODAY, useSandbox } from './helpers';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const sandbox = useSandbox({ extensionOrigins: [EXTENSION] });

describe('CSRF: cookie writes need a trusted Origin', () => {
  const renew = (headers: Record<string, string>, auth?: null) =>
    call(sandbox(), 'PUT', '/api/v1/cart/renewals/85922823', {
      auth,
      headers,
      json: { quantity: 1, credits: 'card' },
    });

  test('refuses a cookie write without an Origin or from a foreign one, writing nothing', async () => {
    const cookie = await signIn(sandbox(), 'reseller@example.test');
    for (const origin of [
      undefined,
      'https://evil.example',
      'null',
      'chrome-extension://someoneelse',
      `${sandbox().url}.evil.example`,
    ]) {
      const headers: Record<string, string> = { Cookie: cookie };
      if (origin) headers.Origin = origin;
      const answer = await renew(headers, null);
      expect(answer.status, String(origin)).toBe(403);
      expect(answer.body.type).toBe(ProblemType.forbiddenOrigin);
    }
    const cart = await call(sandbox(), 'GET', '/api/v1/cart', {
      auth: null,
      headers: { Cookie: cookie },
    });
    expect(cart.status).toBe(200);
    expect(cart.body.lines).toEqual([]);
  });

  test("accepts cookie writes from the portal's own origin and from a configured extension", async () => {
    const cookie = await signIn(sandbox(), 'reseller@example.test');
    const localhost = sandbox().url.replace('127.0.0.1', 'localhost');
    for (const origin of [sandbox().url, localhost, EXTENSION]) {
      expect((await renew({ Cookie: cookie, Origin: origin }, null)).status, origin).toBe(200);
    }
  });

  test('accepts token writes without any Origin', async () => {
    expect((await renew({})).status).toBe(200);
  });

  test('refuses a sign-in posted from a foreign page', async () => {
    const answer = await call(sandbox(), 'POST', '/api/v1/session', {
      auth: null,
      headers: { Origin: 'https://evil.example' },
      json: { email: 'reseller@example.test', password: 'renewal-scout-demo' },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('set-cookie')).toBeNull();
  });
});

describe('rate limit', () => {
  test('answers 429 with Retry-After past the limit, per user', async () => {
    // The contract's floor (20/s, burst 20) keeps this quick and independent of load.
    const limited = await startSandbox({
      port: 0,
      today: TODAY,
      rateLimit: { perSecond: 20, burst: 20 },
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 150 }, () => call(limited, 'GET', '/api/v1/cart')),
      );
      const refused = answers.filter((a) => a.status === 429);
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(20);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.length + answers.filter((a) => a.status === 200).length).toBe(150);
      const first = refused[0];
      expect(first?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(first?.body).toMatchObject({ type: ProblemType.rateLimited, status: 429 });
      expect(first?.body.retryAfter).toBe(Number(first?.headers.get('retry-after')));

      // Another user has their own bucket.
      const cookie = await signIn(limited, 'other@example.test');
      const other = await call(limited, 'GET', '/api/v1/cart', {
        auth: null,
        headers: { Cookie: cookie },
      });
      expect(other.status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  test('never limits a user who stays at 20 requests a second', () => {
    let now = 0;
    const limiter = new RateLimiter(DEFAULT_RATE_LIMIT, () => now);
    for (let request = 0; request < 20 * 60; request += 1) {
      now += 50;
      expect(limiter.take('user:a')).toBe(0);
    }
  });

  test('refills over time and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 2 }, () => now);
    expect(limiter.take('k')).toBe(0);
    expect(limiter.take('k')).toBe(0);
    expect(limiter.take('k')).toBe(1);
    now += 500;
    expect(limiter.take('k')).toBe(0);
    expect(limiter.take('k')).toBe(1);
  });
});
