// A page too large to colour without pausing it keeps its highlights back; the list is
// complete either way. The user may still ask for them, paying the pause once.
import type { TabResults } from '@/lib/messaging/results';
import { useHighlights, useShowHeldHighlights } from '@/lib/popup/queries';
import { Notice } from './Notice';

export function HeldHighlightsNotice({ tab }: { tab: TabResults }) {
  const highlights = useHighlights();
  const show = useShowHeldHighlights(tab.tabId);
  const enabled = highlights.data?.ok === true && highlights.data.value.enabled;
  if (!tab.highlightsHeld || !enabled) return null;
  const failed = show.data?.ok === false;

  return (
    <Notice tone="warning" title="Not highlighted on this large page" testId="highlights-held">
      <p>
        Highlighting this page would pause it for a moment, so its identifiers are only listed here.
      </p>
      <button
        type="button"
        class="link-button"
        onClick={() => show.mutate()}
        disabled={show.isPending || show.isSuccess}
      >
        Highlight anyway
      </button>
      {failed && <p>The page did not get the request. Try again.</p>}
    </Notice>
  );
}
