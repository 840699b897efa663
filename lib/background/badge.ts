// The toolbar badge: how many distinct identifiers the tab's page has. Empty when none, so
// the button stays quiet on pages without any.
import { browser } from 'wxt/browser';

export const BADGE_BACKGROUND = '#1d4ed8';
export const BADGE_TEXT = '#ffffff';

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export async function showIdentifierCount(tabId: number, count: number): Promise<void> {
  const text = badgeText(count);
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (text !== '') {
      await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND });
      // Not in every browser version; the default text colour is readable too.
      await browser.action.setBadgeTextColor?.({ tabId, color: BADGE_TEXT });
    }
  } catch (error) {
    // The tab closed meanwhile: nothing left to label.
    if (!/no tab with id/i.test(String(error))) throw error;
  }
}
