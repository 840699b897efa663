// @vitest-environment node
import { Agent } from 'node:http';
import { describe, expect, test } from 'vitest';
import { ProblemType } from '../../lib/portal/problems';
import { MAX_BODY_BYTES } from '../../lib/portal/schemas';
import { createPortalApp } from '../app';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { openDatabase } from '../db/open';
import { FORM_BODY_BYTES } from '../http/body-limit';
import { RateLimiter } from '../http/rate-limit';
import { useSandbox } from './helpers';
import { type RawAnswer, rawRequest } from './raw-http';

const sandbox = useSandbox();
const TEN_MB = 10 * 1024 * 1024;
const JSON_TYPE = { 'Content-Type': 'application/json' };

function expectTooLarge(answer: RawAnswer, limit: number) {
  expect(answer.status).toBe(413);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.body).toMatchObject({ type: ProblemType.payloadTooLarge, status: 413 });
  expect(answer.body.detail).toContain(String(limit));
}

// Uploading megabytes on a loaded machine: generous timeouts.
describe('body limits', { timeout: 60_000 }, () => {
  test('answers a declared 10 MB body with 413, before authentication, and reads and drops it so the connection stays usable', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const sockets = new Set<unknown>();
      agent.on('free', (socket) => sockets.add(socket));
      const big = await rawRequest(sandbox(), {
        path: '/api/v1/support/lookup',
        headers: JSON_TYPE,
        body: Buffer.alloc(TEN_MB, 'x'),
        agent,
      });
      expectTooLarge(big, MAX_BODY_BYTES);
      expect(big.continued).toBe(false);
      expect(big.headers.connection).toBe('keep-alive');

      const next = await rawRequest(sandbox(), {
        method: 'GET',
        path: '/api/v1/me',
        headers: { Authorization: `Bearer ${sandbox().token}` },
        agent,
      });
      expect(next.status).toBe(200);
      expect(sockets.size).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  test('answers 413 to a chunked body without Content-Length once it passes the limit', async () => {
    const response = await fetch(`${sandbox().url}/api/v1/cart/renewals/85922823`, {
      method: 'PUT',
      headers: { ...JSON_TYPE, Authorization: `Bearer ${sandbox().token}` },
      body: new ReadableStream({
        start(controller) {
          for (let chunk = 0; chunk < 160; chunk += 1) {
            controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
          }
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: ProblemType.payloadTooLarge });
    // Nothing was written.
    const cart = await fetch(`${sandbox().url}/api/v1/cart`, {
      headers: { Authorization: `Bearer ${sandbox().token}` },
    });
    expect((await cart.json()).lines).toEqual([]);
  });

  test('limits every route, even one that reads no body, and the sign-in form at the form limit', async () => {
    const quote = await rawRequest(sandbox(), {
      path: '/api/v1/cart/quote',
      headers: { ...JSON_TYPE, Authorization: `Bearer ${sandbox().token}` },
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 'x'),
    });
    expectTooLarge(quote, MAX_BODY_BYTES);

    const form = await rawRequest(sandbox(), {
      path: '/sign-in',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: sandbox().url },
      body: Buffer.alloc(TEN_MB, 'x'),
    });
    expectTooLarge(form, FORM_BODY_BYTES);

    const chunkedForm = await fetch(`${sandbox().url}/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: sandbox().url },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`email=${'a'.repeat(FORM_BODY_BYTES)}`));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunkedForm.status).toBe(413);
  });

  test('answers 413 instead of 100 Continue to a declared oversized body, which is then never sent', async () => {
    const answer = await rawRequest(sandbox(), {
      path: '/api/v1/support/lookup',
      headers: {
        ...JSON_TYPE,
        Authorization: `Bearer ${sandbox().token}`,
        'Content-Length': String(TEN_MB),
        Expect: '100-continue',
      },
      body: Buffer.alloc(TEN_MB, 'x'),
    });
    expect(answer.continued).toBe(false);
    expectTooLarge(answer, MAX_BODY_BYTES);
    expect(answer.headers.connection).toBe('close');
  });

  test('says 100 Continue to a body within the limit and serves it', async () => {
    const body = JSON.stringify({ items: [{ kind: 'deployment', value: '14181336' }] });
    const answer = await rawRequest(sandbox(), {
      path: '/api/v1/support/lookup',
      headers: {
        ...JSON_TYPE,
        Authorization: `Bearer ${sandbox().token}`,
        'Content-Length': String(Buffer.byteLength(body)),
        Expect: '100-continue',
      },
      body,
    });
    expect(answer.continued).toBe(true);
    expect(answer.status).toBe(200);
    expect(answer.body.results[0]).toMatchObject({ found: true, value: '14181336' });
  });

  test('accepts a body of exactly the limit', async () => {
    const items = JSON.stringify({ items: [{ kind: 'deployment', value: '14181336' }] });
    const body = items.padEnd(MAX_BODY_BYTES, ' ');
    const answer = await rawRequest(sandbox(), {
      path: '/api/v1/support/lookup',
      headers: { ...JSON_TYPE, Authorization: `Bearer ${sandbox().token}` },
      body,
    });
    expect(answer.status).toBe(200);
  });

  test('holds the same limits inside the app, for a body that reaches it without the server', async () => {
    const db = openDatabase(':memory:', false);
    try {
      const app = createPortalApp({
        db,
        today: () => '2026-11-26',
        trustedOrigins: new Set(),
        rateLimiter: new RateLimiter(),
        signInThrottle: new SignInThrottle(),
        faults: undefined,
      });
      const streamOf = (bytes: number) =>
        new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array(bytes).fill(0x20));
            controller.close();
          },
        });
      const post = (path: string, bytes: number) =>
        app.request(path, { method: 'POST', body: streamOf(bytes), duplex: 'half' } as RequestInit);

      const api = await post('/api/v1/support/lookup', MAX_BODY_BYTES + 1);
      expect(api.status).toBe(413);
      expect(await api.json()).toMatchObject({ type: ProblemType.payloadTooLarge });
      expect((await post('/sign-in', FORM_BODY_BYTES + 1)).status).toBe(413);
      // Within the limit the request goes on, here to authentication.
      expect((await post('/api/v1/support/lookup', MAX_BODY_BYTES)).status).toBe(401);
    } finally {
      db.close();
    }
  });
});
