// Wires the portal: body limits, fault injection (only when enabled), the public sign-in
// route, then authentication, per-user rate limiting and the CSRF Origin check for the rest
// of the API, and the HTML pages. Hono runs handlers in registration order, and
// POST /session answers without calling next(), so it is the only API route the
// authentication does not guard.

import { Hono } from 'hono';
import { except } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { authenticate } from './auth/authenticate';
import { requireTrustedOriginForCookieWrites } from './auth/csrf';
import { faultRequestSchema } from './faults';
import { enforceBodyLimits } from './http/body-limit';
import type { Portal, PortalEnv } from './http/env';
import { readJson } from './http/json-body';
import { PortalProblem, problems } from './http/problem';
import { html, page } from './pages/html';
import { pageRoutes } from './pages/routes';
import { signInPage } from './pages/views';
import { cartRoutes } from './routes/cart';
import { rateLimitPerUser } from './routes/rate-limit-middleware';
import { sessionRoutes, signInRoutes } from './routes/session';
import { supportRoutes } from './routes/support';

export function createPortalApp(portal: Portal): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof PortalProblem) return error.toResponse();
    // Hono's CSRF check refuses a form post from an untrusted origin with a bare 403.
    if (error instanceof HTTPException && error.status === 403) {
      return problems.forbiddenOrigin(c.req.header('Origin')).toResponse();
    }
    console.error('[sandbox] unexpected error', error);
    return problems.internal().toResponse();
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? problems.notFound().toResponse()
      : c.html(page('Not found', html`<h1>Not found</h1><p><a href="/cart">Cart</a></p>`), 404),
  );

  // Nothing the portal answers may be cached: carts, sessions and support status change.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
  // The API is read from an extension's origin, so it keeps cross-origin reads open; it is
  // plain HTTP here, so no Strict-Transport-Security.
  app.use(
    '/api/*',
    secureHeaders({ crossOriginResourcePolicy: false, strictTransportSecurity: false }),
  );
  // Pages refuse framing (the Checkout button must not be clickjacked) and load nothing.
  app.use(
    '*',
    except(
      '/api/*',
      secureHeaders({
        strictTransportSecurity: false,
        xFrameOptions: 'DENY',
        contentSecurityPolicy: {
          defaultSrc: ["'none'"],
          styleSrc: ["'unsafe-inline'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      }),
    ),
  );

  // Before faults, authentication and every route, so no oversized body is ever read.
  app.use('*', enforceBodyLimits());

  const faults = portal.faults;
  if (faults) {
    app.get('/__sandbox/faults', (c) => c.json({ faults: faults.list() }));
    app.post('/__sandbox/faults', async (c) => {
      const { pattern: _pattern, ...fault } = faults.add(await readJson(c, faultRequestSchema));
      return c.json(fault, 201);
    });
    app.delete('/__sandbox/faults', (c) => {
      faults.clear();
      return c.body(null, 204);
    });
    app.use('*', async (c, next) => {
      const fault = c.req.path.startsWith('/__sandbox/')
        ? undefined
        : faults.take(c.req.method, c.req.path);
      if (!fault) return next();
      if (faults.actsFirst(fault)) await next();
      // A fresh Response: the real answer's headers (its length) must not describe this one.
      c.res = undefined;
      c.res = await faults.respond(fault, c.req.raw.signal, signInPage(c.req.path));
    });
  }

  const api = new Hono<PortalEnv>();
  api.route('/', signInRoutes(portal));
  api.use(
    '*',
    authenticate(portal.db),
    rateLimitPerUser(portal.rateLimiter),
    requireTrustedOriginForCookieWrites(portal.trustedOrigins),
  );
  api.route('/', sessionRoutes(portal));
  api.route('/', supportRoutes(portal));
  api.route('/', cartRoutes(portal));
  app.route('/api/v1', api);

  app.route('/', pageRoutes(portal));
  return app;
}
