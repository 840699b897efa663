// @vitest-environment node
// fake-indexeddb stands in for the browser's IndexedDB, which cannot run in Node.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { openWatchlist, STORE, type WatchlistDb } from './db';
import {
  clearWatchlist,
  countWatched,
  getWatched,
  type ListQuery,
  listWatched,
  unwatchMany,
  watchMany,
} from './store';
import { freshName, watchRecord } from './testing/records';

const id = (n: number) => String(10_000_000 + n);
const isoDay = (n: number) =>
  new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Every page of a query, following `next`. */
async function allPages(db: WatchlistDb, query: ListQuery) {
  const ids: string[] = [];
  let page = await listWatched(db, query);
  ids.push(...page.records.map((r) => r.deploymentId));
  let pages = 1;
  while (page.next) {
    page = await listWatched(db, { ...query, after: page.next });
    ids.push(...page.records.map((r) => r.deploymentId));
    pages += 1;
  }
  return { ids, pages };
}

describe('the watchlist store', () => {
  test('watching again updates the facts but keeps where it was first seen', async () => {
    const db = await openWatchlist(freshName());
    expect(await watchMany(db, [watchRecord(id(1)), watchRecord(id(2))])).toEqual({
      added: 2,
      updated: 0,
    });
    const later = watchRecord(id(1), {
      status: 'expired',
      expiresOn: '2021-09-16',
      firstSeen: { at: Date.UTC(2026, 11, 5), title: 'Another page' },
    });
    expect(await watchMany(db, [later, watchRecord(id(3))])).toEqual({ added: 1, updated: 1 });
    expect(await getWatched(db, id(1))).toEqual({
      found: true,
      record: { ...later, firstSeen: watchRecord(id(1)).firstSeen },
    });
    expect(await countWatched(db)).toBe(3);
    const twice = [watchRecord(id(4)), watchRecord(id(4), { name: 'Renamed' })];
    expect(await watchMany(db, twice)).toEqual({ added: 1, updated: 0 });
    expect(await getWatched(db, id(4))).toEqual({ found: true, record: twice[1] });
    db.close();
  });

  test('unwatch answers how many were watched; get says not found', async () => {
    const db = await openWatchlist(freshName());
    await watchMany(db, [watchRecord(id(1)), watchRecord(id(2))]);
    expect(await unwatchMany(db, [id(1), id(9), id(1)])).toBe(1);
    expect(await getWatched(db, id(1))).toEqual({ found: false });
    expect(await countWatched(db)).toBe(1);
    db.close();
  });

  test('a corrupt record is reported with its problem, never thrown, and the rest still listed', async () => {
    const db = await openWatchlist(freshName());
    await watchMany(db, [watchRecord(id(1)), watchRecord(id(3))]);
    await db.put(STORE, { ...watchRecord(id(2)), expiresOn: '2027-02-30', status: 'active' });
    expect(await getWatched(db, id(2))).toEqual({
      found: true,
      corrupt: { key: id(2), problem: expect.stringMatching(/^expiresOn: /) },
    });
    const page = await listWatched(db, { by: 'expiry', limit: 10 });
    expect(page.records.map((r) => r.deploymentId)).toEqual([id(1), id(3)]);
    expect(page.corrupt).toEqual([{ key: id(2), problem: expect.stringMatching(/^expiresOn: /) }]);
    // Watching it again replaces the corrupt record, first-seen included.
    expect(await watchMany(db, [watchRecord(id(2))])).toEqual({ added: 0, updated: 1 });
    expect(await getWatched(db, id(2))).toEqual({ found: true, record: watchRecord(id(2)) });
    db.close();
  });

  test('by expiry: soonest first, paged without gaps or repeats; never-found ones left out', async () => {
    const db = await openWatchlist(freshName());
    // Several share an expiry day, so that paging must use the deployment ID as well.
    const records = Array.from({ length: 53 }, (_, n) =>
      watchRecord(id(n), { expiresOn: isoDay(n % 17) }),
    );
    const { expiresOn: _, ...unchecked } = watchRecord(id(99), { status: 'unchecked' });
    await watchMany(db, [...records, unchecked]);
    const sorted = [...records]
      .sort(
        (a, b) =>
          (a.expiresOn ?? '').localeCompare(b.expiresOn ?? '') ||
          a.deploymentId.localeCompare(b.deploymentId),
      )
      .map((r) => r.deploymentId);
    expect(await allPages(db, { by: 'expiry', limit: 10 })).toEqual({ ids: sorted, pages: 6 });
    expect((await allPages(db, { by: 'expiry', limit: 7, direction: 'prev' })).ids).toEqual(
      [...sorted].reverse(),
    );
    const due = IDBKeyRange.bound(isoDay(0), isoDay(2));
    expect((await allPages(db, { by: 'expiry', range: due, limit: 4 })).ids).toEqual(
      sorted.slice(0, 11),
    );
    // Days 0, 1 and 2 of 17: four, four and three deployments.
    expect(await countWatched(db, 'expiry', due)).toBe(11);
    expect((await allPages(db, { limit: 50 })).ids).toEqual([
      ...records.map((r) => r.deploymentId),
      id(99),
    ]);
    db.close();
  });

  test('a page continues after its predecessor even when that entry was unwatched since', async () => {
    const db = await openWatchlist(freshName());
    await watchMany(
      db,
      Array.from({ length: 9 }, (_, n) => watchRecord(id(n), { expiresOn: isoDay(n) })),
    );
    const first = await listWatched(db, { by: 'expiry', limit: 3 });
    expect(first.next).toEqual({ key: isoDay(2), id: id(2) });
    await unwatchMany(db, [id(0), id(1), id(2), id(3)]);
    const second = await listWatched(db, { by: 'expiry', limit: 3, after: first.next });
    expect(second.records.map((r) => r.deploymentId)).toEqual([id(4), id(5), id(6)]);
    db.close();
  });

  test('by status, counted by status, and cleared', async () => {
    const db = await openWatchlist(freshName());
    await watchMany(db, [
      watchRecord(id(1), { status: 'expired' }),
      watchRecord(id(2), { status: 'not-found', lastCheckError: undefined }),
      watchRecord(id(3), { status: 'expired' }),
    ]);
    expect(
      (await listWatched(db, { by: 'status', range: 'expired', limit: 10 })).records.map(
        (r) => r.deploymentId,
      ),
    ).toEqual([id(1), id(3)]);
    expect(await countWatched(db, 'status', 'not-found')).toBe(1);
    await clearWatchlist(db);
    expect(await countWatched(db)).toBe(0);
    db.close();
  });

  test('20,000 deployments: watched in one call, then listed by expiry in pages', async () => {
    const db = await openWatchlist(freshName());
    const records = Array.from({ length: 20_000 }, (_, n) =>
      watchRecord(id(n), {
        expiresOn: isoDay((n * 7919) % 3000),
        status: n % 3 ? 'active' : 'expired',
      }),
    );
    const insertStart = performance.now();
    expect(await watchMany(db, records)).toEqual({ added: 20_000, updated: 0 });
    const insertMs = performance.now() - insertStart;
    const listStart = performance.now();
    const { ids, pages } = await allPages(db, { by: 'expiry', limit: 500 });
    const listMs = performance.now() - listStart;
    const firstStart = performance.now();
    await listWatched(db, { by: 'expiry', limit: 100 });
    const firstPageMs = performance.now() - firstStart;
    console.log(
      `watchlist (fake-indexeddb, Node): 20,000 watched in ${insertMs.toFixed(0)} ms; listed by expiry in ${pages} pages of 500 in ${listMs.toFixed(0)} ms; first page of 100 in ${firstPageMs.toFixed(1)} ms`,
    );
    expect(new Set(ids).size).toBe(20_000);
    expect(await countWatched(db, 'status', 'expired')).toBe(6667);
    db.close();
  }, 120_000);
});
