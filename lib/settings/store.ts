// Settings in storage.local under one key. Loading never writes; the first update after a
// load that reported problems first copies the stored value aside, so nothing the user had is
// lost even when this version could not understand it.

import { browser } from 'wxt/browser';
import { err, messageOf, ok, type Result } from '../result';
import { withExtensionLock } from './lock';
import { type MigratedSettings, migrateSettings } from './migrate';
import type { SettingsProblem } from './problems';
import {
  CURRENT_SETTINGS_VERSION,
  defaultSettings,
  type Settings,
  type SettingsField,
  type SettingsPatch,
  settingsSchema,
} from './schema';

export const SETTINGS_KEY = 'settings';
/** The stored value as it was before an update replaced something unreadable. */
export const SETTINGS_BACKUP_KEY = 'settingsBackup';

export type LoadedSettings = MigratedSettings;

export type SettingsUpdateError =
  | { kind: 'invalid'; fields: SettingsField[] }
  | { kind: 'storage-failed'; detail: string };

export type SettingsUpdateResult = Result<Settings, SettingsUpdateError>;

export async function loadSettings(): Promise<LoadedSettings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return migrateSettings(stored[SETTINGS_KEY]);
  } catch (error) {
    return { settings: defaultSettings(), problems: [storageFailed(error)] };
  }
}

/**
 * Applies a patch (or a function of the current settings returning one) and saves the result
 * if it is valid. Serialized across the extension's contexts, so two updates never lose each
 * other's changes.
 */
export function updateSettings(
  change: SettingsPatch | ((current: Settings) => SettingsPatch),
): Promise<SettingsUpdateResult> {
  return withExtensionLock('settings', async () => {
    let stored: unknown;
    try {
      stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    } catch (error) {
      return err({ kind: 'storage-failed', detail: storageFailed(error).detail });
    }
    const { settings: current, problems } = migrateSettings(stored);
    const patch = typeof change === 'function' ? change(current) : change;
    const parsed = settingsSchema.safeParse({
      ...current,
      ...patch,
      version: CURRENT_SETTINGS_VERSION,
    });
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path[0]))];
      return err({ kind: 'invalid', fields: fields as SettingsField[] });
    }
    try {
      const writes: Record<string, unknown> = { [SETTINGS_KEY]: parsed.data };
      if (problems.length > 0) {
        writes[SETTINGS_BACKUP_KEY] = { savedAt: new Date().toISOString(), value: stored };
      }
      await browser.storage.local.set(writes);
    } catch (error) {
      return err({ kind: 'storage-failed', detail: storageFailed(error).detail });
    }
    return ok(parsed.data);
  });
}

/** Calls back with the new settings whenever any context saves them. Returns the unsubscribe. */
export function watchSettings(callback: (loaded: LoadedSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change) callback(migrateSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

function storageFailed(error: unknown): Extract<SettingsProblem, { kind: 'storage-failed' }> {
  return { kind: 'storage-failed', detail: messageOf(error) };
}
