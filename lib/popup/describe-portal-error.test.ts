import { describe, expect, test } from 'vitest';
import type { PortalServiceError } from '../messaging/portal-results';
import { describePortalServiceError } from './describe-portal-error';

const NOW = 1_000_000;

const every: PortalServiceError[] = [
  { kind: 'signed-out', reason: 'unauthenticated', status: 401 },
  { kind: 'signed-out', reason: 'sign-in-page', status: 200 },
  { kind: 'forbidden', status: 403 },
  { kind: 'not-found', status: 404 },
  { kind: 'invalid-request', status: 422, fieldErrors: [], requiredQuantity: 6 },
  { kind: 'invalid-request', status: 422, fieldErrors: [], maxQuantity: 25 },
  { kind: 'invalid-request', status: 409, fieldErrors: [], detail: 'The cart is empty' },
  { kind: 'invalid-request', detail: 'quantity: too small' },
  { kind: 'rate-limited', status: 429, retryAfterSeconds: 3, retryAt: NOW + 2_500 },
  { kind: 'portal-unavailable', cause: 'timeout' },
  { kind: 'portal-unavailable', cause: 'network' },
  { kind: 'portal-unavailable', cause: 'server-error', status: 502 },
  { kind: 'unexpected-response', status: 200, detail: 'not JSON' },
  { kind: 'cancelled' },
  { kind: 'not-configured', reason: 'no-token' },
  { kind: 'not-configured', reason: 'token-unreadable', detail: 'key-lost' },
  { kind: 'no-permission', origin: 'https://portal.example.test' },
  { kind: 'internal', detail: 'boom' },
  { kind: 'background-unavailable' },
  {
    kind: 'outcome-unknown',
    operation: 'add-renewal',
    cause: { kind: 'portal-unavailable', cause: 'timeout' },
    check: { kind: 'portal-unavailable', cause: 'timeout' },
  },
  {
    kind: 'outcome-unknown',
    operation: 'remove-cart-line',
    cause: { kind: 'unexpected-response', status: 200, detail: 'not JSON' },
    check: { kind: 'signed-out', reason: 'sign-in-page', status: 200 },
  },
];

describe('describePortalServiceError', () => {
  test.each(every.map((error) => [JSON.stringify(error), error] as const))(
    '%s has a sentence, never a bare kind or status',
    (_name, error) => {
      const sentence = describePortalServiceError(error, NOW);
      expect(sentence.title.length).toBeGreaterThan(10);
      expect(sentence.advice.length).toBeGreaterThan(10);
      const text = `${sentence.title} ${sentence.advice}`;
      expect(text).not.toMatch(/\b[45]\d\d\b/);
      if (error.kind.includes('-')) expect(text).not.toContain(error.kind);
    },
  );

  test('what the user can do next', () => {
    const at = (error: PortalServiceError) => describePortalServiceError(error, NOW);
    expect(at(every[0] as PortalServiceError)).toMatchObject({ action: 'sign-in', retry: true });
    expect(at({ kind: 'no-permission', origin: 'https://portal.example.test' })).toMatchObject({
      advice: 'Allow access to https://portal.example.test in the options.',
      action: 'options',
      retry: false,
    });
    expect(at(every[4] as PortalServiceError).advice).toContain('at least 6 one-year packages');
    expect(at(every[8] as PortalServiceError).advice).toBe('Try again in 3 seconds.');
    expect(at({ kind: 'portal-unavailable', cause: 'timeout' }).retry).toBe(true);
    expect(at({ kind: 'not-found', status: 404 }).retry).toBe(false);
    // A write not confirmed either way: check the cart; adding again is safe, removing is not.
    expect(at(every.at(-2) as PortalServiceError)).toMatchObject({
      action: 'check-cart',
      retry: true,
    });
    expect(at(every.at(-1) as PortalServiceError)).toMatchObject({
      action: 'check-cart',
      retry: false,
    });
  });

  test('a malformed message (a popup bug) is not blamed on the portal', () => {
    const sentence = describePortalServiceError({ kind: 'invalid-request', detail: 'x' }, NOW);
    expect(sentence.title).toContain('inside Renewal Scout');
    const portal = describePortalServiceError(
      { kind: 'invalid-request', status: 409, fieldErrors: [], detail: 'The cart is empty' },
      NOW,
    );
    expect(portal).toMatchObject({
      title: 'The portal rejected the request',
      advice: 'The cart is empty',
    });
  });
});
