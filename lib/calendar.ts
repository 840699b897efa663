// Calendar dates as ISO `YYYY-MM-DD` strings: no time of day, no time zone. Everything here
// is integer arithmetic on year/month/day, never `new Date(string)`, whose parsing depends
// on the format and the machine's zone, so the same inputs give the same answer everywhere.

/** An ISO calendar date, `YYYY-MM-DD`, years 0000 to 9999 (as zod's `iso.date()` accepts). */
export type IsoDate = string;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function readDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  return Object.prototype.toString.call(value);
}

/** Parses a real ISO calendar date, or throws a RangeError naming the bad value. */
function parseDate(value: unknown, name: string): CalendarDate {
  const date = readDate(value);
  if (!date) {
    throw new RangeError(
      `${name} must be an ISO calendar date (YYYY-MM-DD), got ${describe(value)}`,
    );
  }
  return date;
}

function formatDate({ year, month, day }: CalendarDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a string that is a real calendar date in `YYYY-MM-DD` form (`2023-02-30` is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return readDate(value) !== undefined;
}

/** Throws a RangeError naming `value` unless it is a real ISO calendar date. */
export function assertIsoDate(value: unknown, name = 'date'): asserts value is IsoDate {
  parseDate(value, name);
}

/**
 * The same day `years` years later (or earlier, for a negative count). Feb 29 becomes
 * Feb 28 in a common year. Callers count from the original date, never year by year, so
 * a Feb 29 expiry comes back to Feb 29 in the next leap year.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const start = parseDate(date, 'date');
  if (!Number.isSafeInteger(years)) {
    throw new RangeError(`years must be a whole number, got ${describe(years)}`);
  }
  const year = start.year + years;
  if (year < 0 || year > 9999) {
    throw new RangeError(`${date} plus ${years} years is outside the years 0000 to 9999`);
  }
  return formatDate({
    year,
    month: start.month,
    day: Math.min(start.day, daysInMonth(year, start.month)),
  });
}

/** Negative when `a` is before `b`, 0 on the same day, positive when after. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  parseDate(a, 'a');
  parseDate(b, 'b');
  // Zero-padded, fixed-width ISO dates sort chronologically as plain strings.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days since 0000-03-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil). */
function dayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra;
}

/** Whole days from `from` to `to`: positive when `to` is later ("expires in N days"). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(parseDate(to, 'to')) - dayNumber(parseDate(from, 'from'));
}

/**
 * Today's date in the user's own calendar: the local year, month and day of `now`. Not
 * `toISOString()`, which is the date in UTC and is already tomorrow (or still yesterday)
 * for much of the world.
 */
export function localToday(now: Date = new Date()): IsoDate {
  if (Number.isNaN(now.getTime()))
    throw new RangeError('now must be a valid Date, got Invalid Date');
  return formatDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}
