import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { TargetError } from '@/components/popup/TargetError';
import { resolveTargetTab } from '@/lib/popup/target-tab';
import '@/components/popup/popup.css';

const root = document.getElementById('app') as HTMLElement;
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1 } } });

resolveTargetTab(location.search).then((target) =>
  render(
    <QueryClientProvider client={queryClient}>
      {target.ok ? (
        <PopupApp tabId={target.tabId} poppedOut={target.poppedOut} />
      ) : (
        <TargetError reason={target.reason} />
      )}
    </QueryClientProvider>,
    root,
  ),
);
