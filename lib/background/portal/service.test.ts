// The portal service on WXT's fake browser with a scripted portal: chunking, the lookup
// cache and its TTL, calls joined while in flight, error kinds, setup errors, and the client
// following the settings.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ReportedIdentifier } from '../../messaging/content-protocol';
import { wholeReport } from '../../messaging/testing/reports';
import { updateSettings } from '../../settings';
import { recordDetections } from '../detections';
import { createPortalService, type PortalService, type PortalServiceOptions } from './service';
import { createFakePortal, type FakePortal, problem, supportRecord } from './testing/fake-portal';

const PORTAL = 'https://portal.example.test';
const TODAY = '2026-11-26';
const TOKEN = 'rspat_unit_test_token';

const LAPSED = supportRecord('14181336', '2021-09-07', ['VS0164AB'], 'Lakeshore Dental'); // 6 packages
const EXPIRING = supportRecord('85922823', '2026-12-10', ['SVX-2F9K-77QA'], 'Harbourline'); // 14 days
const ACTIVE = supportRecord('47110815', '2027-06-30', [], 'Ridgeway Clinic');
const LAPSED_TOO = supportRecord('19750628', '2024-02-29', [], 'Leap Day Ltd'); // 3 packages
const LAPSED_LAST_YEAR = supportRecord('47310958', '2025-10-12', [], 'Northgate clinic'); // 2

let portal: FakePortal;
let clock: number;
let granted: Set<string>;
let token: string | undefined;
let service: PortalService;

function build(options: PortalServiceOptions = {}): PortalService {
  return createPortalService({
    client: { fetch: portal.fetch, retry: { retries: 0 } },
    tokens: {
      getToken: async () => ({ ok: true, value: token }),
      hasToken: async () => token !== undefined,
    },
    hasAccess: async (origin) => granted.has(origin),
    now: () => clock,
    today: () => TODAY,
    ...options,
  });
}

const deployment = (value: string): ReportedIdentifier => ({ kind: 'deployment', value, count: 1 });
const serial = (value: string): ReportedIdentifier => ({ kind: 'serial', value, count: 2 });

function detect(tabId: number, identifiers: ReportedIdentifier[]) {
  return recordDetections(wholeReport(identifiers), {
    tabId,
    frameId: 0,
    url: `https://helpdesk.example/ticket/${tabId}`,
  });
}

