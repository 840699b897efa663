// The popup's query cache, kept in extension storage between openings: the popup shows the
// last answer at once and refreshes it behind the scenes. `storage.session` on purpose: it
// is not readable by content scripts (customer names and prices stay out of web pages'
// reach), and it ends with the browser session, like the tab ids the answers are keyed by.
import type {
  PersistedClient,
  Persister,
  PersistQueryClientOptions,
} from '@tanstack/preact-query-persist-client';
import { browser } from 'wxt/browser';

export const POPUP_CACHE_KEY = 'popup-query-cache';
/** Bump when the shape of a cached answer changes, so an older cache is dropped, not misread. */
export const POPUP_CACHE_VERSION = 1;
/** Older answers are dropped on restore: a day-old support status is not worth showing. */
export const POPUP_CACHE_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export interface CacheArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Support answers for more identifiers than this are not kept (megabytes on every change). */
export const MAX_PERSISTED_IDENTIFIERS = 1000;

/**
 * A persister over a storage area. Writes are coalesced: a burst of cache changes (a lookup
 * answer, then the cart) becomes one write at the end of the task. A cache whose answers are
 * the ones last written (only fetch states changed) is not written again.
 */
export function storagePersister(area: CacheArea | undefined, key = POPUP_CACHE_KEY): Persister {
  let latest: PersistedClient | undefined;
  let written: string | undefined;
  let scheduled = false;
  // Read at once, not when the provider first renders: the popup's first paint waits on it.
  let early: Promise<Record<string, unknown>> | undefined = area?.get(key);
  early?.catch(() => undefined);
  return {
    persistClient(client) {
      latest = newestSupportAnswers(client);
      early = undefined; // written since: the early read is out of date
      if (scheduled || !area) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        const signature = latest && signatureOf(latest);
        if (signature === written) return;
        written = signature;
        // A full quota or a closed popup loses only the cache, never the user's work.
        area.set({ [key]: latest }).catch(() => {
          written = undefined;
        });
      }, 0);
    },
    async restoreClient() {
      if (!area) return undefined;
      const read = early ?? area.get(key);
      early = undefined;
      const stored = (await read)[key];
      return isPersistedClient(stored) ? stored : undefined;
    },
    async removeClient() {
      await area?.remove(key);
    },
  };
}

/**
 * One support answer per tab, the newest: a page whose list grew while the popup was open
 * leaves an answer per list it had, and only the last is worth showing again.
 */
function newestSupportAnswers(client: PersistedClient): PersistedClient {
  const newest = new Map<unknown, number>();
  for (const { queryKey, state } of client.clientState.queries) {
    if (queryKey[0] !== 'support-status') continue;
    newest.set(queryKey[1], Math.max(newest.get(queryKey[1]) ?? 0, state.dataUpdatedAt));
  }
  if (newest.size === 0) return client;
  const queries = client.clientState.queries.filter(
    ({ queryKey, state }) =>
      queryKey[0] !== 'support-status' || newest.get(queryKey[1]) === state.dataUpdatedAt,
  );
  return { ...client, clientState: { ...client.clientState, queries } };
}

/** Which answers a persisted cache holds: each query's key and when its data was set. */
function signatureOf({ buster, clientState }: PersistedClient): string {
  const queries = clientState.queries.map(
    (query) => `${query.queryHash}@${query.state.dataUpdatedAt}`,
  );
  return `${buster}|${clientState.mutations.length}|${queries.join('|')}`;
}

function isPersistedClient(value: unknown): value is PersistedClient {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<PersistedClient>;
  return (
    typeof candidate.timestamp === 'number' &&
    typeof candidate.buster === 'string' &&
    typeof candidate.clientState === 'object' &&
    candidate.clientState !== null &&
    Array.isArray(candidate.clientState.queries)
  );
}

/** The extension's version and the cache's own: either changing drops the old cache. */
export function popupCacheBuster(extensionVersion: string): string {
  return `${extensionVersion}+cache${POPUP_CACHE_VERSION}`;
}

export function popupPersistOptions(
  persister: Persister,
  extensionVersion: string,
): Omit<PersistQueryClientOptions, 'queryClient'> {
  return {
    persister,
    buster: popupCacheBuster(extensionVersion),
    maxAge: POPUP_CACHE_MAX_AGE_MS,
    dehydrateOptions: {
      // Only answers worth showing again: an error is asked afresh, never replayed; a
      // tab of thousands is asked afresh too, rather than rewriting megabytes per change.
      shouldDehydrateQuery: (query) => {
        const data = query.state.data as
          | { ok?: unknown; value?: { identifiers?: unknown[] } }
          | undefined;
        return (
          query.state.status === 'success' &&
          data?.ok === true &&
          (data.value?.identifiers?.length ?? 0) <= MAX_PERSISTED_IDENTIFIERS
        );
      },
    },
  };
}

export function sessionCacheArea(): CacheArea | undefined {
  return browser.storage.session as CacheArea | undefined;
}
