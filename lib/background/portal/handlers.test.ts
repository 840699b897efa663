// The portal handlers are made from the protocol table: each portal message reaches the
// service's method of the same name with its body, never its `type`.
import { expect, test } from 'vitest';
import { type PortalMessageType, portalMessageTypes } from '../../messaging/protocol';
import { portalHandlers } from './handlers';
import type { PortalService } from './service';

test('every portal message calls the service method of its name with its body', async () => {
  const calls: [string, unknown][] = [];
  const service = Object.fromEntries(
    portalMessageTypes.map((type) => [
      type,
      async (body: unknown) => {
        calls.push([type, body]);
        return { ok: true, value: type };
      },
    ]),
  ) as unknown as PortalService;
  const handlers = portalHandlers(() => service) as Record<
    PortalMessageType,
    (request: object, context: { pageUrl: string }) => Promise<unknown>
  >;

  expect(Object.keys(handlers).sort()).toEqual([...portalMessageTypes].sort());
  const page = { pageUrl: 'chrome-extension://id/popup.html' };
  expect(
    await handlers['add-renewal'](
      { type: 'add-renewal', deploymentId: '14181336', quantity: 6, credits: 'card' },
      page,
    ),
  ).toEqual({ ok: true, value: 'add-renewal' });
  await handlers['get-cart']({ type: 'get-cart' }, page);
  await handlers['support-status']({ type: 'support-status', tabId: 4, refresh: true }, page);
  expect(calls).toEqual([
    ['add-renewal', { deploymentId: '14181336', quantity: 6, credits: 'card' }],
    ['get-cart', {}],
    ['support-status', { tabId: 4, refresh: true }],
  ]);
});
