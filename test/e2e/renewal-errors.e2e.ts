// The popup when the portal is not there for it, in real Chromium against the real sandbox:
// signed out (no session, then a session that expired into the portal's HTML sign-in page),
// the portal failing (502 on the lookup, 500 on "Add to cart") and the portal gone. Each time
// the popup says so in a sentence, keeps the page's identifiers and the cart, and "Try again"
// works once the portal is back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningSandbox } from '../../sandbox/server';
import { type LaunchedExtension, launchExtension } from './support/extension';
import {
  clearFaults,
  forgetCachedAnswers,
  injectFault,
  LOOKUP_ROUTE,
  portalCart,
  startPortalFor,
  usePortal,
  waitForIdentifiers,
  waitForStatus,
} from './support/portal';
import { openPopupFor, tabIdOf } from './support/shell';
import { type StaticServer, serveDirectory } from './support/static-server';

const ON_THE_PAGE = ['14181336', '47310958', '96295684', '30000007', '58602147', '85922823'];

let ext: LaunchedExtension;
let pages: StaticServer;
let portal: RunningSandbox;
// A data file, so the portal can be stopped and started again with the same carts and sessions.
let dataDir: string;
let tabId: number;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'renewal-scout-portal-'));
  pages = await serveDirectory(resolve('test/fixtures/pages/renewal'));
  ext = await launchExtension();
  portal = await startPortalFor(ext, { dataFile: join(dataDir, 'portal.sqlite') });
  await usePortal(ext, portal.url);
  const ticket = await ext.context.newPage();
  await ticket.goto(`${pages.url}/ticket.html`);
  tabId = await tabIdOf(ext, ticket);
});
afterAll(async () => {
  await ext?.close();
  await portal?.close();
  await pages?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const row = (popup: Page, deploymentId: string) =>
  popup.getByRole('article', { name: `Deployment ${deploymentId}` });

/** The popup's alert about the lookup (above the rows), once it shows. */
async function alertOf(popup: Page) {
  const alert = popup.getByRole('alert').first();
  await alert.waitFor({ timeout: 20_000 });
  return alert;
}

test('signed out: "Sign in to the portal" opens its page; signed in there, Try again shows the statuses', async () => {
  const popup = await openPopupFor(ext, tabId);
  await waitForIdentifiers(popup, ON_THE_PAGE);
  const alert = await alertOf(popup);
  expect(await alert.textContent()).toContain('You are signed out of the portal');
  expect(await popup.getByTestId('signed-out').count()).toBe(1);
  expect(await alert.getByRole('button', { name: 'use a personal access token' }).count()).toBe(1);

  const opened = ext.context.waitForEvent('page', (page) => page.url().startsWith(portal.url));
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
  await forgetCachedAnswers(ext);
  await injectFault(portal, { route: LOOKUP_ROUTE, kind: 'html-signin' });
  try {
    const popup = await openPopupFor(ext, tabId);
    await waitForIdentifiers(popup, ON_THE_PAGE);
    const alert = await alertOf(popup);
    expect(await alert.textContent()).toContain('Your portal session has expired');
    expect(await alert.getByRole('button', { name: 'Sign in to the portal' }).count()).toBe(1);
    expect(await popup.getByTestId('status-chip').count()).toBe(0);
    await popup.close();
  } finally {
    await clearFaults(portal);
  }
});

test('portal down (502): a clear error, the cart kept, Try again works once it is back', async () => {
  // Something in the cart first: the failure must not lose it.
  await forgetCachedAnswers(ext);
  let popup = await openPopupFor(ext, tabId);
  await waitForStatus(popup, '14181336');
  await popup.getByRole('button', { name: 'Add deployment 14181336 to cart' }).click();
  await row(popup, '14181336').getByTestId('in-cart').waitFor({ timeout: 15_000 });
  await popup.close();

  await forgetCachedAnswers(ext);
  await injectFault(portal, { route: LOOKUP_ROUTE, kind: 502 });
  popup = await openPopupFor(ext, tabId);
  await waitForIdentifiers(popup, ON_THE_PAGE);
  const alert = await alertOf(popup);
  expect(await alert.textContent()).toContain('The portal is having trouble');
  expect(await alert.textContent()).toContain('Nothing was lost');
  expect(await portalCart(portal)).toEqual([
    expect.objectContaining({ deploymentId: '14181336', quantity: 6 }),
  ]);

  await clearFaults(portal);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await waitForStatus(popup, '14181336');
  expect(await row(popup, '14181336').getByTestId('in-cart').textContent()).toContain(
    'In cart (6 years)',
  );
  await popup.close();
});

test('"Add to cart" failing (500) adds nothing; its Try again adds one line', async () => {
  const popup = await openPopupFor(ext, tabId);
  await waitForStatus(popup, '47310958');
  await injectFault(portal, { route: '/api/v1/cart/renewals/*', method: 'PUT', kind: 500 });
  try {
    await popup.getByRole('button', { name: 'Add deployment 47310958 to cart' }).click();
    const error = row(popup, '47310958').getByRole('alert');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toContain('The portal is having trouble');
    expect((await portalCart(portal)).map((line) => line.deploymentId)).toEqual(['14181336']);
  } finally {
    await clearFaults(portal);
  }
  await row(popup, '47310958').getByRole('button', { name: 'Try again' }).click();
  await row(popup, '47310958').getByTestId('in-cart').waitFor({ timeout: 15_000 });
  const lines = await portalCart(portal);
  expect(lines.filter((line) => line.deploymentId === '47310958')).toEqual([
    expect.objectContaining({ quantity: 2 }),
  ]);
  expect(lines).toHaveLength(2);
  await popup.close();
});

test('portal gone: "cannot be reached"; started again, Try again shows the statuses and the cart', async () => {
  const { port } = portal;
  await portal.close();
  await forgetCachedAnswers(ext);
  const popup = await openPopupFor(ext, tabId);
  await waitForIdentifiers(popup, ON_THE_PAGE);
  const alert = await alertOf(popup);
  expect(await alert.textContent()).toContain('The portal cannot be reached');

  portal = await startPortalFor(ext, { port, dataFile: join(dataDir, 'portal.sqlite') });
  await alert.getByRole('button', { name: 'Try again' }).click();
  await waitForStatus(popup, '14181336');
  expect(await row(popup, '14181336').getByTestId('in-cart').textContent()).toContain(
    'In cart (6 years)',
  );
  expect(await portalCart(portal)).toHaveLength(2);
  await popup.close();
});
