// The demo's portal: the sandbox partner portal (TypeScript, loaded through tsx) started for
// one extension. Pointing the extension at it, signing in on the portal's own page (which
// gives the extension the portal session it uses) and reading the cart are the e2e tests'
// helpers (test/e2e/support/portal.ts), so the demo and the tests drive the portal alike.
import { tsImport } from 'tsx/esm/api';

/** Where the demo keeps its portal data (git-ignored); seeded afresh at every start. */
export const DEMO_DATA_FILE = '.sandbox/demo.sqlite';

export const {
  /** `usePortal({ background: worker }, portalUrl)`: the settings the options page stores. */
  usePortal,
  /** `signInOnPortalPage(page, portal)`: signs in on `page`, left on the (empty) cart page. */
  signInOnPortalPage,
  /** `portalCart(portal)`: the reseller's cart lines from the portal's API, with the token. */
  portalCart,
} = await tsImport('../test/e2e/support/portal.ts', import.meta.url);

/**
 * Starts the sandbox trusting the extension's origin for cookie-authenticated writes (its
 * id is known only once Chromium has loaded it). Port 8787 (the extension's default portal
 * address) when free, any free port otherwise.
 */
export async function startDemoPortal(extensionId) {
  const { startSandbox } = await tsImport('../sandbox/server.ts', import.meta.url);
  const options = {
    dataFile: DEMO_DATA_FILE,
    reset: true,
    extensionOrigins: [`chrome-extension://${extensionId}`],
  };
  try {
    return await startSandbox({ ...options, port: 8787 });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    return await startSandbox({ ...options, port: 0 });
  }
}
