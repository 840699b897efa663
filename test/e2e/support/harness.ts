// The set-up a whole e2e file shares: registers its beforeAll/afterAll and hands back an
// object whose fields are filled in once beforeAll has run (read them inside tests and hooks,
// not at the top of the file). Fields are writable so a test can restart the portal and the
// afterAll still closes the one running.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningSandbox } from '../../../sandbox/server';
import { type LaunchedExtension, launchExtension } from './extension';
import { signInOnPortal, startPortalFor, usePortal } from './portal';
import { tabIdOf } from './shell';
import { type StaticServer, serveDirectory } from './static-server';

export interface ExtensionHarness {
  ext: LaunchedExtension;
  /** The directory's pages, served on 127.0.0.1. */
  pages: StaticServer;
}

/** The extension launched in Chromium, with a directory of fixture pages served beside it. */
export function withExtensionHarness(pagesDirectory: string): ExtensionHarness {
  const harness = {} as ExtensionHarness;
  beforeAll(async () => {
    harness.pages = await serveDirectory(resolve(pagesDirectory));
    harness.ext = await launchExtension();
  });
  afterAll(async () => {
    await harness.ext?.close();
    await harness.pages?.close();
  });
  return harness;
}

export interface RenewalHarness extends ExtensionHarness {
  portal: RunningSandbox;
  /** The ticket page, open in a tab of its own. */
  ticket: Page;
  tabId: number;
}

export interface RenewalHarnessOptions {
  /** The page under test/fixtures/pages/renewal to open; may name the extension (its id). */
  page: string | ((ext: LaunchedExtension) => string);
  /** Signs the browser in on the portal's own page first (else the portal has no session). */
  signedIn: boolean;
  /** Keeps the portal's data in this file, so it can be stopped and started again. */
  portalDataFile?: string;
}

/**
 * The renewal slice: the renewal fixture pages served, the extension launched and pointed at
 * a throwaway sandbox portal, and the ticket page open in a tab.
 */
export function withRenewalHarness(options: RenewalHarnessOptions): RenewalHarness {
  const harness = withExtensionHarness('test/fixtures/pages/renewal') as RenewalHarness;
  beforeAll(async () => {
    const { ext } = harness;
    harness.portal = await startPortalFor(ext, { dataFile: options.portalDataFile });
    await usePortal(ext, harness.portal.url);
    if (options.signedIn) await signInOnPortal(ext.context, harness.portal);
    const page = typeof options.page === 'function' ? options.page(ext) : options.page;
    harness.ticket = await ext.context.newPage();
    await harness.ticket.goto(`${harness.pages.url}/${page}`);
    harness.tabId = await tabIdOf(ext, harness.ticket);
  });
  afterAll(async () => {
    await harness.portal?.close();
  });
  return harness;
}
