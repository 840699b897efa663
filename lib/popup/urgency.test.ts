import { describe, expect, test } from 'vitest';
import { supportView } from '../background/portal/support-view';
import { supportRecord } from '../background/portal/testing/fake-portal';
import { byUrgency, countByUrgency, matchesFilter, type RowSupport, urgencyOf } from './urgency';

const TODAY = '2026-11-26';
const view = (id: string, expiresOn: string, serials: string[] = [], name?: string) =>
  supportView(supportRecord(id, expiresOn, serials, name), TODAY, 30);

interface Row {
  value: string;
  support: RowSupport;
}
const row = (value: string, support: RowSupport): Row => ({ value, support });
const order = (rows: Row[]) => byUrgency(rows, (r) => r.support).map((r) => r.value);

describe('urgency order', () => {
  test('expired, expiring soon, active, not found, checking, then what the portal could not say', () => {
    const rows = [
      row('checking', 'checking'),
      row('unknown', 'unknown'),
      row('active', view('10000001', '2027-09-30')),
      row('not-found', 'not-found'),
      row('expiring', view('10000002', '2026-12-08')),
      row('expired', view('10000003', '2021-09-07')),
    ];
    expect(order(rows)).toEqual([
      'expired',
      'expiring',
      'active',
      'not-found',
      'checking',
      'unknown',
    ]);
  });

  test('the longest lapsed first; the soonest to expire first', () => {
    const rows = [
      row('lapsed-days', view('10000001', '2026-11-20')),
      row('lapsed-years', view('10000002', '2019-01-01')),
      row('lapsed-months', view('10000003', '2026-06-01')),
      row('expiring-later', view('10000004', '2026-12-20')),
      row('expiring-today', view('10000005', TODAY)),
      row('active-far', view('10000006', '2029-01-01')),
      row('active-near', view('10000007', '2027-02-01')),
    ];
    expect(order(rows)).toEqual([
      'lapsed-years',
      'lapsed-months',
      'lapsed-days',
      'expiring-today',
      'expiring-later',
      'active-near',
      'active-far',
    ]);
  });

  test('ties keep the order they came in, and the input is left alone', () => {
    const same = view('10000001', '2021-09-07');
    const rows = [
      row('c', 'not-found'),
      row('b', same),
      row('a', 'not-found'),
      row('d', same),
      row('e', 'checking'),
      row('f', 'checking'),
    ];
    const before = rows.map((r) => r.value);
    expect(order(rows)).toEqual(['b', 'd', 'c', 'a', 'e', 'f']);
    expect(rows.map((r) => r.value)).toEqual(before);
  });

  test('an empty list stays empty', () => {
    expect(order([])).toEqual([]);
  });
});

test('each standing is counted under its chip; what the portal could not say under none', () => {
  const supports: RowSupport[] = [
    view('10000001', '2021-09-07'),
    view('10000002', '2020-01-01'),
    view('10000003', '2026-12-01'),
    view('10000004', '2028-01-01'),
    'not-found',
    'checking',
    'checking',
    'unknown',
  ];
  expect(countByUrgency(supports, (s) => s)).toEqual({
    expired: 2,
    expiring: 1,
    active: 1,
    'not-found': 1,
    checking: 2,
  });
  expect(urgencyOf('unknown')).toBeUndefined();
});

describe('the filter box', () => {
  const lapsed = view('14181336', '2021-09-07', ['VS0164AB'], 'Lakeshore Dental');

  test('matches the identifier, the deployment number, a serial, the name or the organization', () => {
    expect(matchesFilter('VS0164AB', lapsed, 'vs0164')).toBe(true);
    expect(matchesFilter('VS0164AB', lapsed, '1418')).toBe(true);
    expect(matchesFilter('14181336', lapsed, 'vs01')).toBe(true);
    expect(matchesFilter('14181336', lapsed, '  lakeshore ')).toBe(true);
    expect(matchesFilter('14181336', lapsed, 'customer ltd')).toBe(true);
    expect(matchesFilter('14181336', lapsed, 'harbour')).toBe(false);
  });

  test('an empty filter matches everything; rows without an answer match by identifier only', () => {
    expect(matchesFilter('30000007', 'not-found', ' ')).toBe(true);
    expect(matchesFilter('30000007', 'not-found', '3000')).toBe(true);
    expect(matchesFilter('30000007', 'checking', 'dental')).toBe(false);
  });
});
