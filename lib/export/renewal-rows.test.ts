import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { supportView } from '../background/portal/support-view';
import { supportRecord } from '../background/portal/testing/fake-portal';
import { toCsv } from './csv';
import { majorUnits, RENEWAL_COLUMNS, renewalRows } from './renewal-rows';
import { byColumn, lapsedLakeshoreRow } from './testing/rows';

const TODAY = '2026-12-06';
const CHECKED = Date.UTC(2026, 11, 6, 9, 30);

const found = (kind: 'deployment' | 'serial', value: string, expiresOn: string, name?: string) => ({
  kind,
  value,
  found: true as const,
  ...supportView(supportRecord('14181336', expiresOn, ['VS0164AB'], name), TODAY, 30),
});

describe('renewalRows', () => {
  test('a lapsed deployment: standing, days, years, catch-up and the whole plan’s price', () => {
    const [row] = renewalRows([
      {
        identifier: found('deployment', '14181336', '2021-09-16', 'Lakeshore Dental'),
        checkedAt: CHECKED,
      },
    ]);
    expect(byColumn(row)).toEqual(lapsedLakeshoreRow('2026-12-06T09:30:00.000Z'));
  });

  test('a serial names its deployment; not found leaves the portal’s columns empty', () => {
    const rows = renewalRows([
      { identifier: found('serial', 'VS0164AB', '2027-01-01') },
      { identifier: { kind: 'serial', value: 'ZZ9999', found: false } },
      { identifier: { kind: 'deployment', value: '00000001', found: false }, checkedAt: CHECKED },
    ]);
    expect(rows[0]?.slice(0, 3)).toEqual(['VS0164AB', 'serial', '14181336']);
    expect(rows[0]?.slice(6, 9)).toEqual(['expiring-soon', '2027-01-01', 26]);
    expect(rows[0]?.[13]).toBe('');
    const blank = Object.fromEntries(RENEWAL_COLUMNS.map((column) => [column, '']));
    expect(byColumn(rows[1])).toEqual({
      ...blank,
      identifier: 'ZZ9999',
      kind: 'serial',
      status: 'not-found',
    });
    expect(rows[2]?.[2]).toBe('00000001');
    expect(rows[2]?.[13]).toBe('2026-12-06T09:30:00.000Z');
  });

  test('coverage to the calendar’s end has nothing to renew: years and price empty', () => {
    const [row] = renewalRows([{ identifier: found('deployment', '14181336', '9999-12-31') }]);
    expect(row?.slice(6, 13)).toEqual([
      'active',
      '9999-12-31',
      row?.[8],
      undefined,
      undefined,
      undefined,
      'USD',
    ]);
  });

  test('prices keep each currency’s decimals, by integer arithmetic', () => {
    expect(majorUnits({ amount: 29900, currency: 'USD' }, 6)).toBe('1794.00');
    expect(majorUnits({ amount: 5, currency: 'EUR' }, 1)).toBe('0.05');
    expect(majorUnits({ amount: 5980, currency: 'JPY' }, 6)).toBe('35880');
    expect(majorUnits({ amount: 1234, currency: 'BHD' }, 2)).toBe('2.468');
    expect(majorUnits({ amount: 999_999_999_999, currency: 'USD' }, 25)).toBe('249999999999.75');
  });

  test('a hostile deployment name survives the CSV round trip as inert text', () => {
    const name = '=HYPERLINK("http://evil.test"),\r\n"Büro"';
    const rows = renewalRows([{ identifier: found('deployment', '14181336', '2021-09-16', name) }]);
    const back = parse(toCsv(RENEWAL_COLUMNS, rows, { excel: true }), { bom: true }) as string[][];
    expect(back[0]).toEqual([...RENEWAL_COLUMNS]);
    expect(back[1]?.[3]).toBe(`'${name}`);
    expect(back[1]?.[8]).toBe('-1907');
    expect(back[1]).toHaveLength(RENEWAL_COLUMNS.length);
  });
});
