import '@/lib/popup/perf';
import { QueryClient } from '@tanstack/preact-query';
import { PersistQueryClientProvider } from '@tanstack/preact-query-persist-client';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { TargetError } from '@/components/popup/TargetError';
import { lookupQueryFromSearch } from '@/lib/lookup/query';
import {
  POPUP_CACHE_MAX_AGE_MS,
  popupPersistOptions,
  sessionCacheArea,
  storagePersister,
} from '@/lib/popup/persist';
import { resolveTargetTab, tabIdFromSearch } from '@/lib/popup/target-tab';
import '@/components/theme.css';
import '@/components/popup/popup.css';

const root = document.getElementById('app') as HTMLElement;
// Restored answers must outlive the restore: keep them as long as the persisted cache does.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, gcTime: POPUP_CACHE_MAX_AGE_MS } },
});
const persistOptions = popupPersistOptions(
  storagePersister(sessionCacheArea()),
  browser.runtime.getManifest().version,
);

const lookup = lookupQueryFromSearch(location.search);
// The context menu's lookup window may name no tab: then it is the lookup alone.
const target =
  lookup !== undefined && tabIdFromSearch(location.search) === 'absent'
    ? Promise.resolve({ ok: true as const, tabId: undefined, poppedOut: true })
    : resolveTargetTab(location.search);

target.then((target) =>
  render(
    <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
      {target.ok ? (
        <PopupApp tabId={target.tabId} poppedOut={target.poppedOut} lookup={lookup} />
      ) : (
        <TargetError reason={target.reason} />
      )}
    </PersistQueryClientProvider>,
    root,
  ),
);
