import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { memoryKeyStore } from './testing/memory-key-store';
import { createTokenStore, TOKEN_STORAGE_KEY } from './token';

const TOKEN = 'rsp_live_9f8e7d6c5b4a3928171605f4e3d2c1b0';
let keys: ReturnType<typeof memoryKeyStore>;
let store: ReturnType<typeof createTokenStore>;

beforeEach(() => {
  fakeBrowser.reset();
  keys = memoryKeyStore();
  store = createTokenStore(keys);
});

const rawStored = async () =>
  (await fakeBrowser.storage.local.get(TOKEN_STORAGE_KEY))[TOKEN_STORAGE_KEY];

describe('the token store', () => {
  test('has no token at first', async () => {
    expect(await store.getToken()).toEqual({ ok: true, value: undefined });
    expect(await store.hasToken()).toBe(false);
  });

  test('gives back the token it saved, trimmed', async () => {
    expect(await store.setToken(`  ${TOKEN}\n`)).toEqual({ ok: true, value: undefined });
    expect(await store.getToken()).toEqual({ ok: true, value: TOKEN });
    expect(await store.hasToken()).toBe(true);
  });

  test('keeps only ciphertext in storage.local, which content scripts can read', async () => {
    await store.setToken(TOKEN);
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(btoa(TOKEN).slice(0, 20));
    expect(await rawStored()).toMatchObject({ version: 1 });
  });

  test('uses a key whose bytes cannot be exported', async () => {
    await store.setToken(TOKEN);
    const key = keys.key();
    expect(key?.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key as CryptoKey)).rejects.toThrow();
  });

  test('uses a fresh IV each time: saving the same token twice stores different ciphertext', async () => {
    await store.setToken(TOKEN);
    const first = await rawStored();
    await store.setToken(TOKEN);
    expect(await rawStored()).not.toEqual(first);
  });

  test('reports a lost key instead of returning garbage', async () => {
    await store.setToken(TOKEN);
    keys.forget();
    expect(await store.getToken()).toEqual({ ok: false, error: { kind: 'key-lost' } });
  });

  test('reports tampered or foreign data as undecryptable', async () => {
    await store.setToken(TOKEN);
    const stored = (await rawStored()) as { ciphertext: string };
    const bytes = atob(stored.ciphertext);
    const flipped = String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1);
    await fakeBrowser.storage.local.set({
      [TOKEN_STORAGE_KEY]: { ...stored, ciphertext: btoa(flipped) },
    });
    expect(await store.getToken()).toEqual({ ok: false, error: { kind: 'undecryptable' } });

    await fakeBrowser.storage.local.set({ [TOKEN_STORAGE_KEY]: TOKEN });
    expect(await store.getToken()).toEqual({ ok: false, error: { kind: 'undecryptable' } });

    await fakeBrowser.storage.local.set({
      [TOKEN_STORAGE_KEY]: { version: 1, iv: '%%%', ciphertext: '***' },
    });
    expect(await store.getToken()).toEqual({ ok: false, error: { kind: 'undecryptable' } });
  });

  test.each([[''], ['   '], ['two words'], ['line\nbreak'], ['x'.repeat(4097)]])(
    'refuses %j and keeps the saved token',
    async (bad) => {
      await store.setToken(TOKEN);
      expect(await store.setToken(bad)).toEqual({ ok: false, error: { kind: 'invalid-token' } });
      expect(await store.getToken()).toEqual({ ok: true, value: TOKEN });
    },
  );

  test('clears the token', async () => {
    await store.setToken(TOKEN);
    expect(await store.clearToken()).toEqual({ ok: true, value: undefined });
    expect(await store.getToken()).toEqual({ ok: true, value: undefined });
    expect(await rawStored()).toBeUndefined();
  });

  test('reports a key store that refuses to work', async () => {
    const broken = createTokenStore({
      load: () => Promise.reject(new Error('IndexedDB is not available in this context')),
      addIfAbsent: () => Promise.reject(new Error('unreachable')),
    });
    expect(await broken.setToken(TOKEN)).toEqual({
      ok: false,
      error: {
        kind: 'key-store-unavailable',
        detail: 'IndexedDB is not available in this context',
      },
    });
  });
});
