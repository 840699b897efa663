// The held-highlights notice in the popup, against the real background handlers on WXT's
// fake browser: a frame's report says it held its highlights back, the popup says so, and
// its button asks the tab's frames to colour the page anyway.
import { cleanup, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { updateSettings } from '@/lib/settings';
import { PopupApp } from './PopupApp';
import { pageReports, routePopupToBackground } from './testing/real-background';
import { renderWithQueries } from './testing/render';

const TAB = 9;

beforeEach(() => {
  fakeBrowser.reset();
  routePopupToBackground();
});

afterEach(cleanup);

const heldReport = (highlightsHeld: boolean) =>
  pageReports(
    TAB,
    [{ kind: 'deployment', value: '14181336', count: 1 }],
    { highlightsHeld },
    'https://helpdesk.example/export',
  );

const mount = () => renderWithQueries(<PopupApp tabId={TAB} poppedOut />);
const notice = () => screen.queryByTestId('highlights-held');
const identifierShown = () =>
  waitFor(() => expect(screen.getByTestId('identifier').textContent).toBe('14181336'));

describe('held highlights', () => {
  test('the popup says a large page is not highlighted, and its button colours it anyway', async () => {
    const user = userEvent.setup();
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await heldReport(true);
    mount();
    await waitFor(() => expect(notice()?.textContent).toContain('would pause it'));

    await user.click(screen.getByRole('button', { name: 'Highlight anyway' }));
    await waitFor(() =>
      expect(sendMessage).toHaveBeenCalledWith(TAB, { type: 'show-held-highlights' }),
    );
    // The frame shows its highlights and reports again: the notice goes.
    await heldReport(false);
    await waitFor(() => expect(notice()).toBeNull());
  });

  test('no notice while highlights are switched off, nor for a page that holds nothing', async () => {
    await updateSettings({ highlights: false });
    await heldReport(true);
    const first = mount();
    await identifierShown();
    expect(notice()).toBeNull();

    await updateSettings({ highlights: true });
    await heldReport(false);
    first.unmount();
    mount();
    await identifierShown();
    expect(notice()).toBeNull();
  });
});
