// The popup's support status and one-click renewal against a scripted background (only the
// messaging boundary is fake): rows, the cart flow, double clicks, credits, quotes.
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { TabIdentifier } from '@/lib/messaging/results';
import { PopupApp } from './PopupApp';
import {
  cartOf,
  deferred,
  fakeBackground,
  found,
  lineFor,
  renewalAdded,
  SETTINGS,
  supportStatusOf,
  view,
} from './testing/fake-background';
import { renderWithQueries } from './testing/render';

const TAB = 7;
const lapsed = view('14181336', '2021-09-07', ['VS0164AB', 'VS0232CD'], 'Lakeshore Dental');
const expiring = view('85922823', '2026-12-08', ['SVX-2F9K-77QA'], 'Harbourline warehouse');
const IDENTIFIERS: TabIdentifier[] = [
  { kind: 'deployment', value: '14181336', count: 2 },
  { kind: 'deployment', value: '30000007', count: 1 },
  { kind: 'deployment', value: '85922823', count: 1 },
  { kind: 'serial', value: 'VS0164AB', count: 1 },
];

let background: ReturnType<typeof fakeBackground>;

beforeEach(() => {
  background = fakeBackground(TAB, IDENTIFIERS);
  background.handlers['support-status'] = () =>
    supportStatusOf(TAB, [
      found(IDENTIFIERS[0] as TabIdentifier, lapsed),
      { ...(IDENTIFIERS[1] as TabIdentifier), found: false },
      found(IDENTIFIERS[2] as TabIdentifier, expiring),
      found(IDENTIFIERS[3] as TabIdentifier, lapsed),
    ]);
});

afterEach(cleanup);

const mount = () => renderWithQueries(<PopupApp tabId={TAB} poppedOut />);
const row = (label: string) => screen.getByRole('article', { name: label });
const text = (node: Element | undefined | null) => node?.textContent ?? '';
const cartSummary = () => text(screen.queryByTestId('cart-summary'));
const addButton = (id: string) =>
  screen.getByRole('button', { name: `Add deployment ${id} to cart` });
/** The alert in a row: what went wrong with its renewal. */
const rowAlert = (label: string) => within(row(label)).getByRole('alert');
const buttonNames = (node: HTMLElement) =>
  within(node)
    .getAllByRole('button')
    .map((b) => b.textContent);

/** What a screen reader reads after an element's name: the text it points to as its description. */
const description = (element: HTMLElement) =>
  text(document.getElementById(element.getAttribute('aria-describedby') ?? ''));

async function rowsShown() {
  await waitFor(() => within(row('Deployment 14181336')).getByTestId('status-chip'));
}

/** Opens the popup and waits for its support rows; returns the user who clicks in it. */
async function openWithRows(options?: Parameters<typeof userEvent.setup>[0]) {
  const user = userEvent.setup(options);
  mount();
  await rowsShown();
  return user;
}

/**
 * Add to cart on the lapsed row, and the portal never confirms it: returns the user and the
 * row's notice once it says so.
 */
async function addUnconfirmed() {
  background.handlers['add-renewal'] = () => ({
    ok: false,
    error: {
      kind: 'outcome-unknown',
      operation: 'add-renewal',
      cause: { kind: 'portal-unavailable', cause: 'timeout' },
      check: { kind: 'portal-unavailable', cause: 'timeout' },
    },
  });
  const user = await openWithRows();
  await waitFor(() => expect(cartSummary()).toBe('Cart is empty'));
  await user.click(addButton('14181336'));
  const notice = () => rowAlert('Deployment 14181336');
  await waitFor(() => expect(text(notice())).toContain('The portal did not confirm the renewal'));
  return { user, notice };
}

describe('support rows', () => {
  test('name, product, serials, status chip, plan in words and figures, and Add to cart', async () => {
    mount();
    await rowsShown();
    const lapsedRow = row('Deployment 14181336');
    expect(text(lapsedRow.querySelector('.row-name'))).toBe('Lakeshore Dental');
    expect(text(lapsedRow)).toContain('PBXact 60');
    expect(text(lapsedRow)).toContain('VS0164AB, VS0232CD');
    expect(text(within(lapsedRow).getByTestId('status-chip'))).toBe('Expired 5 years ago');
    expect(text(lapsedRow.querySelector('.plan-words'))).toMatch(
      /^6 × 1-year support: 5 catch-up \+ 1 ahead → new expiry .*2027$/,
    );
    expect(text(lapsedRow.querySelector('.plan-price'))).toBe('$1,794.00 (6 × $299.00)');
    expect(
      within(lapsedRow).getByRole('button', { name: 'Add deployment 14181336 to cart' }),
    ).toBeTruthy();

    const expiringRow = row('Deployment 85922823');
    expect(text(within(expiringRow).getByTestId('status-chip'))).toBe('Expires in 12 days');
    expect(text(expiringRow.querySelector('.plan-words'))).toMatch(
      /^1 × 1-year support → new expiry .*2027$/,
    );

    // Another organization's deployment is indistinguishable from an unknown one.
    expect(text(row('Deployment 30000007'))).toContain('Not found in your portal account');
    // The serial's deployment already has its full row: this one points to it.
    const serialRow = row('Serial VS0164AB');
    expect(text(serialRow)).toContain('Part of deployment 14181336');
    expect(within(serialRow).queryByRole('button', { name: /^Add/ })).toBeNull();
  });

  test('one support request for the whole tab', async () => {
    mount();
    await rowsShown();
    expect(background.sentOf('support-status')).toEqual([{ type: 'support-status', tabId: TAB }]);
  });
});

