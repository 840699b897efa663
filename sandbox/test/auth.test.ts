// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { ProblemType } from '../../lib/portal/problems';
import { meSchema } from '../../lib/portal/schemas';
import { call, signIn, useSandbox } from './helpers';

const sandbox = useSandbox();

describe('authentication', () => {
  test('accepts the personal access token printed at start', async () => {
    const answer = await call(sandbox(), 'GET', '/api/v1/me');
    expect(answer.status).toBe(200);
    expect(meSchema.parse(answer.body)).toEqual({
      user: { id: 'usr-reseller', email: 'reseller@example.test', name: 'Robin Reyes' },
      organization: { id: 'org-brightline', name: 'Brightline Communications' },
    });
  });

  test('answers 401 problem details without credentials or with a bad token', async () => {
    for (const auth of [null, 'rspat_not-a-real-token', '']) {
      const answer = await call(sandbox(), 'GET', '/api/v1/me', { auth });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(answer.body).toMatchObject({ type: ProblemType.unauthenticated, status: 401 });
    }
  });

  test('signs in with a session cookie that is HttpOnly and works for reads', async () => {
    const answer = await call(sandbox(), 'POST', '/api/v1/session', {
      auth: null,
      json: { email: 'Other@Example.test', password: 'renewal-scout-demo' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.organization.name).toBe('Orchid Voice Networks');
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^rs_session=rss_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const cookie = setCookie.split(';')[0] as string;
    const me = await call(sandbox(), 'GET', '/api/v1/me', {
      auth: null,
      headers: { Cookie: cookie },
    });
    expect(me.body.user.email).toBe('other@example.test');
  });

  test('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await call(sandbox(), 'POST', '/api/v1/session', {
      auth: null,
      json: { email: 'reseller@example.test', password: 'nope' },
    });
    const unknown = await call(sandbox(), 'POST', '/api/v1/session', {
      auth: null,
      json: { email: 'nobody@example.test', password: 'renewal-scout-demo' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  test('validates the sign-in body', async () => {
    const answer = await call(sandbox(), 'POST', '/api/v1/session', {
      auth: null,
      json: { email: 'reseller@example.test' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ path: '/password', message: expect.any(String) }]);
  });

  test('ends the session on DELETE, after which the cookie is refused', async () => {
    const cookie = await signIn(sandbox(), 'reseller@example.test');
    const out = await call(sandbox(), 'DELETE', '/api/v1/session', {
      auth: null,
      headers: { Cookie: cookie, Origin: sandbox().url },
    });
    expect(out.status).toBe(204);
    const me = await call(sandbox(), 'GET', '/api/v1/me', {
      auth: null,
      headers: { Cookie: cookie },
    });
    expect(me.status).toBe(401);
  });

  test('uses only the token when both a token and a cookie are sent', async () => {
    const cookie = await signIn(sandbox(), 'other@example.test');
    const withBadToken = await call(sandbox(), 'GET', '/api/v1/me', {
      auth: 'rspat_bad',
      headers: { Cookie: cookie },
    });
    expect(withBadToken.status).toBe(401);
    const withGoodToken = await call(sandbox(), 'GET', '/api/v1/me', {
      headers: { Cookie: cookie },
    });
    expect(withGoodToken.body.user.email).toBe('reseller@example.test');
  });

  test('answers unknown API routes with a not-found problem once signed in', async () => {
    const answer = await call(sandbox(), 'GET', '/api/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body.type).toBe(ProblemType.notFound);
  });
});
