// @vitest-environment node
import { afterEach, describe, expect, test } from 'vitest';
import { ProblemType } from '../../lib/portal/problems';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { type RunningSandbox, startSandbox } from '../server';
import { TODAY } from './helpers';
import { apiSignIn, formSignIn } from './raw-http';

const RESELLER = 'reseller@example.test';
const OTHER = 'other@example.test';
// Small numbers so a test makes few attempts; the clock is ours, so nothing sleeps.
const LIMITS = { maxFailures: 3, windowSeconds: 600, lockoutSeconds: 900 };

let now = Date.UTC(2026, 10, 26, 9, 0, 0);
const started: RunningSandbox[] = [];

async function throttledSandbox(): Promise<RunningSandbox> {
  const sandbox = await startSandbox({
    port: 0,
    today: TODAY,
    signInThrottle: LIMITS,
    clock: () => now,
  });
  started.push(sandbox);
  return sandbox;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((sandbox) => sandbox.close()));
});

function expectLockedProblem(
  answer: { status: number; headers: Record<string, unknown>; body: unknown },
  retryAfter: number,
) {
  expect(answer.status).toBe(429);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.headers['retry-after']).toBe(String(retryAfter));
  expect(answer.body).toMatchObject({ type: ProblemType.rateLimited, status: 429, retryAfter });
  expect(answer.headers['set-cookie']).toBeUndefined();
}

// Every wrong password costs a real scrypt check: generous timeouts for a loaded machine.
describe('sign-in throttling on the API', { timeout: 30_000 }, () => {
  test('locks an address that fails on many accounts, even for a right password, and only that address', async () => {
    const sandbox = await throttledSandbox();
    for (const email of ['a@example.test', 'b@example.test', OTHER]) {
      expect((await apiSignIn(sandbox, '127.0.0.2', email, 'guess')).status).toBe(401);
    }
    expectLockedProblem(await apiSignIn(sandbox, '127.0.0.2', RESELLER, DEMO_PASSWORD), 900);
    // Each account failed once only, so from elsewhere they sign in.
    expect((await apiSignIn(sandbox, '127.0.0.3', RESELLER, DEMO_PASSWORD)).status).toBe(200);
    expect((await apiSignIn(sandbox, '127.0.0.3', OTHER, DEMO_PASSWORD)).status).toBe(200);
    // Those successes lift no lockout in force.
    expectLockedProblem(await apiSignIn(sandbox, '127.0.0.2', OTHER, DEMO_PASSWORD), 900);
  });

  test('locks an account guessed at from many addresses, and only that account', async () => {
    const sandbox = await throttledSandbox();
    for (const from of ['127.0.0.4', '127.0.0.5', '127.0.0.6']) {
      expect((await apiSignIn(sandbox, from, RESELLER, 'guess')).status).toBe(401);
    }
    // The email is matched as the users table matches it, whatever its case.
    expectLockedProblem(
      await apiSignIn(sandbox, '127.0.0.7', ' Reseller@Example.TEST', DEMO_PASSWORD),
      900,
    );
    expect((await apiSignIn(sandbox, '127.0.0.7', OTHER, DEMO_PASSWORD)).status).toBe(200);
    expectLockedProblem(await apiSignIn(sandbox, '127.0.0.4', RESELLER, DEMO_PASSWORD), 900);
  });

  test('counts down Retry-After with the clock and lets the right password in once the lockout ends', async () => {
    const sandbox = await throttledSandbox();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await apiSignIn(sandbox, '127.0.0.8', RESELLER, 'guess');
    }
    now += 300_500;
    expectLockedProblem(await apiSignIn(sandbox, '127.0.0.8', RESELLER, DEMO_PASSWORD), 600);
    now += 599_000;
    expectLockedProblem(await apiSignIn(sandbox, '127.0.0.9', RESELLER, DEMO_PASSWORD), 1);
    now += 1_000;
    expect((await apiSignIn(sandbox, '127.0.0.8', RESELLER, DEMO_PASSWORD)).status).toBe(200);
  });

  test('forgets failures older than the window', async () => {
    const sandbox = await throttledSandbox();
    await apiSignIn(sandbox, '127.0.0.10', RESELLER, 'guess');
    await apiSignIn(sandbox, '127.0.0.10', RESELLER, 'guess');
    now += 600_001;
    await apiSignIn(sandbox, '127.0.0.10', RESELLER, 'guess');
    await apiSignIn(sandbox, '127.0.0.10', RESELLER, 'guess');
    expect((await apiSignIn(sandbox, '127.0.0.10', RESELLER, DEMO_PASSWORD)).status).toBe(200);
  });

  test('never locks anyone out for signing in right, however often', async () => {
    const sandbox = await throttledSandbox();
    for (let attempt = 0; attempt < 12; attempt += 1) {
      expect((await apiSignIn(sandbox, '127.0.0.11', RESELLER, DEMO_PASSWORD)).status).toBe(200);
    }
    // Typos then success: the account starts afresh, the address does not.
    await apiSignIn(sandbox, '127.0.0.11', RESELLER, 'typo');
    await apiSignIn(sandbox, '127.0.0.11', RESELLER, 'typo');
    expect((await apiSignIn(sandbox, '127.0.0.11', RESELLER, DEMO_PASSWORD)).status).toBe(200);
    await apiSignIn(sandbox, '127.0.0.12', RESELLER, 'typo');
    await apiSignIn(sandbox, '127.0.0.12', RESELLER, 'typo');
    expect((await apiSignIn(sandbox, '127.0.0.12', RESELLER, DEMO_PASSWORD)).status).toBe(200);
    expect((await apiSignIn(sandbox, '127.0.0.11', 'x@example.test', 'guess')).status).toBe(401);
    expect((await apiSignIn(sandbox, '127.0.0.11', OTHER, DEMO_PASSWORD)).status).toBe(429);
  });
});

