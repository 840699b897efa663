// "Look up support for '…'" on selected text. Selected text stays in the page until the user
// picks this item: only that click (the user asking) sends it to the popup's lookup view,
// which asks the portal. Chrome keeps menu items across service-worker restarts, and Firefox
// across event-page restarts, so the item is made when the extension is installed or updated
// and when the browser starts; the click listener is registered on every start.
import { browser } from 'wxt/browser';
import { lookupPagePath, selectionToQuery } from '../lookup/query';

export const LOOKUP_MENU_ID = 'lookup-selection';

export function offerLookupOnSelection(): void {
  browser.runtime.onInstalled.addListener(() => void createLookupMenu());
  browser.runtime.onStartup.addListener(() => void createLookupMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID) return;
    void openLookupWindow(info.selectionText ?? '', tab?.id);
  });
}

export async function createLookupMenu(): Promise<void> {
  // removeAll first: creating an id that already exists is an error in both browsers.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    // %s is the selection; the browser shortens a long one in the menu by itself.
    title: "Look up support for '%s'",
    contexts: ['selection'],
  });
}

/**
 * Opens the popup's lookup view for the selection in a window of its own. The tab the text
 * was selected in is named too, so the view can show that page's detections alongside.
 * Returns the page opened, or undefined when the selection holds nothing to look up.
 */
export async function openLookupWindow(
  selection: string,
  tabId?: number,
): Promise<string | undefined> {
  const query = selectionToQuery(selection);
  if (query === '') return undefined;
  const path = `${lookupPagePath(query)}${tabId === undefined || tabId < 0 ? '' : `&tabId=${tabId}`}`;
  const url = browser.runtime.getURL(path as '/popup.html');
  await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
  return url;
}
