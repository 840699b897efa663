// The popup's own behaviour in Chromium: pages it cannot scan, a bad address, the keyboard,
// and copying to the clipboard.
import { expect, test } from 'vitest';
import { withExtensionHarness } from './support/harness';
import { openPopupFor, tabIdOf } from './support/shell';

const harness = withExtensionHarness('test/fixtures/pages/shell');

test('a browser page cannot be scanned, and the popup says why', async () => {
  const tab = await harness.ext.background.evaluate(() =>
    chrome.tabs.create({ url: 'chrome://version' }),
  );
  const popup = await openPopupFor(harness.ext, tab.id ?? -1);
  const alert = popup.getByRole('alert');
  await alert.waitFor({ timeout: 10_000 });
  expect(await alert.textContent()).toContain('This page can’t be scanned');
  expect(await popup.getByTestId('error-restricted-page').count()).toBe(1);
  await popup.close();
  await harness.ext.background.evaluate((id) => chrome.tabs.remove(id), tab.id ?? -1);
});

test('without ?tabId the popup shows the active tab: here its own page, which it may not scan', async () => {
  const popup = await harness.ext.context.newPage();
  await popup.goto(`chrome-extension://${harness.ext.extensionId}/popup.html`);
  await popup.getByTestId('error-restricted-page').waitFor({ timeout: 10_000 });
  expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe('Renewal Scout');
  // The toolbar popup (no tabId) offers the pop-out window.
  expect(await popup.getByRole('button', { name: 'Open in its own window' }).count()).toBe(1);
  await popup.close();
});

test('a malformed tabId is reported instead of showing some other tab', async () => {
  const popup = await harness.ext.context.newPage();
  await popup.goto(`chrome-extension://${harness.ext.extensionId}/popup.html?tabId=abc`);
  await popup.getByTestId('target-bad-tab-id').waitFor();
  expect(await popup.getByTestId('identifier').count()).toBe(0);
  await popup.close();
});

test('keyboard: every control is reachable with Tab, labelled, and shows its focus', async () => {
  const page = await harness.ext.context.newPage();
  await page.goto(`${harness.pages.url}/ticket-static.html`);
  const popup = await openPopupFor(harness.ext, await tabIdOf(harness.ext, page));
  await popup.getByTestId('identifier').first().waitFor({ timeout: 10_000 });

  // Tab through the whole popup (it may hold more controls than these, e.g. renewals).
  const stops: { name: string; outline: string }[] = [];
  for (let i = 0; i < 30; i++) {
    await popup.keyboard.press('Tab');
    stops.push(
      await popup.evaluate(() => {
        const active = document.activeElement as HTMLElement;
        return {
          name: active.getAttribute('aria-label') ?? active.textContent?.trim() ?? '',
          outline: active === document.body ? 'body' : getComputedStyle(active).outlineStyle,
        };
      }),
    );
  }
  const reached = stops.map((stop) => stop.name);
  const expected = [
    'Copy deployment ID 14181336',
    'Copy deployment ID 30000007',
    'Copy deployment ID 85922823',
    'Copy serial number FX22090041',
    'Copy serial number VS0164AB',
    'Highlight on page',
    'Scan again',
  ];
  // Each is reached, in this order.
  const positions = expected.map((name) => reached.indexOf(name));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  for (const stop of stops.filter((s) => expected.includes(s.name))) {
    expect(stop.outline, stop.name).toBe('solid');
  }
  await popup.close();
  await page.close();
});

test('Copy puts the identifier on the clipboard and announces it', async () => {
  const page = await harness.ext.context.newPage();
  await page.goto(`${harness.pages.url}/ticket-split.html`);
  const popup = await openPopupFor(harness.ext, await tabIdOf(harness.ext, page));
  const copy = popup.getByRole('button', { name: 'Copy deployment ID 14181336' });
  await copy.waitFor({ timeout: 10_000 });
  await copy.press('Enter');
  await expect.poll(() => popup.getByTestId('announcer').textContent()).toBe('Copied 14181336');
  // Read the clipboard back the way a user would: paste into a text field.
  await popup.evaluate(() => {
    const field = document.createElement('textarea');
    field.id = 'paste-target';
    document.body.append(field);
  });
  await popup.focus('#paste-target');
  await popup.keyboard.press('Control+V');
  expect(await popup.inputValue('#paste-target')).toBe('14181336');
  await popup.close();
  await page.close();
});
