// Why injecting the content script into a tab failed, from the browser's error text (Chrome
// and Firefox word it differently) and the tab's URL when we may see it.
import type { ScanErrorKind } from '../messaging/results';

const RESTRICTED_SCHEMES =
  /^(chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|view-source|moz-extension|resource|jar|data):/i;
const STORES = [
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org\//i,
];

export function classifyScanError(message: string, tabUrl: string | undefined): ScanErrorKind {
  if (/no tab with id|tab not found|invalid tab id/i.test(message)) return 'tab-closed';
  if (/gallery cannot be scripted|web ?store/i.test(message)) return 'web-store';
  if (tabUrl !== undefined) {
    if (STORES.some((store) => store.test(tabUrl))) return 'web-store';
    if (RESTRICTED_SCHEMES.test(tabUrl)) return 'restricted-page';
    if (/^file:/i.test(tabUrl)) return 'file-access';
    if (/\.pdf(?:[?#]|$)/i.test(tabUrl)) return 'pdf';
  }
  if (
    /cannot access (?:an? |contents of url ")?(?:chrome|about|edge|devtools|view-source|data)/i.test(
      message,
    )
  ) {
    return 'restricted-page';
  }
  if (/chrome-extension:\/\/ URL of different extension/i.test(message)) return 'restricted-page';
  if (/file:\/\//i.test(message)) return 'file-access';
  if (/permission|cannot access contents of the page|activeTab/i.test(message)) return 'no-access';
  return 'injection-failed';
}
