// Mounting popup components in tests through Testing Library: each mount gets its own
// QueryClient, as each opening of the popup does, so no answer leaks between tests.
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { render } from '@testing-library/preact';
import type { ComponentChild, ComponentChildren } from 'preact';

export function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

export function renderWithQueries(ui: ComponentChild, client = testQueryClient()) {
  return render(ui, {
    wrapper: ({ children }: { children?: ComponentChildren }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    ),
  });
}
