// A tab with hundreds of identifiers against a scripted background: rows in urgency order,
// status chips with counts, the filter box, and a page of rows at a time.
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { IdentifierStatus, SupportView } from '@/lib/messaging/portal-results';
import type { TabIdentifier } from '@/lib/messaging/results';
import { PopupApp } from './PopupApp';
import {
  cartOf,
  fakeBackground,
  found,
  lineFor,
  supportStatusOf,
  view,
} from './testing/fake-background';
import { testQueryClient } from './testing/render';

const TAB = 9;
const deployment = (n: number): TabIdentifier => ({
  kind: 'deployment',
  value: String(20000000 + n),
  count: 1,
});

// 150 deployments: every fifth not found; the rest expired, expiring or active in turn.
const IDENTIFIERS = Array.from({ length: 150 }, (_, n) => deployment(n));
const VIEWS = new Map<string, SupportView>();
for (const [n, identifier] of IDENTIFIERS.entries()) {
  if (n % 5 === 4) continue;
  const expiresOn = ['2020-01-01', '2026-12-10', '2028-01-01', '2022-06-30'][n % 4] as string;
  VIEWS.set(
    identifier.value,
    view(identifier.value, expiresOn, [], n === 7 ? 'Harbourline warehouse' : undefined),
  );
}
const statusOf = (identifier: TabIdentifier): IdentifierStatus => {
  const support = VIEWS.get(identifier.value);
  return support ? found(identifier, support) : { ...identifier, found: false };
};

/** Like the background: the items asked for (a page of them), else the whole tab. */
function answerTo(request: Record<string, unknown>) {
  const asked = request.items as { value: string }[] | undefined;
  const wanted = asked ? new Set(asked.map((item) => item.value)) : undefined;
  return supportStatusOf(
    TAB,
    IDENTIFIERS.filter((identifier) => wanted?.has(identifier.value) ?? true).map(statusOf),
  );
}

let background: ReturnType<typeof fakeBackground>;
beforeEach(() => {
  background = fakeBackground(TAB, IDENTIFIERS);
  background.handlers['support-status'] = answerTo;
});
afterEach(cleanup);
// Rendering a hundred rows in happy-dom on a shared machine takes seconds.
vi.setConfig({ testTimeout: 30_000 });

async function mount() {
  render(
    <QueryClientProvider client={testQueryClient()}>
      <PopupApp tabId={TAB} poppedOut />
    </QueryClientProvider>,
  );
  await waitFor(() => expect(screen.getAllByTestId('status-chip').length).toBeGreaterThan(0), {
    timeout: 10_000,
  });
}

const rowNames = () =>
  screen.getAllByRole('article').map((row) => row.getAttribute('aria-label') ?? '');
const chip = (name: RegExp) => screen.getByRole('button', { name });

test('the most urgent first: expired (longest lapsed on top), expiring, active, not found', async () => {
  await mount();
  const rows = screen.getAllByRole('article');
  const standings = rows.map((row) => row.className.replace('row ', '') || 'none');
  // The first rows lapsed in 2020 (n % 4 === 0), then those lapsed in 2022.
  expect(standings.slice(0, 3)).toEqual(['row-expired', 'row-expired', 'row-expired']);
  const first = within(rows[0] as HTMLElement).getByTestId('status-chip').textContent;
  expect(first).toMatch(/^Expired 6 years ago$/);
  expect(rowNames()[0]).toBe('Deployment 20000000');
});

