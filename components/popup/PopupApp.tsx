// The popup for one tab: scans it on open, shows what its frames report, live, with each
// identifier's support status from the portal and the cart. Opened with `?lookup=` and no
// tab (the context menu's window), it is the manual lookup alone.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CreditsOption } from '@/lib/messaging/portal-results';
import type { BackgroundError, Result, ScanStarted, TabResults } from '@/lib/messaging/results';
import { formatCount } from '@/lib/popup/format';
import { usePortalSettings } from '@/lib/popup/portal-queries';
import { useLiveTabResults, useScanTab, useTabResults } from '@/lib/popup/queries';
import { popOut } from '@/lib/popup/target-tab';
import { LiveRegion, useAnnouncer } from './announcer';
import { CartBar } from './CartBar';
import { CreditsChoice } from './CreditsChoice';
import { EmptyState } from './EmptyState';
import { HeldHighlightsNotice } from './HeldHighlightsNotice';
import { HighlightsSwitch } from './HighlightsSwitch';
import { RescanIcon } from './icons';
import { ManualLookup } from './ManualLookup';
import { CappedNotice, ErrorNotice, Notice, TruncatedNotice, UnreadableNotice } from './Notice';
import { PopupHeader } from './PopupHeader';
import { RenewalContext } from './renewal-context';
import { TabSupport } from './TabSupport';

/** How long a page may take to send its first report before the popup says so. */
const FIRST_REPORT_PATIENCE_MS = 8000;

interface PopupAppProps {
  /** The tab to show; absent for a lookup window opened without one. */
  tabId?: number;
  poppedOut: boolean;
  /** From `?lookup=`: prefilled in the manual lookup and run at once. */
  lookup?: string;
}

export function PopupApp({ tabId, poppedOut, lookup }: PopupAppProps) {
  const [announcement, announce] = useAnnouncer();
  const settings = usePortalSettings();
  const defaults = settings.data?.ok ? settings.data.value : undefined;
  const [chosenCredits, setCredits] = useState<CreditsOption>();
  const credits = chosenCredits ?? defaults?.creditsChoice ?? 'organization';

  const portalParts = {
    lookup: <ManualLookup initialQuery={lookup} announce={announce} />,
    credits: defaults && <CreditsChoice value={credits} onChange={setCredits} />,
    cart: <CartBar announce={announce} />,
  };

  return (
    <RenewalContext.Provider value={{ credits, announce }}>
      <div class="popup">
        {tabId === undefined ? (
          <>
            <PopupHeader />
            <main class="content">
              {portalParts.lookup}
              {portalParts.credits}
            </main>
            {portalParts.cart}
          </>
        ) : (
          <TabPopup tabId={tabId} poppedOut={poppedOut} announce={announce} parts={portalParts} />
        )}
        <LiveRegion message={announcement} />
      </div>
    </RenewalContext.Provider>
  );
}

interface TabPopupProps {
  tabId: number;
  poppedOut: boolean;
  announce: (message: string) => void;
  parts: { lookup: ComponentChildren; credits: ComponentChildren; cart: ComponentChildren };
}

function TabPopup({ tabId, poppedOut, announce, parts }: TabPopupProps) {
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
    <>
      <PopupHeader
        pageUrl={tab?.pageUrl}
        onPopOut={poppedOut ? undefined : () => void handlePopOut()}
      />
      <main class="content" aria-busy={results.isPending || scan.isPending}>
        {parts.lookup}
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
        {parts.credits}
      </main>
      {parts.cart}
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
    </>
  );
}

interface TabViewProps {
  tab: TabResults;
  scan: Result<ScanStarted, BackgroundError> | undefined;
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
          <strong class="summary-count">{formatCount(count)}</strong>{' '}
          <span>{count === 1 ? 'identifier' : 'identifiers'} on this page</span>
        </p>
      )}
      {tab.unreadable && <UnreadableNotice partly={count > 0} onRescan={rescan} />}
      {tab.capped && <CappedNotice shown={count} />}
      {tab.truncated && <TruncatedNotice />}
      <HeldHighlightsNotice tab={tab} />
      {count > 0 ? (
        <TabSupport tabId={tab.tabId} identifiers={tab.identifiers} announce={announce} />
      ) : (
        // An unreadable report is not an empty page: its notice stands alone.
        !tab.unreadable && <EmptyState />
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
