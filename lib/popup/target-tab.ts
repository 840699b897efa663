// Which tab the popup shows. The toolbar popup shows the active tab; `?tabId=N` names one
// explicitly (the pop-out window, and tests, where the popup page is itself the active tab).
import { browser } from 'wxt/browser';

export type TargetTab =
  | { ok: true; tabId: number; poppedOut: boolean }
  | { ok: false; reason: 'bad-tab-id' | 'no-active-tab' };

export function tabIdFromSearch(search: string): number | 'absent' | 'invalid' {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null) return 'absent';
  return /^\d{1,10}$/.test(raw) ? Number(raw) : 'invalid';
}

export async function resolveTargetTab(search: string): Promise<TargetTab> {
  const named = tabIdFromSearch(search);
  if (named === 'invalid') return { ok: false, reason: 'bad-tab-id' };
  if (named !== 'absent') return { ok: true, tabId: named, poppedOut: true };
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id === undefined
    ? { ok: false, reason: 'no-active-tab' }
    : { ok: true, tabId: active.id, poppedOut: false };
}

/** The same view for one tab, in a window of its own that stays open while the user works. */
export async function popOut(tabId: number): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(`/popup.html?tabId=${tabId}`),
    type: 'popup',
    width: 400,
    height: 600,
  });
}
