// The popup's support status and one-click renewal against a scripted background (only the
// messaging boundary is fake): rows, the cart flow, double clicks, credits, quotes.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { TabIdentifier } from '@/lib/messaging/results';
import { PopupApp } from './PopupApp';
import {
  cartOf,
  deferred,
  fakeBackground,
  found,
  lineFor,
  SETTINGS,
  supportStatusOf,
  view,
} from './testing/fake-background';
import { article, button, click, mountInto } from './testing/render';

const TAB = 7;
const lapsed = view('14181336', '2021-09-07', ['VS0164AB', 'VS0232CD'], 'Lakeshore Dental');
const expiring = view('85922823', '2026-12-08', ['SVX-2F9K-77QA'], 'Harbourline warehouse');
const IDENTIFIERS: TabIdentifier[] = [
  { kind: 'deployment', value: '14181336', count: 2 },
  { kind: 'deployment', value: '30000007', count: 1 },
  { kind: 'deployment', value: '85922823', count: 1 },
  { kind: 'serial', value: 'VS0164AB', count: 1 },
];

let root: HTMLElement;
let background: ReturnType<typeof fakeBackground>;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  background = fakeBackground(TAB, IDENTIFIERS);
  background.handlers['support-status'] = () =>
    supportStatusOf(TAB, [
      found(IDENTIFIERS[0] as TabIdentifier, lapsed),
      { ...(IDENTIFIERS[1] as TabIdentifier), found: false },
      found(IDENTIFIERS[2] as TabIdentifier, expiring),
      found(IDENTIFIERS[3] as TabIdentifier, lapsed),
    ]);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

const mount = () => mountInto(root, <PopupApp tabId={TAB} poppedOut />);
const row = (label: string) => article(root, label);
const text = (node: Element | undefined | null) => node?.textContent ?? '';
const cartSummary = () => text(root.querySelector('[data-testid="cart-summary"]'));

async function rowsShown() {
  await vi.waitFor(() => expect(row('Deployment 14181336')?.querySelector('.chip')).toBeTruthy());
}

describe('support rows', () => {
  test('name, product, serials, status chip, plan in words and figures, and Add to cart', async () => {
    await mount();
    await rowsShown();
    const lapsedRow = row('Deployment 14181336');
    expect(text(lapsedRow?.querySelector('.row-name'))).toBe('Lakeshore Dental');
    expect(text(lapsedRow)).toContain('PBXact 60');
    expect(text(lapsedRow)).toContain('VS0164AB, VS0232CD');
    expect(text(lapsedRow?.querySelector('[data-testid="status-chip"]'))).toBe(
      'Expired 5 years ago',
    );
    expect(text(lapsedRow?.querySelector('.plan-words'))).toMatch(
      /^6 × 1-year support: 5 catch-up \+ 1 ahead → new expiry .*2027$/,
    );
    expect(text(lapsedRow?.querySelector('.plan-price'))).toBe('$1,794.00 (6 × $299.00)');
    expect(button(lapsedRow as HTMLElement, 'Add deployment 14181336 to cart')).toBeTruthy();

    const expiringRow = row('Deployment 85922823');
    expect(text(expiringRow?.querySelector('.chip'))).toBe('Expires in 12 days');
    expect(text(expiringRow?.querySelector('.plan-words'))).toMatch(
      /^1 × 1-year support → new expiry .*2027$/,
    );

    // Another organization's deployment is indistinguishable from an unknown one.
    expect(text(row('Deployment 30000007'))).toContain('Not found in your portal account');
    // The serial's deployment already has its full row: this one points to it.
    const serialRow = row('Serial VS0164AB');
    expect(text(serialRow)).toContain('Part of deployment 14181336');
    expect(serialRow?.querySelector('button[aria-label^="Add"]')).toBeNull();
  });

  test('one support request for the whole tab', async () => {
    await mount();
    await rowsShown();
    expect(background.sentOf('support-status')).toEqual([{ type: 'support-status', tabId: TAB }]);
  });
});

