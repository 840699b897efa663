import {
  broadcastHighlightChanges,
  listenForMessages,
  offerLookupOnSelection,
  watchTabLifecycle,
} from '@/lib/background';
import { keepAutoScanInSync } from '@/lib/sites/sync';

// Wiring only: every behaviour lives in lib/background.
export default defineBackground(() => {
  listenForMessages();
  watchTabLifecycle();
  broadcastHighlightChanges();
  keepAutoScanInSync();
  offerLookupOnSelection();
});
