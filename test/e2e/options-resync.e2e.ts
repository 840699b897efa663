// Automatic scanning across browser restarts, on one reused profile. Observed here: with
// Chromium started by --load-extension, a granted site was no longer scanned after a restart
// unless the background re-synced (persistAcrossSessions notwithstanding; the unpacked
// extension is loaded afresh each launch). Both tests fail without keepAutoScanInSync().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LaunchedExtension, launchExtension } from './support/extension';
import { badgeOf, tabIdOf } from './support/shell';
import { type StaticServer, serveDirectory } from './support/static-server';

let server: StaticServer;
let ext: LaunchedExtension | undefined;
const profileDir = mkdtempSync(join(tmpdir(), 'renewal-scout-e2e-restart-'));

beforeAll(async () => {
  server = await serveDirectory(resolve('test/fixtures/pages/options'));
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

async function restart(): Promise<LaunchedExtension> {
  await ext?.close();
  ext = await launchExtension({ profileDir });
  return ext;
}

const registeredIds = (launched: LaunchedExtension) =>
  launched.background.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
  );

async function expectTicketCounted(launched: LaunchedExtension) {
  const page = await launched.context.newPage();
  await page.goto(`${server.url}/ticket.html`);
  const tabId = await tabIdOf(launched, page);
  await expect.poll(() => badgeOf(launched, tabId), { timeout: 10_000 }).toBe('2');
  await page.close();
}

test('a granted site is still scanned after the browser restarts', async () => {
  const first = await restart();
  const options = await first.context.newPage();
  await options.goto(`chrome-extension://${first.extensionId}/options.html`);
  await options.getByLabel('Add a site').fill(server.url);
  await options.getByRole('button', { name: 'Grant' }).click();
  await expect.poll(() => registeredIds(first)).toEqual([`auto-scan:${server.url}`]);

  const second = await restart();
  // Registered again by the background's start-up sync, which may finish after the worker
  // is already answering.
  await expect
    .poll(() => registeredIds(second), { timeout: 10_000 })
    .toEqual([`auto-scan:${server.url}`]);
  await expectTicketCounted(second);
});

test('a saved site whose registration was lost is registered again at startup', async () => {
  const launched = ext as LaunchedExtension;
  await launched.background.evaluate(() => chrome.scripting.unregisterContentScripts());
  expect(await registeredIds(launched)).toEqual([]);

  const next = await restart();
  await expect
    .poll(() => registeredIds(next), { timeout: 10_000 })
    .toEqual([`auto-scan:${server.url}`]);
  await expectTicketCounted(next);
});
