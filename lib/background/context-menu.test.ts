// The context menu on the fake browser: WXT's fake does not implement contextMenus, so its
// calls are recorded with spies; windows and tabs are the fake's own.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createLookupMenu,
  LOOKUP_MENU_ID,
  offerLookupOnSelection,
  openLookupWindow,
} from './context-menu';

type ClickListener = (
  info: { menuItemId: string | number; selectionText?: string },
  tab?: { id?: number },
) => void;

let created: unknown[];
let clicked: ClickListener | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  created = [];
  clicked = undefined;
  const menus = fakeBrowser.contextMenus;
  vi.spyOn(menus, 'removeAll').mockImplementation(async () => {
    created = [];
  });
  vi.spyOn(menus, 'create').mockImplementation(((properties: unknown) => {
    created.push(properties);
    return LOOKUP_MENU_ID;
  }) as never);
  vi.spyOn(menus.onClicked, 'addListener').mockImplementation(((listener: ClickListener) => {
    clicked = listener;
  }) as never);
});

describe('the lookup menu item', () => {
  test('is made once on install and again on browser start, for selections only', async () => {
    offerLookupOnSelection();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      id: LOOKUP_MENU_ID,
      title: "Look up support for '%s'",
      contexts: ['selection'],
    });
  });

  test('a click opens the lookup view for the selection, naming its tab', async () => {
    offerLookupOnSelection();
    const spy = vi.spyOn(fakeBrowser.windows, 'create');
    clicked?.({ menuItemId: LOOKUP_MENU_ID, selectionText: ' VS0164AB, ' }, { id: 12 });
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    expect(spy).toHaveBeenCalledWith({
      url: fakeBrowser.runtime.getURL('/popup.html?lookup=VS0164AB&tabId=12' as '/popup.html'),
      type: 'popup',
      width: 420,
      height: 640,
    });
  });

  test('clicks on other items, and selections with nothing in them, open nothing', async () => {
    offerLookupOnSelection();
    const spy = vi.spyOn(fakeBrowser.windows, 'create');
    clicked?.({ menuItemId: 'something-else', selectionText: '14181336' });
    expect(await openLookupWindow(' ... ')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(spy).not.toHaveBeenCalled();
  });

  test('the selection is trimmed and capped before it goes anywhere', async () => {
    const spy = vi.spyOn(fakeBrowser.windows, 'create');
    const url = await openLookupWindow(`${'x'.repeat(500)}`);
    expect(url).toBeDefined();
    const query = new URL(url as string).searchParams.get('lookup');
    expect(query).toHaveLength(100);
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ url }));
  });

  test('createLookupMenu replaces an existing item instead of failing on its id', async () => {
    await createLookupMenu();
    await createLookupMenu();
    expect(created).toHaveLength(1);
  });
});
