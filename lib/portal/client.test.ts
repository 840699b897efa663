// The client's own rules against a scripted fetch: what is retried, timeouts, cancelling,
// chunking and local validation. client.sandbox.test.ts runs it against the real sandbox.
import { describe, expect, test } from 'vitest';
import { createPortalClient, type PortalClientOptions } from './client';
import type { Fetch } from './transport';

const cart = { lines: [], total: { amount: 0, currency: 'USD' }, version: 1 };
const quote = {
  number: 'Q-1',
  lines: [],
  total: { amount: 0, currency: 'USD' },
  createdAt: '2026-11-26T10:00:00Z',
};

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that answers from a script, one entry per call, and records what was sent. */
function scripted(...answers: Array<(request: Sent) => Response | Promise<Response>>) {
  const sent: Sent[] = [];
  const fetch: Fetch = async (url, init) => {
    const request = { url, init };
    sent.push(request);
    const answer = answers[Math.min(sent.length, answers.length) - 1];
    if (!answer) throw new Error('no scripted answer');
    return answer(request);
  };
  return { fetch, sent };
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response(`{"type":"about:blank","title":"HTTP ${code}","status":${code}}`, {
      status: code,
      headers: { 'content-type': 'application/problem+json', ...headers },
    });
const networkDown = () => Promise.reject(new TypeError('fetch failed'));
/** Never answers; rejects like fetch does when its signal aborts. */
const hang = ({ init }: Sent) =>
  new Promise<Response>((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

function client(fetch: Fetch, options: Partial<PortalClientOptions> = {}) {
  return createPortalClient({
    baseUrl: 'https://portal.test',
    auth: { kind: 'token', token: 'rs_pat_test' },
    fetch,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 4, minAttemptMs: 10 },
    timeoutMs: 1000,
    ...options,
  });
}

describe('requests', () => {
  test('sends the token as a bearer and no cookies', async () => {
    const { fetch, sent } = scripted(json(cart));
    await client(fetch).getCart();
    expect(sent[0]?.url).toBe('https://portal.test/api/v1/cart');
    expect(new Headers(sent[0]?.init.headers).get('authorization')).toBe('Bearer rs_pat_test');
    expect(sent[0]?.init.credentials).toBe('omit');
  });

  test('trims a pasted token, and calls an unusable one signed out without sending it', async () => {
    const { fetch, sent } = scripted(json(cart));
    await client(fetch, { auth: { kind: 'token', token: ' rs_pat_test\n' } }).getCart();
    expect(new Headers(sent[0]?.init.headers).get('authorization')).toBe('Bearer rs_pat_test');
    for (const token of ['', 'rs pat', 'rs_pat_\u00e9t\u00e9']) {
      expect(await client(fetch, { auth: { kind: 'token', token } }).getCart()).toMatchObject({
        ok: false,
        error: { kind: 'signed-out', status: 0 },
      });
    }
    expect(sent).toHaveLength(1);
  });

  test('sends the session cookie and no authorization for session sign-in', async () => {
    const { fetch, sent } = scripted(json(cart));
    await client(fetch, { auth: { kind: 'session' } }).getCart();
    expect(sent[0]?.init.credentials).toBe('include');
    expect(new Headers(sent[0]?.init.headers).has('authorization')).toBe(false);
  });

  test('keeps a path prefix in the base URL and encodes the query', async () => {
    const { fetch, sent } = scripted(json({ deployments: [] }));
    await client(fetch, { baseUrl: 'https://portal.test/partners?x=1#y' }).searchDeployments({
      query: 'Acme & co',
      limit: 5,
    });
    expect(sent[0]?.url).toBe(
      'https://portal.test/partners/api/v1/deployments?query=Acme+%26+co&limit=5',
    );
  });

  test('refuses a base URL that is not http(s)', () => {
    expect(() => client(scripted().fetch, { baseUrl: 'portal.test' })).toThrow(RangeError);
    expect(() => client(scripted().fetch, { baseUrl: 'ftp://portal.test' })).toThrow(RangeError);
  });

  test('refuses a request the portal would reject without sending it', async () => {
    const { fetch, sent } = scripted(json({}));
    const portal = client(fetch);
    expect(await portal.putRenewal('1234', { quantity: 1, credits: 'organization' })).toMatchObject(
      {
        ok: false,
        error: { kind: 'invalid-request', status: 0, fieldErrors: [{ path: '/deploymentId' }] },
      },
    );
    expect(
      await portal.putRenewal('12345678', { quantity: 26, credits: 'organization' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', fieldErrors: [{ path: '/quantity' }] },
    });
    expect(await portal.lookup([{ kind: 'deployment', value: '' }])).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', fieldErrors: [{ path: '/items/0/value' }] },
    });
    expect(await portal.searchDeployments({ limit: 101 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
    expect(sent).toHaveLength(0);
  });
});

describe('retries', () => {
  test('retries a GET after 5xx answers and network errors, then succeeds', async () => {
    const { fetch, sent } = scripted(status(502), networkDown, json(cart));
    expect(await client(fetch).getCart()).toEqual({ ok: true, value: cart });
    expect(sent).toHaveLength(3);
  });

  test('gives up after the configured retries', async () => {
    const { fetch, sent } = scripted(status(500));
    expect(await client(fetch).getCart()).toMatchObject({
      ok: false,
      error: { kind: 'portal-unavailable', cause: 'server-error', status: 500 },
    });
    expect(sent).toHaveLength(3);
  });

  test('does not retry what would fail again: 4xx, a broken contract', async () => {
    for (const answer of [status(401), status(404), status(422), json({ nope: 1 })]) {
      const { fetch, sent } = scripted(answer, json(cart));
      expect((await client(fetch).getCart()).ok).toBe(false);
      expect(sent).toHaveLength(1);
    }
  });

  test('never retries saving a quote or deleting a line', async () => {
    for (const call of [
      (c: ReturnType<typeof client>) => c.saveQuote(),
      (c: ReturnType<typeof client>) => c.deleteCartLine('L1'),
    ]) {
      const { fetch, sent } = scripted(status(502), json(quote));
      expect(await call(client(fetch))).toMatchObject({
        ok: false,
        error: { kind: 'portal-unavailable', status: 502 },
      });
      expect(sent).toHaveLength(1);
    }
  });

  test('retries the idempotent PUT', async () => {
    const line = {
      id: 'L1',
      sku: 'SUP-1Y',
      name: 'Support',
      deploymentId: '12345678',
      quantity: 5,
      unitPrice: { amount: 100, currency: 'USD' },
      credits: 'card',
    };
    const { fetch, sent } = scripted(networkDown, json({ line, cart: { ...cart, lines: [line] } }));
    expect(
      await client(fetch).putRenewal('12345678', { quantity: 5, credits: 'card' }),
    ).toMatchObject({ ok: true });
    expect(sent.map((request) => request.init.method)).toEqual(['PUT', 'PUT']);
    expect(sent[1]?.init.body).toBe('{"quantity":5,"credits":"card"}');
  });

  test('does not retry when the portal asks for a longer pause than it is worth waiting', async () => {
    const { fetch, sent } = scripted(status(503, { 'retry-after': '120' }), json(cart));
    expect(await client(fetch).getCart()).toMatchObject({
      ok: false,
      error: { kind: 'portal-unavailable', status: 503, retryAfterSeconds: 120 },
    });
    expect(sent).toHaveLength(1);
  });

  test('waits with exponential backoff between tries', async () => {
    const { fetch, sent } = scripted(status(500));
    const started = performance.now();
    await client(fetch, {
      retry: { retries: 2, baseDelayMs: 40, maxDelayMs: 1000 },
      random: () => 1,
    }).getCart();
    // 40 ms, then 80 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(sent).toHaveLength(3);
  });
});

describe('429: the wait the portal asks for, within the deadline', () => {
  test('waits as long as Retry-After says, then retries a request safe to repeat', async () => {
    const { fetch, sent } = scripted(status(429, { 'retry-after': '0' }), json(cart));
    expect(await client(fetch).getCart()).toEqual({ ok: true, value: cart });
    expect(sent).toHaveLength(2);
  });

  test('reports rate-limited with when to retry, at once, when the wait would pass the deadline', async () => {
    const { fetch, sent } = scripted(status(429, { 'retry-after': '5' }), json(cart));
    const started = Date.now();
    const answer = await client(fetch, { deadlineMs: 3000 }).getCart();
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAfterSeconds: 5 },
    });
    if (answer.ok || answer.error.kind !== 'rate-limited') throw new Error('not rate-limited');
    expect(answer.error.retryAt).toBeGreaterThanOrEqual(started + 5000);
    // Answered without sleeping through any of the five seconds.
    expect(Date.now() - started).toBeLessThan(2500);
    expect(sent).toHaveLength(1);
  });

  test('never retries a 429 for a request that is not safe to repeat', async () => {
    const { fetch, sent } = scripted(status(429, { 'retry-after': '0' }), json(quote));
    expect(await client(fetch).saveQuote()).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited' },
    });
    expect(sent).toHaveLength(1);
  });
});

