// @vitest-environment node
// The portal service against the real sandbox portal over HTTP (Node's own fetch): a tab's
// detections → support status → renewals in the cart, with the token kept in the encrypted
// token store, and the portal session with the extension's Origin as a browser sends it.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type RunningSandbox, startSandbox } from '../../../sandbox/server';
import type { ReportedIdentifier } from '../../messaging/content-protocol';
import { wholeReport } from '../../messaging/testing/reports';
import type { Fetch } from '../../portal/transport';
import { planRenewal } from '../../renewal';
import { updateSettings } from '../../settings';
import { memoryKeyStore } from '../../settings/testing/memory-key-store';
import { createTokenStore } from '../../settings/token';
import { recordDetections } from '../detections';
import { createPortalService, type PortalService } from './service';

const TODAY = '2026-11-26';
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

// From the sandbox's demo seed (sandbox/seed/demo-data.ts).
const LAPSED_FIVE_YEARS = '14181336'; // Lakeshore Dental, main office; serial VS0164AB
const LAPSED_ONE_YEAR = '47310958'; // Northgate clinic: 2 packages
const EXPIRING_SOON = '85922823'; // Harbourline warehouse, 12 days left
const OTHER_ORGANIZATION = '30000007'; // Orchid: not visible to the reseller
const NOWHERE = '58602147';

let sandbox: RunningSandbox;
let requests: string[];
let service: PortalService;

const recordingFetch =
  (extra: (headers: Headers) => void = () => {}): Fetch =>
  (input, init) => {
    const url = new URL(input);
    requests.push(`${init.method} ${url.pathname}`);
    const headers = new Headers(init.headers);
    extra(headers);
    return fetch(input, { ...init, headers });
  };

const deployment = (value: string): ReportedIdentifier => ({ kind: 'deployment', value, count: 1 });

function detect(tabId: number, identifiers: ReportedIdentifier[]) {
  return recordDetections(wholeReport(identifiers), {
    tabId,
    frameId: 0,
    url: 'https://helpdesk.example/ticket/1',
  });
}

async function value<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) {
  const result = await answer;
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The cart as the portal itself reports it, asked directly with the token. */
async function portalCart() {
  const response = await fetch(`${sandbox.url}/api/v1/cart`, {
    headers: { authorization: `Bearer ${sandbox.token}` },
  });
  return (await response.json()) as {
    lines: { id: string; deploymentId: string; quantity: number; credits: string }[];
  };
}

async function emptyCart() {
  for (const line of (await portalCart()).lines) {
    await fetch(`${sandbox.url}/api/v1/cart/lines/${line.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${sandbox.token}` },
    });
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    dataFile: ':memory:',
    today: TODAY,
    extensionOrigins: [EXTENSION],
    faults: true,
  });
});
afterAll(async () => {
  await sandbox?.close();
});

let tokens: ReturnType<typeof createTokenStore>;

