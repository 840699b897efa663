// Mounting the popup in tests: a fresh QueryClient per mount and small DOM queries by role
// and accessible name, so tests read the popup the way a screen reader does.
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { type ComponentChildren, render } from 'preact';
import { act } from 'preact/test-utils';

export function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

export async function mountInto(
  root: HTMLElement,
  ui: ComponentChildren,
  client = testQueryClient(),
) {
  await act(() => render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>, root));
  return client;
}

/** The button whose accessible name (aria-label, else its text) is `name`. */
export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((candidate) => {
    const accessible = candidate.getAttribute('aria-label') ?? candidate.textContent?.trim() ?? '';
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}

export function article(root: ParentNode, label: string): HTMLElement | undefined {
  return root.querySelector<HTMLElement>(`article[aria-label="${label}"]`) ?? undefined;
}

export async function click(element: HTMLElement | undefined) {
  if (!element) throw new Error('nothing to click');
  await act(() => element.click());
}
