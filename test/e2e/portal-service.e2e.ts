// The background's portal service in real Chromium against the real sandbox: the portal
// session cookie set by the portal's own sign-in page reaches the service worker's requests,
// the extension's Origin passes the portal's CSRF check, and detect → status → add to cart
// ends with one line with the catch-up quantity in the portal's cart.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IdentifierStatus } from '../../lib/messaging/portal-results';
import type { ExtensionMessageType, RequestOf, ResponseOf } from '../../lib/messaging/protocol';
import { defaultSettings } from '../../lib/settings/schema';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';
import { type LaunchedExtension, launchExtension } from './support/extension';
import { openPopupFor, tabIdOf } from './support/shell';
import { type StaticServer, serveDirectory } from './support/static-server';

const TODAY = '2026-11-26';

let ext: LaunchedExtension;
let server: StaticServer;
let sandbox: RunningSandbox;

beforeAll(async () => {
  server = await serveDirectory(resolve('test/fixtures/pages/shell'));
  ext = await launchExtension();
  // The extension's id is known only once it is loaded; the portal must trust its origin
  // for cookie-authenticated writes (and lookups, which are POSTs).
  sandbox = await startSandbox({
    port: 0,
    dataFile: ':memory:',
    today: TODAY,
    extensionOrigins: [`chrome-extension://${ext.extensionId}`],
  });
  const settings = { ...defaultSettings(), portalBaseUrl: sandbox.url };
  await ext.background.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
});
afterAll(async () => {
  await ext?.close();
  await sandbox?.close();
  await server?.close();
});

/** Sends a message from an extension page, as the popup does. */
function ask<T extends ExtensionMessageType>(
  page: Page,
  message: RequestOf<T> & { type: T },
): Promise<ResponseOf<T>> {
  return page.evaluate((body) => chrome.runtime.sendMessage(body), message) as Promise<
    ResponseOf<T>
  >;
}

async function portalCart() {
  const response = await fetch(`${sandbox.url}/api/v1/cart`, {
    headers: { authorization: `Bearer ${sandbox.token}` },
  });
  return (await response.json()) as { lines: { deploymentId: string; quantity: number }[] };
}

describe('the portal service in Chromium', () => {
  test('signed out until the user signs in on the portal’s own page', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    expect(await ask(page, { type: 'get-cart' })).toMatchObject({
      ok: false,
      error: { kind: 'signed-out' },
    });
    expect(await ask(page, { type: 'open-portal', page: 'signin' })).toMatchObject({
      ok: true,
      value: { url: `${sandbox.url}/sign-in` },
    });
    await page.close();
  });

  test('detect → status → double-click add → one line with the catch-up quantity', async () => {
    const portal = await ext.context.newPage();
    await portal.goto(`${sandbox.url}/sign-in`);
    await portal.getByLabel('Email').fill('reseller@example.test');
    await portal.getByLabel('Password').fill('renewal-scout-demo');
    await Promise.all([portal.waitForURL(/\/cart$/), portal.getByRole('button').first().click()]);

    const ticket = await ext.context.newPage();
    await ticket.goto(`${server.url}/ticket-static.html?case=portal`);
    const tabId = await tabIdOf(ext, ticket);
    const popup = await openPopupFor(ext, tabId);

    await expect
      .poll(
        async () => {
          const answer = await ask(popup, { type: 'support-status', tabId, refresh: true });
          return answer.ok ? answer.value.identifiers.length : answer.error.kind;
        },
        { timeout: 10_000 },
      )
      .toBe(5);
    const status = await ask(popup, { type: 'support-status', tabId });
    if (!status.ok) throw new Error(status.error.kind);
    const byValue = new Map<string, IdentifierStatus>(
      status.value.identifiers.map((item) => [item.value, item]),
    );
    expect(byValue.get('14181336')).toMatchObject({
      found: true,
      standing: 'expired',
      renewal: { quantity: 6, catchUpYears: 5 },
    });
    // Another organization's deployment is simply not found.
    expect(byValue.get('30000007')).toMatchObject({ found: false });

    const order = {
      type: 'add-renewal',
      deploymentId: '14181336',
      quantity: 6,
      credits: 'card',
    } as const;
    const [first, second] = await popup.evaluate(
      (body) => Promise.all([chrome.runtime.sendMessage(body), chrome.runtime.sendMessage(body)]),
      order,
    );
    expect(first).toMatchObject({ ok: true, value: { line: { quantity: 6 } } });
    expect(second).toEqual(first);
    expect((await portalCart()).lines).toEqual([
      expect.objectContaining({ deploymentId: '14181336', quantity: 6 }),
    ]);
    expect(await ask(popup, { type: 'get-account' })).toMatchObject({
      ok: true,
      value: { signInMethod: 'session', me: { user: { email: 'reseller@example.test' } } },
    });

    // The web page itself has no channel to the background at all.
    expect(
      await ticket.evaluate(
        () =>
          typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
            ?.runtime?.sendMessage,
      ),
    ).toBe('undefined');
    await Promise.all([portal.close(), ticket.close(), popup.close()]);
  });
});

describe('shortcut and context menu', () => {
  test('Alt+Shift+S opens the popup; the lookup menu item exists for selections', async () => {
    const commands = await ext.background.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(
      expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+S' }),
    );
    // Creating the item again fails only if it already exists: proof it was made at install.
    const duplicate = await ext.background.evaluate(
      () =>
        new Promise<string | undefined>((resolve) => {
          chrome.contextMenus.create(
            { id: 'lookup-selection', title: 'x', contexts: ['selection'] },
            () => resolve(chrome.runtime.lastError?.message),
          );
        }),
    );
    expect(duplicate).toMatch(/duplicate id/i);
  });
});
