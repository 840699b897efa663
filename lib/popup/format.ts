// Dates and money in the user's locale. Portal dates are calendar dates (`YYYY-MM-DD`, no
// zone): they are formatted as that day in UTC, so a user west of Greenwich never sees the
// day before. Money arrives in minor units; the currency says how many decimals it has.
import type { Money } from '../messaging/portal-results';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** `2017-09-30` → "Sep 30, 2017" (en-US), "30 Sept 2017" (en-GB), "30.09.2017" (de-DE). */
export function formatCalendarDate(iso: string, locale?: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return iso;
  const date = new Date(Date.UTC(2000, month - 1, day));
  // Date.UTC reads 0–99 as 1900–1999; set the year on its own so every year stays itself.
  date.setUTCFullYear(year);
  if (Number.isNaN(date.getTime())) return iso;
  const key = locale ?? '';
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

function moneyFormat(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format;
}

/** `{ amount: 125000, currency: 'USD' }` → "$1,250.00"; JPY has no minor unit, BHD three. */
export function formatMoney(money: Money, locale?: string): string {
  const format = moneyFormat(money.currency, locale);
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** decimals);
}

export function timesMoney(money: Money, quantity: number): Money {
  return { amount: money.amount * quantity, currency: money.currency };
}

const countFormat = new Intl.NumberFormat();

/** `5000` → "5,000" in the user's locale ("5.000" in de-DE). */
export function formatCount(count: number): string {
  return countFormat.format(count);
}
