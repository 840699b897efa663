// @vitest-environment node
// fake-indexeddb stands in for the browser's IndexedDB, which cannot run in Node.
import 'fake-indexeddb/auto';
import { openDB, unwrap } from 'idb';
import { describe, expect, test } from 'vitest';
import { openWatchlist, STORE, upgradeSteps, WATCHLIST_VERSION, type WatchlistSchema } from './db';
import { freshName, watchRecord } from './testing/records';

/** Stores, key paths and indexes: what two databases must share to be the same schema. */
function describeSchema(db: IDBDatabase) {
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names, 'readonly');
  return names.map((name) => {
    const store = tx.objectStore(name);
    return {
      name,
      keyPath: store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes: [...store.indexNames].sort().map((index) => {
        const { keyPath, unique, multiEntry } = store.index(index);
        return { index, keyPath, unique, multiEntry };
      }),
    };
  });
}

describe('the watchlist database', () => {
  test('a fresh database: deployments keyed by ID, indexed by expiry and status', async () => {
    const db = await openWatchlist(freshName());
    expect(db.version).toBe(WATCHLIST_VERSION);
    expect(describeSchema(unwrap(db))).toEqual([
      {
        name: STORE,
        keyPath: 'deploymentId',
        autoIncrement: false,
        indexes: [
          { index: 'expiry', keyPath: 'expiresOn', unique: false, multiEntry: false },
          { index: 'status', keyPath: 'status', unique: false, multiEntry: false },
        ],
      },
    ]);
    db.close();
  });

  test('from every earlier version: the same schema as a fresh one, and the records kept', async () => {
    const fresh = await openWatchlist(freshName());
    const expected = describeSchema(unwrap(fresh));
    fresh.close();
    for (let version = 0; version < WATCHLIST_VERSION; version += 1) {
      const name = freshName();
      if (version > 0) {
        const old = await openDB<WatchlistSchema>(name, version, {
          upgrade: (db, oldVersion, _new, tx) => upgradeSteps(version)(db, oldVersion, tx),
        });
        await old.put(STORE, watchRecord('14181336'));
        old.close();
      }
      const db = await openWatchlist(name);
      expect(db.version, `from version ${version}`).toBe(WATCHLIST_VERSION);
      expect(describeSchema(unwrap(db)), `from version ${version}`).toEqual(expected);
      if (version > 0) expect(await db.get(STORE, '14181336')).toEqual(watchRecord('14181336'));
      db.close();
    }
  });

  test('a page holding the database open lets go when a newer version opens it', async () => {
    const name = freshName();
    const older = await openWatchlist(name);
    const newer = await openDB(name, WATCHLIST_VERSION + 1);
    expect(newer.version).toBe(WATCHLIST_VERSION + 1);
    await expect(older.get(STORE, 'x')).rejects.toThrow();
    newer.close();
  });
});
