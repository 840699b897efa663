// The options page in real Chromium: it shows the defaults, saves each section, and what it
// saved is there after a reload. The token is checked to be stored only as ciphertext, and
// to decrypt with the key kept in the extension origin's IndexedDB.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LaunchedExtension, launchExtension } from './support/extension';

let ext: LaunchedExtension;
let page: Page;
const TOKEN = 'rsp_e2e_5b0f3c9a7d2e41f8';

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
});
afterAll(() => ext?.close());

const storedLocal = () => ext.background.evaluate(() => chrome.storage.local.get(null));
const feedback = (form: string) => page.locator(`#${form}-status`).textContent();

describe('the options page', () => {
  test('shows the defaults', async () => {
    await expect
      .poll(() => page.getByLabel('Portal address').inputValue())
      .toBe('http://127.0.0.1:8787');
    expect(
      await page.getByLabel("My portal session (sign in on the portal's own page)").isChecked(),
    ).toBe(true);
    expect(await page.getByLabel('Expiring soon threshold (days)').inputValue()).toBe('30');
    expect(await page.getByLabel('Link support credits to my organization').isChecked()).toBe(true);
    expect(await page.getByLabel('Highlight identifiers on pages').isChecked()).toBe(true);
    expect(await page.getByTestId('no-sites').textContent()).toBe('No sites yet.');
  });

  test('refuses an invalid threshold and an invalid portal address, saving nothing', async () => {
    await page.getByLabel('Expiring soon threshold (days)').fill('0');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect
      .poll(() => page.locator('#preferences-error').textContent())
      .toBe('Not saved: enter a whole number of days from 1 to 365.');

    await page.getByLabel('Portal address').fill('partners.example.com');
    await page.getByRole('button', { name: 'Save portal settings' }).click();
    await expect
      .poll(() => page.locator('#portal-error').textContent())
      .toContain('is not a web address');
    expect((await storedLocal()).settings).toBeUndefined();
  });

  test('saves preferences, portal and token, from the keyboard and the mouse', async () => {
    await page.getByLabel('Expiring soon threshold (days)').fill('60');
    await page.getByLabel('Create a support credit card for another organization').check();
    await page.getByLabel('Highlight identifiers on pages').uncheck();
    // Enter in a field submits its form.
    await page.getByLabel('Expiring soon threshold (days)').press('Enter');
    await expect.poll(() => feedback('preferences')).toBe('Preferences saved.');

    await page.getByLabel('Portal address').fill('http://127.0.0.1:9999/portal/');
    await page.getByLabel('A personal access token').check();
    await page.getByRole('button', { name: 'Save portal settings' }).click();
    await expect
      .poll(() => feedback('portal'))
      .toBe('Saved. Renewal Scout will use http://127.0.0.1:9999/portal.');

    await page.getByLabel('Token', { exact: true }).fill(TOKEN);
    await page.getByRole('button', { name: 'Save token' }).click();
    await expect
      .poll(() => page.getByTestId('token-state').textContent())
      .toBe('A token is saved.');
    // The field is emptied and the token is never shown again.
    expect(await page.getByLabel('Replace the token').inputValue()).toBe('');
    expect(await page.content()).not.toContain(TOKEN);

    const stored = await storedLocal();
    expect(stored.settings).toEqual({
      version: 1,
      portalBaseUrl: 'http://127.0.0.1:9999/portal',
      signInMethod: 'token',
      expiringSoonDays: 60,
      creditsChoice: 'card',
      highlights: false,
      autoScanOrigins: [],
    });
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
  });

  test('after a reload the page shows what was saved', async () => {
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Portal address').inputValue())
      .toBe('http://127.0.0.1:9999/portal');
    expect(await page.getByLabel('A personal access token').isChecked()).toBe(true);
    expect(await page.getByLabel('Expiring soon threshold (days)').inputValue()).toBe('60');
    expect(
      await page.getByLabel('Create a support credit card for another organization').isChecked(),
    ).toBe(true);
    expect(await page.getByLabel('Highlight identifiers on pages').isChecked()).toBe(false);
    await expect
      .poll(() => page.getByTestId('token-state').textContent())
      .toBe('A token is saved.');
    expect(await page.getByLabel('Replace the token').inputValue()).toBe('');
  });

  test('the stored token decrypts only with the key in the extension origin', async () => {
    const decrypted = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('renewal-scout-secrets');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const key = await new Promise<CryptoKey>((done, fail) => {
        const request = db.transaction('keys').objectStore('keys').get('portal-token');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const { portalToken } = (await chrome.storage.local.get('portalToken')) as {
        portalToken: { iv: string; ciphertext: string };
      };
      const bytes = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      const plain = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: bytes(portalToken.iv),
          additionalData: new TextEncoder().encode('renewal-scout:portal-token:v1'),
        },
        key,
        bytes(portalToken.ciphertext),
      );
      return { token: new TextDecoder().decode(plain), extractable: key.extractable };
    });
    expect(decrypted).toEqual({ token: TOKEN, extractable: false });
  });

  test('clears the token', async () => {
    await page.getByRole('button', { name: 'Clear token' }).click();
    await expect
      .poll(() => page.getByTestId('token-state').textContent())
      .toBe('No token is saved.');
    expect((await storedLocal()).portalToken).toBeUndefined();
  });
});
