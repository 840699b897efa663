// Every way the portal can fail, as the popup explains it; the manual lookup; and the
// persisted cache that shows the last answer before the background has said anything.
import { PersistQueryClientProvider } from '@tanstack/preact-query-persist-client';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PortalServiceError } from '@/lib/messaging/portal-results';
import type { TabIdentifier } from '@/lib/messaging/results';
import {
  type CacheArea,
  POPUP_CACHE_KEY,
  popupPersistOptions,
  storagePersister,
} from '@/lib/popup/persist';
import { PopupApp } from './PopupApp';
import {
  deferred,
  fakeBackground,
  found,
  SETTINGS,
  supportStatusOf,
  TODAY,
  view,
} from './testing/fake-background';
import { renderWithQueries, testQueryClient } from './testing/render';

const TAB = 7;
const lapsed = view('14181336', '2021-09-07', ['VS0164AB'], 'Lakeshore Dental');
const IDENTIFIERS: TabIdentifier[] = [{ kind: 'deployment', value: '14181336', count: 1 }];

let background: ReturnType<typeof fakeBackground>;

const statusAnswer = () => supportStatusOf(TAB, [found(IDENTIFIERS[0] as TabIdentifier, lapsed)]);

beforeEach(() => {
  background = fakeBackground(TAB, IDENTIFIERS);
  background.handlers['support-status'] = statusAnswer;
});

afterEach(cleanup);

const mount = () => renderWithQueries(<PopupApp tabId={TAB} poppedOut />);
const alertText = () => screen.queryByRole('alert')?.textContent ?? '';
const chipText = () => screen.queryByTestId('status-chip')?.textContent ?? '';

