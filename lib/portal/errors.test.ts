import { describe, expect, it } from 'vitest';
import { describePortalError, isRetryable, type PortalError } from './errors';

const now = Date.parse('2026-11-26T10:00:00Z');

const examples: PortalError[] = [
  { kind: 'signed-out', reason: 'unauthenticated', status: 401 },
  { kind: 'signed-out', reason: 'sign-in-page', status: 200 },
  { kind: 'forbidden', status: 403 },
  { kind: 'not-found', status: 404 },
  { kind: 'invalid-request', status: 422, fieldErrors: [], requiredQuantity: 6 },
  { kind: 'invalid-request', status: 409, fieldErrors: [], detail: 'The cart is empty' },
  { kind: 'rate-limited', status: 429, retryAfterSeconds: 3, retryAt: now + 3000 },
  { kind: 'portal-unavailable', cause: 'server-error', status: 502 },
  { kind: 'portal-unavailable', cause: 'network' },
  { kind: 'portal-unavailable', cause: 'timeout' },
  { kind: 'unexpected-response', status: 200, detail: 'HTTP 200 with malformed JSON' },
  { kind: 'cancelled' },
];

describe('describePortalError', () => {
  it('gives every error a sentence', () => {
    const sentences = examples.map((error) => describePortalError(error, now));
    for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z].*\.$/);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('says how many packages the catch-up rule requires', () => {
    expect(describePortalError(examples[4] as PortalError, now)).toMatch(
      /at least 6 one-year packages/,
    );
  });

  it('counts down to when a rate-limited request may be retried', () => {
    const limited = examples[6] as PortalError;
    expect(describePortalError(limited, now)).toMatch(/in 3 seconds/);
    expect(describePortalError(limited, now + 2500)).toMatch(/in 1 second\./);
  });
});

describe('isRetryable', () => {
  it('offers Retry only where trying again may work', () => {
    expect(examples.filter(isRetryable).map((error) => error.kind)).toEqual([
      'rate-limited',
      'portal-unavailable',
      'portal-unavailable',
      'portal-unavailable',
    ]);
  });
});
