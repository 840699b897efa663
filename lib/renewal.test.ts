import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addYears, compareDates, planRenewal, planRenewalOrNull } from './renewal';

describe('planRenewal', () => {
  test("holds the portal's own example", () => {
    expect(planRenewal('2012-09-30', '2017-06-15')).toEqual({
      status: 'expired',
      quantity: 5,
      catchUpYears: 4,
      newExpiresOn: '2017-09-30',
    });
  });

  test('renews an active contract by one year', () => {
    expect(planRenewal('2026-12-01', '2026-11-26')).toEqual({
      status: 'active',
      quantity: 1,
      catchUpYears: 0,
      newExpiresOn: '2027-12-01',
    });
  });

  test('counts the expiry day itself as covered', () => {
    expect(planRenewal('2026-11-26', '2026-11-26')).toEqual({
      status: 'active',
      quantity: 1,
      catchUpYears: 0,
      newExpiresOn: '2027-11-26',
    });
  });

  test('treats an expiry yesterday as expired, still one package', () => {
    expect(planRenewal('2026-11-25', '2026-11-26')).toEqual({
      status: 'expired',
      quantity: 1,
      catchUpYears: 0,
      newExpiresOn: '2027-11-25',
    });
  });

  test('needs one more package when lapsed exactly N years to the day', () => {
    // addYears(expiresOn, 3) == today is not past today: coverage must run beyond it.
    expect(planRenewal('2020-03-15', '2023-03-15')).toEqual({
      status: 'expired',
      quantity: 4,
      catchUpYears: 3,
      newExpiresOn: '2024-03-15',
    });
    expect(planRenewal('2020-03-15', '2023-03-14')).toMatchObject({ quantity: 3, catchUpYears: 2 });
  });

  test('counts a Feb 29 expiry from the original date into leap and common years', () => {
    // Target year 2027 is common: Feb 29 → Feb 28.
    expect(planRenewal('2024-02-29', '2026-06-01')).toEqual({
      status: 'expired',
      quantity: 3,
      catchUpYears: 2,
      newExpiresOn: '2027-02-28',
    });
    // Target year 2028 is a leap year: back to Feb 29, not the Feb 28 of the year before.
    expect(planRenewal('2024-02-29', '2027-03-01')).toEqual({
      status: 'expired',
      quantity: 4,
      catchUpYears: 3,
      newExpiresOn: '2028-02-29',
    });
    // One year on, Feb 29 maps to Feb 28: on that day one package is not past today.
    expect(planRenewal('2024-02-29', '2025-02-28')).toMatchObject({
      quantity: 2,
      newExpiresOn: '2026-02-28',
    });
    expect(planRenewal('2024-02-29', '2025-02-27')).toMatchObject({
      quantity: 1,
      newExpiresOn: '2025-02-28',
    });
  });

  test('plans many catch-up years for a long-lapsed contract', () => {
    expect(planRenewal('1999-12-31', '2026-11-26')).toEqual({
      status: 'expired',
      quantity: 27,
      catchUpYears: 26,
      newExpiresOn: '2026-12-31',
    });
  });

  test('throws a RangeError when the renewal would run past the year 9999', () => {
    // A portal's "never expires" 9999-12-31 cannot be renewed by a year; callers show it as is.
    expect(() => planRenewal('9999-12-31', '2026-11-26')).toThrow(
      new RangeError('9999-12-31 plus 1 years is outside the years 0000 to 9999'),
    );
  });

  test('planRenewalOrNull: no plan for coverage to the end of the calendar, the plan otherwise', () => {
    expect(planRenewalOrNull('9999-12-31', '2026-11-26')).toBeNull();
    expect(planRenewalOrNull('2012-09-30', '2017-06-15')).toEqual(
      planRenewal('2012-09-30', '2017-06-15'),
    );
  });

  test.each([
    ['2023-02-30', '2024-01-01', 'expiresOn', '"2023-02-30"'],
    ['09/30/2012', '2024-01-01', 'expiresOn', '"09/30/2012"'],
    ['', '2024-01-01', 'expiresOn', '""'],
    ['2023-2-3', '2024-01-01', 'expiresOn', '"2023-2-3"'],
    ['2012-09-30', '2017-06-31', 'today', '"2017-06-31"'],
    ['2012-09-30', '2017-06-15T10:00:00Z', 'today', '"2017-06-15T10:00:00Z"'],
    [20120930, '2017-06-15', 'expiresOn', '20120930'],
    [null, '2017-06-15', 'expiresOn', 'null'],
    ['2012-09-30', undefined, 'today', 'undefined'],
  ])('throws a RangeError naming %j / %j', (expiresOn, today, name, shown) => {
    const plan = () => planRenewal(expiresOn as string, today as string);
    expect(plan).toThrow(RangeError);
    expect(plan).toThrow(`${name} must be an ISO calendar date (YYYY-MM-DD), got ${shown}`);
  });
});

const isoDate = fc
  .date({
    min: new Date(Date.UTC(1980, 0, 1)),
    max: new Date(Date.UTC(2090, 11, 31)),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

// Expiry dates lean towards Feb 29 and month ends, where off-by-one mistakes live.
const expiryDate = fc.oneof(
  isoDate,
  fc.integer({ min: 1980, max: 2088 }).map((year) => `${year - (year % 4)}-02-29`),
  fc.constantFrom('2012-09-30', '2023-12-31', '2024-01-01', '2024-02-28'),
);

describe('planRenewal properties', () => {
  const runs = { numRuns: 5000, seed: 20261126 };

  test('covers past today after buying, and one package fewer would not', () => {
    fc.assert(
      fc.property(expiryDate, isoDate, (expiresOn, today) => {
        const plan = planRenewal(expiresOn, today);
        expect(plan.quantity).toBeGreaterThanOrEqual(1);
        expect(plan.newExpiresOn).toBe(addYears(expiresOn, plan.quantity));
        expect(compareDates(plan.newExpiresOn, today)).toBeGreaterThan(0);
        if (plan.quantity > 1) {
          expect(compareDates(addYears(expiresOn, plan.quantity - 1), today)).toBeLessThanOrEqual(
            0,
          );
        }
      }),
      runs,
    );
  });

  test('keeps status, catch-up years and quantity consistent', () => {
    fc.assert(
      fc.property(expiryDate, isoDate, (expiresOn, today) => {
        const plan = planRenewal(expiresOn, today);
        if (compareDates(today, expiresOn) <= 0) {
          expect(plan).toMatchObject({ status: 'active', quantity: 1, catchUpYears: 0 });
        } else {
          expect(plan.status).toBe('expired');
          expect(plan.catchUpYears).toBe(plan.quantity - 1);
        }
      }),
      runs,
    );
  });

  test('agrees with counting packages one at a time from the original expiry', () => {
    fc.assert(
      fc.property(expiryDate, isoDate, (expiresOn, today) => {
        let quantity = 1;
        while (addYears(expiresOn, quantity) <= today) quantity += 1;
        expect(planRenewal(expiresOn, today).quantity).toBe(quantity);
      }),
      runs,
    );
  });
});
