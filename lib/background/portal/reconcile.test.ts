// Writes whose answer cannot be read, against the scripted portal: the cart is read before
// anything is reported, so a renewal that landed is "in the cart", one that did not is a
// failure, and a cart that cannot be read either is an outcome the popup offers to check.
// Also: a hung portal answers every action by the service's deadline.
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ReportedIdentifier } from '../../messaging/content-protocol';
import { wholeReport } from '../../messaging/testing/reports';
import type { Fetch } from '../../portal/transport';
import { updateSettings } from '../../settings';
import { recordDetections } from '../detections';
import { createPortalService, type PortalService, type PortalServiceOptions } from './service';
import { createFakePortal, type FakePortal, problem, supportRecord } from './testing/fake-portal';

const PORTAL = 'https://portal.example.test';
const LAPSED = supportRecord('14181336', '2021-09-07', ['VS0164AB'], 'Lakeshore Dental'); // 6
const LAPSED_TOO = supportRecord('19750628', '2024-02-29', [], 'Leap Day Ltd'); // 3
const ORDER = { deploymentId: '14181336', quantity: 6, credits: 'card' } as const;

let portal: FakePortal;
let service: PortalService;

function build(options: PortalServiceOptions = {}): PortalService {
  return createPortalService({
    client: { fetch: portal.fetch, retry: { retries: 0 } },
    tokens: {
      getToken: async () => ({ ok: true, value: 'rspat_unit_test_token' }),
      hasToken: async () => true,
    },
    hasAccess: async () => true,
    today: () => '2026-11-26',
    ...options,
  });
}

const garbage = {
  'malformed JSON': () =>
    new Response('{"line": {"id": ', { headers: { 'content-type': 'application/json' } }),
  'JSON of the wrong shape': () =>
    new Response('{"ok": true}', { headers: { 'content-type': 'application/json' } }),
  'an HTML page': () =>
    new Response('<html><body>Thanks!</body></html>', { headers: { 'content-type': 'text/html' } }),
  'a connection dropped after the portal acted': () => {
    throw new TypeError('Failed to fetch');
  },
};

const writes = (request: { method: string }) => request.method !== 'GET';
const unreadableCart = () => problem(503, 'urn:renewal-scout:problem:unavailable');

/** A fetch that never answers, like a hung portal; it gives up when its signal aborts. */
const hung: Fetch = (_url, init) =>
  new Promise((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

beforeEach(async () => {
  fakeBrowser.reset();
  portal = createFakePortal([LAPSED, LAPSED_TOO]);
  await updateSettings({ portalBaseUrl: PORTAL, signInMethod: 'token' });
  service = build();
});

describe('add-renewal whose answer cannot be read', () => {
  test.each(Object.entries(garbage))('%s, the line in the cart: in the cart', async (_, answer) => {
    portal.garble((request) => (writes(request) ? answer() : undefined));
    const added = await service['add-renewal'](ORDER);
    expect(added).toMatchObject({
      ok: true,
      value: { line: { deploymentId: '14181336', quantity: 6, credits: 'card' } },
    });
    expect(portal.log()).toEqual(['PUT /api/v1/cart/renewals/14181336', 'GET /api/v1/cart']);
    expect(portal.cart.lines).toHaveLength(1);
  });

  test('garbage and no line in the cart: the failure is reported', async () => {
    portal.override((request) => (writes(request) ? garbage['malformed JSON']() : undefined));
    expect(await service['add-renewal'](ORDER)).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-response', status: 200 },
    });
    expect(portal.log()).toEqual(['PUT /api/v1/cart/renewals/14181336', 'GET /api/v1/cart']);
  });

  test('a line for the deployment, but not as asked: the failure is reported', async () => {
    await service['add-renewal']({ ...ORDER, quantity: 7 });
    portal.override((request) => (writes(request) ? garbage['an HTML page']() : undefined));
    expect(await service['add-renewal'](ORDER)).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-response' },
    });
    expect(portal.cart.lines).toMatchObject([{ deploymentId: '14181336', quantity: 7 }]);
  });

  test('the cart cannot be read either: outcome unknown, with both reasons', async () => {
    portal.garble((request) =>
      writes(request) ? garbage['JSON of the wrong shape']() : unreadableCart(),
    );
    expect(await service['add-renewal'](ORDER)).toEqual({
      ok: false,
      error: {
        kind: 'outcome-unknown',
        operation: 'add-renewal',
        cause: expect.objectContaining({ kind: 'unexpected-response' }),
        check: expect.objectContaining({ kind: 'portal-unavailable', status: 503 }),
      },
    });
  });

  test('a readable refusal is reported as it is, without reading the cart', async () => {
    portal.override(() =>
      problem(422, 'urn:renewal-scout:problem:catch-up-required', { requiredQuantity: 7 }),
    );
    expect(await service['add-renewal'](ORDER)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', requiredQuantity: 7 },
    });
    expect(portal.log()).toEqual(['PUT /api/v1/cart/renewals/14181336']);
  });
});

