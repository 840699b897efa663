// The portal messages through the real router and the real handlers: a content script (or
// anything pretending to be one) can neither read portal answers nor change the cart.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ExtensionRequest } from '../../messaging/protocol';
import { createMessageRouter } from '../../messaging/router';
import { wholeReport } from '../../messaging/testing/reports';
import { contentScriptIn, popup, self } from '../../messaging/testing/senders';
import { updateSettings } from '../../settings';
import { backgroundHandlers } from '../handlers';

const contentScript = contentScriptIn(0);

// One valid request of every portal message type.
const portalRequests: ExtensionRequest[] = [
  { type: 'support-status', tabId: 5 },
  { type: 'lookup-manual', query: '14181336' },
  { type: 'get-cart' },
  { type: 'add-renewal', deploymentId: '14181336', quantity: 6, credits: 'organization' },
  { type: 'remove-cart-line', lineId: '1' },
  { type: 'add-all-expired', tabId: 5, credits: 'card' },
  { type: 'save-quote' },
  { type: 'open-portal', page: 'cart' },
  { type: 'get-account' },
  { type: 'get-settings' },
];

type Logged = (...args: unknown[]) => void;
let fetchSpy: ReturnType<typeof vi.fn<typeof fetch>>;
let log: { warn: ReturnType<typeof vi.fn<Logged>>; error: ReturnType<typeof vi.fn<Logged>> };
let route: ReturnType<typeof createMessageRouter>;

beforeEach(async () => {
  fakeBrowser.reset();
  fetchSpy = vi.fn<typeof fetch>(async () => new Response('{}', { status: 500 }));
  vi.stubGlobal('fetch', fetchSpy);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await updateSettings({ portalBaseUrl: 'https://portal.example.test' });
  log = { warn: vi.fn<Logged>(), error: vi.fn<Logged>() };
  route = createMessageRouter(backgroundHandlers, { self, log });
});

describe('a content script', () => {
  test.each(portalRequests.map((request) => [request.type, request] as const))(
    'cannot send %s: no answer, no portal call, no tab opened',
    async (_type, request) => {
      const tabsBefore = (await fakeBrowser.tabs.query({})).length;
      expect(route(request, contentScript)).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(await fakeBrowser.tabs.query({})).toHaveLength(tabsBefore);
      expect(log.warn).toHaveBeenCalledWith(expect.stringContaining(`ignored "${request.type}"`));
    },
  );

  test('a forged detections report with cart fields only records detections', async () => {
    const forged = {
      ...wholeReport([{ kind: 'deployment', value: '14181336', count: 1 }]),
      // Fields a hostile page might add hoping a handler reads them.
      deploymentId: '14181336',
      quantity: 25,
      credits: 'card',
      action: 'add-renewal',
    };
    await expect(route(forged, contentScript)).resolves.toEqual({
      highlights: true,
      received: 'report',
    });
    expect(fetchSpy).not.toHaveBeenCalled();
    const stored = await fakeBrowser.storage.session.get('tab-results:5');
    expect(JSON.stringify(stored)).not.toContain('quantity');
  });

  test('a report claiming another tab still lands on its own tab, and asks no portal', async () => {
    const claim = {
      ...wholeReport([{ kind: 'deployment', value: '14181336', count: 1 }]),
      tabId: 99,
    };
    await route(claim, contentScript);
    expect(await fakeBrowser.storage.session.get('tab-results:99')).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.session.get('tab-results:5'))).toHaveLength(1);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('an extension page', () => {
  test('is answered', async () => {
    await expect(route({ type: 'get-settings' }, popup)).resolves.toMatchObject({
      ok: true,
      value: { portal: { origin: 'https://portal.example.test' } },
    });
  });

  test.each([
    ['a quantity of 0', { deploymentId: '14181336', quantity: 0, credits: 'card' }],
    ['26 packages', { deploymentId: '14181336', quantity: 26, credits: 'card' }],
    [
      'a deployment ID that is not 8 digits',
      { deploymentId: '1418133', quantity: 1, credits: 'card' },
    ],
    ['a path in the deployment ID', { deploymentId: '../cart/', quantity: 1, credits: 'card' }],
    ['an unknown credits option', { deploymentId: '14181336', quantity: 1, credits: 'free' }],
  ])('sending add-renewal with %s gets invalid-request and sends nothing', async (_name, body) => {
    await expect(route({ type: 'add-renewal', ...body }, popup)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test('an empty manual query is refused before the portal', async () => {
    await expect(route({ type: 'lookup-manual', query: '   ' }, popup)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
