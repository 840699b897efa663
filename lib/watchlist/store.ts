// The watchlist's operations. Writes take many deployments in one transaction (a page's
// worth, a bulk lookup's 5,000); reads parse every record and report the corrupt ones
// beside the good ones, so that one bad record never hides the rest of the list.
import type { IDBPCursorWithValue } from 'idb';
import { STORE, type WatchlistDb, type WatchlistSchema } from './db';
import { type CorruptRecord, parseRecord, type WatchRecord, type WatchStatus } from './record';

/** The facts to store; `firstSeen` only counts for a deployment not yet watched. */
export type WatchInput = WatchRecord;

export interface WatchOutcome {
  added: number;
  updated: number;
}

/**
 * Adds or updates each deployment. An update replaces the facts but keeps the first
 * `firstSeen` (where the user met it first), unless the stored one is unreadable.
 */
export async function watchMany(
  db: WatchlistDb,
  inputs: readonly WatchInput[],
): Promise<WatchOutcome> {
  const tx = db.transaction(STORE, 'readwrite');
  const outcome: WatchOutcome = { added: 0, updated: 0 };
  // The same deployment twice in one call is one deployment: the last facts win.
  const unique = new Map(inputs.map((input) => [input.deploymentId, input]));
  const writes = [...unique.values()].map(async (input) => {
    const stored = await tx.store.get(input.deploymentId);
    const previous = stored === undefined ? undefined : parseRecord(input.deploymentId, stored);
    if (previous === undefined) outcome.added += 1;
    else outcome.updated += 1;
    const firstSeen = previous?.ok ? previous.record.firstSeen : input.firstSeen;
    await tx.store.put({ ...input, firstSeen });
  });
  await Promise.all([...writes, tx.done]);
  return outcome;
}

/** Removes each deployment; answers how many were watched. */
export async function unwatchMany(db: WatchlistDb, ids: readonly string[]): Promise<number> {
  const tx = db.transaction(STORE, 'readwrite');
  let removed = 0;
  const deletes = [...new Set(ids)].map(async (id) => {
    if ((await tx.store.getKey(id)) === undefined) return;
    removed += 1;
    await tx.store.delete(id);
  });
  await Promise.all([...deletes, tx.done]);
  return removed;
}

export type GetResult =
  | { found: false }
  | { found: true; record: WatchRecord }
  | { found: true; corrupt: CorruptRecord };

export async function getWatched(db: WatchlistDb, id: string): Promise<GetResult> {
  const value = await db.get(STORE, id);
  if (value === undefined) return { found: false };
  const parsed = parseRecord(id, value);
  return parsed.ok
    ? { found: true, record: parsed.record }
    : { found: true, corrupt: parsed.corrupt };
}

/** Where a page starts: after this index key and deployment ID (from the previous page). */
export interface PageCursor {
  key: string;
  id: string;
}

export interface ListQuery {
  /**
   * `expiry`: soonest first (deployments never found have no expiry and are left out);
   * `status`: grouped by status; none: by deployment ID.
   */
  by?: 'expiry' | 'status';
  /** Only these keys: an expiry range (ISO dates compare as text) or one status. */
  range?: IDBKeyRange | WatchStatus;
  direction?: 'next' | 'prev';
  limit: number;
  after?: PageCursor;
}

export interface ListPage {
  records: WatchRecord[];
  corrupt: CorruptRecord[];
  /** Pass as `after` for the next page; absent on the last one. */
  next?: PageCursor;
}

type Cursor = IDBPCursorWithValue<
  WatchlistSchema,
  ['watched'],
  'watched',
  'expiry' | 'status' | unknown,
  'readonly'
>;

/** One page of the watchlist in the order of an index (or of deployment IDs). */
export async function listWatched(db: WatchlistDb, query: ListQuery): Promise<ListPage> {
  const tx = db.transaction(STORE, 'readonly');
  const source = query.by ? tx.store.index(query.by) : tx.store;
  let cursor = (await source.openCursor(query.range, query.direction ?? 'next')) as Cursor | null;
  if (cursor && query.after) cursor = await skipPast(cursor, query.after, query);
  const page: ListPage = { records: [], corrupt: [] };
  let last: PageCursor | undefined;
  while (cursor && page.records.length + page.corrupt.length < query.limit) {
    const parsed = parseRecord(cursor.primaryKey, cursor.value);
    if (parsed.ok) page.records.push(parsed.record);
    else page.corrupt.push(parsed.corrupt);
    last = { key: String(cursor.key), id: String(cursor.primaryKey) };
    cursor = await cursor.continue();
  }
  await tx.done;
  if (cursor && last) page.next = last;
  return page;
}

/**
 * Moves the cursor to the first entry past `after` in the list's order. IndexedDB refuses
 * to "continue" to a position the cursor is at or past, hence the comparison first (the
 * previous page's last entry may have been deleted since).
 */
async function skipPast(
  start: Cursor,
  after: PageCursor,
  query: ListQuery,
): Promise<Cursor | null> {
  const sign = query.direction === 'prev' ? -1 : 1;
  const compare = (cursor: Cursor) => {
    const byKey = query.by ? indexedDB.cmp(cursor.key, after.key) : 0;
    return sign * (byKey !== 0 ? byKey : indexedDB.cmp(cursor.primaryKey, after.id));
  };
  let cursor: Cursor | null = start;
  if (compare(cursor) < 0) {
    cursor = await (query.by
      ? cursor.continuePrimaryKey(after.key, after.id)
      : cursor.continue(after.id));
  }
  return cursor && compare(cursor) === 0 ? cursor.continue() : cursor;
}

/** How many are watched, or how many in one index range / status. */
export function countWatched(
  db: WatchlistDb,
  by?: 'expiry' | 'status',
  range?: IDBKeyRange | WatchStatus,
): Promise<number> {
  return by ? db.countFromIndex(STORE, by, range) : db.count(STORE);
}

export function clearWatchlist(db: WatchlistDb): Promise<void> {
  return db.clear(STORE);
}
