// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { html } from '../pages/html';
import { call, signIn, useSandbox } from './helpers';

const sandbox = useSandbox();

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = 'application/x-www-form-urlencoded';

describe('HTML pages', () => {
  test('sends a signed-out visitor to sign in and back to where they were going', async () => {
    const cart = await call(sandbox(), 'GET', '/cart', { auth: null });
    expect(cart.status).toBe(303);
    expect(cart.headers.get('location')).toBe('/sign-in?next=%2Fcart');

    const page = await call(sandbox(), 'GET', '/sign-in?next=%2Fquotes', { auth: null });
    expect(page.text).toContain('<input type="hidden" name="next" value="/quotes">');

    const signedIn = await call(sandbox(), 'POST', '/sign-in', {
      auth: null,
      body: form({
        email: 'reseller@example.test',
        password: 'renewal-scout-demo',
        next: '/quotes',
      }),
      headers: { 'Content-Type': FORM, Origin: sandbox().url },
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/quotes');
    expect(signedIn.headers.get('set-cookie')).toMatch(/^rs_session=/);
  });

  test('never redirects off the portal after sign-in', async () => {
    for (const next of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const answer = await call(sandbox(), 'POST', '/sign-in', {
        auth: null,
        body: form({ email: 'reseller@example.test', password: 'renewal-scout-demo', next }),
        headers: { 'Content-Type': FORM, Origin: sandbox().url },
      });
      expect(answer.headers.get('location'), next).toBe('/cart');
    }
  });

  test('shows a wrong password on the form, with 401, and refuses foreign form posts', async () => {
    const wrong = await call(sandbox(), 'POST', '/sign-in', {
      auth: null,
      body: form({ email: 'reseller@example.test', password: 'nope' }),
      headers: { 'Content-Type': FORM, Origin: sandbox().url },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('The email or password is wrong.');

    const foreign = await call(sandbox(), 'POST', '/sign-in', {
      auth: null,
      body: form({ email: 'reseller@example.test', password: 'renewal-scout-demo' }),
      headers: { 'Content-Type': FORM, Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');

    // A browser's own form post may carry Sec-Fetch-Site instead of a trusted Origin.
    const sameOrigin = await call(sandbox(), 'POST', '/sign-in', {
      auth: null,
      body: form({ email: 'reseller@example.test', password: 'renewal-scout-demo' }),
      headers: { 'Content-Type': FORM, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(303);
    const crossSite = await call(sandbox(), 'POST', '/sign-in', {
      auth: null,
      body: form({ email: 'reseller@example.test', password: 'renewal-scout-demo' }),
      headers: { 'Content-Type': FORM, 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
  });

  test('forbids caching everywhere and framing of pages', async () => {
    const page = await call(sandbox(), 'GET', '/sign-in', { auth: null });
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('strict-transport-security')).toBe(null);
    const api = await call(sandbox(), 'GET', '/api/v1/cart');
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    // Read from an extension's origin: no same-origin resource policy on the API.
    expect(api.headers.get('cross-origin-resource-policy')).toBe(null);
    expect(api.headers.get('content-security-policy')).toBe(null);
    const missing = await call(sandbox(), 'POST', '/api/v1/nowhere');
    expect(missing.status, 'an unknown API path is a 404, not a CSRF refusal').toBe(404);
  });

  test('escapes what it prints', async () => {
    const page = await call(
      sandbox(),
      'GET',
      `/sign-in?next=${encodeURIComponent('/"><script>alert(1)</script>')}`,
      {
        auth: null,
      },
    );
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('value="/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(String(html`<b>${'<i>&"\''}</b>${['<', html`<br>`]}`)).toBe(
      '<b>&lt;i&gt;&amp;&quot;&#39;</b>&lt;<br>',
    );
  });

  test('shows the cart with catch-up years, Remove, and a Checkout that says payment happens here', async () => {
    await call(sandbox(), 'PUT', '/api/v1/cart/renewals/14181336', {
      json: { quantity: 6, credits: 'card' },
    });
    await call(sandbox(), 'PUT', '/api/v1/cart/renewals/85922823', {
      json: { quantity: 1, credits: 'organization' },
    });
    const cookie = await signIn(sandbox(), 'reseller@example.test');
    const cart = await call(sandbox(), 'GET', '/cart', { auth: null, headers: { Cookie: cookie } });
    expect(cart.status).toBe(200);
    expect(cart.text).toContain('Lakeshore Dental, main office');
    expect(cart.text).toContain('includes 5 catch-up years');
    expect(cart.text).toContain('$1,794.00');
    expect(cart.text).toContain('$2,043.00');
    expect(cart.text).toMatch(
      /<form class="inline" method="post" action="\/cart\/lines\/\d+\/remove">/,
    );
    expect(cart.text).toContain('action="/checkout"');

    const checkout = await call(sandbox(), 'GET', '/checkout', {
      auth: null,
      headers: { Cookie: cookie },
    });
    expect(checkout.text).toContain('Payment happens here, on the portal');
    expect(checkout.text).toContain('$2,043.00');

    const lineId = /cart\/lines\/(\d+)\/remove/.exec(cart.text)?.[1] as string;
    const foreignRemove = await call(sandbox(), 'POST', `/cart/lines/${lineId}/remove`, {
      auth: null,
      body: '',
      headers: { Cookie: cookie, 'Content-Type': FORM },
    });
    expect(foreignRemove.status).toBe(403);
    const remove = await call(sandbox(), 'POST', `/cart/lines/${lineId}/remove`, {
      auth: null,
      body: '',
      headers: { Cookie: cookie, 'Content-Type': FORM, Origin: sandbox().url },
    });
    expect(remove.status).toBe(303);
    expect((await call(sandbox(), 'GET', '/api/v1/cart')).body.lines).toHaveLength(1);

    const quote = await call(sandbox(), 'POST', '/cart/quote', {
      auth: null,
      body: '',
      headers: { Cookie: cookie, 'Content-Type': FORM, Origin: sandbox().url },
    });
    expect(quote.headers.get('location')).toBe('/quotes');
    const quotes = await call(sandbox(), 'GET', '/quotes', {
      auth: null,
      headers: { Cookie: cookie },
    });
    expect(quotes.text).toMatch(/Q-20261126-\d{4}/);
    expect(quotes.text).toContain('85922823');
  });
});
