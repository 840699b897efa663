// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { startSandbox } from '../server';
import { call, TODAY, useSandbox } from './helpers';

const sandbox = useSandbox({ faults: true });

const inject = (fault: Record<string, unknown>) =>
  call(sandbox(), 'POST', '/__sandbox/faults', { auth: null, json: fault });

describe('fault injection', () => {
  test('is off unless explicitly enabled: the control endpoint is a plain 404', async () => {
    const plain = await startSandbox({ port: 0, today: TODAY });
    try {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const answer = await call(plain, method, '/__sandbox/faults', {
          auth: null,
          json: method === 'POST' ? { route: '/api/v1/cart', kind: '500' } : undefined,
        });
        expect(answer.status).toBe(404);
      }
      expect((await call(plain, 'GET', '/api/v1/cart')).status).toBe(200);
    } finally {
      await plain.close();
    }
  });

  test('answers 500 problem details, only as many times as asked', async () => {
    expect((await inject({ route: '/api/v1/cart', kind: '500', times: 2 })).status).toBe(201);
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await call(sandbox(), 'GET', '/api/v1/cart')).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  test('answers 502 with an HTML proxy page (status kinds may be numbers)', async () => {
    await inject({ route: '/api/v1/support/lookup', kind: 502, times: 1 });
    const answer = await call(sandbox(), 'POST', '/api/v1/support/lookup', {
      json: { items: [{ kind: 'deployment', value: '14181336' }] },
    });
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.text).toContain('Bad Gateway');
  });

  test('answers 429 with the requested Retry-After', async () => {
    await inject({ route: '/api/v1/me', kind: '429', retryAfter: 7, times: 1 });
    const answer = await call(sandbox(), 'GET', '/api/v1/me');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.body).toMatchObject({
      type: 'urn:renewal-scout:problem:rate-limited',
      retryAfter: 7,
    });
  });

  test('answers an HTML sign-in page with 200, like a portal whose session expired', async () => {
    await inject({ route: '/api/v1/cart', kind: 'html-signin', times: 1 });
    const answer = await call(sandbox(), 'GET', '/api/v1/cart');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.text).toContain('<form method="post" action="/sign-in">');
  });

  test('answers malformed JSON with 200', async () => {
    await inject({ route: '/api/v1/quotes', kind: 'malformed-json', times: 1 });
    const answer = await call(sandbox(), 'GET', '/api/v1/quotes');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  test('hangs until the client gives up, then serves normally', async () => {
    await inject({ route: '/api/v1/me', kind: 'hang', times: 1 });
    const started = Date.now();
    await expect(
      fetch(`${sandbox().url}/api/v1/me`, {
        headers: { Authorization: `Bearer ${sandbox().token}` },
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect((await call(sandbox(), 'GET', '/api/v1/me')).status).toBe(200);
  });

  test('lets a hanging request end when the sandbox closes', async () => {
    const own = await startSandbox({ port: 0, today: TODAY, faults: true });
    await call(own, 'POST', '/__sandbox/faults', {
      auth: null,
      json: { route: '/api/v1/me', kind: 'hang' },
    });
    const pending = fetch(`${own.url}/api/v1/me`, {
      headers: { Authorization: `Bearer ${own.token}` },
    }).then(
      (response) => response.status,
      () => 'network error',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await own.close();
    await pending;
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('does the write, then answers JSON of the wrong shape', async () => {
    await inject({ route: '/api/v1/cart/renewals/*', method: 'PUT', kind: 'acted-then-garbage' });
    const put = await call(sandbox(), 'PUT', '/api/v1/cart/renewals/14181336', {
      json: { quantity: 6, credits: 'card' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ accepted: true });
    const cart = await call(sandbox(), 'GET', '/api/v1/cart');
    expect(cart.body.lines).toEqual([
      expect.objectContaining({ deploymentId: '14181336', quantity: 6 }),
    ]);
    await call(sandbox(), 'DELETE', '/__sandbox/faults', { auth: null });
    await call(sandbox(), 'DELETE', `/api/v1/cart/lines/${cart.body.lines[0].id}`);
  });

  test('does the write, then never answers', async () => {
    await inject({ route: '/api/v1/cart/renewals/*', kind: 'acted-then-hang', times: 1 });
    await expect(
      fetch(`${sandbox().url}/api/v1/cart/renewals/14181336`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${sandbox().token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ quantity: 6, credits: 'card' }),
        signal: AbortSignal.timeout(500),
      }),
    ).rejects.toThrow();
    const cart = await call(sandbox(), 'GET', '/api/v1/cart');
    expect(cart.body.lines).toEqual([expect.objectContaining({ deploymentId: '14181336' })]);
    await call(sandbox(), 'DELETE', `/api/v1/cart/lines/${cart.body.lines[0].id}`);
  });

  test('matches by method and wildcard route, lists faults and clears them', async () => {
    await inject({ route: '/api/v1/cart/renewals/*', method: 'PUT', kind: '500' });
    const listed = await call(sandbox(), 'GET', '/__sandbox/faults', { auth: null });
    expect(listed.body.faults).toEqual([
      expect.objectContaining({ route: '/api/v1/cart/renewals/*', method: 'PUT', kind: '500' }),
    ]);
    const put = await call(sandbox(), 'PUT', '/api/v1/cart/renewals/85922823', {
      json: { quantity: 1, credits: 'card' },
    });
    expect(put.status).toBe(500);
    expect((await call(sandbox(), 'GET', '/api/v1/cart')).status).toBe(200);

    expect((await call(sandbox(), 'DELETE', '/__sandbox/faults', { auth: null })).status).toBe(204);
    const again = await call(sandbox(), 'PUT', '/api/v1/cart/renewals/85922823', {
      json: { quantity: 1, credits: 'card' },
    });
    expect(again.status).toBe(200);
  });

  test('validates fault requests', async () => {
    for (const fault of [
      { route: '/api/v1/cart', kind: 'teapot' },
      { route: '', kind: '500' },
      { route: '/api/v1/cart', kind: '500', times: 0 },
      { route: '/api/v1/cart', kind: '500', extra: true },
    ]) {
      expect((await inject(fault)).status, JSON.stringify(fault)).toBe(422);
    }
  });
});
