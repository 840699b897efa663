import { describe, expect, test } from 'vitest';
import { interpretResponse, looksLikeSignInPage, type ReceivedResponse } from './responses';
import { cartSchema, ProblemType } from './schemas';

const now = Date.parse('2026-11-26T10:00:00Z');

function received(
  status: number,
  body: string,
  headers: Record<string, string> = {},
  url = 'https://portal.test/api/v1/cart',
): ReceivedResponse {
  return { status, body, headers: new Headers(headers), url };
}

const json = { 'content-type': 'application/json' };
const problemJson = { 'content-type': 'application/problem+json' };
const cart = { lines: [], total: { amount: 0, currency: 'USD' }, version: 3 };

describe('interpretResponse', () => {
  test('returns the parsed value of a 200 in the contract', () => {
    expect(interpretResponse(received(200, JSON.stringify(cart), json), cartSchema, now)).toEqual({
      ok: true,
      value: cart,
    });
  });

  test('accepts a 204 for an endpoint without a body', () => {
    expect(interpretResponse(received(204, ''), null, now)).toEqual({ ok: true, value: undefined });
  });

  test('calls a 200 with JSON of the wrong shape an unexpected response, naming the field', () => {
    const result = interpretResponse(
      received(200, JSON.stringify({ ...cart, version: 'x' }), json),
      cartSchema,
      now,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-response', status: 200 },
    });
    expect(
      !result.ok && result.error.kind === 'unexpected-response' && result.error.detail,
    ).toMatch(/version/);
  });

  test('calls malformed JSON an unexpected response', () => {
    expect(interpretResponse(received(200, '{"lines": [', json), cartSchema, now)).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-response', detail: expect.stringMatching(/malformed JSON/) },
    });
  });

  test('calls a sign-in page where JSON was expected signed out', () => {
    const page =
      '<!doctype html><form method="post"><input name="email"><input type="password" name="password"></form>';
    expect(
      interpretResponse(
        received(200, page, { 'content-type': 'text/html; charset=utf-8' }),
        cartSchema,
        now,
      ),
    ).toEqual({
      ok: false,
      error: {
        kind: 'signed-out',
        reason: 'sign-in-page',
        status: 200,
        detail: expect.any(String),
      },
    });
  });

  test('calls any other HTML page an unexpected response', () => {
    const page = '<!doctype html><h1>Scheduled maintenance</h1>';
    expect(
      interpretResponse(received(200, page, { 'content-type': 'text/html' }), cartSchema, now),
    ).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-response', detail: expect.stringMatching(/HTML/) },
    });
  });

  test.each([
    [401, 'signed-out'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [400, 'invalid-request'],
    [409, 'invalid-request'],
    [413, 'invalid-request'],
    [415, 'invalid-request'],
    [422, 'invalid-request'],
    [429, 'rate-limited'],
    [408, 'portal-unavailable'],
    [500, 'portal-unavailable'],
    [502, 'portal-unavailable'],
    [503, 'portal-unavailable'],
    [418, 'unexpected-response'],
    [302, 'unexpected-response'],
  ])('maps HTTP %i to %s', (status, kind) => {
    expect(interpretResponse(received(status, ''), cartSchema, now)).toMatchObject({
      ok: false,
      error: { kind },
    });
  });

  test('carries the catch-up problem details of a 422', () => {
    const problem = {
      type: ProblemType.catchUpRequired,
      title: 'More packages required',
      status: 422,
      detail: 'Support lapsed on 2012-09-30: at least 5 packages',
      requiredQuantity: 5,
    };
    expect(
      interpretResponse(received(422, JSON.stringify(problem), problemJson), cartSchema, now),
    ).toEqual({
      ok: false,
      error: {
        kind: 'invalid-request',
        status: 422,
        problemType: ProblemType.catchUpRequired,
        detail: problem.detail,
        fieldErrors: [],
        requiredQuantity: 5,
        maxQuantity: undefined,
      },
    });
  });

  test('carries field errors of a validation problem', () => {
    const problem = {
      type: ProblemType.validation,
      title: 'Invalid request',
      status: 422,
      errors: [{ path: '/quantity', message: 'Too big' }],
      maxQuantity: 25,
    };
    expect(
      interpretResponse(received(422, JSON.stringify(problem), problemJson), cartSchema, now),
    ).toMatchObject({
      ok: false,
      error: { fieldErrors: [{ path: '/quantity', message: 'Too big' }], maxQuantity: 25 },
    });
  });

  test('says when to retry after a 429, from the header or else the problem', () => {
    expect(
      interpretResponse(received(429, '', { 'retry-after': '4' }), cartSchema, now),
    ).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAfterSeconds: 4, retryAt: now + 4000 },
    });
    const problem = {
      type: ProblemType.rateLimited,
      title: 'Slow down',
      status: 429,
      retryAfter: 2,
    };
    expect(
      interpretResponse(received(429, JSON.stringify(problem), problemJson), cartSchema, now),
    ).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAfterSeconds: 2, retryAt: now + 2000 },
    });
  });

  test('keeps a 5xx a server error even when its body is an HTML proxy page', () => {
    expect(
      interpretResponse(
        received(502, '<html><body>Bad gateway</body></html>', { 'content-type': 'text/html' }),
        cartSchema,
        now,
      ),
    ).toMatchObject({
      ok: false,
      error: { kind: 'portal-unavailable', cause: 'server-error', status: 502 },
    });
  });
});

describe('looksLikeSignInPage', () => {
  test('recognises a redirect to a sign-in URL', () => {
    expect(
      looksLikeSignInPage(
        received(200, '<html></html>', {}, 'https://portal.test/signin?next=%2Fcart'),
      ),
    ).toBe(true);
    expect(
      looksLikeSignInPage(received(200, '<html></html>', {}, 'https://portal.test/account/login')),
    ).toBe(true);
  });

  test('recognises a password field', () => {
    expect(looksLikeSignInPage(received(200, "<input type='password'>", {}, ''))).toBe(true);
  });

  test('does not take every page for a sign-in page', () => {
    expect(
      looksLikeSignInPage(received(200, '<p>Sign in later</p>', {}, 'https://portal.test/cart')),
    ).toBe(false);
    expect(
      looksLikeSignInPage(received(200, '<p>x</p>', {}, 'https://portal.test/signing-policy')),
    ).toBe(false);
  });
});
