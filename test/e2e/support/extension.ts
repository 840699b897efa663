// Launches Debian's Chromium with the extension built by `npm run build:e2e`
// (.output/chrome-mv3-e2e), the way stack.md records that it works headless as root.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3-e2e');

/**
 * The flags stack.md's recipe needs to run Chromium headless as root in a container, quiet
 * (no background traffic, no first-run UI). Pass with `headless: false`: Playwright's own
 * headless mode is the old one, which does not load extensions.
 */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker: `evaluate` runs code in the background. */
  background: Worker;
  close(): Promise<void>;
}

export async function launchExtension(
  /** `profileDir`: reuse a profile (a browser restart); the caller then removes it. */
  options: { extensionDir?: string; profileDir?: string } = {},
): Promise<LaunchedExtension> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'renewal-scout-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // `--headless=new` in the args: the new headless mode loads extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...HEADLESS_CHROMIUM_ARGS,
      // The extension's persistent profile: no sync traffic either.
      '--disable-sync',
    ],
  });
  const background =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(background.url()).host;
  return {
    context,
    extensionId,
    background,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
