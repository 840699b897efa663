// The popup's data, through TanStack Query: the background is the only source, asked with
// the typed client. Failures stay values (the Result) so the view can explain them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { tabResultsKey } from '../background/tab-state';
import { askBackground } from '../messaging/client';

export const popupQueryKeys = {
  tabResults: (tabId: number) => ['tab-results', tabId] as const,
  highlights: ['highlights'] as const,
};

export function useTabResults(tabId: number) {
  return useQuery({
    queryKey: popupQueryKeys.tabResults(tabId),
    queryFn: () => askBackground({ type: 'get-tab-results', tabId }),
  });
}

/** Refetches the tab's results whenever the background stores a new report for it. */
export function useLiveTabResults(tabId: number): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const key = tabResultsKey(tabId);
    const queryKey = popupQueryKeys.tabResults(tabId);
    const refetch = async () => {
      // The popup's first answer may still be in flight, asked before this report was stored.
      // With no data yet TanStack would join that request instead of asking again, and the
      // popup would keep "not scanned" for good: cancel it first, then ask afresh.
      await queryClient.cancelQueries({ queryKey });
      await queryClient.invalidateQueries({ queryKey });
    };
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && key in changes) void refetch();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [queryClient, tabId]);
}

/** Opening the popup scans its tab; `mutate` scans again. */
export function useScanTab(tabId: number) {
  const scan = useMutation({
    mutationFn: () => askBackground({ type: 'scan-tab', tabId }),
  });
  const { mutate } = scan;
  useEffect(() => mutate(), [mutate]);
  return scan;
}

export function useHighlights() {
  return useQuery({
    queryKey: popupQueryKeys.highlights,
    queryFn: () => askBackground({ type: 'get-highlights' }),
  });
}

export function useSetHighlights() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => askBackground({ type: 'set-highlights', enabled }),
    onSuccess: (answer) => queryClient.setQueryData(popupQueryKeys.highlights, answer),
  });
}

/** Asks the tab's frames to show the highlights they held back on a large page. */
export function useShowHeldHighlights(tabId: number) {
  return useMutation({
    mutationFn: () => askBackground({ type: 'show-held-highlights', tabId }),
  });
}
