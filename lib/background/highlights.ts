// Whether identifiers are highlighted on pages. The setting lives with the others in
// lib/settings; when any page changes it (popup toggle, options page), every tab running our
// content script is told.
import { browser } from 'wxt/browser';
import type { ContentCommand } from '../messaging/content-protocol';
import type {
  BackgroundError,
  HeldHighlightsShown,
  HighlightsState,
  Result,
} from '../messaging/results';
import { loadSettings, updateSettings, watchSettings } from '../settings';
import { tabsWithResults } from './tab-store';

export async function highlightsEnabled(): Promise<boolean> {
  return (await loadSettings()).settings.highlights;
}

export async function setHighlights(
  enabled: boolean,
): Promise<Result<HighlightsState, BackgroundError>> {
  const saved = await updateSettings({ highlights: enabled });
  if (saved.ok) return { ok: true, value: { enabled: saved.value.highlights } };
  const detail =
    saved.error.kind === 'storage-failed' ? saved.error.detail : 'the settings were rejected';
  return { ok: false, error: { kind: 'internal', detail } };
}

/** Sends a command to every frame of a tab; a tab without our content script is skipped. */
export async function commandTab(tabId: number, command: ContentCommand): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, command);
  } catch {
    // No receiver: the page navigated away or was never scanned. Nothing to update.
  }
}

/**
 * The user chose to colour a page its frames judged too large to colour on their own. Only
 * frames that held back act on it; a tab without our content script has nothing to show.
 */
export async function showHeldHighlights(
  tabId: number,
): Promise<Result<HeldHighlightsShown, BackgroundError>> {
  await commandTab(tabId, { type: 'show-held-highlights' });
  return { ok: true, value: { tabId } };
}

/** Keeps pages in step with the setting, whichever extension page changed it. */
export function broadcastHighlightChanges(): () => void {
  let last: boolean | undefined;
  return watchSettings(({ settings }) => {
    if (settings.highlights === last) return;
    last = settings.highlights;
    const command: ContentCommand = { type: 'set-highlights', enabled: settings.highlights };
    void tabsWithResults().then((tabs) => Promise.all(tabs.map((tab) => commandTab(tab, command))));
  });
}
