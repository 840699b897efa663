// Brings registrations, host access and settings back in line. Run by the background when the
// browser starts, when the extension is installed or updated, and when the user takes away a
// host permission in the browser's own UI.
//
// A site scans automatically when it has a registered script or is in the settings, AND its
// host access is still granted. Access is checked with permissions.contains rather than by
// comparing permissions.getAll strings, so a broader grant (e.g. http://127.0.0.1/* in the
// e2e build, or a pattern without a port in Firefox) counts as covering the site.

import { browser } from 'wxt/browser';
import { messageOf } from '../result';
import { loadSettings, updateSettings } from '../settings';
import { hasSiteAccess } from './access';
import { withSitesLock } from './grant';
import { isCanonicalSiteOrigin } from './origin';
import { registerAutoScan, registeredAutoScanOrigins, unregisterAutoScan } from './registration';

export interface AutoScanSyncReport {
  /** Sites scanning automatically after the sync. */
  active: string[];
  /** Sites that lost their host access and were stopped. */
  stopped: string[];
  /** Sites that had a registered script but were missing from the settings (put back). */
  restored: string[];
  /** Registrations that failed (the site stays in the settings to be retried next time). */
  failed: { origin: string; detail: string }[];
}

export function syncAutoScan(): Promise<AutoScanSyncReport> {
  return withSitesLock(async () => {
    const { settings } = await loadSettings();
    const registered = (await registeredAutoScanOrigins()).filter(isCanonicalSiteOrigin);
    const candidates = [...new Set([...settings.autoScanOrigins, ...registered])];

    const report: AutoScanSyncReport = { active: [], stopped: [], restored: [], failed: [] };
    for (const origin of candidates) {
      if (!(await hasSiteAccess(origin))) {
        if (registered.includes(origin)) await unregisterAutoScan(origin);
        report.stopped.push(origin);
        continue;
      }
      try {
        // Also refreshes existing registrations, e.g. after an update changed the script.
        await registerAutoScan(origin);
      } catch (error) {
        report.failed.push({
          origin,
          detail: messageOf(error),
        });
        continue;
      }
      report.active.push(origin);
      if (!settings.autoScanOrigins.includes(origin)) report.restored.push(origin);
    }

    if (report.stopped.length > 0 || report.restored.length > 0) {
      await updateSettings((current) => ({
        autoScanOrigins: [
          ...current.autoScanOrigins.filter((site) => !report.stopped.includes(site)),
          ...report.restored.filter((site) => !current.autoScanOrigins.includes(site)),
        ],
      }));
    }
    return report;
  });
}

/** Background wiring. Registers its listeners synchronously, as an MV3 worker must. */
export function keepAutoScanInSync(): void {
  const resync = () => {
    syncAutoScan().then(
      (report) => {
        if (report.stopped.length > 0 || report.restored.length > 0 || report.failed.length > 0) {
          console.info('[renewal-scout] automatic scanning re-synced', report);
        }
      },
      (error) => console.warn('[renewal-scout] automatic scanning re-sync failed', error),
    );
  };
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
}
