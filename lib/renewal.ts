// The catch-up rule: how many 1-year support packages a deployment needs so that, after
// buying, it is covered past today. The sandbox portal enforces it with this same
// function and the popup explains it in words, so both always agree.

import { addYears, assertIsoDate, compareDates, type IsoDate } from './calendar';

export {
  addYears,
  compareDates,
  daysBetween,
  type IsoDate,
  isIsoDate,
  localToday,
} from './calendar';

export type SupportStatus = 'active' | 'expired';

export interface RenewalPlan {
  /** `active` while today ≤ expiresOn (expiresOn is the last covered day). */
  status: SupportStatus;
  /** 1-year packages to buy: the least n ≥ 1 with addYears(expiresOn, n) > today. */
  quantity: number;
  /** Packages that only pay for lapsed years: quantity − 1 when expired, else 0. */
  catchUpYears: number;
  /** The last covered day after buying `quantity` packages. */
  newExpiresOn: IsoDate;
}

/**
 * Plans the renewal of a support contract whose last covered day is `expiresOn`, as seen
 * on `today`. Throws a RangeError naming the bad value when either is not a real ISO date,
 * and when the new expiry would fall after 9999-12-31 (a "never expires" sentinel).
 *
 * The portal's own example: expiresOn 2012-09-30, today 2017-06-15 → expired, 5 packages
 * (4 catch-up + 1 ahead), new expiry 2017-09-30.
 */
export function planRenewal(expiresOn: IsoDate, today: IsoDate): RenewalPlan {
  assertIsoDate(expiresOn, 'expiresOn');
  assertIsoDate(today, 'today');
  const status: SupportStatus = compareDates(today, expiresOn) <= 0 ? 'active' : 'expired';

  // addYears(expiresOn, n) lands in year expiresOn.year + n, so n = today.year −
  // expiresOn.year is at most one short of the answer: start there and step forward.
  const yearsApart = Number(today.slice(0, 4)) - Number(expiresOn.slice(0, 4));
  let quantity = Math.max(1, yearsApart);
  while (compareDates(addYears(expiresOn, quantity), today) <= 0) quantity += 1;

  return {
    status,
    quantity,
    catchUpYears: status === 'expired' ? quantity - 1 : 0,
    newExpiresOn: addYears(expiresOn, quantity),
  };
}

/**
 * The plan, or null where planRenewal refuses the dates: above all coverage that runs to the
 * calendar's last years (9999-12-31 is a common "never expires"), which has no next expiry
 * to sell. One such row must not fail a whole answer or export.
 */
export function planRenewalOrNull(expiresOn: IsoDate, today: IsoDate): RenewalPlan | null {
  try {
    return planRenewal(expiresOn, today);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
