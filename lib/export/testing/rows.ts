import type { CsvCell } from '../csv';
import { RENEWAL_COLUMNS } from '../renewal-rows';

/** A row keyed by its column names, so a failing test names the column that differs. */
export function byColumn(row: readonly CsvCell[] | undefined): Record<string, CsvCell | undefined> {
  return Object.fromEntries(RENEWAL_COLUMNS.map((column, i) => [column, row?.[i]]));
}

/**
 * The example deployment, lapsed on 2021-09-16 and seen on 2026-12-06: both exports
 * (from the popup's answers and from the watchlist) must give this row.
 */
export function lapsedLakeshoreRow(lastChecked: string): Record<string, CsvCell> {
  return {
    identifier: '14181336',
    kind: 'deployment',
    deployment: '14181336',
    name: 'Lakeshore Dental',
    organization: 'Customer Ltd',
    product: 'PBXact 60',
    status: 'expired',
    expiry: '2021-09-16',
    'days to expiry': -1907,
    'years to renew': 6,
    'catch-up years': 5,
    price: '1794.00',
    currency: 'USD',
    'last checked': lastChecked,
  };
}
