// The real sandbox portal for an end-to-end test: started for the loaded extension (its
// origin is trusted for cookie writes), the extension's settings pointed at it, the portal's
// own sign-in page, fault injection, and the cart read from Node with the reseller's token.
import type { BrowserContext, Page } from 'playwright-core';
import { LOOKUP_CACHE_PREFIX } from '../../../lib/background/portal/lookup-cache';
import { POPUP_CACHE_KEY } from '../../../lib/popup/persist';
import { defaultSettings } from '../../../lib/settings/schema';
import type { FaultRequest } from '../../../sandbox/faults';
import { type RunningSandbox, startSandbox } from '../../../sandbox/server';
import type { LaunchedExtension } from './extension';

/** A throwaway portal on a free port, with fault injection, trusting the extension. */
export function startPortalFor(
  ext: LaunchedExtension,
  /**
   * `port` and `dataFile` to start it again after a `close()` with the same data; `seedSize`
   * for a reseller with thousands of deployments.
   */
  options: { port?: number; dataFile?: string; seedSize?: number } = {},
): Promise<RunningSandbox> {
  return startSandbox({
    port: options.port ?? 0,
    dataFile: options.dataFile ?? ':memory:',
    seedSize: options.seedSize,
    faults: true,
    extensionOrigins: [`chrome-extension://${ext.extensionId}`],
  });
}

/** Points the extension at the portal with the portal session as its sign-in method. */
export async function usePortal(
  ext: Pick<LaunchedExtension, 'background'>,
  portalUrl: string,
): Promise<void> {
  const settings = { ...defaultSettings(), portalBaseUrl: portalUrl, signInMethod: 'session' };
  await ext.background.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
}

/** Signs the browser in on the portal's own page in a tab of its own, closed afterwards. */
export async function signInOnPortal(
  context: BrowserContext,
  portal: RunningSandbox,
): Promise<void> {
  const page = await context.newPage();
  await signInOnPortalPage(page, portal);
  await page.close();
}

/** Signs in on the portal's own page in `page`, which lands on (and stays at) the cart page. */
export async function signInOnPortalPage(page: Page, portal: RunningSandbox): Promise<void> {
  const [signIn] = portal.signIns;
  if (!signIn) throw new Error('the sandbox has no sign-ins');
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Email').fill(signIn.email);
  await page.getByLabel('Password').fill(signIn.password);
  await Promise.all([
    page.waitForURL(/\/cart$/),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

export interface PortalCartLine {
  id: string;
  deploymentId: string;
  quantity: number;
}

/** The reseller's cart as the portal has it (GET /api/v1/cart with the token). */
export async function portalCart(portal: RunningSandbox): Promise<PortalCartLine[]> {
  const response = await fetch(`${portal.url}/api/v1/cart`, {
    headers: { authorization: `Bearer ${portal.token}` },
  });
  if (!response.ok) throw new Error(`GET /api/v1/cart answered ${response.status}`);
  return ((await response.json()) as { lines: PortalCartLine[] }).lines;
}

/** Breaks matching portal requests until `clearFaults`. */
export async function injectFault(
  portal: RunningSandbox,
  fault: Omit<FaultRequest, 'kind'> & { kind: FaultRequest['kind'] | 500 | 502 | 429 },
): Promise<void> {
  const response = await fetch(`${portal.url}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`POST /__sandbox/faults answered ${response.status}`);
}

export async function clearFaults(portal: RunningSandbox): Promise<void> {
  const response = await fetch(`${portal.url}/__sandbox/faults`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE /__sandbox/faults answered ${response.status}`);
}

/**
 * Runs `body` while the portal answers with `faults`, and clears them however `body` ends,
 * so a failing test does not leave the next one a broken portal.
 */
export async function withFaults<T>(
  portal: RunningSandbox,
  faults: Parameters<typeof injectFault>[1][],
  body: () => Promise<T>,
): Promise<T> {
  try {
    for (const fault of faults) await injectFault(portal, fault);
    return await body();
  } finally {
    await clearFaults(portal);
  }
}

/** The deployment IDs on the fixture page `ticket.html`, as the popup lists them. */
export const TICKET_DEPLOYMENTS = [
  '14181336',
  '47310958',
  '96295684',
  '30000007',
  '58602147',
  '85922823',
];

/** A deployment's row in the popup. */
export function deploymentRow(popup: Page, deploymentId: string) {
  return popup.getByRole('article', { name: `Deployment ${deploymentId}` });
}

/** The lookup of a tab's identifiers: one POST for all of them. */
export const LOOKUP_ROUTE = '/api/v1/support/lookup';

/**
 * Drops the answers the extension keeps for a while (the background's lookups, the popup's
 * persisted query cache), as if they had grown old: the next popup asks the portal again.
 */
export async function forgetCachedAnswers(ext: LaunchedExtension): Promise<void> {
  await ext.background.evaluate(
    async ({ prefix, popupKey }) => {
      const all = await chrome.storage.session.get(null);
      const cached = Object.keys(all).filter((key) => key.startsWith(prefix) || key === popupKey);
      await chrome.storage.session.remove(cached);
    },
    { prefix: LOOKUP_CACHE_PREFIX, popupKey: POPUP_CACHE_KEY },
  );
}

/**
 * Waits until the popup shows the portal's status for a deployment; on timeout the error
 * says what the popup showed instead (an error notice, "Checking support…", too few rows).
 */
export async function waitForStatus(
  popup: Page,
  deploymentId: string,
  timeout = 20_000,
): Promise<void> {
  await deploymentRow(popup, deploymentId)
    .getByTestId('status-chip')
    .waitFor({ timeout })
    .catch(async (error: Error) => {
      const shown = await popup
        .locator('body')
        .ariaSnapshot()
        .catch(() => '(popup closed)');
      throw new Error(`${error.message}\nThe popup showed:\n${shown}`);
    });
}

/** Waits until the popup lists every one of `values` (a page may report in several parts). */
export async function waitForIdentifiers(popup: Page, values: readonly string[]): Promise<void> {
  const listed = popup.getByTestId('identifier');
  const deadline = Date.now() + 20_000;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await listed.allTextContents();
    if (values.every((value) => seen.includes(value))) return;
    await popup.waitForTimeout(100);
  }
  throw new Error(`the popup listed ${seen.join(', ')}; expected ${values.join(', ')}`);
}
