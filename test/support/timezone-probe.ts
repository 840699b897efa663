// Run in a child process with a chosen TZ by lib/renewal.timezones.test.ts: prints the
// zone the process really runs in, the plans for fixed cases, and localToday at fixed
// instants, as one JSON line on stdout.

import { localToday, planRenewal } from '../../lib/renewal';

export const PLAN_CASES: ReadonlyArray<readonly [expiresOn: string, today: string]> = [
  ['2012-09-30', '2017-06-15'],
  ['2026-11-26', '2026-11-26'],
  ['2026-11-25', '2026-11-26'],
  ['2024-02-29', '2026-06-01'],
  ['2024-02-29', '2027-03-01'],
  ['2024-02-29', '2025-02-28'],
  ['2020-03-15', '2023-03-15'],
  ['2023-12-31', '2024-01-01'],
];

/**
 * Thousands of seeded pseudo-random date pairs (a fixed linear congruential sequence, so
 * parent and child make the same ones without sharing state).
 */
export function randomCases(count: number, seed = 20261126): Array<[string, string]> {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const day = () => {
    // Days from 1980-01-01 over 110 years, as calendar fields without the local zone.
    const date = new Date(Date.UTC(1980, 0, 1) + Math.floor(next() * 40_177) * 86_400_000);
    return date.toISOString().slice(0, 10);
  };
  return Array.from({ length: count }, () => [day(), day()]);
}

export const RANDOM_CASES = 3000;

/** Instants near a date line: their local date depends on the zone. */
export const INSTANTS = [
  '2024-02-29T10:30:00Z',
  '2024-03-01T05:00:00Z',
  '2024-12-31T23:30:00Z',
  '2025-01-01T09:59:00Z',
];

if (process.argv[2] === '--print') {
  process.stdout.write(
    `${JSON.stringify({
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      plans: PLAN_CASES.map(([expiresOn, today]) => planRenewal(expiresOn, today)),
      randomPlans: randomCases(RANDOM_CASES).map(([expiresOn, today]) =>
        planRenewal(expiresOn, today),
      ),
      todays: INSTANTS.map((instant) => localToday(new Date(instant))),
    })}\n`,
  );
}