describe('the deadline of a call', () => {
  test('answers a hung portal by the deadline, cutting the last attempt short', async () => {
    const { fetch, sent } = scripted(hang);
    const started = Date.now();
    // Per attempt 1 s, three attempts: 3 s without a deadline.
    const answer = await client(fetch, { timeoutMs: 1000, deadlineMs: 1300 }).getCart();
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'portal-unavailable', cause: 'timeout' },
    });
    expect(sent).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2800);
  });

  test('does not start an attempt that would have too little time left', async () => {
    const { fetch, sent } = scripted(hang);
    const portal = client(fetch, {
      timeoutMs: 200,
      deadlineMs: 5000,
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1, minAttemptMs: 5000 },
    });
    expect(await portal.getCart()).toMatchObject({ ok: false, error: { cause: 'timeout' } });
    expect(sent).toHaveLength(1);
  });

  test("takes the caller's deadline over the client's, for writes too", async () => {
    const { fetch, sent } = scripted(hang);
    const portal = client(fetch, { timeoutMs: 5000, deadlineMs: 60_000 });
    const started = Date.now();
    expect(await portal.deleteCartLine('L1', { deadline: portal.now() + 100 })).toMatchObject({
      ok: false,
      error: { kind: 'portal-unavailable', cause: 'timeout' },
    });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(sent).toHaveLength(1);
  });

  test('sends nothing once the deadline has passed', async () => {
    const { fetch, sent } = scripted(json(cart));
    const portal = client(fetch);
    expect(await portal.getCart({ deadline: portal.now() - 1 })).toMatchObject({
      ok: false,
      error: { kind: 'portal-unavailable', cause: 'timeout' },
    });
    expect(sent).toHaveLength(0);
  });
});