describe('sign-in throttling on the HTML form', { timeout: 30_000 }, () => {
  test('answers 429 with Retry-After and says so on the form, refusing the right password', async () => {
    const sandbox = await throttledSandbox();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const wrong = await formSignIn(sandbox, '127.0.0.13', RESELLER, 'guess');
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('The email or password is wrong.');
    }
    const locked = await formSignIn(sandbox, '127.0.0.13', RESELLER, DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.headers['content-type']).toMatch(/^text\/html/);
    expect(locked.text).toContain('Too many failed sign-ins');
    expect(locked.text).toContain('Try again in 15 minutes.');
    expect(locked.text).toContain('<form method="post" action="/sign-in">');
    expect(locked.headers['set-cookie']).toBeUndefined();
  });

  test("keeps to the API's per-address request rate, saying so on the form", async () => {
    const sandbox = await startSandbox({
      port: 0,
      today: TODAY,
      rateLimit: { perSecond: 0.01, burst: 2 },
    });
    started.push(sandbox);
    expect((await formSignIn(sandbox, '127.0.0.23', RESELLER, DEMO_PASSWORD)).status).toBe(303);
    expect((await apiSignIn(sandbox, '127.0.0.23', RESELLER, DEMO_PASSWORD)).status).toBe(200);
    const busy = await formSignIn(sandbox, '127.0.0.23', RESELLER, DEMO_PASSWORD);
    expect(busy.status).toBe(429);
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    expect(busy.text).toContain('Too many sign-in attempts from this address.');
  });

  test('shares its counts with the API: failures on one lock the other', async () => {
    const sandbox = await throttledSandbox();
    await formSignIn(sandbox, '127.0.0.14', RESELLER, 'guess');
    await apiSignIn(sandbox, '127.0.0.15', RESELLER, 'guess');
    await formSignIn(sandbox, '127.0.0.16', RESELLER, 'guess');
    expect((await apiSignIn(sandbox, '127.0.0.17', RESELLER, DEMO_PASSWORD)).status).toBe(429);
    expect((await formSignIn(sandbox, '127.0.0.17', RESELLER, DEMO_PASSWORD)).status).toBe(429);
    for (const from of ['127.0.0.18', '127.0.0.19', '127.0.0.20']) {
      await formSignIn(sandbox, from, `${from}@example.test`, 'guess');
      await formSignIn(sandbox, '127.0.0.21', `${from}@example.test`, 'guess');
    }
    expect((await apiSignIn(sandbox, '127.0.0.21', OTHER, DEMO_PASSWORD)).status).toBe(429);
    const signedIn = await formSignIn(sandbox, '127.0.0.22', OTHER, DEMO_PASSWORD);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers['set-cookie']?.[0]).toMatch(/^rs_session=/);
  });
});

describe('SignInThrottle', () => {
  test('locks at the limit, for the lockout, and says how long is left in whole seconds', () => {
    let clock = 0;
    const throttle = new SignInThrottle(LIMITS, () => clock);
    throttle.recordFailure('a@example.test', '10.0.0.1');
    throttle.recordFailure('a@example.test', '10.0.0.1');
    expect(throttle.wait('a@example.test', '10.0.0.1')).toBe(0);
    throttle.recordFailure('a@example.test', '10.0.0.1');
    expect(throttle.wait('a@example.test', '10.0.0.2')).toBe(900);
    expect(throttle.wait('b@example.test', '10.0.0.1')).toBe(900);
    expect(throttle.wait('b@example.test', '10.0.0.2')).toBe(0);
    clock = 899_001;
    expect(throttle.wait('a@example.test', '10.0.0.2')).toBe(1);
    clock = 900_000;
    expect(throttle.wait('a@example.test', '10.0.0.1')).toBe(0);
  });

  test('refuses limits that are not whole numbers of at least 1', () => {
    expect(() => new SignInThrottle({ ...LIMITS, maxFailures: 0 })).toThrow(RangeError);
    expect(() => new SignInThrottle({ ...LIMITS, lockoutSeconds: 1.5 })).toThrow(RangeError);
  });
});