test('chips count each standing and show only its rows; "All" shows them again', async () => {
  const user = userEvent.setup();
  await mount();
  expect(chip(/^All/).textContent).toBe('All 150');
  expect(chip(/^Expired/).textContent).toBe('Expired 60');
  expect(chip(/^Expiring/).textContent).toBe('Expiring 30');
  expect(chip(/^Active/).textContent).toBe('Active 30');
  expect(chip(/^Not found/).textContent).toBe('Not found 30');
  expect(screen.queryByRole('button', { name: /^Checking/ })).toBeNull();
  expect(chip(/^All/).getAttribute('aria-pressed')).toBe('true');

  await user.click(chip(/^Expiring/));
  expect(chip(/^Expiring/).getAttribute('aria-pressed')).toBe('true');
  expect(chip(/^All/).getAttribute('aria-pressed')).toBe('false');
  expect(screen.getAllByRole('article')).toHaveLength(30);
  for (const row of screen.getAllByRole('article')) {
    expect(within(row).getByTestId('status-chip').textContent).toBe('Expires in 14 days');
  }
  expect(screen.queryByTestId('rows-shown')).toBeNull();

  await user.click(chip(/^Not found/));
  expect(screen.getAllByTestId('not-found')).toHaveLength(30);

  await user.click(chip(/^All/));
  expect(screen.getByTestId('rows-shown').textContent).toBe('Showing 100 of 150');
});

test('the filter box matches a deployment number, a name or an organization', async () => {
  const user = userEvent.setup();
  await mount();
  const box = screen.getByRole('searchbox', {
    name: 'Filter by deployment, serial, name or organization',
  });
  await user.type(box, 'harbourline');
  expect(rowNames()).toEqual(['Deployment 20000007']);

  await user.clear(box);
  await user.type(box, '2000012');
  expect(rowNames()).toHaveLength(10);

  await user.clear(box);
  await user.type(box, 'no such thing');
  expect(screen.queryAllByRole('article')).toHaveLength(0);
  expect(screen.getByTestId('no-match').textContent).toBe('No identifier on this page matches.');
});

test('100 rows at first, 100 more at a time; the heading counts them all', async () => {
  const user = userEvent.setup();
  await mount();
  // The first answer paints a few rows first; the page of 100 follows.
  await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(100));
  expect(screen.getByRole('heading', { name: /Deployment IDs/ }).textContent).toBe(
    'Deployment IDs 150',
  );
  await user.click(screen.getByRole('button', { name: 'Show 50 more' }));
  expect(screen.getAllByRole('article')).toHaveLength(150);
  expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();
});

test('Add to cart is primary on lapsed and expiring rows and quieter on active ones', async () => {
  const user = userEvent.setup();
  await mount();
  const addOf = (id: string) =>
    screen.getByRole('button', { name: `Add deployment ${id} to cart` });
  expect(addOf('20000000').className).toBe('button button-primary');
  await user.click(chip(/^Expiring/));
  expect(addOf('20000001').className).toBe('button button-primary');
  await user.click(chip(/^Active/));
  expect(addOf('20000002').className).toBe('button');
});

test('a long list is asked 100 at a time; rows and "Checked N of M" appear as pages answer', async () => {
  const pending: { request: Record<string, unknown>; answer: () => void }[] = [];
  background.handlers['support-status'] = (request) =>
    new Promise((resolve) => {
      pending.push({ request, answer: () => resolve(answerTo(request)) });
    });
  render(
    <QueryClientProvider client={testQueryClient()}>
      <PopupApp tabId={TAB} poppedOut />
    </QueryClientProvider>,
  );
  await waitFor(() => expect(pending).toHaveLength(2));
  expect(pending.map(({ request }) => (request.items as unknown[]).length)).toEqual([100, 50]);
  expect(screen.getAllByTestId('row-checking')).toHaveLength(100);

  pending[1]?.answer();
  await waitFor(
    () => expect(screen.getByTestId('status-progress').textContent).toBe('Checked 50 of 150'),
    { timeout: 10_000 },
  );
  // The answered page's expired rows come first; the rest still say they are checking.
  expect(screen.getAllByTestId('status-chip').length).toBeGreaterThan(0);
  await waitFor(() => expect(screen.getAllByTestId('row-checking').length).toBeGreaterThan(0));
  expect(chip(/^Checking/).textContent).toBe('Checking 100');

  pending[0]?.answer();
  await waitFor(() => expect(screen.queryAllByTestId('row-checking')).toHaveLength(0), {
    timeout: 10_000,
  });
  await waitFor(() => expect(screen.queryByTestId('status-progress')?.textContent ?? '').toBe(''));
  expect(chip(/^All/).textContent).toBe('All 150');
  expect(chip(/^Expired/).textContent).toBe('Expired 60');
});

