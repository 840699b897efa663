// The popup when the portal is not there for it, in real Chromium against the real sandbox:
// signed out (no session, then a session that expired into the portal's HTML sign-in page),
// the portal failing (502 on the lookup, 500 on "Add to cart") and the portal gone. Each time
// the popup says so in a sentence, keeps the page's identifiers and the cart, and "Try again"
// works once the portal is back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { withRenewalHarness } from './support/harness';
import {
  deploymentRow,
  forgetCachedAnswers,
  LOOKUP_ROUTE,
  portalCart,
  startPortalFor,
  TICKET_DEPLOYMENTS,
  waitForIdentifiers,
  waitForStatus,
  withFaults,
} from './support/portal';
import { openPopupFor } from './support/shell';

// A data file, so the portal can be stopped and started again with the same carts and sessions.
const dataDir = mkdtempSync(join(tmpdir(), 'renewal-scout-portal-'));
const dataFile = join(dataDir, 'portal.sqlite');
// Registered first, so it runs after the harness has closed the portal.
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const harness = withRenewalHarness({
  page: 'ticket.html',
  signedIn: false,
  portalDataFile: dataFile,
});

/** The popup's alert about the lookup (above the rows), once it shows. */
async function alertOf(popup: Page) {
  const alert = popup.getByRole('alert').first();
  await alert.waitFor({ timeout: 20_000 });
  return alert;
}

test('signed out: "Sign in to the portal" opens its page; signed in there, Try again shows the statuses', async () => {
  const popup = await openPopupFor(harness.ext, harness.tabId);
  await waitForIdentifiers(popup, TICKET_DEPLOYMENTS);
  const alert = await alertOf(popup);
  expect(await alert.textContent()).toContain('You are signed out of the portal');
  expect(await popup.getByTestId('signed-out').count()).toBe(1);
  expect(await alert.getByRole('button', { name: 'use a personal access token' }).count()).toBe(1);

  const opened = harness.ext.context.waitForEvent('page', (page) =>
    page.url().startsWith(harness.portal.url),
  );
  await alert.getByRole('button', { name: 'Sign in to the portal' }).click();
  const signInPage = await opened;
  await signInPage.waitForLoadState('domcontentloaded');
  expect(new URL(signInPage.url()).pathname).toBe('/sign-in');
  await signInPage.getByLabel('Email').fill('reseller@example.test');
  await signInPage.getByLabel('Password').fill('renewal-scout-demo');
  await Promise.all([
    signInPage.waitForURL(/\/cart$/),
    signInPage.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  await signInPage.close();

  await alert.getByRole('button', { name: 'Try again' }).click();
  await waitForStatus(popup, '14181336');
  expect(await popup.getByTestId('signed-out').count()).toBe(0);
  await popup.close();
});

test('a session that expired into the portal’s HTML sign-in page shows the signed-out state', async () => {
  await forgetCachedAnswers(harness.ext);
  await withFaults(harness.portal, [{ route: LOOKUP_ROUTE, kind: 'html-signin' }], async () => {
    const popup = await openPopupFor(harness.ext, harness.tabId);
    await waitForIdentifiers(popup, TICKET_DEPLOYMENTS);
    const alert = await alertOf(popup);
    expect(await alert.textContent()).toContain('Your portal session has expired');
    expect(await alert.getByRole('button', { name: 'Sign in to the portal' }).count()).toBe(1);
    expect(await popup.getByTestId('status-chip').count()).toBe(0);
    await popup.close();
  });
});

test('portal down (502): a clear error, the cart kept, Try again works once it is back', async () => {
  // Something in the cart first: the failure must not lose it.
  await forgetCachedAnswers(harness.ext);
  let popup = await openPopupFor(harness.ext, harness.tabId);
  await waitForStatus(popup, '14181336');
  await popup.getByRole('button', { name: 'Add deployment 14181336 to cart' }).click();
  await deploymentRow(popup, '14181336').getByTestId('in-cart').waitFor({ timeout: 15_000 });
  await popup.close();

  await forgetCachedAnswers(harness.ext);
  const alert = await withFaults(harness.portal, [{ route: LOOKUP_ROUTE, kind: 502 }], async () => {
    popup = await openPopupFor(harness.ext, harness.tabId);
    await waitForIdentifiers(popup, TICKET_DEPLOYMENTS);
    const shown = await alertOf(popup);
    expect(await shown.textContent()).toContain('The portal is having trouble');
    expect(await shown.textContent()).toContain('Nothing was lost');
    expect(await portalCart(harness.portal)).toEqual([
      expect.objectContaining({ deploymentId: '14181336', quantity: 6 }),
    ]);
    return shown;
  });

  await alert.getByRole('button', { name: 'Try again' }).click();
  await waitForStatus(popup, '14181336');
  expect(await deploymentRow(popup, '14181336').getByTestId('in-cart').textContent()).toContain(
    'In cart (6 years)',
  );
  await popup.close();
});

test('"Add to cart" failing (500) adds nothing; its Try again adds one line', async () => {
  const popup = await openPopupFor(harness.ext, harness.tabId);
  await waitForStatus(popup, '47310958');
  const failing = { route: '/api/v1/cart/renewals/*', method: 'PUT', kind: 500 } as const;
  await withFaults(harness.portal, [failing], async () => {
    await popup.getByRole('button', { name: 'Add deployment 47310958 to cart' }).click();
    const error = deploymentRow(popup, '47310958').getByRole('alert');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toContain('The portal is having trouble');
    expect((await portalCart(harness.portal)).map((line) => line.deploymentId)).toEqual([
      '14181336',
    ]);
  });
  await deploymentRow(popup, '47310958').getByRole('button', { name: 'Try again' }).click();
  await deploymentRow(popup, '47310958').getByTestId('in-cart').waitFor({ timeout: 15_000 });
  const lines = await portalCart(harness.portal);
  expect(lines.filter((line) => line.deploymentId === '47310958')).toEqual([
    expect.objectContaining({ quantity: 2 }),
  ]);
  expect(lines).toHaveLength(2);
  await popup.close();
});

test('portal gone: "cannot be reached"; started again, Try again shows the statuses and the cart', async () => {
  const { port } = harness.portal;
  await harness.portal.close();
  await forgetCachedAnswers(harness.ext);
  const popup = await openPopupFor(harness.ext, harness.tabId);
  await waitForIdentifiers(popup, TICKET_DEPLOYMENTS);
  const alert = await alertOf(popup);
  expect(await alert.textContent()).toContain('The portal cannot be reached');

  harness.portal = await startPortalFor(harness.ext, { port, dataFile });
  await alert.getByRole('button', { name: 'Try again' }).click();
  await waitForStatus(popup, '14181336');
  expect(await deploymentRow(popup, '14181336').getByTestId('in-cart').textContent()).toContain(
    'In cart (6 years)',
  );
  expect(await portalCart(harness.portal)).toHaveLength(2);
  await popup.close();
});
