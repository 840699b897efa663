// A deployment's support in words: the status chip and the renewal plan, the way the portal
// explains its catch-up rule ("5 × 1-year support: 4 catch-up + 1 ahead → new expiry …").
import type { Money, RenewalPlan, SupportView } from '../messaging/portal-results';
import { formatCalendarDate, formatMoney, timesMoney } from './format';

export type ChipTone = 'active' | 'expiring' | 'expired';

export interface StatusChip {
  tone: ChipTone;
  text: string;
}

/**
 * The most 1-year packages one renewal line may carry: the portal's MAX_RENEWAL_QUANTITY,
 * repeated here because lib/portal/schemas would bring zod into the popup (a test keeps the
 * two equal). A deployment lapsed longer is renewed by the portal's staff.
 */
export const MAX_YEARS_PER_RENEWAL = 25;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/**
 * Active until D; Expires in N days (within the expiring-soon threshold); Expired N years
 * ago, or months, or days when under a year.
 */
export function statusChip(
  view: Pick<SupportView, 'standing' | 'daysLeft' | 'renewal' | 'support'>,
  today: string,
  locale?: string,
): StatusChip {
  const { standing, daysLeft, renewal, support } = view;
  if (standing === 'active') {
    return {
      tone: 'active',
      text: `Active until ${formatCalendarDate(support.expiresOn, locale)}`,
    };
  }
  if (standing === 'expiring-soon') {
    return {
      tone: 'expiring',
      text: daysLeft <= 0 ? 'Expires today' : `Expires in ${plural(daysLeft, 'day')}`,
    };
  }
  // Whole years lapsed are exactly the catch-up packages planRenewal counts.
  const years = renewal?.catchUpYears ?? 0;
  if (years >= 1) return { tone: 'expired', text: `Expired ${plural(years, 'year')} ago` };
  const months = wholeMonthsBetween(support.expiresOn, today);
  if (months >= 1) return { tone: 'expired', text: `Expired ${plural(months, 'month')} ago` };
  return { tone: 'expired', text: `Expired ${plural(Math.max(1, -daysLeft), 'day')} ago` };
}

/** Whole calendar months from `from` to `to` (ISO dates, `to` after `from`). */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy = 0, fm = 0, fd = 0] = from.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = to.split('-').map(Number);
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/**
 * "1 × 1-year support → new expiry Sep 30, 2018" for an active contract;
 * "5 × 1-year support: 4 catch-up + 1 ahead → new expiry Sep 30, 2017" for a lapsed one.
 */
export function planWords(plan: RenewalPlan, locale?: string): string {
  const packages = `${plan.quantity} × 1-year support`;
  const expiry = `new expiry ${formatCalendarDate(plan.newExpiresOn, locale)}`;
  if (plan.catchUpYears === 0) return `${packages} → ${expiry}`;
  return `${packages}: ${plan.catchUpYears} catch-up + ${plan.quantity - plan.catchUpYears} ahead → ${expiry}`;
}

/** "$1,250.00" for one package; "$1,250.00 (5 × $250.00)" for several. */
export function priceWords(unitPrice: Money, quantity: number, locale?: string): string {
  const total = formatMoney(timesMoney(unitPrice, quantity), locale);
  return quantity === 1 ? total : `${total} (${quantity} × ${formatMoney(unitPrice, locale)})`;
}

/** "5 years", "1 year". */
export function yearsWords(quantity: number): string {
  return plural(quantity, 'year');
}

/** "In cart (5 years)". */
export function inCartWords(quantity: number): string {
  return `In cart (${yearsWords(quantity)})`;
}