test('Add all expired: 20 at a time with progress, a summary, and Retry for the failed one only', async () => {
  const user = userEvent.setup();
  let lines: ReturnType<typeof lineFor>[] = [];
  let refuse = true;
  let release: (() => void) | undefined;
  background.handlers['get-cart'] = () => ({ ok: true, value: cartOf(lines) });
  background.handlers['add-all-expired'] = async (request) => {
    const batch = request.deploymentIds as string[];
    // The first batch waits for the test, so its progress can be read.
    if (lines.length === 0 && refuse) await new Promise<void>((go) => (release = go));
    const failed = refuse && batch.includes('20000000') ? ['20000000'] : [];
    const inCart = new Set(lines.map((l) => l.deploymentId));
    const added = batch
      .filter((id) => !failed.includes(id) && !inCart.has(id))
      .map((id) => lineFor(VIEWS.get(id) as SupportView));
    lines = [...lines, ...added];
    return {
      ok: true,
      value: {
        added,
        alreadyInCart: batch.filter((id) => inCart.has(id)),
        failed: failed.map((deploymentId) => ({
          deploymentId,
          quantity: 7,
          error: { kind: 'not-found', status: 404 },
        })),
        cart: cartOf(lines),
      },
    };
  };
  await mount();
  await waitFor(() => expect(screen.queryAllByTestId('row-checking')).toHaveLength(0), {
    timeout: 10_000,
  });
  const progress = () => screen.getByTestId('add-all-progress').textContent;
  expect(progress()).toBe('60 expired, not in the cart yet');

  await user.click(screen.getByRole('button', { name: 'Add all expired to cart' }));
  await waitFor(() => expect(progress()).toBe('Adding 20 of 60…'));
  release?.();
  await waitFor(
    () => expect(screen.getByTestId('add-all-summary').textContent).toBe('Added 59. 1 failed:'),
    {
      timeout: 10_000,
    },
  );
  expect(
    background.sentOf('add-all-expired').map((r) => (r.deploymentIds as string[]).length),
  ).toEqual([20, 20, 20]);
  const failures = screen.getByTestId('add-all-failed');
  expect(within(failures).getByRole('listitem').textContent).toBe(
    '20000000: Not known to the portal',
  );
  expect(progress()).toBe('1 expired, not in the cart yet');

  refuse = false;
  await user.click(within(failures).getByRole('button', { name: 'Retry the failed one' }));
  await waitFor(() => expect(screen.getByTestId('add-all-summary').textContent).toBe('Added 1.'), {
    timeout: 10_000,
  });
  expect(background.sentOf('add-all-expired').at(-1)?.deploymentIds).toEqual(['20000000']);
  expect(progress()).toBe('Every expired deployment is in the cart');
  // One line per deployment, never two.
  expect(new Set(lines.map((l) => l.deploymentId)).size).toBe(lines.length);
  expect(lines).toHaveLength(60);
});

test('Add all expired when nothing goes in and every batch fails alike: the portal error, with its own button', async () => {
  const user = userEvent.setup();
  background.handlers['add-all-expired'] = () => ({
    ok: false,
    error: { kind: 'signed-out', reason: 'unauthenticated', status: 401 },
  });
  await mount();
  await waitFor(() => expect(screen.queryByRole('button', { name: /^Checking/ })).toBeNull(), {
    timeout: 10_000,
  });
  await user.click(screen.getByRole('button', { name: 'Add all expired to cart' }));
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Sign in to the portal' })).toBeTruthy(),
  );
  // The first batch failed as a whole: nothing more was sent.
  expect(background.sentOf('add-all-expired')).toHaveLength(1);
  expect(screen.queryByTestId('add-all-failed')).toBeNull();
});
