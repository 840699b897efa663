import type { TokenKeyStore } from '../token-key';

/**
 * A token key store held in memory: Node has no IndexedDB, and the key store is the one seam
 * the token tests replace. The crypto around it stays real WebCrypto.
 */
export function memoryKeyStore(): TokenKeyStore & {
  forget(): void;
  key(): CryptoKey | undefined;
} {
  let stored: CryptoKey | undefined;
  return {
    load: async () => stored,
    addIfAbsent: async (key) => {
      stored ??= key;
      return stored;
    },
    forget: () => {
      stored = undefined;
    },
    key: () => stored,
  };
}