describe('the cart', () => {
  test('a renewal the portal did not confirm: "Check the cart" reads the cart and the row follows it', async () => {
    const { user, notice } = await addUnconfirmed();
    expect(buttonNames(notice())).toEqual(['Check the cart', 'Try again']);

    // The renewal had in fact landed: the cart read shows it, and the row says so.
    background.handlers['get-cart'] = () => ({ ok: true, value: cartOf([lineFor(lapsed)]) });
    const readsBefore = background.sentOf('get-cart').length;
    await user.click(within(notice()).getByRole('button', { name: 'Check the cart' }));
    await waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart (6 years)'));
    expect(background.sentOf('get-cart').length).toBeGreaterThan(readsBefore);
    expect(background.sentOf('add-renewal')).toHaveLength(1);
  });

  test('a renewal the portal did not confirm, not in the cart after all: the reason, and Try again', async () => {
    const { user, notice } = await addUnconfirmed();
    await user.click(within(notice()).getByRole('button', { name: 'Check the cart' }));
    await waitFor(() => expect(text(notice())).toContain('The portal did not answer in time'));
    expect(within(notice()).queryByRole('button', { name: 'Check the cart' })).toBeNull();
    expect(within(notice()).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  test('Add to cart → In cart (6 years) → Remove', async () => {
    background.handlers['add-renewal'] = () => renewalAdded(lapsed);
    background.handlers['remove-cart-line'] = () => ({ ok: true, value: cartOf([]) });
    const user = await openWithRows();
    await waitFor(() => expect(cartSummary()).toBe('Cart is empty'));

    await user.click(addButton('14181336'));
    await waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart (6 years)'));
    expect(background.sentOf('add-renewal')).toEqual([
      { type: 'add-renewal', deploymentId: '14181336', quantity: 6, credits: 'organization' },
    ]);
    // The row and the cart bar read the same cart, and may draw it one after the other.
    await waitFor(() => expect(cartSummary()).toContain('1 line'));
    expect(cartSummary()).toContain('$1,794.00');
    await waitFor(() =>
      expect(text(screen.getByTestId('announcer'))).toBe(
        'Added deployment 14181336 to the cart (6 years)',
      ),
    );

    await user.click(
      screen.getByRole('button', { name: 'Remove deployment 14181336 from the cart' }),
    );
    await waitFor(() => expect(addButton('14181336')).toBeTruthy());
    expect(background.sentOf('remove-cart-line')).toEqual([
      { type: 'remove-cart-line', lineId: 'line-14181336' },
    ]);
    await waitFor(() => expect(cartSummary()).toBe('Cart is empty'));
  });

  test('a double click sends one request, and the button waits for the answer', async () => {
    const answer = deferred<never>();
    background.handlers['add-renewal'] = () => answer.promise;
    // No pause between the clicks: the second lands before the popup has drawn the first.
    const user = await openWithRows({ delay: null });
    const add = addButton('14181336') as HTMLButtonElement;
    await user.dblClick(add);
    await waitFor(() => expect(add.disabled).toBe(true));
    expect(add.textContent).toContain('Adding…');
    await user.click(add);
    expect(background.sentOf('add-renewal')).toHaveLength(1);
    answer.resolve(renewalAdded(lapsed) as never);
    await waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart'));
    expect(background.sentOf('add-renewal')).toHaveLength(1);
  });

  test('a dropped connection: the error says so, Retry puts the same line once', async () => {
    let calls = 0;
    background.handlers['add-renewal'] = () =>
      ++calls === 1
        ? { ok: false, error: { kind: 'portal-unavailable', cause: 'network' } }
        : renewalAdded(lapsed);
    const user = await openWithRows();
    await user.click(addButton('14181336'));
    await waitFor(() =>
      expect(text(rowAlert('Deployment 14181336'))).toContain('The portal cannot be reached'),
    );
    await user.click(within(row('Deployment 14181336')).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart (6 years)'));
    const puts = background.sentOf('add-renewal');
    expect(puts).toHaveLength(2);
    expect(puts[0]).toEqual(puts[1]);
    await waitFor(() => expect(cartSummary()).toContain('1 line'));
  });

  test('the portal asks for more years: the row offers exactly that', async () => {
    background.handlers['add-renewal'] = (request) =>
      request.quantity === 6
        ? {
            ok: false,
            error: { kind: 'invalid-request', status: 422, fieldErrors: [], requiredQuantity: 7 },
          }
        : renewalAdded(lapsed, 7);
    const user = await openWithRows();
    await user.click(addButton('14181336'));
    await waitFor(() =>
      expect(text(row('Deployment 14181336'))).toContain('More years are needed'),
    );
    await user.click(screen.getByRole('button', { name: 'Add 7 years instead' }));
    await waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart (7 years)'));
  });

  test('credits default to the setting; the choice made here is what is sent', async () => {
    background.handlers['get-settings'] = () => ({
      ok: true,
      value: { ...SETTINGS, creditsChoice: 'card' },
    });
    background.handlers['add-renewal'] = () => renewalAdded(expiring);
    const user = await openWithRows();
    const card = screen.getByRole('radio', {
      name: 'Create a support credit card for another organization',
    }) as HTMLInputElement;
    const organization = screen.getByRole('radio', {
      name: 'Link support credits to my organization',
    }) as HTMLInputElement;
    expect([card.value, organization.value]).toEqual(['card', 'organization']);
    await waitFor(() => expect(card.checked).toBe(true));
    await user.click(organization);
    expect(organization.checked).toBe(true);
    await user.click(addButton('85922823'));
    await waitFor(() => expect(background.sentOf('add-renewal')).toHaveLength(1));
    expect(background.sentOf('add-renewal')[0]).toMatchObject({ credits: 'organization' });
  });

  test('Add all expired to cart, with the ones the portal refused listed', async () => {
    background.handlers['add-all-expired'] = () => ({
      ok: true,
      value: {
        added: [lineFor(lapsed)],
        alreadyInCart: [],
        failed: [
          {
            deploymentId: '55512345',
            quantity: 2,
            error: { kind: 'not-found', status: 404 },
          },
        ],
        cart: cartOf([lineFor(lapsed)]),
      },
    });
    const user = await openWithRows();
    const addAll = () =>
      screen.getByRole('button', { name: 'Add all expired to cart' }) as HTMLButtonElement;
    expect(description(addAll())).toBe('1 expired, not in the cart yet');
    await user.click(addAll());
    await waitFor(() => expect(background.sentOf('add-all-expired')).toHaveLength(1));
    await waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart (6 years)'));
    expect(background.sentOf('add-all-expired')).toEqual([
      { type: 'add-all-expired', tabId: TAB, credits: 'organization', deploymentIds: ['14181336'] },
    ]);
    expect(text(screen.getByTestId('add-all-failed'))).toContain(
      '55512345: Not known to the portal',
    );
    expect(addAll().disabled).toBe(true);
    expect(description(addAll())).toBe('Every expired deployment is in the cart');
  });

  test('Save as quote shows the quote number; Open cart opens the portal’s cart', async () => {
    let cart = cartOf([lineFor(lapsed)]);
    background.handlers['get-cart'] = () => ({ ok: true, value: cart });
    background.handlers['save-quote'] = () => {
      const saved = cart;
      cart = cartOf([]);
      return {
        ok: true,
        value: {
          number: 'Q-20261126-0001',
          lines: saved.lines,
          total: saved.total,
          createdAt: '2026-11-26T10:00:00Z',
        },
      };
    };
    background.handlers['open-portal'] = () => ({
      ok: true,
      value: { url: 'http://portal.test/cart' },
    });
    const user = userEvent.setup();
    mount();
    await waitFor(() => expect(cartSummary()).toContain('1 line'));

    await user.click(screen.getByRole('button', { name: 'Open cart' }));
    expect(background.sentOf('open-portal')).toEqual([{ type: 'open-portal', page: 'cart' }]);

    await user.click(screen.getByRole('button', { name: 'Save as quote' }));
    await waitFor(() =>
      expect(text(screen.queryByTestId('quote-saved'))).toContain(
        'Saved as quote Q-20261126-0001 ($1,794.00)',
      ),
    );
    await waitFor(() => expect(cartSummary()).toBe('Cart is empty'));
    expect(background.sentOf('save-quote')).toHaveLength(1);
    expect(
      (screen.getByRole('button', { name: 'Save as quote' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});

test('a deployment lapsed too long for one renewal says who can renew it', async () => {
  const ancient = view('14181336', '1990-01-31');
  background.handlers['support-status'] = () =>
    supportStatusOf(TAB, [found(IDENTIFIERS[0] as TabIdentifier, ancient)]);
  mount();
  await rowsShown();
  expect(text(within(row('Deployment 14181336')).getByTestId('too-long'))).toBe(
    'Needs 37 years of support, more than one renewal can carry (25). Ask the portal’s staff to renew this deployment.',
  );
  expect(screen.queryByRole('button', { name: 'Add deployment 14181336 to cart' })).toBeNull();
});

test('coverage to the calendar’s end shows no plan and no Add to cart', async () => {
  const forever = view('14181336', '9999-12-31');
  background.handlers['support-status'] = () =>
    supportStatusOf(TAB, [found(IDENTIFIERS[0] as TabIdentifier, forever)]);
  mount();
  await rowsShown();
  expect(text(within(row('Deployment 14181336')).getByTestId('plan'))).toMatch(
    /^No renewal needed/,
  );
  expect(screen.queryByRole('button', { name: 'Add deployment 14181336 to cart' })).toBeNull();
});
