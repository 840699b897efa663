import { afterEach, describe, expect, test } from 'vitest';
import { supportView } from '../background/portal/support-view';
import { supportRecord } from '../background/portal/testing/fake-portal';
import { MAX_RENEWAL_QUANTITY } from '../portal/schemas';
import { planRenewal } from '../renewal';
import { formatCalendarDate, formatMoney } from './format';
import {
  inCartWords,
  MAX_YEARS_PER_RENEWAL,
  planWords,
  priceWords,
  statusChip,
  wholeMonthsBetween,
} from './support-wording';

const chipFor = (expiresOn: string, today: string, threshold = 30) =>
  statusChip(supportView(supportRecord('14181336', expiresOn), today, threshold), today, 'en-US');

describe('the status chip', () => {
  test('active beyond the threshold: the last covered day, in the locale', () => {
    expect(chipFor('2027-09-30', '2026-11-26')).toEqual({
      tone: 'active',
      text: 'Active until Sep 30, 2027',
    });
  });

  test('within the expiring-soon threshold: days left, today, one day', () => {
    expect(chipFor('2026-12-08', '2026-11-26')).toEqual({
      tone: 'expiring',
      text: 'Expires in 12 days',
    });
    expect(chipFor('2026-11-27', '2026-11-26').text).toBe('Expires in 1 day');
    expect(chipFor('2026-11-26', '2026-11-26').text).toBe('Expires today');
    // The threshold comes from the settings.
    expect(chipFor('2026-12-08', '2026-11-26', 7).tone).toBe('active');
  });

  test('expired: whole years, else months, else days', () => {
    expect(chipFor('2021-09-07', '2026-11-26')).toEqual({
      tone: 'expired',
      text: 'Expired 5 years ago',
    });
    expect(chipFor('2025-11-25', '2026-11-26').text).toBe('Expired 1 year ago');
    expect(chipFor('2025-11-26', '2026-11-26').text).toBe('Expired 1 year ago');
    expect(chipFor('2025-11-27', '2026-11-26').text).toBe('Expired 11 months ago');
    expect(chipFor('2026-10-25', '2026-11-26').text).toBe('Expired 1 month ago');
    expect(chipFor('2026-10-27', '2026-11-26').text).toBe('Expired 30 days ago');
    expect(chipFor('2026-11-25', '2026-11-26').text).toBe('Expired 1 day ago');
  });

  test('whole months count a month only once its day is reached', () => {
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(wholeMonthsBetween('2026-01-15', '2026-02-15')).toBe(1);
    expect(wholeMonthsBetween('2025-12-20', '2026-11-19')).toBe(10);
  });
});

describe('the renewal plan in words and figures', () => {
  test('an active contract renews by one year', () => {
    expect(planWords(planRenewal('2027-09-30', '2026-11-26'), 'en-US')).toBe(
      '1 × 1-year support → new expiry Sep 30, 2028',
    );
  });

  test('the portal’s own example: 4 catch-up years and 1 ahead', () => {
    expect(planWords(planRenewal('2012-09-30', '2017-06-15'), 'en-US')).toBe(
      '5 × 1-year support: 4 catch-up + 1 ahead → new expiry Sep 30, 2017',
    );
  });

  test('lapsed under a year: one package, no catch-up', () => {
    expect(planWords(planRenewal('2026-06-30', '2026-11-26'), 'en-US')).toBe(
      '1 × 1-year support → new expiry Jun 30, 2027',
    );
  });

  test('the price is the unit price times the quantity', () => {
    const unit = { amount: 29900, currency: 'USD' };
    expect(priceWords(unit, 1, 'en-US')).toBe('$299.00');
    expect(priceWords(unit, 5, 'en-US')).toBe('$1,495.00 (5 × $299.00)');
  });

  test('the popup’s renewal limit is the portal’s', () => {
    expect(MAX_YEARS_PER_RENEWAL).toBe(MAX_RENEWAL_QUANTITY);
  });

  test('in cart says how many years', () => {
    expect(inCartWords(5)).toBe('In cart (5 years)');
    expect(inCartWords(1)).toBe('In cart (1 year)');
  });
});

describe('locale formatting', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  test('a calendar date is the same day in every time zone', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz;
      expect(formatCalendarDate('2017-09-30', 'en-US')).toBe('Sep 30, 2017');
      expect(formatCalendarDate('2016-02-29', 'en-GB')).toBe('29 Feb 2016');
    }
  });

  test('dates follow the locale', () => {
    expect(formatCalendarDate('2017-09-30', 'de-DE')).toBe('30.09.2017');
    expect(formatCalendarDate('0044-03-15', 'en-US')).toBe('Mar 15, 44');
  });

  test('money in minor units, each currency with its own decimals', () => {
    expect(formatMoney({ amount: 125000, currency: 'USD' }, 'en-US')).toBe('$1,250.00');
    expect(formatMoney({ amount: 125000, currency: 'EUR' }, 'de-DE')).toBe('1.250,00\u00a0€');
    expect(formatMoney({ amount: 1250, currency: 'JPY' }, 'en-US')).toBe('¥1,250');
  });
});
