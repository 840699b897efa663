import { broadcastHighlightChanges, listenForMessages, watchTabLifecycle } from '@/lib/background';

// Wiring only: every behaviour lives in lib/background.
export default defineBackground(() => {
  listenForMessages();
  watchTabLifecycle();
  broadcastHighlightChanges();
});
