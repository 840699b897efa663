// POST/DELETE /api/v1/session and GET /api/v1/me.

import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionRequestSchema } from '../../lib/portal/schemas';
import { SESSION_COOKIE, userBySession } from '../auth/authenticate';
import { clientAddress } from '../auth/client-address';
import { isTrustedOrigin } from '../auth/csrf';
import { createSession, endSession, meOf, SESSION_TTL_SECONDS } from '../auth/sessions';
import { attemptSignIn } from '../auth/sign-in';
import type { Portal, PortalEnv } from '../http/env';
import { readJson } from '../http/json-body';
import { problems } from '../http/problem';

/** POST /session: the one public API route. */
export function signInRoutes(portal: Portal) {
  const app = new Hono<PortalEnv>();

  app.post('/session', async (c) => {
    const address = clientAddress(c);
    const wait = portal.rateLimiter.take(`sign-in:${address}`);
    if (wait > 0) throw problems.rateLimited(wait);
    // Sign-in sets a cookie, so a foreign page must not be able to do it either. Clients
    // without an Origin (scripts, the extension's background) are fine.
    const origin = c.req.header('Origin');
    if (origin !== undefined && !isTrustedOrigin(origin, portal.trustedOrigins)) {
      throw problems.forbiddenOrigin(origin);
    }
    const { email, password } = await readJson(c, sessionRequestSchema);
    const attempt = attemptSignIn(portal, email, password, address);
    if (attempt.kind === 'locked') throw problems.signInLocked(attempt.retryAfterSeconds);
    if (attempt.kind === 'wrong-credentials') {
      throw problems.unauthenticated('The email or password is wrong.');
    }
    const secret = createSession(portal.db, attempt.userId);
    setCookie(c, SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: SESSION_TTL_SECONDS,
    });
    const user = userBySession(portal.db, secret);
    if (!user) throw problems.internal();
    return c.json(meOf(user));
  });

  return app;
}

/** DELETE /session and GET /me: mounted behind authentication and the Origin check. */
export function sessionRoutes(portal: Portal) {
  const signedIn = new Hono<PortalEnv>();
  signedIn.delete('/session', (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) endSession(portal.db, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  signedIn.get('/me', (c) => c.json(meOf(c.get('user'))));

  return signedIn;
}
