// Issue 2 §3 in real Chromium: a site granted on the options page is scanned by itself (the
// badge counts its identifiers without the popup ever opening), and a revoked site is not.
// The e2e build's manifest grants http://127.0.0.1/*, so the permission request resolves
// without a prompt; everything else is the path a user takes.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LaunchedExtension, launchExtension } from './support/extension';
import { countColour } from './support/pixels';
import { badgeOf, tabIdOf } from './support/shell';
import { type StaticServer, serveDirectory } from './support/static-server';

let ext: LaunchedExtension;
let server: StaticServer;
let options: Page;

beforeAll(async () => {
  server = await serveDirectory(resolve('test/fixtures/pages/options'));
  ext = await launchExtension();
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const registeredIds = () =>
  ext.background.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
  );

const storedSites = () =>
  ext.background.evaluate(
    async () =>
      ((await chrome.storage.local.get('settings')).settings as { autoScanOrigins?: string[] })
        ?.autoScanOrigins,
  );

/** The deployment highlight's colour (#ffd54f) among the pixels of the ID's own text. */
async function highlightedPixels(page: Page): Promise<number> {
  const box = await page.evaluate(() => {
    const cell = [...document.querySelectorAll('td')].find((td) => td.textContent === '14181336');
    if (!cell) throw new Error('the fixture has no deployment ID cell');
    const range = document.createRange();
    range.selectNodeContents(cell);
    const rect = range.getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
  return countColour(page, await page.screenshot({ clip: box }), [0xff, 0xd5, 0x4f]);
}

async function openTicket(): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/ticket.html`);
  await page.waitForLoadState('load');
  return { page, tabId: await tabIdOf(ext, page) };
}

describe('automatic scanning on a granted site', () => {
  test('granting the site registers the content script and the page is counted unasked', async () => {
    await options.getByLabel('Add a site').fill(server.url);
    await options.getByRole('button', { name: 'Grant' }).click();
    await expect
      .poll(() => options.locator('#sites-status').textContent())
      .toBe(`${server.url} is now scanned automatically.`);
    await expect
      .poll(() => options.getByRole('list', { name: 'Sites scanned automatically' }).textContent())
      .toContain(server.url);
    expect(await registeredIds()).toEqual([`auto-scan:${server.url}`]);
    expect(await storedSites()).toEqual([server.url]);

    const { page, tabId } = await openTicket();
    // Deployment 14181336 and serial FX22090041; the phone number is not an identifier.
    await expect.poll(() => badgeOf(ext, tabId), { timeout: 10_000 }).toBe('2');
    // Painted in its colour by the stylesheet registered with the script, which was in the
    // page from its first style: nothing adopted late (that would restyle the whole page).
    await expect.poll(() => highlightedPixels(page), { timeout: 10_000 }).toBeGreaterThan(20);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await page.close();
  });

  test('revoking the site stops it: a newly loaded page is not scanned', async () => {
    await options
      .getByRole('button', { name: `Revoke automatic scanning on ${server.url}` })
      .click();
    await expect
      .poll(() => options.locator('#sites-status').textContent())
      .toBe(`${server.url} is no longer scanned automatically.`);
    expect(await options.getByTestId('no-sites').isVisible()).toBe(true);
    expect(await registeredIds()).toEqual([]);
    expect(await storedSites()).toEqual([]);

    const { page, tabId } = await openTicket();
    // Nothing can announce that a scan did not happen; give a registered script ample time
    // (the granted case above reports well within this).
    await page.waitForTimeout(2_000);
    expect(await badgeOf(ext, tabId)).toBe('');
    expect(await highlightedPixels(page)).toBe(0);
    await page.close();
  });

  test('an invalid site is refused with a sentence, and nothing is registered', async () => {
    await options.getByLabel('Add a site').fill('*.example.com');
    await options.getByLabel('Add a site').press('Enter');
    await expect
      .poll(() => options.locator('#sites-error').textContent())
      .toBe('Wildcards are not allowed: enter one site, for example helpdesk.example.com.');
    expect(await registeredIds()).toEqual([]);
  });
});