describe('every portal error is a sentence with what to do next', () => {
  const cases: {
    error: PortalServiceError;
    title: string;
    buttons: string[];
  }[] = [
    {
      error: { kind: 'signed-out', reason: 'unauthenticated', status: 401 },
      title: 'You are signed out of the portal',
      buttons: ['Sign in to the portal', 'Try again', 'use a personal access token'],
    },
    {
      error: { kind: 'signed-out', reason: 'sign-in-page', status: 200 },
      title: 'Your portal session has expired',
      buttons: ['Sign in to the portal', 'Try again', 'use a personal access token'],
    },
    {
      error: { kind: 'forbidden', status: 403 },
      title: 'The portal refused the request',
      buttons: ['Open options'],
    },
    {
      error: { kind: 'not-configured', reason: 'no-token' },
      title: 'No access token saved',
      buttons: ['Open options'],
    },
    {
      error: { kind: 'not-configured', reason: 'token-unreadable' },
      title: 'The saved access token cannot be read',
      buttons: ['Open options'],
    },
    {
      error: { kind: 'no-permission', origin: 'http://portal.test' },
      title: 'Renewal Scout may not reach the portal',
      buttons: ['Open options'],
    },
    {
      error: {
        kind: 'rate-limited',
        status: 429,
        retryAfterSeconds: 3,
        retryAt: Date.now() + 3000,
      },
      title: 'Too many requests to the portal',
      buttons: ['Try again'],
    },
    {
      error: { kind: 'portal-unavailable', cause: 'server-error', status: 502 },
      title: 'The portal is having trouble',
      buttons: ['Try again'],
    },
    {
      error: { kind: 'portal-unavailable', cause: 'timeout' },
      title: 'The portal did not answer in time',
      buttons: ['Try again'],
    },
    {
      error: { kind: 'unexpected-response', status: 200, detail: 'not JSON' },
      title: 'The portal’s answer was not understood',
      buttons: ['Try again'],
    },
    {
      error: { kind: 'background-unavailable', detail: 'no answer' },
      title: 'Renewal Scout is restarting',
      buttons: ['Try again'],
    },
    {
      error: { kind: 'internal' },
      title: 'Something went wrong inside Renewal Scout',
      buttons: ['Try again'],
    },
  ];

  for (const { error, title, buttons } of cases) {
    test(`${error.kind}${'reason' in error ? ` (${error.reason})` : ''}: “${title}”`, async () => {
      background.handlers['support-status'] = () => ({ ok: false, error });
      mount();
      await waitFor(() => expect(alertText()).toContain(title));
      const notice = screen.getByRole('alert');
      const names = within(notice)
        .getAllByRole('button')
        .map((b) => b.textContent?.trim());
      expect(names).toEqual(buttons);
      // The identifier is still listed, and still copyable: nothing is lost.
      expect(screen.getByRole('article', { name: 'Deployment 14181336' })).toBeTruthy();
      expect(screen.queryByTestId('status-chip')).toBeNull();
    });
  }

  test('signed out: Sign in opens the portal’s sign-in page; the token pointer opens Options', async () => {
    background.handlers['support-status'] = () => ({
      ok: false,
      error: { kind: 'signed-out', reason: 'sign-in-page', status: 200 },
    });
    background.handlers['open-portal'] = () => ({
      ok: true,
      value: { url: 'http://portal.test/sign-in' },
    });
    const openOptionsPage = vi
      .spyOn(fakeBrowser.runtime, 'openOptionsPage')
      .mockResolvedValue(undefined);
    const user = userEvent.setup();
    mount();
    await screen.findByTestId('signed-out');
    await user.click(screen.getByRole('button', { name: 'Sign in to the portal' }));
    expect(background.sentOf('open-portal')).toEqual([{ type: 'open-portal', page: 'signin' }]);
    await user.click(screen.getByRole('button', { name: 'use a personal access token' }));
    expect(openOptionsPage).toHaveBeenCalledTimes(1);
  });

  test('Try again goes past the background’s cache, and the rows appear', async () => {
    background.handlers['support-status'] = (request) =>
      request.refresh
        ? statusAnswer()
        : { ok: false, error: { kind: 'portal-unavailable', cause: 'network' } };
    const user = userEvent.setup();
    mount();
    await waitFor(() => expect(alertText()).toContain('The portal cannot be reached'));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(chipText()).toBe('Expired 5 years ago'));
    expect(background.sentOf('support-status').at(-1)).toEqual({
      type: 'support-status',
      tabId: TAB,
      refresh: true,
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('manual lookup', () => {
  const harbour = view('15920969', '2026-12-14', ['SVX-0B7F-7F6AR'], 'Harbourline yard office');

  test('by name: Enter in the field runs it, results use the same rows', async () => {
    background.handlers['lookup-manual'] = (request) => ({
      ok: true,
      value: {
        query: String(request.query),
        searchedAs: 'name',
        matches: [harbour],
        more: false,
        portal: SETTINGS.portal,
        today: TODAY,
        expiringSoonDays: 30,
      },
    });
    const user = userEvent.setup();
    mount();
    await user.type(
      screen.getByRole('searchbox', { name: 'Deployment number, serial or name' }),
      '  harbour {Enter}',
    );
    const results = await screen.findByTestId('lookup-results');
    const result = await within(results).findByRole('article', { name: 'Deployment 15920969' });
    expect(background.sentOf('lookup-manual')).toEqual([
      { type: 'lookup-manual', query: 'harbour' },
    ]);
    expect(within(result).getByTestId('status-chip').textContent).toBe('Expires in 18 days');
    expect(
      within(result).getByRole('button', { name: 'Add deployment 15920969 to cart' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Results for “harbour”' })).toBeTruthy();
  });

  test('?lookup= runs at once, prefilled; nothing found says so', async () => {
    background.handlers['lookup-manual'] = () => ({
      ok: true,
      value: {
        query: '30000007',
        searchedAs: 'deployment',
        matches: [],
        more: false,
        portal: SETTINGS.portal,
        today: TODAY,
        expiringSoonDays: 30,
      },
    });
    renderWithQueries(<PopupApp poppedOut lookup="30000007" />);
    const results = await screen.findByTestId('lookup-results');
    await waitFor(() => expect(results.textContent).toContain('Not found in your portal account'));
    const field = screen.getByRole('searchbox', { name: 'Deployment number, serial or name' });
    expect((field as HTMLInputElement).value).toBe('30000007');
    expect(background.sentOf('lookup-manual')).toEqual([
      { type: 'lookup-manual', query: '30000007' },
    ]);
    // No tab named: the lookup window asks nothing about tabs.
    expect(background.sentOf('get-tab-results')).toEqual([]);
  });
});

describe('the persisted cache', () => {
  function memoryArea(): CacheArea & { items: Map<string, unknown> } {
    const items = new Map<string, unknown>();
    return {
      items,
      get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
      set: async (values) => {
        for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
      },
      remove: async (key) => {
        items.delete(key);
      },
    };
  }

  const mountPersisted = (area: CacheArea) =>
    render(
      <PersistQueryClientProvider
        client={testQueryClient()}
        persistOptions={popupPersistOptions(storagePersister(area), '0.1.0')}
      >
        <PopupApp tabId={TAB} poppedOut />
      </PersistQueryClientProvider>,
    );

  test('reopening shows the last answer before the background answers, then refreshes', async () => {
    const area = memoryArea();
    const first = mountPersisted(area);
    await screen.findByTestId('status-chip');
    await waitFor(() => {
      const stored = area.items.get(POPUP_CACHE_KEY) as
        | { clientState: { queries: { queryKey: unknown[] }[] } }
        | undefined;
      expect(stored?.clientState.queries.map((q) => q.queryKey[0])).toContain('support-status');
    });
    first.unmount();

    // The popup opens again; this time the background is slow to answer anything.
    const slow = deferred<never>();
    for (const type of ['get-tab-results', 'support-status', 'get-cart', 'get-settings'] as const) {
      background.handlers[type] = () => slow.promise;
    }
    const before = background.sent.length;
    mountPersisted(area);
    await waitFor(() => expect(chipText()).toBe('Expired 5 years ago'));
    expect(screen.getByRole('article', { name: 'Deployment 14181336' }).textContent).toContain(
      'Lakeshore Dental',
    );
    // …and asks afresh behind the scenes.
    await waitFor(() =>
      expect(background.sent.slice(before).map((r) => r.type)).toContain('support-status'),
    );
    expect(screen.getByText('Updating…').getAttribute('role')).toBe('status');
  });
});
