// The popup's portal data through TanStack Query. Answers stay Result values (the view
// explains failures); only successful ones are persisted (./persist.ts). Every cart change
// answers with the cart after it, which becomes the cart query's data at once.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askBackground } from '../messaging/client';
import type {
  Cart,
  CreditsOption,
  PortalPage,
  PortalResult,
  TabSupportStatus,
} from '../messaging/portal-results';
import type { TabIdentifier } from '../messaging/results';
import { type AddAllProgress, addExpiredInBatches } from './add-all';
import { noteSupportData } from './perf';
import { type StatusProgress, supportStatusInPages, withEarlier } from './support-pages';

export const portalQueryKeys = {
  /**
   * Keyed by what the tab shows, so a new detection asks again: the count and a hash of the
   * list, not the list itself, which TanStack Query would hash again on every render.
   */
  supportStatus: (tabId: number, identifiers: readonly TabIdentifier[]) =>
    ['support-status', tabId, listHash(identifiers)] as const,
  lookup: (query: string) => ['lookup-manual', query] as const,
  cart: ['cart'] as const,
  settings: ['portal-settings'] as const,
};

/**
 * A 53-bit hash of the identifiers (cyrb53), with their count: tells one tab's lists apart,
 * with a chance of two lists colliding far below anything a tab could show.
 */
