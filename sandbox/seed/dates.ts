// Date shifting for seed data. Calendar arithmetic only (UTC day numbers), so a seed made
// for a given portal today is the same on every machine and in every time zone.

import { isLeapYear } from '../../lib/calendar';
import { addYears, type IsoDate } from '../../lib/renewal';

const DAY_MS = 86_400_000;

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return shifted.toISOString().slice(0, 10);
}

/** A date relative to the portal's today: first whole years, then days. */
export interface Offset {
  years?: number;
  days?: number;
}

export function shift(today: IsoDate, { years = 0, days = 0 }: Offset): IsoDate {
  return addDays(addYears(today, years), days);
}

/** The latest Feb 29 strictly before `today`: a leap-day expiry for the catch-up edge case. */
export function latestLeapDayBefore(today: IsoDate): IsoDate {
  let year = Number(today.slice(0, 4));
  for (;;) {
    const candidate = `${String(year).padStart(4, '0')}-02-29`;
    if (isLeapYear(year) && candidate < today) return candidate;
    year -= 1;
  }
}
