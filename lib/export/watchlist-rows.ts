// The renewal export's rows for watched deployments (the renewals page's list or any
// filtered view of it): the same columns as the popup's export, planned against today from
// the last known expiry, since the watchlist keeps facts, not plans.
import { daysBetween, type IsoDate, planRenewalOrNull } from '../renewal';
import type { WatchRecord } from '../watchlist/record';
import type { CsvCell } from './csv';
import { majorUnits, rowOf } from './renewal-rows';

export interface WatchlistExportOptions {
  /** The user's local calendar date. */
  today: IsoDate;
  /** Days before expiry counted as expiring soon (the settings' threshold). */
  expiringSoonDays: number;
}

/**
 * One row per record, in RENEWAL_COLUMNS order. Status is the standing today when the
 * expiry is known (active, expiring-soon, expired), else the last check's (unchecked,
 * not-found); price is empty when the unit price was never seen.
 */
export function watchlistRows(
  records: Iterable<WatchRecord>,
  { today, expiringSoonDays }: WatchlistExportOptions,
): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const record of records) {
    const { expiresOn, unitPrice } = record;
    const daysLeft = expiresOn === undefined ? undefined : daysBetween(today, expiresOn);
    const plan = expiresOn === undefined ? null : planRenewalOrNull(expiresOn, today);
    const status =
      daysLeft === undefined
        ? record.status
        : daysLeft < 0
          ? 'expired'
          : daysLeft <= expiringSoonDays
            ? 'expiring-soon'
            : 'active';
    rows.push(
      rowOf({
        identifier: record.deploymentId,
        kind: 'deployment',
        deployment: record.deploymentId,
        name: record.name,
        organization: record.organization,
        product: record.product,
        status,
        expiry: expiresOn,
        'days to expiry': daysLeft,
        'years to renew': plan?.quantity,
        'catch-up years': plan?.catchUpYears,
        price: plan && unitPrice ? majorUnits(unitPrice, plan.quantity) : undefined,
        currency: unitPrice?.currency,
        'last checked':
          record.lastCheckedAt === undefined ? '' : new Date(record.lastCheckedAt).toISOString(),
      }),
    );
  }
  return rows;
}
