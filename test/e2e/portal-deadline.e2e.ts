// The popup when the portal hangs or answers a write with garbage, in real Chromium against
// the real sandbox: a hung lookup is reported within ten seconds; a renewal that lands but
// answers garbage shows "In cart" with exactly one line in the portal's cart; one whose
// answer never comes, with a cart that cannot be read, offers "Check the cart", which shows
// the line once the portal is back.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { withRenewalHarness } from './support/harness';
import {
  clearFaults,
  forgetCachedAnswers,
  injectFault,
  LOOKUP_ROUTE,
  portalCart,
  waitForIdentifiers,
  waitForStatus,
} from './support/portal';
import { openPopupFor } from './support/shell';

const ON_THE_PAGE = ['14181336', '47310958', '96295684', '30000007', '58602147', '85922823'];
/** What the user was promised: a hung portal is reported within this. */
const PROMISED_MS = 10_000;

const harness = withRenewalHarness({ page: 'ticket.html', signedIn: true });

const row = (popup: Page, deploymentId: string) =>
  popup.getByRole('article', { name: `Deployment ${deploymentId}` });

test('a hung portal: the popup says so within 10 s', async () => {
  await forgetCachedAnswers(harness.ext);
  await injectFault(harness.portal, { route: LOOKUP_ROUTE, kind: 'hang' });
  try {
    const popup = await openPopupFor(harness.ext, harness.tabId);
    await waitForIdentifiers(popup, ON_THE_PAGE);
    // The lookup is asked as soon as the identifiers are known.
    const asked = Date.now();
    const alert = popup.getByRole('alert').first();
    await alert.waitFor({ timeout: 20_000 });
    const waited = Date.now() - asked;
    console.log(`hung portal reported after ${waited} ms (loaded machine: indicative only)`);
    expect(await alert.textContent()).toContain('The portal did not answer in time');
    expect(waited).toBeLessThan(PROMISED_MS);
    await popup.close();
  } finally {
    await clearFaults(harness.portal);
  }
});

test('a renewal that lands but answers garbage: "In cart", and one line in the portal', async () => {
  await forgetCachedAnswers(harness.ext);
  const popup = await openPopupFor(harness.ext, harness.tabId);
  await waitForStatus(popup, '14181336');
  await injectFault(harness.portal, {
    route: '/api/v1/cart/renewals/*',
    method: 'PUT',
    kind: 'acted-then-garbage',
  });
  try {
    await popup.getByRole('button', { name: 'Add deployment 14181336 to cart' }).click();
    const inCart = row(popup, '14181336').getByTestId('in-cart');
    await inCart.waitFor({ timeout: 15_000 });
    expect(await inCart.textContent()).toContain('In cart (6 years)');
    expect(await row(popup, '14181336').getByRole('alert').count()).toBe(0);
  } finally {
    await clearFaults(harness.portal);
  }
  expect(await portalCart(harness.portal)).toEqual([
    expect.objectContaining({ deploymentId: '14181336', quantity: 6 }),
  ]);
  await popup.close();
});

test('a renewal whose answer never comes and a cart that hangs: "Check the cart" shows the truth', async () => {
  const popup = await openPopupFor(harness.ext, harness.tabId);
  await waitForStatus(popup, '47310958');
  await injectFault(harness.portal, {
    route: '/api/v1/cart/renewals/*',
    method: 'PUT',
    kind: 'acted-then-hang',
  });
  await injectFault(harness.portal, { route: '/api/v1/cart', method: 'GET', kind: 'hang' });
  const error = row(popup, '47310958').getByRole('alert');
  try {
    const clicked = Date.now();
    await popup.getByRole('button', { name: 'Add deployment 47310958 to cart' }).click();
    await error.waitFor({ timeout: 20_000 });
    const waited = Date.now() - clicked;
    console.log(
      `unconfirmed renewal reported after ${waited} ms (loaded machine: indicative only)`,
    );
    expect(await error.textContent()).toContain('The portal did not confirm the renewal');
    expect(waited).toBeLessThan(PROMISED_MS);
  } finally {
    await clearFaults(harness.portal);
  }
  await error.getByRole('button', { name: 'Check the cart' }).click();
  const inCart = row(popup, '47310958').getByTestId('in-cart');
  await inCart.waitFor({ timeout: 15_000 });
  expect(await inCart.textContent()).toContain('In cart (2 years)');
  const lines = await portalCart(harness.portal);
  expect(lines.filter((line) => line.deploymentId === '47310958')).toHaveLength(1);
  expect(lines).toHaveLength(2);
  await popup.close();
});
