// Per-tab results in `storage.session`: they survive the service worker being stopped and
// restarted, and vanish with the browser session. Changes to one tab are serialized, because
// its frames report concurrently and each change is a read-modify-write.
import { browser } from 'wxt/browser';
import { emptyTab, type StoredTab, tabIdOfKey, tabResultsKey } from './tab-state';

const pending = new Map<number, Promise<unknown>>();

function serialized<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const previous = pending.get(tabId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  pending.set(tabId, settled);
  void settled.then(() => {
    if (pending.get(tabId) === settled) pending.delete(tabId);
  });
  return next;
}

export async function readTab(tabId: number): Promise<StoredTab | undefined> {
  const key = tabResultsKey(tabId);
  const stored = await browser.storage.session.get(key);
  return stored[key] as StoredTab | undefined;
}

/**
 * Applies `change` to the tab's stored results. Returning undefined, or a tab with no
 * frames, removes the entry.
 */
export function updateTab(
  tabId: number,
  change: (tab: StoredTab) => StoredTab | undefined,
): Promise<StoredTab | undefined> {
  return serialized(tabId, async () => {
    const next = change((await readTab(tabId)) ?? emptyTab());
    const key = tabResultsKey(tabId);
    if (next === undefined || Object.keys(next.frames).length === 0) {
      await browser.storage.session.remove(key);
      return undefined;
    }
    await browser.storage.session.set({ [key]: next });
    return next;
  });
}

export function forgetTab(tabId: number): Promise<StoredTab | undefined> {
  return updateTab(tabId, () => undefined);
}

/** Tabs that have results: the ones whose pages run our content script. */
export async function tabsWithResults(): Promise<number[]> {
  const everything = await browser.storage.session.get(null);
  return Object.keys(everything)
    .map(tabIdOfKey)
    .filter((id): id is number => id !== undefined);
}
