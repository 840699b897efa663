// Granting and revoking automatic scanning for one site, from the options page.

import { err, messageOf, ok } from '../result';
import { loadSettings, updateSettings } from '../settings';
import { withExtensionLock } from '../settings/lock';
import { portalOrigin } from '../settings/portal-url';
import { releaseSiteAccess, requestSiteAccess } from './access';
import type { SiteResult } from './errors';
import { parseSiteOrigin } from './origin';
import { registerAutoScan, unregisterAutoScan } from './registration';

/** Grant, revoke and the background's re-sync never interleave, in any extension context. */
export const withSitesLock = <T>(task: () => Promise<T>) => withExtensionLock('sites', task);

/**
 * Call straight from the click handler: the input is checked and the permission requested
 * synchronously, before anything is awaited, so the browser still sees the user's gesture.
 * Then the content script is registered and the site saved; on failure nothing is left
 * half-done.
 */
export function grantAutoScan(input: string): Promise<SiteResult> {
  const parsed = parseSiteOrigin(input);
  if (!parsed.ok) {
    return Promise.resolve(err({ kind: 'invalid-site', reason: parsed.error }));
  }
  const origin = parsed.value;
  let asked: Promise<boolean>;
  try {
    asked = requestSiteAccess(origin);
  } catch (error) {
    asked = Promise.reject(error);
  }
  return finishGrant(origin, asked);
}

async function finishGrant(origin: string, asked: Promise<boolean>): Promise<SiteResult> {
  let granted: boolean;
  try {
    granted = await asked;
  } catch (error) {
    return err({ kind: 'permission-failed', origin, detail: messageOf(error) });
  }
  if (!granted) return err({ kind: 'permission-denied', origin });

  return withSitesLock(async () => {
    try {
      await registerAutoScan(origin);
    } catch (error) {
      await releaseSiteAccess(origin, await originsInUse());
      return err({ kind: 'registration-failed', origin, detail: messageOf(error) });
    }
    const saved = await updateSettings((current) => ({
      autoScanOrigins: current.autoScanOrigins.includes(origin)
        ? current.autoScanOrigins
        : [...current.autoScanOrigins, origin],
    }));
    if (!saved.ok) {
      await unregisterAutoScan(origin).catch(() => undefined);
      const detail = saved.error.kind === 'storage-failed' ? saved.error.detail : 'rejected';
      return err({ kind: 'settings-failed', origin, detail });
    }
    return ok(origin);
  });
}

/**
 * Stops automatic scanning on a site: the script is unregistered first (so scanning stops
 * even if a later step fails), then the site leaves the settings, then the host permission is
 * given back unless the portal or another site still needs it.
 */
export function revokeAutoScan(origin: string): Promise<SiteResult> {
  return withSitesLock(async () => {
    try {
      await unregisterAutoScan(origin);
    } catch (error) {
      return err({ kind: 'registration-failed', origin, detail: messageOf(error) });
    }
    const saved = await updateSettings((current) => ({
      autoScanOrigins: current.autoScanOrigins.filter((site) => site !== origin),
    }));
    if (!saved.ok) {
      const detail = saved.error.kind === 'storage-failed' ? saved.error.detail : 'rejected';
      return err({ kind: 'settings-failed', origin, detail });
    }
    await releaseSiteAccess(origin, await originsInUse());
    return ok(origin);
  });
}

/** Origins whose host access is still needed: the scanned sites and the portal. */
export async function originsInUse(): Promise<string[]> {
  const { settings } = await loadSettings();
  return [...settings.autoScanOrigins, portalOrigin(settings.portalBaseUrl)];
}