describe('with a personal access token', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    requests = [];
    await emptyCart();
    tokens = createTokenStore(memoryKeyStore());
    expect(await tokens.setToken(sandbox.token)).toEqual({ ok: true, value: undefined });
    await updateSettings({ portalBaseUrl: sandbox.url, signInMethod: 'token' });
    service = createPortalService({
      client: { fetch: recordingFetch() },
      tokens,
      hasAccess: async (origin) => origin === sandbox.url,
      today: () => TODAY,
    });
  });

  test('detect → status: found, not found, other organization, each planned like the portal', async () => {
    await detect(1, [
      deployment(LAPSED_FIVE_YEARS),
      deployment(EXPIRING_SOON),
      deployment(OTHER_ORGANIZATION),
      deployment(NOWHERE),
      { kind: 'serial', value: 'VS0164AB', count: 3 },
    ]);
    const status = await value(service['support-status']({ tabId: 1 }));
    expect(requests).toEqual(['POST /api/v1/support/lookup']);
    const byValue = new Map(status.identifiers.map((item) => [item.value, item]));

    const lapsed = byValue.get(LAPSED_FIVE_YEARS);
    if (!lapsed?.found) throw new Error('the lapsed deployment should be found');
    expect(lapsed.deployment.name).toBe('Lakeshore Dental, main office');
    expect(lapsed.serials).toContain('VS0164AB');
    expect(lapsed.renewal).toEqual(planRenewal(lapsed.support.expiresOn, TODAY));
    expect(lapsed.renewal).toMatchObject({ status: 'expired', quantity: 6, catchUpYears: 5 });
    expect(lapsed.standing).toBe('expired');

    expect(byValue.get(EXPIRING_SOON)).toMatchObject({
      found: true,
      standing: 'expiring-soon',
      daysLeft: 12,
    });
    expect(byValue.get(OTHER_ORGANIZATION)).toEqual({
      kind: 'deployment',
      value: OTHER_ORGANIZATION,
      count: 1,
      found: false,
    });
    expect(byValue.get(NOWHERE)).toMatchObject({ found: false });
    expect(byValue.get('VS0164AB')).toMatchObject({
      found: true,
      deployment: { id: LAPSED_FIVE_YEARS },
    });
  });

  test('150 identifiers: two requests, every answer in order', async () => {
    const many = Array.from({ length: 150 }, (_, i) => deployment(String(50_000_000 + i)));
    await detect(2, [...many, deployment(LAPSED_FIVE_YEARS)]);
    const status = await value(service['support-status']({ tabId: 2 }));
    expect(requests).toEqual(['POST /api/v1/support/lookup', 'POST /api/v1/support/lookup']);
    expect(status.identifiers).toHaveLength(151);
    expect(status.identifiers.filter((item) => item.found).map((item) => item.value)).toEqual([
      LAPSED_FIVE_YEARS,
    ]);
  });

  test('status → add the catch-up quantity → the line is in the portal’s cart', async () => {
    await detect(1, [deployment(LAPSED_FIVE_YEARS)]);
    const [lapsed] = (await value(service['support-status']({ tabId: 1 }))).identifiers;
    if (!lapsed?.found) throw new Error('not found');
    const added = await value(
      service['add-renewal']({
        deploymentId: lapsed.deployment.id,
        quantity: lapsed.renewal?.quantity ?? 0,
        credits: 'card',
      }),
    );
    expect(added.line).toMatchObject({ deploymentId: LAPSED_FIVE_YEARS, quantity: 6 });
    expect((await portalCart()).lines).toMatchObject([
      { deploymentId: LAPSED_FIVE_YEARS, quantity: 6, credits: 'card' },
    ]);
    expect(await value(service['get-cart']())).toMatchObject({
      lines: [{ deploymentId: LAPSED_FIVE_YEARS, quantity: 6 }],
    });
  });

  test('a double click is one PUT and one line', async () => {
    const order = { deploymentId: LAPSED_ONE_YEAR, quantity: 2, credits: 'organization' } as const;
    const [first, second] = await Promise.all([
      service['add-renewal'](order),
      service['add-renewal'](order),
    ]);
    expect(first).toEqual(second);
    expect(requests).toEqual([`PUT /api/v1/cart/renewals/${LAPSED_ONE_YEAR}`]);
    expect((await portalCart()).lines).toHaveLength(1);
  });

  test('too few packages: the portal’s required quantity; another organization: not-found', async () => {
    expect(
      await service['add-renewal']({
        deploymentId: LAPSED_FIVE_YEARS,
        quantity: 5,
        credits: 'card',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'invalid-request', requiredQuantity: 6 } });
    expect(
      await service['add-renewal']({
        deploymentId: OTHER_ORGANIZATION,
        quantity: 1,
        credits: 'card',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect((await portalCart()).lines).toEqual([]);
  });

  test('add all expired, remove a line, save the rest as a quote', async () => {
    await detect(3, [
      deployment(LAPSED_FIVE_YEARS),
      deployment(LAPSED_ONE_YEAR),
      deployment(EXPIRING_SOON),
      deployment(OTHER_ORGANIZATION),
    ]);
    const outcome = await value(service['add-all-expired']({ tabId: 3, credits: 'organization' }));
    expect(outcome.added.map((line) => [line.deploymentId, line.quantity])).toEqual([
      [LAPSED_FIVE_YEARS, 6],
      [LAPSED_ONE_YEAR, 2],
    ]);
    expect(outcome.failed).toEqual([]);
    expect((await portalCart()).lines).toHaveLength(2);

    const removed = outcome.added[1]?.id as string;
    const after = await value(service['remove-cart-line']({ lineId: removed }));
    expect(after.lines.map((line) => line.deploymentId)).toEqual([LAPSED_FIVE_YEARS]);

    const quote = await value(service['save-quote']());
    expect(quote.lines).toMatchObject([{ deploymentId: LAPSED_FIVE_YEARS, quantity: 6 }]);
    expect((await portalCart()).lines).toEqual([]);
  });

  test('manual lookup by number, serial and name', async () => {
    expect(await value(service['lookup-manual']({ query: LAPSED_FIVE_YEARS }))).toMatchObject({
      searchedAs: 'deployment',
      matches: [{ deployment: { id: LAPSED_FIVE_YEARS } }],
    });
    expect(await value(service['lookup-manual']({ query: 'vs0164ab' }))).toMatchObject({
      searchedAs: 'serial',
      matches: [{ deployment: { id: LAPSED_FIVE_YEARS } }],
    });
    const byName = await value(service['lookup-manual']({ query: 'lakeshore' }));
    expect(byName.searchedAs).toBe('name');
    expect(byName.matches.length).toBeGreaterThan(1);
    expect(byName.matches.every((m) => m.deployment.name.startsWith('Lakeshore'))).toBe(true);
    expect(await value(service['lookup-manual']({ query: 'Orchid' }))).toMatchObject({
      matches: [],
    });
  });

  test('get-account names the reseller', async () => {
    expect(await value(service['get-account']())).toMatchObject({
      signInMethod: 'token',
      me: { user: { email: 'reseller@example.test' } },
    });
  });
});

describe('answers that cannot be read, and a portal that hangs', () => {
  // A shorter deadline than the popup's, so the tests stay quick; the rule is the same.
  const DEADLINE_MS = 1500;
  // Generous: the machine may be loaded. Without a deadline a hang would take 5 s an attempt.
  const SLACK_MS = 1500;
  const ORDER = { deploymentId: LAPSED_FIVE_YEARS, quantity: 6, credits: 'card' } as const;

  async function injectFault(fault: Record<string, unknown>) {
    const response = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    expect(response.status).toBe(201);
  }

  beforeEach(async () => {
    fakeBrowser.reset();
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    requests = [];
    await emptyCart();
    tokens = createTokenStore(memoryKeyStore());
    await tokens.setToken(sandbox.token);
    await updateSettings({ portalBaseUrl: sandbox.url, signInMethod: 'token' });
    service = createPortalService({
      client: { fetch: recordingFetch(), timeoutMs: 1000, deadlineMs: DEADLINE_MS },
      tokens,
      hasAccess: async (origin) => origin === sandbox.url,
      today: () => TODAY,
    });
  });
  afterAll(async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
  });

  test('a PUT that lands but answers garbage: in the cart, one line', async () => {
    await injectFault({ route: '/api/v1/cart/renewals/*', kind: 'acted-then-garbage', times: 1 });
    expect(await service['add-renewal'](ORDER)).toMatchObject({
      ok: true,
      value: { line: { deploymentId: LAPSED_FIVE_YEARS, quantity: 6, credits: 'card' } },
    });
    expect(requests).toEqual([
      `PUT /api/v1/cart/renewals/${LAPSED_FIVE_YEARS}`,
      'GET /api/v1/cart',
    ]);
    expect((await portalCart()).lines).toMatchObject([{ deploymentId: LAPSED_FIVE_YEARS }]);
  });

  test('a PUT that lands and never answers: in the cart, within the deadline', async () => {
    await injectFault({ route: '/api/v1/cart/renewals/*', kind: 'acted-then-hang', times: 1 });
    const started = performance.now();
    expect(await service['add-renewal'](ORDER)).toMatchObject({
      ok: true,
      value: { line: { deploymentId: LAPSED_FIVE_YEARS, quantity: 6 } },
    });
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS + SLACK_MS);
    expect((await portalCart()).lines).toHaveLength(1);
  });

  test('malformed JSON from a PUT that did not land: the failure, and no line', async () => {
    await injectFault({ route: '/api/v1/cart/renewals/*', kind: 'malformed-json', times: 1 });
    expect(await service['add-renewal'](ORDER)).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-response', status: 200 },
    });
    expect((await portalCart()).lines).toEqual([]);
  });

  test('a DELETE that lands but answers garbage: removed', async () => {
    const added = await value(service['add-renewal'](ORDER));
    await injectFault({ route: '/api/v1/cart/lines/*', kind: 'acted-then-garbage', times: 1 });
    expect(await service['remove-cart-line']({ lineId: added.line.id })).toMatchObject({
      ok: true,
      value: { lines: [] },
    });
    expect((await portalCart()).lines).toEqual([]);
  });

  test('a hung portal: every action is answered by the deadline', async () => {
    await detect(9, [deployment(LAPSED_FIVE_YEARS)]);
    await injectFault({ route: '/api/v1/*', kind: 'hang' });
    const actions = {
      'support-status': [() => service['support-status']({ tabId: 9 }), 'portal-unavailable'],
      'get-cart': [() => service['get-cart'](), 'portal-unavailable'],
      account: [() => service['get-account'](), 'portal-unavailable'],
      'save-quote': [() => service['save-quote'](), 'portal-unavailable'],
      'add-renewal': [() => service['add-renewal'](ORDER), 'outcome-unknown'],
      'remove-cart-line': [() => service['remove-cart-line']({ lineId: '1' }), 'outcome-unknown'],
      'add-all-expired': [
        () => service['add-all-expired']({ tabId: 9, credits: 'card' }),
        'portal-unavailable',
      ],
    } as const;
    for (const [name, [action, kind]] of Object.entries(actions)) {
      const started = performance.now();
      const answer = await action();
      expect(answer, name).toMatchObject({ ok: false, error: { kind } });
      expect(performance.now() - started, name).toBeLessThan(DEADLINE_MS + SLACK_MS);
    }
  }, 30_000);
});

