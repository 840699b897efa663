// When and how long to wait before trying a portal request again.

export interface RetryPolicy {
  /** Extra attempts after the first one; 0 turns retrying off. */
  retries: number;
  /** The first wait; each later wait doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry unless this much time is left before the deadline once the wait is over. */
  minAttemptMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 300,
  maxDelayMs: 3000,
  // An attempt with less time than this would hardly get an answer from a slow portal.
  minAttemptMs: 1000,
};

/** A portal that asks for a longer pause than this is better explained to the user. */
export const MAX_HONOURED_RETRY_AFTER_MS = 5000;

/**
 * The wait before retry number `retry` (0-based): exponential, with "equal jitter" (half
 * fixed, half random) so that clients that failed together do not return together, yet
 * never retry immediately.
 */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Seconds to wait according to a `Retry-After` header: delay-seconds or an HTTP-date.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  // An HTTP-date names its weekday and zone; V8's Date.parse would read "-5" as a year.
  if (!/^[A-Za-z]{3}, .* GMT$/.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
