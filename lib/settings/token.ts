// The personal access token for the portal ("token" sign-in method).
//
// Why not plain storage.local: in Chrome a content script can read storage.local (only
// storage.session has setAccessLevel), and a content script runs inside the web page's
// renderer, so anything it can read a compromised page can read. storage.session would be
// safe but is wiped when the browser closes, and the user would have to paste the token again
// every day.
//
// So the token is stored in storage.local encrypted with AES-GCM under a non-extractable key
// kept in the extension origin's IndexedDB (./token-key.ts), which content scripts cannot
// open. A content script reading storage.local sees only ciphertext. The UI never gets the
// token back: it asks `hasToken()`.

import { browser } from 'wxt/browser';
import { err, messageOf, ok, type Result } from '../result';
import { indexedDbKeyStore, type TokenKeyStore } from './token-key';

export const TOKEN_STORAGE_KEY = 'portalToken';
const ADDITIONAL_DATA = new TextEncoder().encode('renewal-scout:portal-token:v1');
const MAX_TOKEN_LENGTH = 4096;

interface StoredToken {
  version: 1;
  iv: string;
  ciphertext: string;
}

export type TokenError =
  /** Empty, too long, or containing spaces or control characters. */
  | { kind: 'invalid-token' }
  /** A token is stored but its key is gone (the extension's data was partly cleared). */
  | { kind: 'key-lost' }
  /** The stored value is damaged or was not written by us. */
  | { kind: 'undecryptable' }
  /** IndexedDB or WebCrypto refused (e.g. a private window that allows no IndexedDB). */
  | { kind: 'key-store-unavailable'; detail: string }
  | { kind: 'storage-failed'; detail: string };

export type TokenResult<T> = Result<T, TokenError>;

export interface TokenStore {
  /** The token, or undefined when none is saved. */
  getToken(): Promise<TokenResult<string | undefined>>;
  setToken(token: string): Promise<TokenResult<void>>;
  clearToken(): Promise<TokenResult<void>>;
  /** Whether a token is saved, without decrypting it (for the options page). */
  hasToken(): Promise<boolean>;
}

export function createTokenStore(keyStore: TokenKeyStore = indexedDbKeyStore): TokenStore {
  async function readStored(): Promise<unknown> {
    return (await browser.storage.local.get(TOKEN_STORAGE_KEY))[TOKEN_STORAGE_KEY];
  }

  return {
    async getToken() {
      let stored: unknown;
      try {
        stored = await readStored();
      } catch (error) {
        return err({ kind: 'storage-failed', detail: messageOf(error) });
      }
      if (stored === undefined) return ok(undefined);
      if (!isStoredToken(stored)) return err({ kind: 'undecryptable' });

      let key: CryptoKey | undefined;
      try {
        key = await keyStore.load();
      } catch (error) {
        return err({ kind: 'key-store-unavailable', detail: messageOf(error) });
      }
      if (!key) return err({ kind: 'key-lost' });
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(stored.iv), additionalData: ADDITIONAL_DATA },
          key,
          fromBase64(stored.ciphertext),
        );
        return ok(new TextDecoder().decode(plain));
      } catch {
        return err({ kind: 'undecryptable' });
      }
    },

    async setToken(input) {
      const token = input.trim();
      if (token === '' || token.length > MAX_TOKEN_LENGTH || /[\s\p{Cc}]/u.test(token)) {
        return err({ kind: 'invalid-token' });
      }
      let stored: StoredToken;
      try {
        const key =
          (await keyStore.load()) ??
          (await keyStore.addIfAbsent(
            await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
              'encrypt',
              'decrypt',
            ]),
          ));
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const ciphertext = await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData: ADDITIONAL_DATA },
          key,
          new TextEncoder().encode(token),
        );
        stored = { version: 1, iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)) };
      } catch (error) {
        return err({ kind: 'key-store-unavailable', detail: messageOf(error) });
      }
      try {
        await browser.storage.local.set({ [TOKEN_STORAGE_KEY]: stored });
      } catch (error) {
        return err({ kind: 'storage-failed', detail: messageOf(error) });
      }
      return ok(undefined);
    },

    async clearToken() {
      try {
        await browser.storage.local.remove(TOKEN_STORAGE_KEY);
        return ok(undefined);
      } catch (error) {
        return err({ kind: 'storage-failed', detail: messageOf(error) });
      }
    },

    async hasToken() {
      try {
        return (await readStored()) !== undefined;
      } catch {
        return false;
      }
    },
  };
}

const defaultStore = createTokenStore();
export const { getToken, setToken, clearToken, hasToken } = defaultStore;

export function describeTokenError(error: TokenError): string {
  switch (error.kind) {
    case 'invalid-token':
      return 'That does not look like an access token: paste it without spaces or line breaks.';
    case 'key-lost':
      return 'The saved token can no longer be read (the extension’s data was partly cleared). Paste the token again.';
    case 'undecryptable':
      return 'The saved token is damaged. Paste the token again.';
    case 'key-store-unavailable':
      return `The browser does not let Renewal Scout keep a token safely here (${error.detail}). Use the portal session instead.`;
    case 'storage-failed':
      return `The browser’s extension storage failed (${error.detail}).`;
  }
}

function isStoredToken(value: unknown): value is StoredToken {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.version === 1 && typeof record.iv === 'string' && typeof record.ciphertext === 'string'
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