describe('with the portal session', () => {
  let cookie: string;

  beforeAll(async () => {
    const response = await fetch(`${sandbox.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'reseller@example.test', password: 'renewal-scout-demo' }),
    });
    expect(response.status).toBe(200);
    cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  });

  beforeEach(async () => {
    fakeBrowser.reset();
    requests = [];
    await emptyCart();
    await updateSettings({ portalBaseUrl: sandbox.url, signInMethod: 'session' });
  });

  // Node's fetch keeps no cookies and sends no Origin; a browser adds both to the service
  // worker's requests (the cookie because of `credentials: 'include'` and host access).
  const asBrowser = (origin: string) =>
    createPortalService({
      client: {
        fetch: recordingFetch((headers) => {
          headers.set('cookie', cookie);
          headers.set('origin', origin);
        }),
      },
      tokens: {
        getToken: async () => ({ ok: true, value: undefined }),
        hasToken: async () => false,
      },
      hasAccess: async () => true,
      today: () => TODAY,
    });

  test('from the allowed extension origin a renewal goes in', async () => {
    const added = await asBrowser(EXTENSION)['add-renewal']({
      deploymentId: LAPSED_ONE_YEAR,
      quantity: 2,
      credits: 'card',
    });
    expect(added).toMatchObject({ ok: true, value: { line: { deploymentId: LAPSED_ONE_YEAR } } });
    expect((await portalCart()).lines).toHaveLength(1);
  });

  test('from an origin the portal does not trust: forbidden, nothing written', async () => {
    const other = asBrowser('chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba');
    expect(
      await other['add-renewal']({ deploymentId: LAPSED_ONE_YEAR, quantity: 2, credits: 'card' }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect((await portalCart()).lines).toEqual([]);
    // A GET needs no Origin; the lookup is a POST, so it is checked like any write.
    expect(await other['get-cart']()).toMatchObject({ ok: true, value: { lines: [] } });
    await detect(1, [deployment(LAPSED_ONE_YEAR)]);
    expect(await other['support-status']({ tabId: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  test('without the cookie: signed out', async () => {
    const service = createPortalService({
      client: { fetch: recordingFetch() },
      hasAccess: async () => true,
      today: () => TODAY,
    });
    expect(await service['get-cart']()).toMatchObject({
      ok: false,
      error: { kind: 'signed-out', reason: 'unauthenticated' },
    });
  });
});
