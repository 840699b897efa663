// @vitest-environment node
// The client against the real sandbox portal over HTTP on a random port: every fault kind,
// the retry policy as the portal sees it, cross-organization visibility, the catch-up 422,
// and concurrent renewals of one deployment.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';
import { planRenewal } from '../renewal';
import { createPortalClient, type PortalClient, type PortalClientOptions } from './client';
import type { PortalError, Result } from './errors';
import { ProblemType } from './schemas';
import type { Fetch } from './transport';

const TODAY = '2026-11-26';
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

// From the sandbox's demo seed (sandbox/seed/demo-data.ts).
const LAPSED_FIVE_YEARS = '14181336'; // Lakeshore Dental, a customer of the reseller
const EXPIRING_SOON = '85922823'; // Harbourline, serials SVX-6C5A-5A62R, SVX-2F9K-77QA
const LEAP_DAY = '19750628';
const OTHER_ORGANIZATION = '30000007'; // Orchid, not related to the reseller
const OTHER_ORGANIZATION_SERIAL = 'SVX-9125-25F6R';
const NOWHERE = '58602147';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    dataFile: ':memory:',
    today: TODAY,
    faults: true,
    extensionOrigins: [EXTENSION],
  });
});
afterAll(async () => {
  await sandbox?.close();
});
afterEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
});

interface Fault {
  route: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  kind:
    | '500'
    | '502'
    | 'hang'
    | '429'
    | 'html-signin'
    | 'malformed-json'
    | 'acted-then-garbage'
    | 'acted-then-hang';
  times?: number;
  retryAfter?: number;
}

async function injectFault(fault: Fault): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(201);
}

/** The global fetch, recording `METHOD /path` of every request the client makes. */
function recording() {
  const requests: string[] = [];
  const fetcher: Fetch = (url, init) => {
    requests.push(`${init.method} ${new URL(url).pathname}`);
    return fetch(url, init);
  };
  return { fetch: fetcher, requests };
}

function tokenClient(options: Partial<PortalClientOptions> = {}): PortalClient {
  return createPortalClient({
    baseUrl: sandbox.url,
    auth: { kind: 'token', token: sandbox.token },
    retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 },
    timeoutMs: 2000,
    ...options,
  });
}

/** The browser's part of a session: the portal's cookie, and the Origin of the calling page. */
interface Browser {
  cookie?: string;
  origin?: string;
}

/**
 * What a browser does for an extension page with `credentials: 'include'`: keep the
 * portal's cookie and send the page's Origin on writes. Node's fetch does neither.
 */
function browserFetch(browser: Browser): Fetch {
  return async (url, init) => {
    const headers = new Headers(init.headers);
    if (browser.cookie) headers.set('cookie', browser.cookie);
    if (browser.origin && init.method !== 'GET') headers.set('origin', browser.origin);
    const response = await fetch(url, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) browser.cookie = set.split(';')[0];
    return response;
  };
}

function sessionClient(browser: Browser = { origin: EXTENSION }): PortalClient {
  return createPortalClient({
    baseUrl: sandbox.url,
    auth: { kind: 'session' },
    fetch: browserFetch(browser),
    retry: { retries: 0 },
  });
}

