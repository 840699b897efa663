// @vitest-environment node
// fake-indexeddb stands in for the browser's IndexedDB, which cannot run in Node.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { openWatchlist, STORE } from './db';
import { clearWatchlist, getWatched, watchMany } from './store';
import { freshName, watchRecord } from './testing/records';
import {
  exportWatchlist,
  importWatchlist,
  WATCHLIST_FILE_FORMAT,
  WATCHLIST_FILE_VERSION,
} from './transfer';

const NOW = Date.UTC(2026, 11, 6, 3, 0);

describe('watchlist export and import', () => {
  test('exported, written as JSON, read back and imported: the same records', async () => {
    const db = await openWatchlist(freshName());
    const records = [
      watchRecord('14181336', { status: 'expired', expiresOn: '2021-09-16' }),
      watchRecord('00412345'),
    ];
    await watchMany(db, records);
    await db.put(STORE, { deploymentId: '99999999', status: 'lost' });
    const { file, corrupt } = await exportWatchlist(db, NOW);
    expect(file).toEqual({
      format: WATCHLIST_FILE_FORMAT,
      version: WATCHLIST_FILE_VERSION,
      exportedAt: '2026-12-06T03:00:00.000Z',
      records: [records[1], records[0]],
    });
    expect(corrupt).toEqual([{ key: '99999999', problem: expect.stringMatching(/^status: /) }]);

    const other = await openWatchlist(freshName());
    expect(await importWatchlist(other, JSON.parse(JSON.stringify(file)))).toEqual({
      ok: true,
      added: 2,
      updated: 0,
      rejected: [],
    });
    expect((await exportWatchlist(other, NOW)).file).toEqual(file);
    db.close();
    other.close();
  });

  test('import counts added and updated, keeps first-seen pages, and says why it rejects', async () => {
    const db = await openWatchlist(freshName());
    const mine = watchRecord('14181336', { firstSeen: { at: 1, title: 'My ticket' } });
    await watchMany(db, [mine]);
    const outcome = await importWatchlist(db, {
      format: WATCHLIST_FILE_FORMAT,
      version: WATCHLIST_FILE_VERSION,
      exportedAt: '2026-12-01T00:00:00Z',
      records: [
        watchRecord('14181336', { status: 'expired', firstSeen: { at: 2, title: 'Their ticket' } }),
        watchRecord('00412345'),
        watchRecord('1234567'),
        { ...watchRecord('00412346'), expiresOn: 'soon' },
        null,
        watchRecord('00412345', { name: 'Twice' }),
      ],
    });
    expect(outcome).toEqual({
      ok: true,
      added: 1,
      updated: 1,
      rejected: [
        { index: 2, deploymentId: '1234567', problem: expect.stringMatching(/^deploymentId: /) },
        { index: 3, deploymentId: '00412346', problem: expect.stringMatching(/^expiresOn: /) },
        { index: 4, problem: expect.any(String) },
        { index: 5, deploymentId: '00412345', problem: 'listed twice in the file' },
      ],
    });
    expect(await getWatched(db, '14181336')).toEqual({
      found: true,
      record: { ...watchRecord('14181336', { status: 'expired' }), firstSeen: mine.firstSeen },
    });
    db.close();
  });

  test('not a watchlist file, or a newer version of it: nothing imported, the problem named', async () => {
    const db = await openWatchlist(freshName());
    await clearWatchlist(db);
    const newer = {
      format: WATCHLIST_FILE_FORMAT,
      version: 2,
      exportedAt: '2027-01-01T00:00:00Z',
      records: [],
    };
    expect(await importWatchlist(db, newer)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^version: /),
    });
    expect(await importWatchlist(db, [watchRecord('14181336')])).toEqual({
      ok: false,
      problem: expect.any(String),
    });
    expect(await importWatchlist(db, { format: 'something-else' })).toEqual({
      ok: false,
      problem: expect.stringMatching(/^format: /),
    });
    expect((await exportWatchlist(db)).file.records).toEqual([]);
    db.close();
  });
});
