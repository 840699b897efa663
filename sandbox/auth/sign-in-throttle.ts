// Slows password guessing: failed sign-ins are counted per account and per client address,
// and once either has `maxFailures` within `windowSeconds` it is locked for `lockoutSeconds`.
// A locked sign-in is refused before the password is checked, so a right password guessed
// during the lockout is refused too and learns nothing. Kept in memory, like the request rate
// limiter: a restart of the sandbox (which only its operator can do) clears every lockout.

export interface SignInThrottleOptions {
  maxFailures: number;
  windowSeconds: number;
  lockoutSeconds: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleOptions = {
  maxFailures: 10,
  windowSeconds: 15 * 60,
  lockoutSeconds: 15 * 60,
};

// Bounds memory against a flood of made-up emails from many addresses; the oldest records
// are dropped first, which only ever forgets failures, never invents a lockout.
const MAX_TRACKED_KEYS = 10_000;

interface FailureRecord {
  /** Times (ms) of the failures still inside the window, oldest first. */
  failures: number[];
  lockedUntil: number;
}

export class SignInThrottle {
  private readonly records = new Map<string, FailureRecord>();

  constructor(
    private readonly options: SignInThrottleOptions = DEFAULT_SIGN_IN_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isSafeInteger(value) || value < 1) {
        throw new RangeError(`signInThrottle.${name} must be a whole number ≥ 1, got ${value}`);
      }
    }
  }

  /** 0 when this account may try from this address, else whole seconds to wait (≥ 1). */
  wait(email: string, address: string): number {
    const now = this.now();
    const until = Math.max(
      this.lockedUntil(accountKey(email), now),
      this.lockedUntil(addressKey(address), now),
    );
    return until > now ? Math.max(1, Math.ceil((until - now) / 1000)) : 0;
  }

  recordFailure(email: string, address: string): void {
    const now = this.now();
    for (const key of [accountKey(email), addressKey(address)]) this.fail(key, now);
    if (this.records.size > MAX_TRACKED_KEYS) this.forgetOldest(now);
  }

  /**
   * The account's owner proved who they are, so their earlier typos stop counting. The
   * address's failures stay: one known password must not buy more guesses at others.
   * Only reachable outside a lockout, since a locked sign-in is never checked.
   */
  recordSuccess(email: string): void {
    this.records.delete(accountKey(email));
  }

  private lockedUntil(key: string, now: number): number {
    const record = this.records.get(key);
    return record && record.lockedUntil > now ? record.lockedUntil : 0;
  }

  private fail(key: string, now: number): void {
    const record = this.records.get(key) ?? { failures: [], lockedUntil: 0 };
    const windowStart = now - this.options.windowSeconds * 1000;
    record.failures = record.failures.filter((at) => at > windowStart);
    record.failures.push(now);
    if (record.failures.length >= this.options.maxFailures) {
      record.lockedUntil = now + this.options.lockoutSeconds * 1000;
      record.failures = [];
    }
    // Re-inserting keeps the map in order of last failure, oldest first.
    this.records.delete(key);
    this.records.set(key, record);
  }

  private forgetOldest(now: number): void {
    for (const [key, record] of this.records) {
      if (this.records.size <= MAX_TRACKED_KEYS) return;
      if (record.lockedUntil <= now) this.records.delete(key);
    }
  }
}

// Emails are matched case-insensitively by the users table, so their failures are too.
function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

function addressKey(address: string): string {
  return `address:${address}`;
}