function value<T>(result: Result<T, PortalError>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function failure<T>(result: Result<T, PortalError>): PortalError {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

async function emptyCart(portal: PortalClient): Promise<void> {
  for (const line of value(await portal.getCart()).lines)
    value(await portal.deleteCartLine(line.id));
}

async function expiryOf(portal: PortalClient, deploymentId: string): Promise<string> {
  const [result] = value(await portal.lookup([{ kind: 'deployment', value: deploymentId }]));
  if (!result?.found) throw new Error(`${deploymentId} not found`);
  return result.support.expiresOn;
}

describe('signing in', () => {
  test('reads who the token belongs to', async () => {
    expect(value(await tokenClient().me())).toMatchObject({
      user: { email: 'reseller@example.test' },
      organization: { id: 'org-brightline' },
    });
  });

  test('is signed out with a bad token', async () => {
    expect(
      failure(await tokenClient({ auth: { kind: 'token', token: 'rspat_nope' } }).me()),
    ).toMatchObject({
      kind: 'signed-out',
      reason: 'unauthenticated',
      status: 401,
    });
  });

  test('signs in with the session, writes from the extension origin, and signs out', async () => {
    const portal = sessionClient();
    expect(failure(await portal.me())).toMatchObject({ kind: 'signed-out', status: 401 });
    expect(
      failure(await portal.signIn({ email: 'reseller@example.test', password: 'wrong' })),
    ).toMatchObject({
      kind: 'signed-out',
    });
    expect(
      value(
        await portal.signIn({ email: 'reseller@example.test', password: 'renewal-scout-demo' }),
      ),
    ).toMatchObject({
      organization: { id: 'org-brightline' },
    });
    expect(value(await portal.me()).user.email).toBe('reseller@example.test');
    const plan = planRenewal(await expiryOf(portal, EXPIRING_SOON), sandbox.today);
    expect(
      value(
        await portal.putRenewal(EXPIRING_SOON, {
          quantity: plan.quantity,
          credits: 'organization',
        }),
      ).line,
    ).toMatchObject({
      deploymentId: EXPIRING_SOON,
      quantity: 1,
    });
    value(await portal.signOut());
    expect(failure(await portal.getCart())).toMatchObject({ kind: 'signed-out' });
  });

  test('is forbidden to write with the session from an origin the portal does not trust', async () => {
    const browser: Browser = { origin: EXTENSION };
    const portal = sessionClient(browser);
    value(await portal.signIn({ email: 'reseller@example.test', password: 'renewal-scout-demo' }));
    const before = value(await portal.getCart());
    browser.origin = 'https://evil.example';
    expect(
      failure(await portal.putRenewal(LAPSED_FIVE_YEARS, { quantity: 25, credits: 'card' })),
    ).toMatchObject({
      kind: 'forbidden',
      status: 403,
      problemType: ProblemType.forbiddenOrigin,
    });
    expect(value(await portal.getCart())).toEqual(before);
  });
});

describe('lookup and search', () => {
  test('finds deployments and serials (any case) the reseller may see', async () => {
    const results = value(
      await tokenClient().lookup([
        { kind: 'deployment', value: LAPSED_FIVE_YEARS },
        { kind: 'serial', value: 'svx-6c5a-5a62r' },
        { kind: 'deployment', value: NOWHERE },
      ]),
    );
    expect(results.map((result) => [result.value, result.found])).toEqual([
      [LAPSED_FIVE_YEARS, true],
      ['svx-6c5a-5a62r', true],
      [NOWHERE, false],
    ]);
    expect(results[1]).toMatchObject({ deployment: { id: EXPIRING_SOON } });
  });

  test("cannot tell another organization's deployment from one that does not exist", async () => {
    const results = value(
      await tokenClient().lookup([
        { kind: 'deployment', value: OTHER_ORGANIZATION },
        { kind: 'serial', value: OTHER_ORGANIZATION_SERIAL },
        { kind: 'deployment', value: NOWHERE },
      ]),
    );
    expect(results).toEqual([
      { kind: 'deployment', value: OTHER_ORGANIZATION, found: false },
      { kind: 'serial', value: OTHER_ORGANIZATION_SERIAL, found: false },
      { kind: 'deployment', value: NOWHERE, found: false },
    ]);
    // …while its own organization sees it.
    const other = sessionClient();
    value(await other.signIn({ email: 'other@example.test', password: 'renewal-scout-demo' }));
    expect(
      value(await other.lookup([{ kind: 'deployment', value: OTHER_ORGANIZATION }]))[0]?.found,
    ).toBe(true);
    expect(
      value(await other.lookup([{ kind: 'deployment', value: LAPSED_FIVE_YEARS }]))[0]?.found,
    ).toBe(false);
  });

  test('looks up 150 items in two requests and keeps their order', async () => {
    const { fetch, requests } = recording();
    const visible = value(await tokenClient().searchDeployments({ limit: 100 })).map(
      (record) => record.deployment.id,
    );
    const items = Array.from({ length: 150 }, (_, i) => ({
      kind: 'deployment' as const,
      // Every third item is unknown, the others cycle through the visible deployments.
      value: i % 3 === 2 ? String(99_000_000 + i) : (visible[i % visible.length] as string),
    }));
    const results = value(await tokenClient({ fetch }).lookup(items));
    expect(requests).toEqual(['POST /api/v1/support/lookup', 'POST /api/v1/support/lookup']);
    expect(results.map((result) => result.value)).toEqual(items.map((item) => item.value));
    expect(results.map((result) => result.found)).toEqual(items.map((_, i) => i % 3 !== 2));
    for (const result of results) {
      if (result.found) expect(result.deployment.id).toBe(result.value);
    }
  });

  test('searches by number prefix or name, in deployment order', async () => {
    const byName = value(await tokenClient().searchDeployments({ query: 'PINECREST' }));
    expect(byName.length).toBeGreaterThanOrEqual(3);
    for (const record of byName) expect(record.deployment.name).toMatch(/pinecrest/i);
    const ids = byName.map((record) => record.deployment.id);
    expect(ids).toEqual([...ids].sort());
    expect(
      value(await tokenClient().searchDeployments({ query: '1418' })).map((r) => r.deployment.id),
    ).toContain(LAPSED_FIVE_YEARS);
    expect(value(await tokenClient().searchDeployments({ query: 'Orchid' }))).toEqual([]);
  });
});

describe('cart', () => {
  const portal = () => tokenClient();
  beforeEach(async () => {
    await emptyCart(portal());
  });

  test('surfaces the catch-up rule as invalid-request with the required quantity', async () => {
    const plan = planRenewal(await expiryOf(portal(), LAPSED_FIVE_YEARS), sandbox.today);
    expect(plan).toMatchObject({ status: 'expired', catchUpYears: 5, quantity: 6 });
    expect(
      failure(await portal().putRenewal(LAPSED_FIVE_YEARS, { quantity: 1, credits: 'card' })),
    ).toMatchObject({
      kind: 'invalid-request',
      status: 422,
      problemType: ProblemType.catchUpRequired,
      requiredQuantity: plan.quantity,
    });
    expect(value(await portal().getCart()).lines).toEqual([]);
    const added = value(
      await portal().putRenewal(LAPSED_FIVE_YEARS, { quantity: plan.quantity, credits: 'card' }),
    );
    expect(added.line).toMatchObject({
      deploymentId: LAPSED_FIVE_YEARS,
      quantity: 6,
      credits: 'card',
    });
    // Buying ahead is allowed.
    expect(
      value(await portal().putRenewal(LAPSED_FIVE_YEARS, { quantity: 8, credits: 'card' })).line
        .quantity,
    ).toBe(8);
  });

  test('plans a Feb 29 expiry the way the portal enforces it', async () => {
    const plan = planRenewal(await expiryOf(portal(), LEAP_DAY), sandbox.today);
    if (plan.quantity > 1) {
      expect(
        failure(
          await portal().putRenewal(LEAP_DAY, {
            quantity: plan.quantity - 1,
            credits: 'organization',
          }),
        ),
      ).toMatchObject({
        kind: 'invalid-request',
        requiredQuantity: plan.quantity,
      });
    }
    expect(
      value(
        await portal().putRenewal(LEAP_DAY, { quantity: plan.quantity, credits: 'organization' }),
      ).line.quantity,
    ).toBe(plan.quantity);
  });

  test("answers not-found alike for another organization's deployment and an unknown one", async () => {
    const theirs = failure(
      await portal().putRenewal(OTHER_ORGANIZATION, { quantity: 25, credits: 'card' }),
    );
    const nobodys = failure(await portal().putRenewal(NOWHERE, { quantity: 25, credits: 'card' }));
    expect(theirs).toMatchObject({
      kind: 'not-found',
      status: 404,
      problemType: ProblemType.notFound,
    });
    // Same kind, status, type and wording; only the ID the detail names differs.
    const anonymised = (error: PortalError, id: string) =>
      JSON.stringify(error).replaceAll(id, 'ID');
    expect(anonymised(nobodys, NOWHERE)).toBe(anonymised(theirs, OTHER_ORGANIZATION));
    expect(value(await portal().getCart()).lines).toEqual([]);
  });

  test('keeps one line per deployment under concurrent PUTs', async () => {
    const required = planRenewal(
      await expiryOf(portal(), LAPSED_FIVE_YEARS),
      sandbox.today,
    ).quantity;
    const quantities = Array.from({ length: 12 }, (_, i) => required + (i % 4));
    const answers = await Promise.all(
      quantities.map((quantity) =>
        portal().putRenewal(LAPSED_FIVE_YEARS, { quantity, credits: 'organization' }),
      ),
    );
    const lineIds = new Set(answers.map((answer) => value(answer).line.id));
    expect(lineIds.size).toBe(1);
    const cart = value(await portal().getCart());
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]?.id).toBe([...lineIds][0]);
    expect(quantities).toContain(cart.lines[0]?.quantity);
  });

  test('removes a line, saves a quote, lists quotes, and refuses an empty cart', async () => {
    value(await portal().putRenewal(EXPIRING_SOON, { quantity: 2, credits: 'card' }));
    const { line, cart } = value(
      await portal().putRenewal(LAPSED_FIVE_YEARS, { quantity: 6, credits: 'card' }),
    );
    expect(cart.lines).toHaveLength(2);
    expect(cart.total.amount).toBe(
      cart.lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0),
    );
    const after = value(await portal().deleteCartLine(line.id));
    expect(after.lines.map((l) => l.deploymentId)).toEqual([EXPIRING_SOON]);
    expect(failure(await portal().deleteCartLine(line.id))).toMatchObject({ kind: 'not-found' });

    const quote = value(await portal().saveQuote());
    expect(quote.lines.map((l) => l.deploymentId)).toEqual([EXPIRING_SOON]);
    expect(value(await portal().getCart()).lines).toEqual([]);
    expect(value(await portal().listQuotes())[0]?.number).toBe(quote.number);
    expect(failure(await portal().saveQuote())).toMatchObject({
      kind: 'invalid-request',
      status: 409,
      problemType: ProblemType.cartEmpty,
    });
  });
});