async function value<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) {
  const result = await answer;
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.error)}`);
  return result.value;
}

beforeEach(async () => {
  fakeBrowser.reset();
  portal = createFakePortal([LAPSED, EXPIRING, ACTIVE, LAPSED_TOO, LAPSED_LAST_YEAR]);
  clock = 1_000_000;
  granted = new Set([PORTAL]);
  token = TOKEN;
  await updateSettings({ portalBaseUrl: PORTAL, signInMethod: 'token' });
  service = build();
});

describe('support-status', () => {
  test('every identifier of the tab, planned against today, with its standing', async () => {
    await detect(1, [
      deployment('14181336'),
      deployment('85922823'),
      deployment('47110815'),
      deployment('58602147'),
      serial('VS0164AB'),
    ]);
    const status = await value(service['support-status']({ tabId: 1 }));
    expect(portal.log()).toEqual(['POST /api/v1/support/lookup']);
    expect(status).toMatchObject({
      tabId: 1,
      portal: { baseUrl: PORTAL, origin: PORTAL },
      today: TODAY,
      expiringSoonDays: 30,
      fetchedAt: 1_000_000,
    });
    // Deployments first, then serials, each by value (the order of get-tab-results).
    expect(status.identifiers.map((i) => i.value)).toEqual([
      '14181336',
      '47110815',
      '58602147',
      '85922823',
      'VS0164AB',
    ]);
    const [lapsed, active, unknown, expiring, bySerial] = status.identifiers;
    expect(lapsed).toMatchObject({
      kind: 'deployment',
      value: '14181336',
      count: 1,
      found: true,
      deployment: { id: '14181336', name: 'Lakeshore Dental' },
      serials: ['VS0164AB'],
      support: { expiresOn: '2021-09-07', unitPrice: { amount: 29900, currency: 'USD' } },
      renewal: { status: 'expired', quantity: 6, catchUpYears: 5, newExpiresOn: '2027-09-07' },
      standing: 'expired',
      daysLeft: -1906,
    });
    expect(expiring).toMatchObject({ found: true, standing: 'expiring-soon', daysLeft: 14 });
    expect(active).toMatchObject({
      found: true,
      standing: 'active',
      renewal: { status: 'active', quantity: 1, catchUpYears: 0, newExpiresOn: '2028-06-30' },
    });
    expect(unknown).toEqual({ kind: 'deployment', value: '58602147', count: 1, found: false });
    expect(bySerial).toMatchObject({ kind: 'serial', value: 'VS0164AB', count: 2, found: true });
    expect(bySerial).toMatchObject({ deployment: { id: '14181336' } });
  });

  test('the expiring-soon threshold follows the settings', async () => {
    await updateSettings({ expiringSoonDays: 7 });
    await detect(1, [deployment('85922823')]);
    const status = await value(service['support-status']({ tabId: 1 }));
    expect(status.expiringSoonDays).toBe(7);
    expect(status.identifiers[0]).toMatchObject({ standing: 'active', daysLeft: 14 });
  });

  test('250 identifiers go in requests of at most 100, answered in order', async () => {
    const many = Array.from({ length: 250 }, (_, i) => deployment(String(10_000_000 + i)));
    await detect(2, many);
    const status = await value(service['support-status']({ tabId: 2 }));
    const sizes = portal.requests.map((r) => (r.body as { items: unknown[] }).items.length);
    expect(sizes).toEqual([100, 100, 50]);
    expect(status.identifiers.map((i) => i.value)).toEqual(many.map((i) => i.value).sort());
  });

  test('a page of items: those still on the tab, in the order asked, in one request', async () => {
    await detect(3, [deployment('14181336'), deployment('85922823'), serial('VS0164AB')]);
    const status = await value(
      service['support-status']({
        tabId: 3,
        items: [
          { kind: 'serial', value: 'VS0164AB' },
          { kind: 'deployment', value: '47110815' }, // not on the tab
          { kind: 'deployment', value: '14181336' },
        ],
      }),
    );
    expect(status.identifiers.map((i) => [i.kind, i.value, i.count])).toEqual([
      ['serial', 'VS0164AB', 2],
      ['deployment', '14181336', 1],
    ]);
    expect(portal.requests.map((r) => (r.body as { items: unknown[] }).items)).toEqual([
      [
        { kind: 'serial', value: 'VS0164AB' },
        { kind: 'deployment', value: '14181336' },
      ],
    ]);
  });

  test('a tab with nothing detected asks the portal nothing', async () => {
    const status = await value(service['support-status']({ tabId: 9 }));
    expect(status.identifiers).toEqual([]);
    expect(portal.requests).toEqual([]);
  });

  test('the token goes in the Authorization header', async () => {
    await detect(1, [deployment('14181336')]);
    await value(service['support-status']({ tabId: 1 }));
    expect(portal.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('the lookup cache', () => {
  beforeEach(async () => {
    await detect(1, [deployment('14181336'), deployment('85922823')]);
  });

  test('answers are reused for a minute, then asked again', async () => {
    await value(service['support-status']({ tabId: 1 }));
    clock += 59_000;
    const cached = await value(service['support-status']({ tabId: 1 }));
    expect(portal.requests).toHaveLength(1);
    expect(cached.fetchedAt).toBe(1_000_000);
    clock += 2_000;
    const fresh = await value(service['support-status']({ tabId: 1 }));
    expect(portal.requests).toHaveLength(2);
    expect(fresh.fetchedAt).toBe(1_061_000);
  });

  test('only identifiers without a fresh answer are asked', async () => {
    await value(service['support-status']({ tabId: 1 }));
    await detect(1, [deployment('14181336'), deployment('85922823'), deployment('47110815')]);
    await value(service['support-status']({ tabId: 1 }));
    expect(portal.requests[1]?.body).toEqual({
      items: [{ kind: 'deployment', value: '47110815' }],
    });
  });

  test('a full storage.session only loses the cache: the answer still comes', async () => {
    await detect(1, [deployment('14181336')]);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(
      new Error('Session storage quota bytes exceeded. Values were not stored.'),
    );
    const status = await value(service['support-status']({ tabId: 1 }));
    expect(status.identifiers[0]).toMatchObject({ found: true, standing: 'expired' });
  });

  test('refresh skips the cache', async () => {
    await value(service['support-status']({ tabId: 1 }));
    await value(service['support-status']({ tabId: 1, refresh: true }));
    expect(portal.requests).toHaveLength(2);
  });

  test('answers live in storage.session, survive a new service (worker restart), and expire', async () => {
    await value(service['support-status']({ tabId: 1 }));
    const stored = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(stored).filter((key) => key.startsWith('portal-lookup:'))).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    await value(build()['support-status']({ tabId: 1 }));
    expect(portal.requests).toHaveLength(1);

    clock += 120_000;
    await detect(3, [deployment('47110815')]);
    await value(service['support-status']({ tabId: 3 }));
    const left = Object.keys(await fakeBrowser.storage.session.get(null)).filter((key) =>
      key.startsWith('portal-lookup:'),
    );
    expect(left).toHaveLength(1);
  });

  test('another token does not see the first token’s answers', async () => {
    await value(service['support-status']({ tabId: 1 }));
    token = 'rspat_someone_else';
    await value(service['support-status']({ tabId: 1 }));
    expect(portal.requests).toHaveLength(2);
    expect(portal.requests[1]?.headers.authorization).toBe('Bearer rspat_someone_else');
  });

  test('signed out: the cached answers are dropped', async () => {
    await value(service['support-status']({ tabId: 1 }));
    portal.override(() => problem(401, 'urn:renewal-scout:problem:unauthenticated'));
    await detect(1, [deployment('14181336'), deployment('47110815')]);
    const answer = await service['support-status']({ tabId: 1 });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'signed-out' } });
    portal.override(undefined);
    await value(service['support-status']({ tabId: 1 }));
    expect(portal.requests.at(-1)?.body).toEqual({
      items: [
        { kind: 'deployment', value: '14181336' },
        { kind: 'deployment', value: '47110815' },
      ],
    });
  });

  test('two popups asking at once share one lookup', async () => {
    portal.hold();
    const first = service['support-status']({ tabId: 1 });
    const second = service['support-status']({ tabId: 1 });
    await until(() => portal.requests.length === 1);
    portal.release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    expect(portal.requests).toHaveLength(1);
  });
});

describe('add-renewal and the cart', () => {
  test('a double click puts one renewal', async () => {
    portal.hold();
    const order = { deploymentId: '14181336', quantity: 6, credits: 'organization' } as const;
    const clicks = [service['add-renewal'](order), service['add-renewal'](order)];
    await until(() => portal.requests.length === 1);
    portal.release();
    const [first, second] = await Promise.all(clicks);
    expect(first).toEqual(second);
    expect(portal.log()).toEqual(['PUT /api/v1/cart/renewals/14181336']);
    expect(portal.requests[0]?.body).toEqual({ quantity: 6, credits: 'organization' });

    // Once answered, the same request is sent again (a retry after a dropped connection);
    // the portal's PUT replaces the line, so the cart still has one.
    await value(service['add-renewal'](order));
    expect(portal.requests).toHaveLength(2);
    const cart = await value(service['get-cart']());
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]).toMatchObject({ deploymentId: '14181336', quantity: 6 });
  });

  test('the same order with its fields in another order is the same request', async () => {
    portal.hold();
    const clicks = [
      service['add-renewal']({ deploymentId: '14181336', quantity: 6, credits: 'card' }),
      service['add-renewal']({ credits: 'card', quantity: 6, deploymentId: '14181336' }),
    ];
    await until(() => portal.requests.length === 1);
    portal.release();
    const [first, second] = await Promise.all(clicks);
    expect(first).toEqual(second);
    expect(portal.log()).toEqual(['PUT /api/v1/cart/renewals/14181336']);
  });

  test('different requests for one deployment are not joined', async () => {
    portal.hold();
    const six = service['add-renewal']({ deploymentId: '14181336', quantity: 6, credits: 'card' });
    const seven = service['add-renewal']({
      deploymentId: '14181336',
      quantity: 7,
      credits: 'card',
    });
    await until(() => portal.requests.length === 2);
    portal.release();
    await Promise.all([six, seven]);
    expect(portal.cart.lines).toHaveLength(1);
  });

  test('remove-cart-line and save-quote are sent once however often they are clicked', async () => {
    const added = await value(
      service['add-renewal']({ deploymentId: '14181336', quantity: 6, credits: 'card' }),
    );
    portal.hold();
    const removals = [
      service['remove-cart-line']({ lineId: added.line.id }),
      service['remove-cart-line']({ lineId: added.line.id }),
    ];
    await until(() => portal.requests.length === 2);
    portal.release();
    for (const removal of await Promise.all(removals)) {
      expect(removal).toMatchObject({ ok: true, value: { lines: [] } });
    }

    await value(service['add-renewal']({ deploymentId: '47110815', quantity: 1, credits: 'card' }));
    portal.hold();
    const saves = [service['save-quote'](), service['save-quote']()];
    await until(() => portal.log().filter((line) => line.endsWith('/quote')).length === 1);
    portal.release();
    const [quote, again] = await Promise.all(saves);
    expect(quote).toEqual(again);
    expect(quote).toMatchObject({ ok: true, value: { lines: [{ deploymentId: '47110815' }] } });
    expect(portal.log().filter((line) => line.endsWith('/quote'))).toHaveLength(1);
  });
});

describe('error kinds reach the popup as values', () => {
  const order = { deploymentId: '14181336', quantity: 5, credits: 'organization' } as const;

  test('too few packages: invalid-request with the required quantity', async () => {
    portal.override(() =>
      problem(422, 'urn:renewal-scout:problem:catch-up-required', { requiredQuantity: 6 }),
    );
    expect(await service['add-renewal'](order)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', status: 422, requiredQuantity: 6 },
    });
  });

  test('rate limited: when to retry', async () => {
    portal.override(
      () =>
        new Response(
          JSON.stringify({
            type: 'urn:renewal-scout:problem:rate-limited',
            title: 'Slow down',
            status: 429,
          }),
          {
            status: 429,
            headers: { 'content-type': 'application/problem+json', 'retry-after': '3' },
          },
        ),
    );
    expect(await service['get-cart']()).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAfterSeconds: 3 },
    });
  });

  test('a sign-in page instead of JSON: signed out', async () => {
    portal.override(
      () =>
        new Response('<!doctype html><form action="/sign-in"><input type=password></form>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
    );
    expect(await service['get-cart']()).toMatchObject({
      ok: false,
      error: { kind: 'signed-out', reason: 'sign-in-page' },
    });
  });

  test('the portal down: portal-unavailable', async () => {
    service = build({
      client: {
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
        retry: { retries: 0 },
      },
    });
    expect(await service['get-cart']()).toMatchObject({
      ok: false,
      error: { kind: 'portal-unavailable', cause: 'network' },
    });
  });

  test('another organization’s deployment: not-found', async () => {
    expect(
      await service['add-renewal']({ deploymentId: '30000007', quantity: 1, credits: 'card' }),
    ).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('before any request', () => {
  test('no host access to the portal: no-permission naming the origin', async () => {
    granted.clear();
    await detect(1, [deployment('14181336')]);
    expect(await service['support-status']({ tabId: 1 })).toEqual({
      ok: false,
      error: { kind: 'no-permission', origin: PORTAL },
    });
    expect(await service['get-cart']()).toMatchObject({
      ok: false,
      error: { kind: 'no-permission' },
    });
    expect(portal.requests).toEqual([]);
  });

  test('the token method without a token: not-configured', async () => {
    token = undefined;
    expect(await service['get-cart']()).toEqual({
      ok: false,
      error: { kind: 'not-configured', reason: 'no-token' },
    });
    expect(portal.requests).toEqual([]);
  });

  test('a token that cannot be decrypted: not-configured, token-unreadable', async () => {
    service = build({
      tokens: {
        getToken: async () => ({ ok: false, error: { kind: 'key-lost' } }),
        hasToken: async () => true,
      },
    });
    expect(await service['get-cart']()).toEqual({
      ok: false,
      error: { kind: 'not-configured', reason: 'token-unreadable', detail: 'key-lost' },
    });
  });

  test('the session method sends no token and includes the browser’s cookies', async () => {
    const seen: RequestInit[] = [];
    service = build({
      client: {
        fetch: (input, init) => {
          seen.push(init);
          return portal.fetch(input, init);
        },
        retry: { retries: 0 },
      },
    });
    await updateSettings({ signInMethod: 'session' });
    token = undefined;
    await value(service['get-cart']());
    expect(seen[0]?.credentials).toBe('include');
    expect(portal.requests[0]?.headers.authorization).toBeUndefined();
  });

  test('a new portal address is used at once', async () => {
    await value(service['get-cart']());
    const other = 'https://other-portal.example.test/partners';
    granted.add('https://other-portal.example.test');
    await updateSettings({ portalBaseUrl: other });
    const urls: string[] = [];
    service = build({
      client: {
        fetch: (input, init) => {
          urls.push(input);
          return portal.fetch(input, init);
        },
        retry: { retries: 0 },
      },
    });
    await value(service['get-cart']());
    expect(urls).toEqual(['https://other-portal.example.test/partners/api/v1/cart']);
  });
});

describe('lookup-manual', () => {
  test('8 digits look up that deployment', async () => {
    const found = await value(service['lookup-manual']({ query: ' 14181336 ' }));
    expect(found).toMatchObject({ query: '14181336', searchedAs: 'deployment', more: false });
    expect(found.matches).toHaveLength(1);
    expect(found.matches[0]).toMatchObject({ deployment: { id: '14181336' }, standing: 'expired' });
    expect(portal.requests[0]?.body).toEqual({
      items: [{ kind: 'deployment', value: '14181336' }],
    });
  });

  test('an unknown deployment number matches nothing, without a name search', async () => {
    const found = await value(service['lookup-manual']({ query: '58602147' }));
    expect(found).toMatchObject({ searchedAs: 'deployment', matches: [] });
    expect(portal.log()).toEqual(['POST /api/v1/support/lookup']);
  });

  test('a serial is looked up as a serial, case-insensitively', async () => {
    const found = await value(service['lookup-manual']({ query: 'svx-2f9k-77qa' }));
    expect(found).toMatchObject({ query: 'SVX-2F9K-77QA', searchedAs: 'serial' });
    expect(found.matches[0]).toMatchObject({ deployment: { id: '85922823' } });
  });

  test('a serial-shaped word no serial matches falls back to a name search', async () => {
    const found = await value(service['lookup-manual']({ query: 'Clinic2' }));
    expect(found).toMatchObject({ searchedAs: 'name', query: 'Clinic2' });
    expect(portal.requests[1]?.search.get('query')).toBe('Clinic2');
    expect(portal.log()).toEqual(['POST /api/v1/support/lookup', 'GET /api/v1/deployments']);
  });

  test('a name searches names and number prefixes, with "more" past 20 matches', async () => {
    const found = await value(service['lookup-manual']({ query: 'ridgeway' }));
    expect(found).toMatchObject({ searchedAs: 'name', more: false });
    expect(found.matches.map((m) => m.deployment.id)).toEqual(['47110815']);
    expect(portal.requests[0]?.search.get('limit')).toBe('21');

    const many = createFakePortal(
      Array.from({ length: 30 }, (_, i) => supportRecord(String(20_000_000 + i), '2027-01-01')),
    );
    portal = many;
    service = build();
    const prefix = await value(service['lookup-manual']({ query: '2000' }));
    expect(prefix).toMatchObject({ searchedAs: 'name', more: true });
    expect(prefix.matches).toHaveLength(20);
  });
});

describe('add-all-expired', () => {
  test('puts each expired deployment once with its catch-up quantity, leaving lines already there', async () => {
    await detect(4, [
      deployment('14181336'),
      deployment('19750628'),
      deployment('85922823'),
      serial('VS0164AB'),
    ]);
    await value(service['add-renewal']({ deploymentId: '19750628', quantity: 5, credits: 'card' }));
    const outcome = await value(service['add-all-expired']({ tabId: 4, credits: 'organization' }));
    expect(outcome.added.map((line) => [line.deploymentId, line.quantity, line.credits])).toEqual([
      ['14181336', 6, 'organization'],
    ]);
    expect(outcome.alreadyInCart).toEqual(['19750628']);
    expect(outcome.failed).toEqual([]);
    expect(outcome.cart.lines.map((line) => [line.deploymentId, line.quantity])).toEqual([
      ['19750628', 5],
      ['14181336', 6],
    ]);
    expect(portal.log().filter((line) => line.startsWith('PUT'))).toHaveLength(2);
  });

  test('a batch of named deployments: the expired ones among them go in, no status of the tab', async () => {
    await detect(4, [deployment('14181336'), deployment('19750628'), deployment('85922823')]);
    const outcome = await value(
      service['add-all-expired']({
        tabId: 4,
        credits: 'organization',
        deploymentIds: ['19750628', '85922823', '47310958'],
      }),
    );
    // 85922823 is still active; 47310958 is expired though not on this tab: named, so added.
    expect(outcome.added.map((line) => [line.deploymentId, line.quantity])).toEqual([
      ['19750628', 3],
      ['47310958', 2],
    ]);
    expect(portal.log()).toEqual([
      'POST /api/v1/support/lookup',
      'GET /api/v1/cart',
      'PUT /api/v1/cart/renewals/19750628',
      'PUT /api/v1/cart/renewals/47310958',
    ]);
  });

  test('clicked twice: one run, one answer', async () => {
    await detect(4, [deployment('14181336'), deployment('19750628')]);
    const [first, second] = await Promise.all([
      service['add-all-expired']({ tabId: 4, credits: 'card' }),
      service['add-all-expired']({ tabId: 4, credits: 'card' }),
    ]);
    expect(first).toEqual(second);
    expect(portal.log().filter((line) => line.startsWith('PUT'))).toHaveLength(2);
    expect(portal.log().filter((line) => line === 'GET /api/v1/cart')).toHaveLength(1);
  });

  test('a refused deployment is reported, the others still go in', async () => {
    await detect(4, [deployment('14181336'), deployment('19750628')]);
    portal.override((request) =>
      request.path.endsWith('/14181336') && request.method === 'PUT'
        ? problem(422, 'urn:renewal-scout:problem:catch-up-required', { requiredQuantity: 7 })
        : undefined,
    );
    const outcome = await value(service['add-all-expired']({ tabId: 4, credits: 'card' }));
    expect(outcome.added.map((line) => line.deploymentId)).toEqual(['19750628']);
    expect(outcome.failed).toMatchObject([
      {
        deploymentId: '14181336',
        quantity: 6,
        error: { kind: 'invalid-request', requiredQuantity: 7 },
      },
    ]);
  });

  test('over the rate limit: a short wait the portal asks for, then the rest go in', async () => {
    // The client waits out the 429 (the test client otherwise never retries).
    service = build({ client: { fetch: portal.fetch, retry: { retries: 1, minAttemptMs: 10 } } });
    await detect(4, [deployment('14181336'), deployment('19750628')]);
    let refusals = 1;
    portal.override((request) => {
      if (request.method !== 'PUT' || refusals === 0) return undefined;
      refusals -= 1;
      return new Response(
        JSON.stringify({
          type: 'urn:renewal-scout:problem:rate-limited',
          title: 'Slow',
          status: 429,
        }),
        {
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '0' },
        },
      );
    });
    const outcome = await value(service['add-all-expired']({ tabId: 4, credits: 'card' }));
    expect(outcome.added.map((line) => line.deploymentId)).toEqual(['14181336', '19750628']);
    expect(outcome.failed).toEqual([]);
    expect(portal.log().filter((line) => line.startsWith('PUT'))).toHaveLength(3);
  });

  test('the portal failing half-way: what went in is kept, the rest is listed as failed', async () => {
    await detect(4, [deployment('14181336'), deployment('19750628'), deployment('47310958')]);
    portal.override((request) =>
      request.method === 'PUT' && !request.path.endsWith('/14181336')
        ? problem(502, 'urn:renewal-scout:problem:unavailable')
        : undefined,
    );
    const outcome = await value(service['add-all-expired']({ tabId: 4, credits: 'card' }));
    expect(outcome.added.map((line) => line.deploymentId)).toEqual(['14181336']);
    // The first failure stops the run: the portal is down for the rest too.
    expect(outcome.failed.map((f) => [f.deploymentId, f.quantity, f.error.kind])).toEqual([
      ['19750628', 3, 'portal-unavailable'],
      ['47310958', 2, 'portal-unavailable'],
    ]);
    expect(portal.log().filter((line) => line.startsWith('PUT'))).toHaveLength(2);
    expect(outcome.cart.lines.map((line) => line.deploymentId)).toEqual(['14181336']);
  });

  test('signed out before anything was added: the error itself', async () => {
    await detect(4, [deployment('14181336')]);
    await value(service['support-status']({ tabId: 4 }));
    portal.override((request) =>
      request.method === 'PUT'
        ? problem(401, 'urn:renewal-scout:problem:unauthenticated')
        : undefined,
    );
    expect(await service['add-all-expired']({ tabId: 4, credits: 'card' })).toMatchObject({
      ok: false,
      error: { kind: 'signed-out' },
    });
  });
});

describe('portal pages, account and settings', () => {
  test('open-portal opens the page under the base URL in a new tab', async () => {
    await updateSettings({ portalBaseUrl: 'https://portal.example.test/partners' });
    const opened = await value(service['open-portal']({ page: 'signin' }));
    expect(opened.url).toBe('https://portal.example.test/partners/sign-in');
    const tab = await fakeBrowser.tabs.get(opened.tabId as number);
    expect(tab.url).toBe('https://portal.example.test/partners/sign-in');
    expect((await value(service['open-portal']({ page: 'cart' }))).url).toBe(
      'https://portal.example.test/partners/cart',
    );
  });

  test('going to the sign-in page forgets every cached lookup (the next user is someone else)', async () => {
    await detect(1, [deployment('14181336')]);
    await value(service['support-status']({ tabId: 1 }));
    await value(service['open-portal']({ page: 'cart' }));
    await value(service['support-status']({ tabId: 1 }));
    expect(portal.requests).toHaveLength(1);
    await value(service['open-portal']({ page: 'signin' }));
    await value(service['support-status']({ tabId: 1 }));
    expect(portal.requests).toHaveLength(2);
  });

  test('get-account says who the portal thinks the user is', async () => {
    expect(await value(service['get-account']())).toEqual({
      portal: { baseUrl: PORTAL, origin: PORTAL },
      signInMethod: 'token',
      me: {
        user: { id: 'usr-1', email: 'reseller@example.test', name: 'Robin Reyes' },
        organization: { id: 'org-reseller', name: 'Brightline' },
      },
    });
  });

  test('get-settings gives the popup its defaults, never the token', async () => {
    await updateSettings({ creditsChoice: 'card', expiringSoonDays: 45 });
    const settings = await value(service['get-settings']());
    expect(settings).toEqual({
      portal: { baseUrl: PORTAL, origin: PORTAL },
      signInMethod: 'token',
      hasToken: true,
      portalAccess: true,
      creditsChoice: 'card',
      expiringSoonDays: 45,
      highlights: true,
    });
    expect(JSON.stringify(settings)).not.toContain(TOKEN);
  });
});

/** Waits (for real time: storage and WebCrypto settle on their own) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(condition()).toBe(true), { timeout: 3_000, interval: 2 });
}
