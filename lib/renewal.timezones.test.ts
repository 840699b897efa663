// @vitest-environment node
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { PLAN_CASES, RANDOM_CASES, randomCases } from '../test/support/timezone-probe';
import { planRenewal } from './renewal';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('../test/support/timezone-probe.ts', import.meta.url));

// localToday at each probe instant, per zone: LA is UTC−8 in winter, Kiritimati UTC+14.
const LOCAL_TODAYS: Record<string, string[]> = {
  UTC: ['2024-02-29', '2024-03-01', '2024-12-31', '2025-01-01'],
  'America/Los_Angeles': ['2024-02-29', '2024-02-29', '2024-12-31', '2025-01-01'],
  'Pacific/Kiritimati': ['2024-03-01', '2024-03-01', '2025-01-01', '2025-01-01'],
};

// The plans are computed here once, in this process's zone, and must match every child's.
const expectedPlans = PLAN_CASES.map(([expiresOn, today]) => planRenewal(expiresOn, today));
const expectedRandomPlans = randomCases(RANDOM_CASES).map(([expiresOn, today]) =>
  planRenewal(expiresOn, today),
);

describe.each(Object.entries(LOCAL_TODAYS))('in time zone %s', (timeZone, todays) => {
  test('plans the same renewals and reads the local date of the zone', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', probe, '--print'], {
      env: { ...process.env, TZ: timeZone },
      timeout: 30_000,
    });
    const report = JSON.parse(stdout);
    expect(report.timeZone).toBe(timeZone);
    expect(report.plans).toEqual(expectedPlans);
    expect(report.randomPlans).toHaveLength(RANDOM_CASES);
    expect(report.randomPlans).toEqual(expectedRandomPlans);
    expect(report.plans[0]).toEqual({
      status: 'expired',
      quantity: 5,
      catchUpYears: 4,
      newExpiresOn: '2017-09-30',
    });
    expect(report.todays).toEqual(todays);
  }, 30_000);
});