describe('timeouts and cancelling', () => {
  test('times out a portal that does not answer, per attempt, and retries a GET', async () => {
    const { fetch, sent } = scripted(hang, json(cart));
    expect(await client(fetch, { timeoutMs: 50 }).getCart()).toEqual({ ok: true, value: cart });
    expect(sent).toHaveLength(2);
  });

  test('reports a timeout once retries are spent', async () => {
    const { fetch } = scripted(hang);
    expect(await client(fetch, { timeoutMs: 30, retry: { retries: 0 } }).me()).toMatchObject({
      ok: false,
      error: { kind: 'portal-unavailable', cause: 'timeout' },
    });
  });

  test("answers 'cancelled' when the caller aborts, and stops retrying", async () => {
    const { fetch, sent } = scripted(hang);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    expect(await client(fetch, { timeoutMs: 5000 }).getCart({ signal: controller.signal })).toEqual(
      {
        ok: false,
        error: { kind: 'cancelled' },
      },
    );
    expect(sent).toHaveLength(1);
  });

  test('cancels during the pause between retries', async () => {
    const { fetch, sent } = scripted(status(500));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const portal = client(fetch, { retry: { retries: 2, baseDelayMs: 5000, maxDelayMs: 5000 } });
    expect(await portal.getCart({ signal: controller.signal })).toEqual({
      ok: false,
      error: { kind: 'cancelled' },
    });
    expect(sent).toHaveLength(1);
  });
});

describe('lookup', () => {
  const items = Array.from({ length: 250 }, (_, i) => ({
    kind: 'deployment' as const,
    value: String(10_000_000 + i),
  }));
  const echo = ({ init }: Sent) => {
    const body = JSON.parse(String(init.body)) as { items: Array<{ kind: string; value: string }> };
    return json({ results: body.items.map((item) => ({ ...item, found: false })) })();
  };

  test('sends at most 100 items a request and keeps the order', async () => {
    const { fetch, sent } = scripted(echo);
    const result = await client(fetch).lookup(items);
    expect(sent.map(({ init }) => JSON.parse(String(init.body)).items.length)).toEqual([
      100, 100, 50,
    ]);
    expect(result.ok && result.value.map((r) => r.value)).toEqual(items.map((item) => item.value));
  });

  test('sends nothing for no items', async () => {
    const { fetch, sent } = scripted(echo);
    expect(await client(fetch).lookup([])).toEqual({ ok: true, value: [] });
    expect(sent).toHaveLength(0);
  });

  test('sends only kind and value of richer items', async () => {
    const { fetch, sent } = scripted(echo);
    await client(fetch).lookup([{ kind: 'serial', value: 'ABC123', count: 3 } as never]);
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({
      items: [{ kind: 'serial', value: 'ABC123' }],
    });
  });

  test('calls results that do not answer the items one by one an unexpected response', async () => {
    const { fetch } = scripted(
      json({ results: [{ kind: 'deployment', value: '10000001', found: false }] }),
    );
    expect(await client(fetch).lookup(items.slice(0, 2))).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-response', detail: 'lookup answered 1 results for 2 items' },
    });
    const swapped = scripted(
      json({
        results: [
          { kind: 'deployment', value: '10000001', found: false },
          { kind: 'deployment', value: '10000000', found: false },
        ],
      }),
    );
    expect(await client(swapped.fetch).lookup(items.slice(0, 2))).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-response' },
    });
  });

  test('stops at the first failing chunk', async () => {
    const { fetch, sent } = scripted(echo, status(403));
    expect(await client(fetch).lookup(items)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(sent).toHaveLength(2);
  });
});
