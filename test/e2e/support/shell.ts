// Helpers for driving the extension the way a user does: find a page's tab, open the popup
// for it, read the badge, and serialize a page's DOM to prove the scan left it alone.
import type { Page } from 'playwright-core';
import type { LaunchedExtension } from './extension';

/** The browser's id of the tab showing `page` (matched by URL through the service worker). */
export async function tabIdOf(ext: LaunchedExtension, page: Page): Promise<number> {
  const url = page.url();
  const tabs = await ext.background.evaluate(() => chrome.tabs.query({}));
  const matches = tabs.filter((tab) => tab.url === url);
  if (matches.length !== 1 || matches[0]?.id === undefined) {
    throw new Error(`expected one tab at ${url}, found ${matches.length}`);
  }
  return matches[0].id;
}

export function badgeOf(ext: LaunchedExtension, tabId: number): Promise<string> {
  return ext.background.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/**
 * Opens the popup's view for a tab in a window of its own (as the pop-out button does), so
 * the page's tab stays the active, unthrottled tab of its window.
 */
export async function openPopupFor(ext: LaunchedExtension, tabId: number): Promise<Page> {
  const url = `chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`;
  const opened = ext.context.waitForEvent('page', (page) => page.url() === url);
  await ext.background.evaluate(
    (popupUrl) => chrome.windows.create({ url: popupUrl, type: 'popup', width: 400, height: 600 }),
    url,
  );
  const popup = await opened;
  // Asked of the page itself: Playwright's lifecycle event can be missed for a popup window
  // whose document loaded while it attached (seen: "networkidle" fired, DOMContentLoaded not).
  await popup.waitForFunction(
    (expected) => location.href === expected && document.readyState !== 'loading',
    url,
  );
  return popup;
}

/** The identifiers the popup lists, in its order. */
export function popupList(popup: Page): Promise<string[]> {
  return popup.locator('[data-testid="identifier"]').allTextContents();
}

/** Every identifier the popup holds: a long list shows its rows a page at a time. */
export async function popupListAll(popup: Page): Promise<string[]> {
  const more = popup.getByRole('button', { name: /^Show [\d,]+ more$/ });
  while ((await more.count()) > 0) await more.first().click();
  return popupList(popup);
}

/**
 * Every frame's markup, including open shadow roots, which `outerHTML` leaves out. Equal
 * before and after a scan means no element or attribute was inserted, moved or changed.
 */
export async function serializeDom(page: Page): Promise<string[]> {
  return Promise.all(
    page.frames().map((frame) =>
      frame.evaluate(() => {
        const walk = (node: Node): string => {
          if (node.nodeType === Node.TEXT_NODE) return `#text(${node.nodeValue})`;
          if (node.nodeType === Node.COMMENT_NODE) return `#comment(${node.nodeValue})`;
          if (!(node instanceof Element)) return '';
          const attributes = [...node.attributes].map((a) => `${a.name}="${a.value}"`).join(' ');
          const shadow = node.shadowRoot ? `#shadow[${walkChildren(node.shadowRoot)}]` : '';
          return `<${node.localName} ${attributes}>${shadow}${walkChildren(node)}</${node.localName}>`;
        };
        const walkChildren = (parent: Node): string => [...parent.childNodes].map(walk).join('');
        return `${frame_url()}\n${walk(document.documentElement)}`;
        function frame_url() {
          return location.href;
        }
      }),
    ),
  );
}

/** Ranges registered with the CSS Custom Highlight API in a frame, all names together. */
export function highlightedRanges(page: Page): Promise<number> {
  return page.evaluate(() => {
    let total = 0;
    for (const highlight of CSS.highlights.values()) total += highlight.size;
    return total;
  });
}
