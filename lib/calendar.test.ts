import { describe, expect, test } from 'vitest';
import {
  addYears,
  assertIsoDate,
  compareDates,
  daysBetween,
  isIsoDate,
  isLeapYear,
  localToday,
} from './calendar';

describe('isIsoDate', () => {
  test.each(['2012-09-30', '2024-02-29', '2000-02-29', '0000-02-29', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (value) => expect(isIsoDate(value)).toBe(true),
  );

  test.each([
    '2023-02-29',
    '1900-02-29',
    '2023-02-30',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '2023-01-00',
    '10000-01-01',
    '-2023-01-01',
    '09/30/2012',
    '2023-2-3',
    '2023-02-03T00:00:00Z',
    ' 2023-02-03',
    '２０２３-02-03',
    '',
    20230203,
    null,
    undefined,
    new Date(2023, 1, 3),
  ])('rejects %j', (value) => expect(isIsoDate(value)).toBe(false));

  test('names the bad value and the argument in the RangeError', () => {
    expect(() => assertIsoDate('2023-02-30', 'expiresOn')).toThrow(
      new RangeError('expiresOn must be an ISO calendar date (YYYY-MM-DD), got "2023-02-30"'),
    );
  });
});

describe('isLeapYear', () => {
  test('follows the Gregorian century rule', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
  });
});

describe('addYears', () => {
  test('keeps the day and month', () => {
    expect(addYears('2012-09-30', 5)).toBe('2017-09-30');
    expect(addYears('2017-09-30', -5)).toBe('2012-09-30');
    expect(addYears('2012-09-30', 0)).toBe('2012-09-30');
  });

  test('turns Feb 29 into Feb 28 in a common year and keeps it in a leap year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28');
    expect(addYears('2000-02-29', 400)).toBe('2400-02-29');
  });

  test('refuses fractional years and years outside 0000–9999', () => {
    expect(() => addYears('2012-09-30', 1.5)).toThrow(RangeError);
    expect(() => addYears('2012-09-30', Number.NaN)).toThrow(RangeError);
    expect(() => addYears('9999-01-01', 1)).toThrow(/outside the years/);
    expect(addYears('0001-01-01', -1)).toBe('0000-01-01');
    expect(() => addYears('0001-01-01', -2)).toThrow(/outside the years/);
  });

  test('refuses a date that is not a real calendar date', () => {
    expect(() => addYears('2023-02-29', 1)).toThrow(/"2023-02-29"/);
  });
});

describe('compareDates and daysBetween', () => {
  test('orders dates', () => {
    expect(compareDates('2017-06-15', '2017-09-30')).toBeLessThan(0);
    expect(compareDates('2017-09-30', '2017-09-30')).toBe(0);
    expect(compareDates('2018-01-01', '2017-12-31')).toBeGreaterThan(0);
    expect(() => compareDates('2017-06-15', '15/06/2017')).toThrow(/"15\/06\/2017"/);
  });

  test('counts days across month ends, leap days and centuries', () => {
    expect(daysBetween('2017-06-15', '2017-09-30')).toBe(107);
    expect(daysBetween('2017-09-30', '2017-06-15')).toBe(-107);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2000-01-01', '2100-01-01')).toBe(36525);
    expect(daysBetween('1999-12-31', '2000-01-01')).toBe(1);
    expect(daysBetween('0001-01-01', '9999-12-31')).toBe(3652058);
    // Year 0 is a leap year in the proleptic Gregorian calendar.
    expect(daysBetween('0000-01-01', '0001-01-01')).toBe(366);
  });

  test('agrees with UTC day numbers over a range of dates', () => {
    const start = Date.UTC(1970, 0, 1);
    for (let days = 0; days < 40000; days += 37) {
      const date = new Date(start + days * 86_400_000).toISOString().slice(0, 10);
      expect(daysBetween('1970-01-01', date)).toBe(days);
    }
  });
});

describe('localToday', () => {
  test("reads the local calendar's year, month and day", () => {
    expect(localToday(new Date(2024, 1, 29, 23, 59, 59))).toBe('2024-02-29');
    expect(localToday(new Date(2025, 0, 1, 0, 0, 0))).toBe('2025-01-01');
  });

  test('pads years before 1000', () => {
    const date = new Date(2000, 5, 7);
    date.setFullYear(987);
    expect(localToday(date)).toBe('0987-06-07');
  });

  test('refuses an invalid Date', () => {
    expect(() => localToday(new Date(Number.NaN))).toThrow(RangeError);
  });
});
