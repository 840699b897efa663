import { describe, expect, test } from 'vitest';
import { supportView } from './support-view';
import { supportRecord } from './testing/fake-portal';

const TODAY = '2026-11-26';

describe('supportView', () => {
  test.each([
    ['2026-12-27', 31, 'active'],
    ['2026-12-26', 30, 'expiring-soon'],
    ['2026-11-26', 0, 'expiring-soon'],
    ['2026-11-25', -1, 'expired'],
  ])('last covered day %s: %i days left, %s', (expiresOn, daysLeft, standing) => {
    const view = supportView(supportRecord('14181336', expiresOn), TODAY, 30);
    expect(view).toMatchObject({ daysLeft, standing });
  });

  test('the renewal plan is planRenewal’s, Feb 29 included', () => {
    expect(supportView(supportRecord('19750628', '2024-02-29'), TODAY, 30).renewal).toEqual({
      status: 'expired',
      quantity: 3,
      catchUpYears: 2,
      newExpiresOn: '2027-02-28',
    });
  });

  test('only the contract’s fields cross to the popup', () => {
    const record = supportRecord('14181336', '2027-01-01');
    const padded = {
      ...record,
      internalNote: 'do not show',
      deployment: { ...record.deployment, costCentre: 'x' },
    };
    const view = supportView(padded, TODAY, 30);
    expect(JSON.stringify(view)).not.toMatch(/internalNote|costCentre/);
    expect(view.deployment).toEqual(record.deployment);
  });

  test('coverage to the calendar’s end plans no renewal instead of failing the answer', () => {
    const view = supportView(supportRecord('90516244', '9999-12-31'), TODAY, 30);
    expect(view).toMatchObject({ renewal: null, standing: 'active' });
    expect(view.daysLeft).toBeGreaterThan(365 * 7000);
  });
});
