// Portal lookup answers in `storage.session`, one entry per portal identity and identifier,
// for a short time: reopening the popup, or several tabs showing the same deployment, do not
// ask the portal again. storage.session survives the service worker being stopped, vanishes
// with the browser session, and is closed to content scripts (Chrome's default access level).
import { browser } from 'wxt/browser';
import type { LookupItem, LookupResult } from '../../portal/schemas';

export const LOOKUP_CACHE_PREFIX = 'portal-lookup:';
export const DEFAULT_LOOKUP_TTL_MS = 60_000;

export interface CachedLookup {
  /** Epoch ms of the portal's answer. */
  at: number;
  result: LookupResult;
}

export interface LookupCache {
  /** Fresh answers for `items`, by `itemKey`. */
  read(identity: string, items: readonly LookupItem[]): Promise<Map<string, CachedLookup>>;
  write(identity: string, results: readonly LookupResult[], at: number): Promise<void>;
  /** Drops every answer for `identity` (e.g. after the portal said the user is signed out). */
  forget(identity: string): Promise<void>;
  /** Drops every answer of every identity. */
  forgetAll(): Promise<void>;
}

export const itemKey = (item: Pick<LookupItem, 'kind' | 'value'>): string =>
  `${item.kind}:${item.value}`;

export function createLookupCache({
  ttlMs = DEFAULT_LOOKUP_TTL_MS,
  now = Date.now,
}: {
  ttlMs?: number;
  now?: () => number;
} = {}): LookupCache {
  const storageKey = (identity: string, item: Pick<LookupItem, 'kind' | 'value'>) =>
    `${LOOKUP_CACHE_PREFIX}${identity}:${itemKey(item)}`;
  const isFresh = (entry: CachedLookup, at: number) => at - entry.at < ttlMs && entry.at <= at;
  // Sweeping reads the whole of storage.session (tab results included): once per TTL, not
  // on every write, which a tab of thousands makes dozens of in a few seconds.
  let sweptAt = Number.NEGATIVE_INFINITY;

  async function removeWhere(test: (key: string, entry: CachedLookup) => boolean): Promise<void> {
    const everything = await browser.storage.session.get(null);
    const stale = Object.entries(everything)
      .filter(
        ([key, value]) => key.startsWith(LOOKUP_CACHE_PREFIX) && test(key, value as CachedLookup),
      )
      .map(([key]) => key);
    if (stale.length > 0) await browser.storage.session.remove(stale);
  }

  return {
    async read(identity, items) {
      const fresh = new Map<string, CachedLookup>();
      if (items.length === 0) return fresh;
      const stored = await browser.storage.session.get(
        items.map((item) => storageKey(identity, item)),
      );
      const at = now();
      for (const item of items) {
        const entry = stored[storageKey(identity, item)] as CachedLookup | undefined;
        if (entry && isFresh(entry, at)) fresh.set(itemKey(item), entry);
      }
      return fresh;
    },

    async write(identity, results, at) {
      // Expired entries of any identity go too, so the cache never grows beyond what a
      // minute or two of browsing looked up.
      if (now() - sweptAt >= ttlMs) {
        sweptAt = now();
        await removeWhere((_key, entry) => !isFresh(entry, now()));
      }
      if (results.length === 0) return;
      const entries: Record<string, CachedLookup> = {};
      for (const result of results) entries[storageKey(identity, result)] = { at, result };
      try {
        await browser.storage.session.set(entries);
      } catch {
        // storage.session is full (a tab of thousands): the answers are still good, they
        // are just asked again next time.
      }
    },

    forget(identity) {
      return removeWhere((key) => key.startsWith(`${LOOKUP_CACHE_PREFIX}${identity}:`));
    },

    forgetAll() {
      return removeWhere(() => true);
    },
  };
}
