// The popup for one tab: scans it on open, then shows what its frames report, live.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result, ScanStarted, TabResults } from '@/lib/messaging/results';
import { useLiveTabResults, useScanTab, useTabResults } from '@/lib/popup/queries';
import { popOut } from '@/lib/popup/target-tab';
import { LiveRegion, useAnnouncer } from './announcer';
import { EmptyState } from './EmptyState';
import { HighlightsSwitch } from './HighlightsSwitch';
import { IdentifierGroups } from './IdentifierGroups';
import { RescanIcon } from './icons';
import { ErrorNotice, Notice, TruncatedNotice } from './Notice';
import { PopupHeader } from './PopupHeader';

/** How long a page may take to send its first report before the popup says so. */
const FIRST_REPORT_PATIENCE_MS = 8000;

export function PopupApp({ tabId, poppedOut }: { tabId: number; poppedOut: boolean }) {
  const [announcement, announce] = useAnnouncer();
  const results = useTabResults(tabId);
  useLiveTabResults(tabId);
  const scan = useScanTab(tabId);
  const tab = results.data?.ok ? results.data.value : undefined;
  useRescanWhenPageChanges(tab?.scanned, scan.mutate);

  const handlePopOut = async () => {
    await popOut(tabId);
    window.close();
  };

  return (
    <div class="popup">
      <PopupHeader
        pageUrl={tab?.pageUrl}
        onPopOut={poppedOut ? undefined : () => void handlePopOut()}
      />
      <main class="content" aria-busy={results.isPending || scan.isPending}>
        {results.data?.ok === false ? (
          <ErrorNotice error={results.data.error} onRetry={() => void results.refetch()} />
        ) : tab === undefined ? null : (
          <TabView
            tab={tab}
            scan={scan.data}
            scanning={scan.isPending}
            rescan={() => scan.mutate()}
            announce={announce}
          />
        )}
      </main>
      <footer class="footer">
        <HighlightsSwitch />
        <button
          type="button"
          class="text-button"
          onClick={() => scan.mutate()}
          disabled={scan.isPending}
        >
          <RescanIcon />
          Scan again
        </button>
      </footer>
      <LiveRegion message={announcement} />
    </div>
  );
}

interface TabViewProps {
  tab: TabResults;
  scan: Result<ScanStarted> | undefined;
  scanning: boolean;
  rescan: () => void;
  announce: (message: string) => void;
}

function TabView({ tab, scan, scanning, rescan, announce }: TabViewProps) {
  const scanError = scan?.ok === false ? scan.error : undefined;
  const waiting = !tab.scanned && scanError === undefined;
  const impatient = useElapsed(waiting && !scanning, FIRST_REPORT_PATIENCE_MS);

  if (!tab.scanned) {
    if (scanError) return <ErrorNotice error={scanError} onRetry={rescan} />;
    if (impatient) {
      return (
        <Notice tone="warning" title="The page has not answered yet" testId="no-answer">
          <p>It may still be loading. Reload the page if it stays like this, then scan again.</p>
        </Notice>
      );
    }
    return (
      <p class="scanning" role="status" data-testid="scanning">
        <span class="spinner" aria-hidden="true" />
        Scanning this page…
      </p>
    );
  }

  const count = tab.identifiers.length;
  return (
    <>
      {scanError && <ErrorNotice error={scanError} onRetry={rescan} />}
      {count > 0 && (
        <p class="summary" data-testid="summary">
          <strong class="summary-count">{count}</strong>{' '}
          <span>{count === 1 ? 'identifier' : 'identifiers'} on this page</span>
        </p>
      )}
      {tab.truncated && <TruncatedNotice />}
      {count > 0 ? (
        <IdentifierGroups identifiers={tab.identifiers} announce={announce} />
      ) : (
        <EmptyState />
      )}
    </>
  );
}

/**
 * The tab's results vanish when its page navigates away; scan the new page (which may need
 * a fresh click on the toolbar button, and the popup then says so).
 */
function useRescanWhenPageChanges(scanned: boolean | undefined, rescan: () => void): void {
  const previous = useRef(scanned);
  useEffect(() => {
    if (previous.current === true && scanned === false) rescan();
    previous.current = scanned;
  }, [scanned, rescan]);
}

/** True once `active` has held for `ms` without a break. */
function useElapsed(active: boolean, ms: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    setElapsed(false);
    if (!active) return;
    const timer = setTimeout(() => setElapsed(true), ms);
    return () => clearTimeout(timer);
  }, [active, ms]);
  return elapsed;
}
