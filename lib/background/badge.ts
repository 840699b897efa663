// The toolbar badge: how many distinct identifiers the tab's page has. Empty when none, so
// the button stays quiet on pages without any. A badge fits about four characters, so
// thousands are shown in whole thousands, with "+" when there are more than it says.
import { browser } from 'wxt/browser';

export const BADGE_BACKGROUND = '#1d4ed8';
export const BADGE_TEXT = '#ffffff';

/** `capped`: the page has more than `count` (the list stopped there). */
export function badgeText(count: number, capped = false): string {
  if (count <= 0) return '';
  const more = capped ? '+' : '';
  if (count < 1000) return `${count}${more}`;
  const thousands = Math.floor(count / 1000);
  return `${thousands}k${capped || count % 1000 !== 0 ? '+' : ''}`;
}

export async function showIdentifierCount(
  tabId: number,
  count: number,
  capped = false,
): Promise<void> {
  const text = badgeText(count, capped);
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
