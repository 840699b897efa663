// The renewal export's columns, one row per identifier, from the support answers the popup
// (and later the renewals page) already holds. Plain values only: the CSV writer decides
// how they are written, and a number stays a number for the spreadsheet.
import type { IdentifierStatus, Money } from '../messaging/portal-results';
import type { CsvCell } from './csv';

export const RENEWAL_COLUMNS = [
  'identifier',
  'kind',
  'deployment',
  'name',
  'organization',
  'product',
  'status',
  'expiry',
  'days to expiry',
  'years to renew',
  'catch-up years',
  'price',
  'currency',
  'last checked',
] as const;

type RenewalColumn = (typeof RENEWAL_COLUMNS)[number];

/** A row named by column, in RENEWAL_COLUMNS order; a column it leaves out is empty. */
export function rowOf(values: Partial<Record<RenewalColumn, CsvCell>>): CsvCell[] {
  return RENEWAL_COLUMNS.map((column) => (column in values ? values[column] : ''));
}

/** An identifier's answer (the popup's IdentifierStatus fits; its `count` is not needed). */
export type ExportedIdentifier = DistributiveOmit<IdentifierStatus, 'count'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface ExportItem {
  identifier: ExportedIdentifier;
  /** Epoch ms of the portal answer, written as an ISO date-time in UTC. */
  checkedAt?: number;
}

/**
 * One row per item, in RENEWAL_COLUMNS order. `status` is the standing (active,
 * expiring-soon, expired) or not-found; years, catch-up and price are empty when nothing
 * can be renewed (not found, or coverage to the calendar's end). The price is the whole
 * plan's, in major units with the currency's own decimals ("1794.00", JPY "35880").
 */
export function renewalRows(items: Iterable<ExportItem>): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const { identifier: item, checkedAt } of items) {
    const checked = checkedAt === undefined ? '' : new Date(checkedAt).toISOString();
    if (!item.found) {
      rows.push(
        rowOf({
          identifier: item.value,
          kind: item.kind,
          deployment: item.kind === 'deployment' ? item.value : '',
          status: 'not-found',
          'last checked': checked,
        }),
      );
      continue;
    }
    const { deployment, product, support, renewal } = item;
    rows.push(
      rowOf({
        identifier: item.value,
        kind: item.kind,
        deployment: deployment.id,
        name: deployment.name,
        organization: deployment.organization.name,
        product: product.name,
        status: item.standing,
        expiry: support.expiresOn,
        'days to expiry': item.daysLeft,
        'years to renew': renewal?.quantity,
        'catch-up years': renewal?.catchUpYears,
        price: renewal ? majorUnits(support.unitPrice, renewal.quantity) : undefined,
        currency: support.unitPrice.currency,
        'last checked': checked,
      }),
    );
  }
  return rows;
}

const fractionDigits = new Map<string, number>();

/** How many decimals a currency has (USD 2, JPY 0, BHD 3), as Intl knows it. */
function decimalsOf(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    fractionDigits.set(currency, digits);
  }
  return digits;
}

/** `quantity` × `unit` in major units, by integer arithmetic (no float rounding). */
export function majorUnits(unit: Money, quantity: number): string {
  const minor = BigInt(unit.amount) * BigInt(quantity);
  const decimals = decimalsOf(unit.currency);
  if (decimals === 0) return minor.toString();
  const scale = 10n ** BigInt(decimals);
  const fraction = (minor % scale).toString().padStart(decimals, '0');
  return `${minor / scale}.${fraction}`;
}
