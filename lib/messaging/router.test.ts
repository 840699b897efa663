import { describe, expect, test, vi } from 'vitest';
import { createMessageRouter, type MalformedHandlers, type MessageHandlers } from './router';
import { wholeReport } from './testing/reports';
import { contentScriptIn, popup, self } from './testing/senders';

const page = contentScriptIn(2);
const report = wholeReport([{ kind: 'deployment', value: '14181336', count: 1 }]);

function setup(overrides: Partial<MessageHandlers> = {}, malformed: MalformedHandlers = {}) {
  // Only the messages these tests send get handlers; the portal's have their own tests.
  const handlers = {
    detections: vi.fn(async () => ({ highlights: true })),
    'get-tab-results': vi.fn(async ({ tabId }) => ({
      ok: true as const,
      value: { tabId, scanned: false, identifiers: [], truncated: false, frameCount: 0 },
    })),
    'scan-tab': vi.fn(async () => ({ ok: true as const, value: { frames: 1 } })),
    'get-highlights': vi.fn(async () => ({ ok: true as const, value: { enabled: true } })),
    'set-highlights': vi.fn(async ({ enabled }) => ({ ok: true as const, value: { enabled } })),
    'show-held-highlights': vi.fn(async ({ tabId }) => ({ ok: true as const, value: { tabId } })),
    ...overrides,
  } as MessageHandlers;
  const log = { warn: vi.fn(), error: vi.fn() };
  return { handlers, log, route: createMessageRouter(handlers, { self, log, malformed }) };
}

describe('routing', () => {
  test('a content report reaches its handler with the sender’s tab and frame', async () => {
    const { route, handlers } = setup();
    await expect(route(report, page)).resolves.toEqual({ highlights: true });
    expect(handlers.detections).toHaveBeenCalledWith(report, {
      tabId: 5,
      frameId: 2,
      url: 'https://helpdesk.example/ticket/1',
    });
  });

  test('a privileged request from the popup is answered', async () => {
    const { route } = setup();
    await expect(route({ type: 'set-highlights', enabled: false }, popup)).resolves.toEqual({
      ok: true,
      value: { enabled: false },
    });
  });

  test.each([
    ['an unknown type', { type: 'delete-everything' }],
    ['no type', { tabId: 1 }],
    ['an inherited property name', { type: 'toString' }],
    ['a string', 'scan-tab'],
    ['null', null],
  ])('%s is ignored without an answer', (_name, message) => {
    const { route, log } = setup();
    expect(route(message, popup)).toBeUndefined();
    expect(log.warn).not.toHaveBeenCalled();
  });
});

describe('sender checks', () => {
  test.each([
    ['scan-tab', { type: 'scan-tab', tabId: 5 }],
    ['get-tab-results', { type: 'get-tab-results', tabId: 1 }],
    ['set-highlights', { type: 'set-highlights', enabled: false }],
    ['show-held-highlights', { type: 'show-held-highlights', tabId: 5 }],
  ])('a content script cannot send %s', (type, message) => {
    const { route, handlers, log } = setup();
    expect(route(message, page)).toBeUndefined();
    expect(handlers[type as keyof MessageHandlers]).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledOnce();
  });

  test('an extension page cannot pose as a content script', () => {
    const { route, handlers } = setup();
    expect(route(report, popup)).toBeUndefined();
    expect(handlers.detections).not.toHaveBeenCalled();
  });

  test('another extension is ignored, whatever it sends', () => {
    const { route, handlers } = setup();
    const foreign = { ...popup, id: 'other-extension' };
    expect(route({ type: 'set-highlights', enabled: false }, foreign)).toBeUndefined();
    expect(route(report, { ...page, id: 'other-extension' })).toBeUndefined();
    expect(handlers['set-highlights']).not.toHaveBeenCalled();
    expect(handlers.detections).not.toHaveBeenCalled();
  });

  test('a report cannot name another tab or frame: the sender decides', async () => {
    const { route, handlers } = setup();
    await route({ ...report, tabId: 99, frameId: 0 }, page);
    expect(handlers.detections).toHaveBeenCalledWith(report, {
      tabId: 5,
      frameId: 2,
      url: 'https://helpdesk.example/ticket/1',
    });
  });
});

describe('malformed bodies', () => {
  test('a malformed report is dropped with a warning and never reaches the handler', () => {
    const { route, handlers, log } = setup();
    const bad = { ...report, identifiers: [{ kind: 'deployment', value: '123', count: 1 }] };
    expect(route(bad, page)).toBeUndefined();
    expect(handlers.detections).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledOnce();
  });

  test('a malformed report goes to its malformed handler, with the sender’s frame alone', async () => {
    const onMalformed = vi.fn(async () => ({ highlights: true, received: 'rejected' as const }));
    const { route, handlers } = setup({}, { detections: onMalformed });
    const oversized = { ...report, tabId: 99, identifiers: 'x'.repeat(10) };
    await expect(route(oversized, page)).resolves.toEqual({
      highlights: true,
      received: 'rejected',
    });
    expect(handlers.detections).not.toHaveBeenCalled();
    expect(onMalformed).toHaveBeenCalledWith(
      { tabId: 5, frameId: 2, url: 'https://helpdesk.example/ticket/1' },
      expect.stringContaining('malformed "detections"'),
    );
  });

  test('a malformed report from an extension page is not recorded against any frame', () => {
    const onMalformed = vi.fn(async () => ({ highlights: true, received: 'rejected' as const }));
    const { route } = setup({}, { detections: onMalformed });
    expect(route({ ...report, page: -1 }, popup)).toBeUndefined();
    expect(onMalformed).not.toHaveBeenCalled();
  });

  test('a malformed privileged request gets an invalid-request error', async () => {
    const { route, handlers } = setup();
    await expect(route({ type: 'scan-tab', tabId: 'all' }, popup)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
    expect(handlers['scan-tab']).not.toHaveBeenCalled();
  });
});

describe('failing handlers', () => {
  test('a rejected handler is logged and answered with an internal error', async () => {
    const { route, log } = setup({
      'scan-tab': async () => {
        throw new Error('boom');
      },
    });
    await expect(route({ type: 'scan-tab', tabId: 5 }, popup)).resolves.toEqual({
      ok: false,
      error: { kind: 'internal', detail: 'boom' },
    });
    expect(log.error).toHaveBeenCalledOnce();
  });

  test('a handler that throws synchronously is caught too', async () => {
    const { route, log } = setup({
      detections: () => {
        throw new TypeError('sync');
      },
    });
    await expect(route(report, page)).resolves.toBeUndefined();
    expect(log.error).toHaveBeenCalledOnce();
  });
});
