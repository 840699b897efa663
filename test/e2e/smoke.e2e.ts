import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LaunchedExtension, launchExtension } from './support/extension';

let ext: LaunchedExtension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(() => ext?.close());

test('the built extension loads and its popup renders', async () => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect.poll(() => page.textContent('body')).toContain('Renewal Scout');
});
