// Live tab results: a report stored while the popup's first request is still out must not be
// lost (TanStack joins an in-flight first fetch instead of asking again).
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { tabResultsKey } from '../background/tab-state';
import { useLiveTabResults, useTabResults } from './queries';

const TAB = 7;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

function Scanned() {
  const results = useTabResults(TAB);
  useLiveTabResults(TAB);
  const data = results.data;
  return <p data-testid="scanned">{data?.ok ? String(data.value.scanned) : 'pending'}</p>;
}

const answer = (scanned: boolean) => ({
  ok: true,
  value: { tabId: TAB, scanned, identifiers: [], truncated: false, frameCount: 1 },
});

test('a report stored during the first request is fetched again, not joined to it', async () => {
  const held: (() => void)[] = [];
  let scanned = false;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
    // The background answers with what it had when asked, whenever the answer arrives.
    const now = answer(scanned);
    await new Promise<void>((resolve) => held.push(resolve));
    return now as never;
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Scanned />
    </QueryClientProvider>,
  );
  expect(held).toHaveLength(1);

  // The page reports while the first request is out.
  scanned = true;
  await act(() => fakeBrowser.storage.session.set({ [tabResultsKey(TAB)]: { frames: {} } }));
  await waitFor(() => expect(held).toHaveLength(2));
  await act(async () => {
    for (const release of held) release();
  });

  await waitFor(() => expect(screen.getByTestId('scanned').textContent).toBe('true'));
});
