// The held-highlights notice in the popup, against the real background handlers on WXT's
// fake browser: a frame's report says it held its highlights back, the popup says so, and
// its button asks the tab's frames to colour the page anyway.
import { cleanup, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundHandlers } from '@/lib/background/handlers';
import { createMessageRouter } from '@/lib/messaging/router';
import { wholeReport } from '@/lib/messaging/testing/reports';
import { updateSettings } from '@/lib/settings';
import { PopupApp } from './PopupApp';
import { renderWithQueries } from './testing/render';

const TAB = 9;

beforeEach(() => {
  fakeBrowser.reset();
  const route = createMessageRouter(backgroundHandlers, {
    self: () => ({ id: fakeBrowser.runtime.id, baseUrl: fakeBrowser.runtime.getURL('/') }),
    log: { warn: () => undefined, error: () => undefined },
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
    async (message: unknown) =>
      route(message, {
        id: fakeBrowser.runtime.id,
        url: fakeBrowser.runtime.getURL('/popup.html'),
      }) as never,
  );
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(
    async () => [{ frameId: 0, result: 'text/html' }] as never,
  );
});

afterEach(cleanup);

function pageReports(highlightsHeld: boolean) {
  return backgroundHandlers.detections(
    wholeReport([{ kind: 'deployment', value: '14181336', count: 1 }], { highlightsHeld }),
    { tabId: TAB, frameId: 0, url: 'https://helpdesk.example/export' },
  );
}

const mount = () => renderWithQueries(<PopupApp tabId={TAB} poppedOut />);
const notice = () => screen.queryByTestId('highlights-held');
const identifierShown = () =>
  waitFor(() => expect(screen.getByTestId('identifier').textContent).toBe('14181336'));

describe('held highlights', () => {
  test('the popup says a large page is not highlighted, and its button colours it anyway', async () => {
    const user = userEvent.setup();
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await pageReports(true);
    mount();
    await waitFor(() => expect(notice()?.textContent).toContain('would pause it'));

    await user.click(screen.getByRole('button', { name: 'Highlight anyway' }));
    await waitFor(() =>
      expect(sendMessage).toHaveBeenCalledWith(TAB, { type: 'show-held-highlights' }),
    );
    // The frame shows its highlights and reports again: the notice goes.
    await pageReports(false);
    await waitFor(() => expect(notice()).toBeNull());
  });

  test('no notice while highlights are switched off, nor for a page that holds nothing', async () => {
    await updateSettings({ highlights: false });
    await pageReports(true);
    const first = mount();
    await identifierShown();
    expect(notice()).toBeNull();

    await updateSettings({ highlights: true });
    await pageReports(false);
    first.unmount();
    mount();
    await identifierShown();
    expect(notice()).toBeNull();
  });
});