describe('faults', () => {
  test('retries a GET after a transient 502 and recovers', async () => {
    await injectFault({ route: '/api/v1/cart', method: 'GET', kind: '502', times: 1 });
    const { fetch, requests } = recording();
    expect(value(await tokenClient({ fetch }).getCart()).lines).toBeInstanceOf(Array);
    expect(requests).toEqual(['GET /api/v1/cart', 'GET /api/v1/cart']);
  });

  test('gives up on a GET after its retries when the portal keeps failing with 500', async () => {
    await injectFault({ route: '/api/v1/me', kind: '500' });
    const { fetch, requests } = recording();
    expect(failure(await tokenClient({ fetch }).me())).toMatchObject({
      kind: 'portal-unavailable',
      cause: 'server-error',
      status: 500,
    });
    expect(requests).toHaveLength(3);
  });

  test('retries a lookup (a read sent as POST) after a 500', async () => {
    await injectFault({ route: '/api/v1/support/lookup', kind: '500', times: 2 });
    const { fetch, requests } = recording();
    const results = value(
      await tokenClient({ fetch }).lookup([{ kind: 'deployment', value: EXPIRING_SOON }]),
    );
    expect(results[0]?.found).toBe(true);
    expect(requests).toHaveLength(3);
  });

  test('never retries saving a quote: one request, nothing saved, the cart intact', async () => {
    const portal = tokenClient();
    await emptyCart(portal);
    value(await portal.putRenewal(EXPIRING_SOON, { quantity: 1, credits: 'card' }));
    const quotesBefore = value(await portal.listQuotes()).length;
    await injectFault({ route: '/api/v1/cart/quote', method: 'POST', kind: '502', times: 1 });
    const { fetch, requests } = recording();
    expect(failure(await tokenClient({ fetch }).saveQuote())).toMatchObject({
      kind: 'portal-unavailable',
      status: 502,
    });
    expect(requests).toEqual(['POST /api/v1/cart/quote']);
    expect(value(await portal.listQuotes())).toHaveLength(quotesBefore);
    expect(value(await portal.getCart()).lines).toHaveLength(1);
  });

  test('retries the idempotent PUT and still leaves one line', async () => {
    const portal = tokenClient();
    await emptyCart(portal);
    await injectFault({
      route: `/api/v1/cart/renewals/${EXPIRING_SOON}`,
      method: 'PUT',
      kind: '502',
      times: 2,
    });
    const { fetch, requests } = recording();
    value(await tokenClient({ fetch }).putRenewal(EXPIRING_SOON, { quantity: 1, credits: 'card' }));
    expect(requests).toHaveLength(3);
    expect(value(await portal.getCart()).lines.map((line) => line.deploymentId)).toEqual([
      EXPIRING_SOON,
    ]);
  });

  test('does not retry deleting a line', async () => {
    const portal = tokenClient();
    await emptyCart(portal);
    const { line } = value(
      await portal.putRenewal(EXPIRING_SOON, { quantity: 1, credits: 'card' }),
    );
    await injectFault({ route: '/api/v1/cart/lines/*', method: 'DELETE', kind: '500', times: 1 });
    const { fetch, requests } = recording();
    expect(failure(await tokenClient({ fetch }).deleteCartLine(line.id))).toMatchObject({
      kind: 'portal-unavailable',
    });
    expect(requests).toHaveLength(1);
    expect(value(await portal.getCart()).lines).toHaveLength(1);
  });

  test('times out a portal that hangs, and a retry gets through', async () => {
    await injectFault({ route: '/api/v1/me', kind: 'hang', times: 1 });
    const { fetch, requests } = recording();
    const started = performance.now();
    expect(
      failure(await tokenClient({ fetch, timeoutMs: 300, retry: { retries: 0 } }).me()),
    ).toMatchObject({
      kind: 'portal-unavailable',
      cause: 'timeout',
    });
    expect(performance.now() - started).toBeLessThan(2000);
    await injectFault({ route: '/api/v1/me', kind: 'hang', times: 1 });
    expect(value(await tokenClient({ fetch, timeoutMs: 300 }).me()).user.email).toBe(
      'reseller@example.test',
    );
    expect(requests).toHaveLength(3);
  });

  test('waits out a 429 inside the deadline, and a retry gets through', async () => {
    await injectFault({ route: '/api/v1/cart', kind: '429', retryAfter: 1, times: 1 });
    const { fetch, requests } = recording();
    expect((await tokenClient({ fetch, deadlineMs: 5000 }).getCart()).ok).toBe(true);
    expect(requests).toEqual(['GET /api/v1/cart', 'GET /api/v1/cart']);
  });

  test('reports 429 as rate-limited with when to retry when the wait would pass the deadline', async () => {
    await injectFault({ route: '/api/v1/cart', kind: '429', retryAfter: 7, times: 1 });
    const { fetch, requests } = recording();
    const before = Date.now();
    const error = failure(await tokenClient({ fetch, deadlineMs: 5000 }).getCart());
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterSeconds: 7 });
    if (error.kind === 'rate-limited') expect(error.retryAt).toBeGreaterThanOrEqual(before + 7000);
    expect(requests).toHaveLength(1);
  });

  test("reports the portal's own rate limit as rate-limited", async () => {
    const limited = await startSandbox({
      port: 0,
      today: TODAY,
      rateLimit: { perSecond: 1, burst: 2 },
    });
    try {
      // Too short a deadline to wait for the next second: the 429 is reported.
      const hurried = createPortalClient({
        baseUrl: limited.url,
        auth: { kind: 'token', token: limited.token },
        deadlineMs: 500,
      });
      const answers = await Promise.all([1, 2, 3, 4].map(() => hurried.getCart()));
      const errors = answers.filter((answer) => !answer.ok).map(failure);
      expect(errors.length).toBeGreaterThanOrEqual(1);
      for (const error of errors)
        expect(error).toMatchObject({
          kind: 'rate-limited',
          retryAfterSeconds: expect.any(Number),
        });
      // With time to spare, every call waits its turn and gets the cart.
      const patient = createPortalClient({
        baseUrl: limited.url,
        auth: { kind: 'token', token: limited.token },
        deadlineMs: 10_000,
        retry: { retries: 5 },
      });
      const later = await Promise.all([1, 2, 3].map(() => patient.getCart()));
      expect(later.map((answer) => answer.ok)).toEqual([true, true, true]);
    } finally {
      await limited.close();
    }
  });

  test('takes an HTML sign-in page with status 200 for a signed-out session', async () => {
    await injectFault({ route: '/api/v1/cart', kind: 'html-signin' });
    expect(failure(await tokenClient().getCart())).toMatchObject({
      kind: 'signed-out',
      reason: 'sign-in-page',
      status: 200,
    });
  });

  test('takes malformed JSON for an unexpected response, not retried', async () => {
    await injectFault({ route: '/api/v1/support/lookup', kind: 'malformed-json' });
    const { fetch, requests } = recording();
    const error = failure(
      await tokenClient({ fetch }).lookup([{ kind: 'deployment', value: EXPIRING_SOON }]),
    );
    expect(error).toMatchObject({ kind: 'unexpected-response', status: 200 });
    if (error.kind === 'unexpected-response') expect(error.detail).toMatch(/malformed JSON/);
    expect(requests).toHaveLength(1);
  });

  test('reports what it saw of a PUT that landed: garbage, or no answer by the deadline', async () => {
    const portal = tokenClient({ timeoutMs: 300, deadlineMs: 600 });
    await emptyCart(portal);
    await injectFault({ route: '/api/v1/cart/renewals/*', kind: 'acted-then-garbage', times: 1 });
    expect(
      failure(await portal.putRenewal(EXPIRING_SOON, { quantity: 1, credits: 'card' })),
    ).toMatchObject({ kind: 'unexpected-response', status: 200 });
    await injectFault({ route: '/api/v1/cart/renewals/*', kind: 'acted-then-hang' });
    const started = performance.now();
    expect(
      failure(await portal.putRenewal(EXPIRING_SOON, { quantity: 2, credits: 'card' })),
    ).toMatchObject({ kind: 'portal-unavailable', cause: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2000);
    // Both landed, on the deployment's one line: the background's cart read tells the truth.
    expect(value(await portal.getCart()).lines).toEqual([
      expect.objectContaining({ deploymentId: EXPIRING_SOON, quantity: 2 }),
    ]);
    await emptyCart(portal);
  });

  test('reports a portal that is not listening as unavailable (network)', async () => {
    const gone = await startSandbox({ port: 0, today: TODAY });
    await gone.close();
    const portal = createPortalClient({
      baseUrl: gone.url,
      auth: { kind: 'token', token: gone.token },
      retry: { retries: 1, baseDelayMs: 5 },
    });
    expect(failure(await portal.me())).toMatchObject({
      kind: 'portal-unavailable',
      cause: 'network',
    });
  });
});
