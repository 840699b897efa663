// HTML pages: sign in, cart, checkout, quotes. Form posts are cookie writes, so Hono's CSRF
// check holds them to the origins the API trusts (or a browser's same-origin Sec-Fetch-Site).

import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { SESSION_COOKIE, userBySession } from '../auth/authenticate';
import { clientAddress } from '../auth/client-address';
import { createSession, endSession, SESSION_TTL_SECONDS } from '../auth/sessions';
import { attemptSignIn } from '../auth/sign-in';
import { FORM_BODY_BYTES } from '../http/body-limit';
import type { Portal, PortalUser } from '../http/env';
import { readLimitedText } from '../http/json-body';
import { deleteLine, readCart } from '../store/cart';
import { findVisibleDeployment } from '../store/deployments';
import { listQuotes, saveQuote } from '../store/quotes';
import type { CartLineView } from './views';
import { cartPage, checkoutPage, quotesPage, signInPage, signInRefusedMessage } from './views';

/** Only same-site paths: `//evil.example` and absolute URLs fall back to the cart. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/cart';
}

/** 429 with Retry-After, and the sign-in form saying why and when to try again. */
function signInRefused(
  c: Context,
  next: string,
  why: 'locked' | 'busy',
  retryAfterSeconds: number,
) {
  c.header('Retry-After', String(retryAfterSeconds));
  return c.html(signInPage(next, signInRefusedMessage(why, retryAfterSeconds)), 429);
}

export function pageRoutes(portal: Portal) {
  const app = new Hono();

  const signedInUser = (c: Context): PortalUser | undefined => {
    const cookie = getCookie(c, SESSION_COOKIE);
    return cookie ? userBySession(portal.db, cookie) : undefined;
  };
  const toSignIn = (c: Context) =>
    c.redirect(`/sign-in?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
  const readForm = async (c: Context): Promise<URLSearchParams> =>
    new URLSearchParams(await readLimitedText(c.req.raw, FORM_BODY_BYTES));

  // On each form route, not '*': mounted at the root, a wildcard would also catch the API's 404s.
  const trustedForm = csrf({ origin: (origin) => portal.trustedOrigins.has(origin) });

  app.get('/', (c) => c.redirect('/cart', 303));

  app.get('/sign-in', (c) => c.html(signInPage(safeNext(c.req.query('next')))));

  app.post('/sign-in', trustedForm, async (c) => {
    const address = clientAddress(c);
    // The API's per-address request bucket, so the form is no faster a way to guess.
    const busy = portal.rateLimiter.take(`sign-in:${address}`);
    if (busy > 0) return signInRefused(c, safeNext(undefined), 'busy', busy);
    const form = await readForm(c);
    const next = safeNext(form.get('next') ?? undefined);
    const attempt = attemptSignIn(
      portal,
      form.get('email') ?? '',
      form.get('password') ?? '',
      address,
    );
    if (attempt.kind === 'locked') {
      return signInRefused(c, next, 'locked', attempt.retryAfterSeconds);
    }
    if (attempt.kind === 'wrong-credentials') {
      return c.html(signInPage(next, 'The email or password is wrong.'), 401);
    }
    setCookie(c, SESSION_COOKIE, createSession(portal.db, attempt.userId), {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: SESSION_TTL_SECONDS,
    });
    return c.redirect(next, 303);
  });

  app.post('/sign-out', trustedForm, async (c) => {
    await readForm(c);
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) endSession(portal.db, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/sign-in', 303);
  });

  app.get('/cart', (c) => {
    const user = signedInUser(c);
    if (!user) return toSignIn(c);
    const cart = readCart(portal.db, user.id);
    const details = new Map<string, CartLineView>();
    for (const line of cart.lines) {
      const record = findVisibleDeployment(portal.db, user, line.deploymentId);
      if (record) {
        details.set(line.deploymentId, {
          deploymentName: record.deployment.name,
          expiresOn: record.support.expiresOn,
        });
      }
    }
    return c.html(cartPage(user.email, cart, details, portal.today()));
  });

  app.post('/cart/lines/:lineId/remove', trustedForm, async (c) => {
    await readForm(c);
    const user = signedInUser(c);
    if (!user) return toSignIn(c);
    deleteLine(portal.db, user.id, c.req.param('lineId'));
    return c.redirect('/cart', 303);
  });

  app.post('/cart/quote', trustedForm, async (c) => {
    await readForm(c);
    const user = signedInUser(c);
    if (!user) return toSignIn(c);
    saveQuote(portal.db, user.id, portal.today());
    return c.redirect('/quotes', 303);
  });

  app.get('/checkout', (c) => {
    const user = signedInUser(c);
    if (!user) return toSignIn(c);
    return c.html(checkoutPage(readCart(portal.db, user.id)));
  });

  app.get('/quotes', (c) => {
    const user = signedInUser(c);
    if (!user) return toSignIn(c);
    return c.html(quotesPage(listQuotes(portal.db, user.id)));
  });

  return app;
}