describe('the cart', () => {
  test('a renewal the portal did not confirm: "Check the cart" reads the cart and the row follows it', async () => {
    background.handlers['add-renewal'] = () => ({
      ok: false,
      error: {
        kind: 'outcome-unknown',
        operation: 'add-renewal',
        cause: { kind: 'portal-unavailable', cause: 'timeout' },
        check: { kind: 'portal-unavailable', cause: 'timeout' },
      },
    });
    await mount();
    await rowsShown();
    await vi.waitFor(() => expect(cartSummary()).toBe('Cart is empty'));
    await click(button(root, 'Add deployment 14181336 to cart'));
    const notice = () => row('Deployment 14181336')?.querySelector('[role="alert"]');
    await vi.waitFor(() =>
      expect(text(notice())).toContain('The portal did not confirm the renewal'),
    );
    expect([...(notice()?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toEqual([
      'Check the cart',
      'Try again',
    ]);

    // The renewal had in fact landed: the cart read shows it, and the row says so.
    background.handlers['get-cart'] = () => ({ ok: true, value: cartOf([lineFor(lapsed)]) });
    const readsBefore = background.sentOf('get-cart').length;
    await click(button(notice() as HTMLElement, 'Check the cart'));
    await vi.waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart (6 years)'));
    expect(background.sentOf('get-cart').length).toBeGreaterThan(readsBefore);
    expect(background.sentOf('add-renewal')).toHaveLength(1);
  });

  test('a renewal the portal did not confirm, not in the cart after all: the reason, and Try again', async () => {
    background.handlers['add-renewal'] = () => ({
      ok: false,
      error: {
        kind: 'outcome-unknown',
        operation: 'add-renewal',
        cause: { kind: 'portal-unavailable', cause: 'timeout' },
        check: { kind: 'portal-unavailable', cause: 'timeout' },
      },
    });
    await mount();
    await rowsShown();
    await vi.waitFor(() => expect(cartSummary()).toBe('Cart is empty'));
    await click(button(root, 'Add deployment 14181336 to cart'));
    const notice = () => row('Deployment 14181336')?.querySelector('[role="alert"]');
    await vi.waitFor(() => expect(text(notice())).toContain('did not confirm'));
    await click(button(notice() as HTMLElement, 'Check the cart'));
    await vi.waitFor(() => expect(text(notice())).toContain('The portal did not answer in time'));
    expect(button(notice() as HTMLElement, 'Check the cart')).toBeUndefined();
    expect(button(notice() as HTMLElement, 'Try again')).toBeTruthy();
  });

  test('Add to cart → In cart (6 years) → Remove', async () => {
    background.handlers['add-renewal'] = () => ({
      ok: true,
      value: { line: lineFor(lapsed), cart: cartOf([lineFor(lapsed)]) },
    });
    background.handlers['remove-cart-line'] = () => ({ ok: true, value: cartOf([]) });
    await mount();
    await rowsShown();
    await vi.waitFor(() => expect(cartSummary()).toBe('Cart is empty'));

    await click(button(root, 'Add deployment 14181336 to cart'));
    await vi.waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart (6 years)'));
    expect(background.sentOf('add-renewal')).toEqual([
      { type: 'add-renewal', deploymentId: '14181336', quantity: 6, credits: 'organization' },
    ]);
    expect(cartSummary()).toContain('1 line');
    expect(cartSummary()).toContain('$1,794.00');
    await vi.waitFor(() =>
      expect(text(root.querySelector('[data-testid="announcer"]'))).toBe(
        'Added deployment 14181336 to the cart (6 years)',
      ),
    );

    await click(button(root, 'Remove deployment 14181336 from the cart'));
    await vi.waitFor(() => expect(button(root, 'Add deployment 14181336 to cart')).toBeTruthy());
    expect(background.sentOf('remove-cart-line')).toEqual([
      { type: 'remove-cart-line', lineId: 'line-14181336' },
    ]);
    expect(cartSummary()).toBe('Cart is empty');
  });

  test('a double click sends one request, and the button waits for the answer', async () => {
    const answer = deferred<never>();
    background.handlers['add-renewal'] = () => answer.promise;
    await mount();
    await rowsShown();
    const add = button(root, 'Add deployment 14181336 to cart') as HTMLButtonElement;
    await act(() => {
      add.click();
      add.click();
    });
    await vi.waitFor(() => expect(add.disabled).toBe(true));
    expect(add.textContent).toContain('Adding…');
    await act(() => add.click());
    expect(background.sentOf('add-renewal')).toHaveLength(1);
    await act(() =>
      answer.resolve({
        ok: true,
        value: { line: lineFor(lapsed), cart: cartOf([lineFor(lapsed)]) },
      } as never),
    );
    await vi.waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart'));
    expect(background.sentOf('add-renewal')).toHaveLength(1);
  });

  test('a dropped connection: the error says so, Retry puts the same line once', async () => {
    let calls = 0;
    background.handlers['add-renewal'] = () =>
      ++calls === 1
        ? { ok: false, error: { kind: 'portal-unavailable', cause: 'network' } }
        : { ok: true, value: { line: lineFor(lapsed), cart: cartOf([lineFor(lapsed)]) } };
    await mount();
    await rowsShown();
    await click(button(root, 'Add deployment 14181336 to cart'));
    const lapsedRow = () => row('Deployment 14181336') as HTMLElement;
    await vi.waitFor(() =>
      expect(text(lapsedRow().querySelector('[role="alert"]'))).toContain(
        'The portal cannot be reached',
      ),
    );
    await click(button(lapsedRow(), 'Try again'));
    await vi.waitFor(() => expect(text(lapsedRow())).toContain('In cart (6 years)'));
    const puts = background.sentOf('add-renewal');
    expect(puts).toHaveLength(2);
    expect(puts[0]).toEqual(puts[1]);
    expect(cartSummary()).toContain('1 line');
  });

  test('the portal asks for more years: the row offers exactly that', async () => {
    background.handlers['add-renewal'] = (request) =>
      request.quantity === 6
        ? {
            ok: false,
            error: { kind: 'invalid-request', status: 422, fieldErrors: [], requiredQuantity: 7 },
          }
        : { ok: true, value: { line: lineFor(lapsed, 7), cart: cartOf([lineFor(lapsed, 7)]) } };
    await mount();
    await rowsShown();
    await click(button(root, 'Add deployment 14181336 to cart'));
    await vi.waitFor(() =>
      expect(text(row('Deployment 14181336'))).toContain('More years are needed'),
    );
    await click(button(root, 'Add 7 years instead'));
    await vi.waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart (7 years)'));
  });

  test('credits default to the setting; the choice made here is what is sent', async () => {
    background.handlers['get-settings'] = () => ({
      ok: true,
      value: { ...SETTINGS, creditsChoice: 'card' },
    });
    background.handlers['add-renewal'] = () => ({
      ok: true,
      value: { line: lineFor(expiring), cart: cartOf([lineFor(expiring)]) },
    });
    await mount();
    await rowsShown();
    const radio = (value: string) =>
      root.querySelector<HTMLInputElement>(`input[name="credits"][value="${value}"]`);
    await vi.waitFor(() => expect(radio('card')?.checked).toBe(true));
    expect(text(radio('organization')?.parentElement)).toBe(
      'Link support credits to my organization',
    );
    await act(() => radio('organization')?.click());
    expect(radio('organization')?.checked).toBe(true);
    await click(button(root, 'Add deployment 85922823 to cart'));
    await vi.waitFor(() => expect(background.sentOf('add-renewal')).toHaveLength(1));
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
    await mount();
    await rowsShown();
    expect(text(root.querySelector('#add-all-hint'))).toBe('1 expired, not in the cart yet');
    await click(button(root, 'Add all expired to cart'));
    await vi.waitFor(() => expect(background.sentOf('add-all-expired')).toHaveLength(1));
    await vi.waitFor(() => expect(text(row('Deployment 14181336'))).toContain('In cart (6 years)'));
    expect(background.sentOf('add-all-expired')).toEqual([
      { type: 'add-all-expired', tabId: TAB, credits: 'organization', deploymentIds: ['14181336'] },
    ]);
    expect(text(root.querySelector('[data-testid="add-all-failed"]'))).toContain(
      '55512345: Not known to the portal',
    );
    expect(button(root, 'Add all expired to cart')?.disabled).toBe(true);
    expect(text(root.querySelector('#add-all-hint'))).toBe(
      'Every expired deployment is in the cart',
    );
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
    await mount();
    await vi.waitFor(() => expect(cartSummary()).toContain('1 line'));

    await click(button(root, 'Open cart'));
    expect(background.sentOf('open-portal')).toEqual([{ type: 'open-portal', page: 'cart' }]);

    await click(button(root, 'Save as quote'));
    await vi.waitFor(() =>
      expect(text(root.querySelector('[data-testid="quote-saved"]'))).toContain(
        'Saved as quote Q-20261126-0001 ($1,794.00)',
      ),
    );
    await vi.waitFor(() => expect(cartSummary()).toBe('Cart is empty'));
    expect(background.sentOf('save-quote')).toHaveLength(1);
    expect(button(root, 'Save as quote')?.disabled).toBe(true);
  });
});

test('a deployment lapsed too long for one renewal says who can renew it', async () => {
  const ancient = view('14181336', '1990-01-31');
  background.handlers['support-status'] = () =>
    supportStatusOf(TAB, [found(IDENTIFIERS[0] as TabIdentifier, ancient)]);
  await mount();
  await rowsShown();
  expect(text(row('Deployment 14181336')?.querySelector('[data-testid="too-long"]'))).toBe(
    'Needs 37 years of support, more than one renewal can carry (25). Ask the portal’s staff to renew this deployment.',
  );
  expect(button(root, 'Add deployment 14181336 to cart')).toBeUndefined();
});

test('coverage to the calendar’s end shows no plan and no Add to cart', async () => {
  const forever = view('14181336', '9999-12-31');
  background.handlers['support-status'] = () =>
    supportStatusOf(TAB, [found(IDENTIFIERS[0] as TabIdentifier, forever)]);
  await mount();
  await rowsShown();
  expect(text(row('Deployment 14181336')?.querySelector('[data-testid="plan"]'))).toMatch(
    /^No renewal needed/,
  );
  expect(button(root, 'Add deployment 14181336 to cart')).toBeUndefined();
});