function listHash(identifiers: readonly TabIdentifier[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const { kind, value } of identifiers) {
    const text = `${kind}:${value} `;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${identifiers.length}:${hash.toString(36)}`;
}

export const addRenewalKey = (deploymentId: string) => ['add-renewal', deploymentId] as const;

/**
 * The tab's support status, asked a page at a time on a long list (./support-pages.ts): each
 * page's rows are shown as they arrive, with how many are checked so far. `refresh` is Retry:
 * past the background's one-minute cache, straight to the portal.
 */
export function useSupportStatus(tabId: number, identifiers: readonly TabIdentifier[]) {
  const queryClient = useQueryClient();
  const queryKey = useMemo(
    () => portalQueryKeys.supportStatus(tabId, identifiers),
    [tabId, identifiers],
  );
  const [progress, setProgress] = useState<{ key: string; step: StatusProgress }>();
  const earlier = useRef<TabSupportStatus>();

  const fetchStatus = (refresh: boolean, signal?: AbortSignal) =>
    supportStatusInPages({
      identifiers,
      signal,
      ask: (items) =>
        askBackground({
          type: 'support-status',
          tabId,
          ...(refresh && { refresh }),
          ...(items && { items }),
        }),
      onProgress: (partial, step) => {
        setProgress({ key: queryKey[2], step });
        if (!partial) return;
        noteSupportData();
        const answer: PortalResult<TabSupportStatus> = {
          ok: true,
          value: withEarlier(partial, earlier.current),
        };
        queryClient.setQueryData(queryKey, answer);
      },
    });

  const status = useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const answer = await fetchStatus(false, signal);
      if (answer.ok) noteSupportData();
      return answer;
    },
    enabled: identifiers.length > 0,
    // A new detection keeps the rows already known until the new answer arrives.
    placeholderData: keepPreviousData,
  });
  if (status.data?.ok) earlier.current = status.data.value;

  const refresh = useMutation({
    mutationFn: () => fetchStatus(true),
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKey, answer);
      // The portal is back: a cart that failed with it is asked again, or rows already in
      // the cart would offer "Add to cart".
      if (answer.ok) {
        void queryClient.invalidateQueries({
          queryKey: portalQueryKeys.cart,
          predicate: (query) => (query.state.data as PortalResult<Cart> | undefined)?.ok !== true,
        });
      }
    },
  });

  const step = progress?.key === queryKey[2] ? progress.step : undefined;
  return { status, refresh, progress: step };
}

export function useManualLookup(query: string | undefined) {
  return useQuery({
    queryKey: portalQueryKeys.lookup(query ?? ''),
    queryFn: () => askBackground({ type: 'lookup-manual', query: query ?? '' }),
    enabled: query !== undefined && query.trim() !== '',
  });
}

export function usePortalSettings() {
  return useQuery({
    queryKey: portalQueryKeys.settings,
    queryFn: () => askBackground({ type: 'get-settings' }),
  });
}

/** Every row reads the cart; a few seconds' freshness keeps them to one request. */
const CART_FRESH_MS = 5000;

/**
 * `reader`: a row that only reads the cart the popup already keeps (the cart bar asks for
 * it, every change answers with it); rows mounting as a long list scrolls ask for nothing.
 */
export function useCart({ enabled = true, reader = false } = {}) {
  return useQuery({
    queryKey: portalQueryKeys.cart,
    queryFn: () => askBackground({ type: 'get-cart' }),
    enabled,
    staleTime: CART_FRESH_MS,
    ...(reader && { refetchOnMount: false }),
  });
}

/**
 * The cart a change answered with becomes the cart shown. A read still in flight was asked
 * before the change: it is cancelled, so it cannot land afterwards and undo the change.
 */
function useSetCart() {
  const queryClient = useQueryClient();
  return async (cart: Cart) => {
    const answer: PortalResult<Cart> = { ok: true, value: cart };
    // Awaited: a cancelled read restores the state from before it, which must come first.
    await queryClient.cancelQueries({ queryKey: portalQueryKeys.cart });
    queryClient.setQueryData(portalQueryKeys.cart, () => answer);
  };
}

/**
 * Puts one deployment's renewal line. Keyed and scoped per deployment: a second click while
 * one is pending is refused here, and one that slips through queues behind the first
 * (the portal's PUT is idempotent anyway, and the background joins identical requests).
 */
export function useAddRenewal(deploymentId: string) {
  const queryClient = useQueryClient();
  const setCart = useSetCart();
  const mutation = useMutation({
    mutationKey: addRenewalKey(deploymentId),
    scope: { id: `renewal-${deploymentId}` },
    mutationFn: ({ quantity, credits }: { quantity: number; credits: CreditsOption }) =>
      askBackground({ type: 'add-renewal', deploymentId, quantity, credits }),
    onSuccess: async (answer) => {
      if (answer.ok) await setCart(answer.value.cart);
    },
  });
  /** False when a request for this deployment is already on its way. */
  const add = (quantity: number, credits: CreditsOption): boolean => {
    if (queryClient.isMutating({ mutationKey: addRenewalKey(deploymentId) }) > 0) return false;
    mutation.mutate({ quantity, credits });
    return true;
  };
  return { ...mutation, add };
}

export function useRemoveCartLine() {
  const setCart = useSetCart();
  return useMutation({
    mutationFn: (lineId: string) => askBackground({ type: 'remove-cart-line', lineId }),
    onSuccess: async (answer) => {
      if (answer.ok) await setCart(answer.value);
    },
  });
}

/**
 * Reads the cart again, past its freshness: after a write the portal did not confirm, every
 * row shows what the cart really holds ("In cart" or not).
 */
export function useCheckCart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      queryClient.refetchQueries({ queryKey: portalQueryKeys.cart }, { throwOnError: false }),
  });
}

/**
 * Puts the named expired deployments a batch at a time (./add-all.ts); each batch's cart
 * becomes the cart shown, so rows turn "In cart" as it goes. `progress` while it runs.
 */
export function useAddAllExpired(tabId: number) {
  const setCart = useSetCart();
  const [progress, setProgress] = useState<AddAllProgress>();
  const mutation = useMutation({
    mutationKey: ['add-all-expired', tabId],
    mutationFn: ({ deploymentIds, credits }: { deploymentIds: string[]; credits: CreditsOption }) =>
      addExpiredInBatches({
        deploymentIds,
        ask: (batch) =>
          askBackground({ type: 'add-all-expired', tabId, credits, deploymentIds: batch }),
        onBatch: (step, cart) => {
          setProgress(step);
          if (cart) void setCart(cart);
        },
      }),
    onSettled: () => setProgress(undefined),
  });
  return { ...mutation, progress };
}

export function useSaveQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['save-quote'],
    mutationFn: () => askBackground({ type: 'save-quote' }),
    // The portal empties the cart into the quote.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalQueryKeys.cart }),
  });
}

export function openPortalPage(page: PortalPage) {
  return askBackground({ type: 'open-portal', page });
}

export function openOptions(): Promise<void> {
  return browser.runtime.openOptionsPage();
}
