import { QueryClient } from '@tanstack/preact-query';
import {
  persistQueryClientRestore,
  persistQueryClientSave,
} from '@tanstack/preact-query-persist-client';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  type CacheArea,
  MAX_PERSISTED_IDENTIFIERS,
  POPUP_CACHE_KEY,
  POPUP_CACHE_MAX_AGE_MS,
  popupCacheBuster,
  popupPersistOptions,
  sessionCacheArea,
  storagePersister,
} from './persist';

function memoryArea() {
  const items = new Map<string, unknown>();
  const area: CacheArea & { writes: number; items: Map<string, unknown> } = {
    items,
    writes: 0,
    async get(key) {
      return items.has(key) ? { [key]: structuredClone(items.get(key)) } : {};
    },
    async set(values) {
      area.writes += 1;
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
    async remove(key) {
      items.delete(key);
    },
  };
  return area;
}

const flush = () => new Promise((settle) => setTimeout(settle, 5));

afterEach(() => {
  vi.useRealTimers();
});

describe('storagePersister', () => {
  test('a burst of cache changes is one write, of the latest state', async () => {
    const area = memoryArea();
    const persister = storagePersister(area);
    for (const n of [1, 2, 3]) {
      await persister.persistClient({
        timestamp: n,
        buster: 'b',
        clientState: { queries: [], mutations: [] },
      });
    }
    await flush();
    expect(area.writes).toBe(1);
    expect((area.items.get(POPUP_CACHE_KEY) as { timestamp: number }).timestamp).toBe(3);
  });

  test('a cache holding the answers last written is not written again', async () => {
    const area = memoryArea();
    const persister = storagePersister(area);
    const query = (dataUpdatedAt: number) => ({
      queryKey: ['cart'],
      queryHash: '["cart"]',
      state: { data: { ok: true }, dataUpdatedAt, status: 'success' },
    });
    const client = (dataUpdatedAt: number) =>
      ({
        timestamp: dataUpdatedAt,
        buster: 'b',
        clientState: { queries: [query(dataUpdatedAt)], mutations: [] },
      }) as unknown as Parameters<typeof persister.persistClient>[0];
    await persister.persistClient(client(1));
    await flush();
    await persister.persistClient(client(1));
    await flush();
    expect(area.writes).toBe(1);
    await persister.persistClient(client(2));
    await flush();
    expect(area.writes).toBe(2);
  });

  test('restores only something shaped like a persisted cache', async () => {
    const area = memoryArea();
    const persister = storagePersister(area);
    expect(await persister.restoreClient()).toBeUndefined();
    area.items.set(POPUP_CACHE_KEY, { timestamp: 'yesterday', clientState: {} });
    expect(await persister.restoreClient()).toBeUndefined();
    const good = { timestamp: 1, buster: 'b', clientState: { queries: [], mutations: [] } };
    area.items.set(POPUP_CACHE_KEY, good);
    expect(await persister.restoreClient()).toEqual(good);
    await persister.removeClient();
    expect(area.items.has(POPUP_CACHE_KEY)).toBe(false);
  });

  test('without a storage area it keeps nothing and fails nothing', async () => {
    const persister = storagePersister(undefined);
    await persister.persistClient({
      timestamp: 1,
      buster: '',
      clientState: { queries: [], mutations: [] },
    });
    expect(await persister.restoreClient()).toBeUndefined();
  });

  test('the popup uses the extension’s session storage, out of content scripts’ reach', async () => {
    const area = sessionCacheArea();
    expect(area).toBe(fakeBrowser.storage.session);
  });
});

describe('the persisted popup cache', () => {
  const ok = { ok: true, value: { lines: [] } };
  const failed = { ok: false, error: { kind: 'portal-unavailable', cause: 'network' } };

  function filledClient() {
    const client = new QueryClient();
    client.setQueryData(['cart'], ok);
    client.setQueryData(['support-status', 7, 'deployment:14181336'], failed);
    return client;
  }

  test('keeps successful answers and never replays an error', async () => {
    const area = memoryArea();
    const options = popupPersistOptions(storagePersister(area), '1.2.3');
    await persistQueryClientSave({ ...options, queryClient: filledClient() });
    await flush();

    const next = new QueryClient();
    await persistQueryClientRestore({ ...options, queryClient: next });
    expect(next.getQueryData(['cart'])).toEqual(ok);
    expect(next.getQueryData(['support-status', 7, 'deployment:14181336'])).toBeUndefined();
  });

  test('a support answer for more than a thousand identifiers is not kept', async () => {
    const area = memoryArea();
    const options = popupPersistOptions(storagePersister(area), '1.2.3');
    const client = new QueryClient();
    const answer = (n: number) => ({ ok: true, value: { identifiers: Array.from({ length: n }) } });
    client.setQueryData(['support-status', 7, 'small'], answer(MAX_PERSISTED_IDENTIFIERS));
    client.setQueryData(['support-status', 7, 'huge'], answer(MAX_PERSISTED_IDENTIFIERS + 1));
    await persistQueryClientSave({ ...options, queryClient: client });
    await flush();

    const next = new QueryClient();
    await persistQueryClientRestore({ ...options, queryClient: next });
    expect(next.getQueryData(['support-status', 7, 'small'])).toBeDefined();
    expect(next.getQueryData(['support-status', 7, 'huge'])).toBeUndefined();
  });

  test('one support answer per tab is kept, the newest', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const area = memoryArea();
    const options = popupPersistOptions(storagePersister(area), '1.2.3');
    const client = new QueryClient();
    const answer = { ok: true, value: { identifiers: [] } };
    vi.setSystemTime(1_000);
    client.setQueryData(['support-status', 7, 'list-a'], answer);
    client.setQueryData(['support-status', 8, 'list-c'], answer);
    vi.setSystemTime(2_000);
    client.setQueryData(['support-status', 7, 'list-b'], answer);
    await persistQueryClientSave({ ...options, queryClient: client });
    await flush();

    const stored = area.items.get(POPUP_CACHE_KEY) as {
      clientState: { queries: { queryKey: unknown[] }[] };
    };
    expect(stored.clientState.queries.map((q) => q.queryKey)).toEqual([
      ['support-status', 8, 'list-c'],
      ['support-status', 7, 'list-b'],
    ]);
  });

  test('a new extension version drops the old cache', async () => {
    const area = memoryArea();
    await persistQueryClientSave({
      ...popupPersistOptions(storagePersister(area), '1.2.3'),
      queryClient: filledClient(),
    });
    await flush();
    expect(area.items.has(POPUP_CACHE_KEY)).toBe(true);
    expect(popupCacheBuster('1.2.4')).not.toBe(popupCacheBuster('1.2.3'));

    const next = new QueryClient();
    await persistQueryClientRestore({
      ...popupPersistOptions(storagePersister(area), '1.2.4'),
      queryClient: next,
    });
    expect(next.getQueryData(['cart'])).toBeUndefined();
    expect(area.items.has(POPUP_CACHE_KEY)).toBe(false);
  });

  test('an answer older than the maximum age is not shown', async () => {
    const area = memoryArea();
    const options = popupPersistOptions(storagePersister(area), '1.2.3');
    await persistQueryClientSave({ ...options, queryClient: filledClient() });
    await flush();
    const stored = area.items.get(POPUP_CACHE_KEY) as { timestamp: number };
    stored.timestamp -= POPUP_CACHE_MAX_AGE_MS + 1;

    const next = new QueryClient();
    await persistQueryClientRestore({ ...options, queryClient: next });
    expect(next.getQueryData(['cart'])).toBeUndefined();
  });
});
