import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { watchRecord } from '../watchlist/testing/records';
import { toCsv } from './csv';
import { RENEWAL_COLUMNS } from './renewal-rows';
import { byColumn, lapsedLakeshoreRow } from './testing/rows';
import { watchlistRows } from './watchlist-rows';

const OPTIONS = { today: '2026-12-06', expiringSoonDays: 30 };
const USD = { amount: 29900, currency: 'USD' };

describe('watchlistRows', () => {
  test('a lapsed deployment is planned against today from its last known expiry', () => {
    const [row] = watchlistRows(
      [
        watchRecord('14181336', {
          status: 'active',
          expiresOn: '2021-09-16',
          unitPrice: USD,
          name: 'Lakeshore Dental',
        }),
      ],
      OPTIONS,
    );
    expect(byColumn(row)).toEqual(lapsedLakeshoreRow('2026-12-06T00:00:00.000Z'));
  });

  test('expiring soon by the threshold; no price without a unit price; no plan without an expiry', () => {
    const {
      expiresOn: _,
      lastCheckedAt: __,
      ...unchecked
    } = watchRecord('00412345', { status: 'unchecked' });
    const rows = watchlistRows(
      [
        watchRecord('14181336', { expiresOn: '2027-01-05' }),
        unchecked,
        watchRecord('00412346', { expiresOn: '9999-12-31', unitPrice: USD }),
      ],
      OPTIONS,
    );
    expect(rows[0]?.slice(6, 13)).toEqual([
      'expiring-soon',
      '2027-01-05',
      30,
      1,
      0,
      undefined,
      undefined,
    ]);
    expect(rows[1]?.slice(6, 14)).toEqual([
      'unchecked',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      '',
    ]);
    expect(rows[2]?.slice(6, 13)).toEqual([
      'active',
      '9999-12-31',
      expect.any(Number),
      undefined,
      undefined,
      undefined,
      'USD',
    ]);
  });

  test('the rows parse back from CSV with a hostile organization kept as text', () => {
    const records = [watchRecord('14181336', { organization: '@evil, "Inc"\n', unitPrice: USD })];
    const back = parse(toCsv(RENEWAL_COLUMNS, watchlistRows(records, OPTIONS)), {}) as string[][];
    expect(back[1]?.[4]).toBe('\'@evil, "Inc"\n');
    expect(back[1]).toHaveLength(RENEWAL_COLUMNS.length);
  });
});
