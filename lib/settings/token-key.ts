// Where the key that encrypts the personal access token lives: the extension origin's
// IndexedDB. Content scripts run in the page's origin and get the page's IndexedDB, never the
// extension's, so they cannot reach this key. The key is created non-extractable: even code
// in the extension can only use it through WebCrypto, never read its bytes.

export interface TokenKeyStore {
  load(): Promise<CryptoKey | undefined>;
  /** Stores `key` unless a key is already there; returns whichever key is stored afterwards. */
  addIfAbsent(key: CryptoKey): Promise<CryptoKey>;
}

const DATABASE = 'renewal-scout-secrets';
const STORE = 'keys';
const KEY_ID = 'portal-token';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available in this context'));
      return;
    }
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    request.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
}

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export const indexedDbKeyStore: TokenKeyStore = {
  async load() {
    const db = await open();
    try {
      const key = await settle(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
      return key instanceof CryptoKey ? key : undefined;
    } finally {
      db.close();
    }
  },
  async addIfAbsent(key) {
    const db = await open();
    try {
      // One readwrite transaction: two extension pages creating a key at once cannot both win.
      const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
      const existing = await settle(store.get(KEY_ID));
      if (existing instanceof CryptoKey) return existing;
      await settle(store.put(key, KEY_ID));
      return key;
    } finally {
      db.close();
    }
  },
};
