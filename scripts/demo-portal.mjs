// The demo's portal: the sandbox partner portal (TypeScript, loaded through tsx) started for
// one extension, the extension's settings pointed at it, and the portal's own sign-in page
// used to sign in, which gives the extension the portal session it uses.
import { tsImport } from 'tsx/esm/api';

/** Where the demo keeps its portal data (git-ignored); seeded afresh at every start. */
export const DEMO_DATA_FILE = '.sandbox/demo.sqlite';

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

/**
 * Points the extension at the portal, the way the options page stores it: the settings
 * object in storage.local, with the portal session as the sign-in method. The e2e build
 * already has host access to 127.0.0.1, so no permission prompt is needed.
 */
export async function configureExtension(worker, portalUrl) {
  const { defaultSettings } = await tsImport('../lib/settings/schema.ts', import.meta.url);
  const settings = { ...defaultSettings(), portalBaseUrl: portalUrl, signInMethod: 'session' };
  await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
}

/** Signs in on the portal's own page in `page`; it lands on the (empty) cart page. */
export async function signInOnPortal(page, portal, signIn = portal.signIns[0]) {
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Email').fill(signIn.email);
  await page.getByLabel('Password').fill(signIn.password);
  await Promise.all([
    page.waitForURL(/\/cart$/),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

/** The reseller's cart from the portal's API, read with the token (not the browser). */
export async function portalCart(portal) {
  const response = await fetch(`${portal.url}/api/v1/cart`, {
    headers: { authorization: `Bearer ${portal.token}` },
  });
  if (!response.ok) throw new Error(`GET /api/v1/cart answered ${response.status}`);
  return await response.json();
}
