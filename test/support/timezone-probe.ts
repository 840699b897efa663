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
      todays: INSTANTS.map((instant) => localToday(new Date(instant))),
    })}\n`,
  );
}
