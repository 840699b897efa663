// The popup against the real background handlers on WXT's fake browser: its messages go
// through the same router, with the sender a popup has.
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { recordUnreadable } from '@/lib/background/detections';
import { PopupApp } from './PopupApp';
import { pageReports, readablePage, routePopupToBackground } from './testing/real-background';
import { renderWithQueries } from './testing/render';

const TAB = 7;
let scanAnswer: () => unknown;

beforeEach(() => {
  fakeBrowser.reset();
  scanAnswer = readablePage;
  routePopupToBackground(() => scanAnswer());
});

afterEach(cleanup);

const mount = (poppedOut = true) =>
  renderWithQueries(<PopupApp tabId={TAB} poppedOut={poppedOut} />);

const text = (testId: string) => screen.queryByTestId(testId)?.textContent ?? '';
const values = () => screen.queryAllByTestId('identifier').map((node) => node.textContent);

describe('PopupApp', () => {
  test('scans its tab on open, says it is scanning, then shows the report live', async () => {
    mount();
    await waitFor(() =>
      expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({
        target: { tabId: TAB, allFrames: true },
        files: ['/content-scripts/content.js'],
      }),
    );
    await waitFor(() => expect(text('scanning')).toBe('Scanning this page…'));

    await pageReports(TAB, [
      { kind: 'serial', value: 'VS0164AB', count: 1 },
      { kind: 'deployment', value: '14181336', count: 2 },
    ]);
    await waitFor(() => expect(values()).toEqual(['14181336', 'VS0164AB']));
    expect(text('summary')).toBe('2 identifiers on this page');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Deployment IDs 1',
      'Serial numbers 1',
    ]);
    const deployments = screen.getByRole('region', { name: 'Deployment IDs 1' });
    expect(deployments.querySelector('.identifier-occurrences')?.textContent).toBe(
      '×2 on the page',
    );
    expect(screen.getByText('helpdesk.example').title).toBe('https://helpdesk.example/tickets/42');
  });

  test('shows the truncation notice', async () => {
    await pageReports(TAB, [{ kind: 'deployment', value: '14181336', count: 1 }], {
      truncated: true,
    });
    mount();
    await waitFor(() => expect(text('truncated')).toContain('Scan truncated'));
  });

  test('a page with more than a page may list says how many it shows, and that there are more', async () => {
    await pageReports(TAB, [{ kind: 'deployment', value: '14181336', count: 1 }], {
      capped: true,
    });
    mount();
    await waitFor(() => expect(text('capped')).toContain('Showing the first 1 of more'));
    expect(values()).toEqual(['14181336']);
  });

  test('a report the background could not accept is named, with Scan again, not the empty state', async () => {
    const frame = { tabId: TAB, frameId: 0, url: 'https://helpdesk.example/tickets/42' };
    await recordUnreadable(frame, 'malformed "detections"');
    const user = userEvent.setup();
    mount();
    await waitFor(() =>
      expect(text('unreadable')).toContain('This page’s results could not be read'),
    );
    expect(screen.queryByTestId('empty-state')).toBeNull();
    await waitFor(() => expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledTimes(2));
    await user.click(
      within(screen.getByTestId('unreadable')).getByRole('button', { name: 'Scan again' }),
    );
    // The page's next report replaces the unreadable one.
    await waitFor(() => expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledTimes(4));
    await pageReports(TAB, [{ kind: 'deployment', value: '14181336', count: 1 }]);
    await waitFor(() => expect(values()).toEqual(['14181336']));
    expect(screen.queryByTestId('unreadable')).toBeNull();
  });

  test('a page with none gets the empty state, which says what it looks for', async () => {
    await pageReports(TAB, []);
    mount();
    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent).toContain('Deployment ID 14181336');
    expect(empty.textContent).toContain('S/N VS0164AB');
    expect(screen.queryByTestId('summary')).toBeNull();
  });

  test('a page that cannot be scanned is explained, with Try again', async () => {
    scanAnswer = () => {
      throw new Error('Cannot access a chrome:// URL');
    };
    const user = userEvent.setup();
    mount();
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('This page can’t be scanned'));
    scanAnswer = readablePage;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    // The failed probe, then the probe and the injection of the retry.
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledTimes(3);
  });

  test('copy puts the value on the clipboard and announces it', async () => {
    // user-event puts its own clipboard on the page; what the popup writes is read back.
    const user = userEvent.setup();
    await pageReports(TAB, [{ kind: 'deployment', value: '14181336', count: 1 }]);
    mount();
    const copy = await screen.findByRole('button', { name: 'Copy deployment ID 14181336' });
    await user.click(copy);
    await waitFor(() => expect(text('announcer')).toBe('Copied 14181336'));
    expect(await navigator.clipboard.readText()).toBe('14181336');
    expect(copy.textContent).toBe('Copied');
  });

  test('the highlights switch saves the setting', async () => {
    const user = userEvent.setup();
    mount();
    const toggle = screen.getByRole('switch', { name: 'Highlight on page' }) as HTMLButtonElement;
    await waitFor(() => {
      expect(toggle.getAttribute('aria-checked')).toBe('true');
      expect(toggle.disabled).toBe(false);
    });
    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    const stored = await fakeBrowser.storage.local.get('settings');
    expect((stored.settings as { highlights: boolean }).highlights).toBe(false);
  });

  test('the pop-out button is offered in the toolbar popup only', async () => {
    const toolbar = mount(false);
    expect(screen.getByRole('button', { name: 'Open in its own window' })).toBeTruthy();
    toolbar.unmount();
    mount(true);
    expect(screen.queryByRole('button', { name: 'Open in its own window' })).toBeNull();
  });
});
