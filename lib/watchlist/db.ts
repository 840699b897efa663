// The watchlist's IndexedDB database. Its schema is versioned: each version's step is its
// own function, run in order from the version a browser has to the current one, so that a
// database from any earlier release upgrades the same way a fresh one is created.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';

export const WATCHLIST_DB = 'renewal-scout-watchlist';
export const STORE = 'watched';

/**
 * What the code expects; values are `unknown` on purpose: what is read must be parsed
 * (parseRecord), whatever an older version or an import left there.
 */
export interface WatchlistSchema extends DBSchema {
  watched: {
    key: string;
    value: unknown;
    indexes: { expiry: string; status: string };
  };
}

export type WatchlistDb = IDBPDatabase<WatchlistSchema>;
type UpgradeTransaction = IDBPTransaction<WatchlistSchema, 'watched'[], 'versionchange'>;
type Step = (db: WatchlistDb, tx: UpgradeTransaction) => void;

/** Version 1: deployments keyed by ID; by expiry (renewals due) and by status (filters). */
const createWatched: Step = (db) => {
  const store = db.createObjectStore(STORE, { keyPath: 'deploymentId' });
  store.createIndex('expiry', 'expiresOn');
  store.createIndex('status', 'status');
};

/** STEPS[n] turns a version-n database into version n + 1. Append; never edit a past step. */
export const STEPS: readonly Step[] = [createWatched];
export const WATCHLIST_VERSION = STEPS.length;

/** Runs the steps from `oldVersion` up to `version` (tests stop at earlier versions). */
export function upgradeSteps(
  version: number,
): (db: WatchlistDb, oldVersion: number, tx: UpgradeTransaction) => void {
  return (db, oldVersion, tx) => {
    for (const step of STEPS.slice(oldVersion, version)) step(db, tx);
  };
}

/** Opens (creating or upgrading) the watchlist database. */
export function openWatchlist(name = WATCHLIST_DB): Promise<WatchlistDb> {
  const upgrade = upgradeSteps(WATCHLIST_VERSION);
  return openDB<WatchlistSchema>(name, WATCHLIST_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
    // Another tab of the extension holds an older version open: let it go so it reloads.
    blocking: (_current, _next, event) => (event.target as IDBDatabase).close(),
  });
}
