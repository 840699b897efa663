// Support status for a tab of thousands: asked a page of identifiers at a time (the portal
// takes at most 100 per lookup), a few pages in flight, each answer shown as it arrives and
// counted for "Checked 1,200 of 5,000". A 429 the background could not wait out inside its
// own deadline is waited out here, as long as the portal asks, a few times per page.
import type { IdentifierStatus, PortalResult, TabSupportStatus } from '../messaging/portal-results';
import { identifierKey } from '../messaging/schemas';
import { MAX_LOOKUP_ITEMS } from '../portal/limits';

export interface AskedItem {
  kind: 'deployment' | 'serial';
  value: string;
}

export interface StatusProgress {
  checked: number;
  total: number;
  /** Seconds the portal asked to wait before the next page (rate limited), while waiting. */
  waitingSeconds?: number;
}

export interface PagedStatusOptions {
  identifiers: readonly AskedItem[];
  /** One `support-status` request; `items` absent asks for the whole tab. */
  ask: (items: AskedItem[] | undefined) => Promise<PortalResult<TabSupportStatus>>;
  /** The answer so far (pages in order, as far as they have arrived) and the count. */
  onProgress?: (partial: TabSupportStatus | undefined, progress: StatusProgress) => void;
  signal?: AbortSignal;
  pageSize?: number;
  concurrency?: number;
  /** How many rate-limited answers one page may wait out before its error is the answer. */
  rateLimitWaits?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const STATUS_PAGE_SIZE = MAX_LOOKUP_ITEMS;
/** Pages in flight at once: quicker than one by one, well inside the portal's rate limit. */
export const STATUS_CONCURRENCY = 3;
/** A Retry-After longer than this is not waited for: the user sees the error and Try again. */
const MAX_WAIT_SECONDS = 60;

export async function supportStatusInPages({
  identifiers,
  ask,
  onProgress,
  signal,
  pageSize = STATUS_PAGE_SIZE,
  concurrency = STATUS_CONCURRENCY,
  rateLimitWaits = 3,
  sleep = abortableSleep,
}: PagedStatusOptions): Promise<PortalResult<TabSupportStatus>> {
  // A tab that fits one request is asked as a whole, as it always was.
  if (identifiers.length <= pageSize) return ask(undefined);

  const pages: AskedItem[][] = [];
  for (let start = 0; start < identifiers.length; start += pageSize) {
    pages.push(
      identifiers.slice(start, start + pageSize).map(({ kind, value }) => ({ kind, value })),
    );
  }
  const answers: (TabSupportStatus | undefined)[] = pages.map(() => undefined);
  const total = identifiers.length;
  let checked = 0;
  let next = 0;
  let failure: PortalResult<TabSupportStatus> | undefined;

  const merged = (): TabSupportStatus | undefined => {
    const arrived = answers.filter((answer) => answer !== undefined);
    const [first] = arrived;
    if (!first) return undefined;
    const statuses: IdentifierStatus[] = [];
    let fetchedAt = first.fetchedAt;
    for (const answer of arrived) {
      statuses.push(...answer.identifiers);
      fetchedAt = Math.min(fetchedAt, answer.fetchedAt);
    }
    return { ...first, identifiers: statuses, fetchedAt };
  };

  const worker = async () => {
    while (failure === undefined && next < pages.length) {
      signal?.throwIfAborted();
      const index = next++;
      const items = pages[index] as AskedItem[];
      let answer = await ask(items);
      for (let wait = 0; wait < rateLimitWaits; wait += 1) {
        if (answer.ok || answer.error.kind !== 'rate-limited') break;
        const seconds = answer.error.retryAfterSeconds;
        if (seconds > MAX_WAIT_SECONDS) break;
        onProgress?.(merged(), { checked, total, waitingSeconds: seconds });
        await sleep(seconds * 1000, signal);
        answer = await ask(items);
      }
      if (!answer.ok) {
        failure ??= answer;
        return;
      }
      answers[index] = answer.value;
      checked += items.length;
      onProgress?.(merged(), { checked, total });
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, pages.length) }, worker));
  signal?.throwIfAborted();
  if (failure) return failure;
  const whole = merged();
  if (!whole) throw new Error('no page answered');
  return { ok: true, value: whole };
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * A partial answer with the rows it has not reached yet taken from the previous answer (the
 * tab's list grew while the popup was open): known rows stay known while pages arrive.
 */
export function withEarlier(
  partial: TabSupportStatus,
  earlier: TabSupportStatus | undefined,
): TabSupportStatus {
  if (!earlier) return partial;
  const answered = new Set(partial.identifiers.map(identifierKey));
  const kept = earlier.identifiers.filter((identifier) => !answered.has(identifierKey(identifier)));
  if (kept.length === 0) return partial;
  return { ...partial, identifiers: [...partial.identifiers, ...kept] };
}