describe('remove-cart-line whose answer cannot be read', () => {
  let lineId: string;
  beforeEach(async () => {
    const added = await service['add-renewal'](ORDER);
    if (!added.ok) throw new Error('could not add');
    lineId = added.value.line.id;
    portal.requests.length = 0;
  });

  test('the line is gone: removed, with the cart', async () => {
    portal.garble((request) => (writes(request) ? garbage['malformed JSON']() : undefined));
    expect(await service['remove-cart-line']({ lineId })).toMatchObject({
      ok: true,
      value: { lines: [] },
    });
    expect(portal.log()).toEqual([`DELETE /api/v1/cart/lines/${lineId}`, 'GET /api/v1/cart']);
  });

  test('the line is still there: the failure is reported', async () => {
    portal.override((request) =>
      writes(request) ? garbage['a connection dropped after the portal acted']() : undefined,
    );
    expect(await service['remove-cart-line']({ lineId })).toMatchObject({
      ok: false,
      error: { kind: 'portal-unavailable', cause: 'network' },
    });
    expect(portal.cart.lines).toHaveLength(1);
  });

  test('the cart cannot be read either: outcome unknown', async () => {
    portal.garble((request) => (writes(request) ? garbage['an HTML page']() : unreadableCart()));
    expect(await service['remove-cart-line']({ lineId })).toMatchObject({
      ok: false,
      error: { kind: 'outcome-unknown', operation: 'remove-cart-line' },
    });
  });
});

describe('add-all-expired', () => {
  test('a put that lands but answers garbage counts as added, and makes no second line', async () => {
    const identifiers: ReportedIdentifier[] = [
      { kind: 'deployment', value: '14181336', count: 1 },
      { kind: 'deployment', value: '19750628', count: 1 },
    ];
    await recordDetections(wholeReport(identifiers), {
      tabId: 7,
      frameId: 0,
      url: 'https://helpdesk.example/ticket/7',
    });
    portal.garble((request) =>
      request.method === 'PUT' && request.path.endsWith('/14181336')
        ? garbage['malformed JSON']()
        : undefined,
    );
    const outcome = await service['add-all-expired']({ tabId: 7, credits: 'card' });
    expect(outcome).toMatchObject({ ok: true, value: { failed: [] } });
    if (!outcome.ok) return;
    expect(outcome.value.added.map((line) => line.deploymentId).sort()).toEqual([
      '14181336',
      '19750628',
    ]);
    expect(portal.cart.lines.map((line) => line.deploymentId).sort()).toEqual([
      '14181336',
      '19750628',
    ]);
    expect(portal.log().filter((line) => line.startsWith('PUT'))).toHaveLength(2);
  });
});

describe('a hung portal answers every action by the deadline', () => {
  // The service's own deadline, shortened for the test; the popup's is in ./patience.ts.
  const DEADLINE_MS = 600;
  // Generous: the machine may be loaded; without a deadline these would wait 5 s an attempt.
  const SLACK_MS = 1500;

  beforeEach(() => {
    service = build({
      client: { fetch: hung, timeoutMs: 5_000, deadlineMs: DEADLINE_MS, retry: { retries: 2 } },
    });
  });

  test.each([
    ['get-cart', () => service['get-cart'](), 'portal-unavailable'],
    ['account', () => service['get-account'](), 'portal-unavailable'],
    ['save-quote', () => service['save-quote'](), 'portal-unavailable'],
    ['remove-cart-line', () => service['remove-cart-line']({ lineId: '1' }), 'outcome-unknown'],
    ['add-renewal', () => service['add-renewal'](ORDER), 'outcome-unknown'],
  ] as const)('%s', async (_, action, kind) => {
    const started = performance.now();
    const answer = await action();
    expect(answer).toMatchObject({ ok: false, error: { kind } });
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS + SLACK_MS);
  });

  test('support-status and add-all-expired', async () => {
    await recordDetections(wholeReport([{ kind: 'deployment', value: '14181336', count: 1 }]), {
      tabId: 8,
      frameId: 0,
      url: 'https://helpdesk.example/ticket/8',
    });
    for (const action of [
      () => service['support-status']({ tabId: 8 }),
      () => service['add-all-expired']({ tabId: 8, credits: 'card' }),
    ]) {
      const started = performance.now();
      expect(await action()).toMatchObject({
        ok: false,
        error: { kind: 'portal-unavailable', cause: 'timeout' },
      });
      expect(performance.now() - started).toBeLessThan(DEADLINE_MS + SLACK_MS);
    }
  });
});
