// Turns whatever is stored under the settings key into current settings: missing → defaults;
// older → each registered migration in turn; anything odd → every field that is still valid is
// kept, the rest falls back to its default, and each loss is reported as a problem. It never
// throws, and the automatic-scanning sites are kept entry by entry, never dropped wholesale.
import { messageOf } from '../result';
import { settingsMigrations } from './migrations';
import type { SettingsMigration } from './migrations/types';
import type { SettingsProblem } from './problems';
import {
  CURRENT_SETTINGS_VERSION,
  defaultSettings,
  type Settings,
  type SettingsField,
  settingsFields,
  settingsSchema,
} from './schema';

export interface MigratedSettings {
  settings: Settings;
  /** Empty when the stored value was read in full. */
  problems: SettingsProblem[];
}

export interface MigrationOptions {
  migrations?: readonly SettingsMigration[];
  currentVersion?: number;
}

export function migrateSettings(stored: unknown, options: MigrationOptions = {}): MigratedSettings {
  const migrations = options.migrations ?? settingsMigrations;
  const currentVersion = options.currentVersion ?? CURRENT_SETTINGS_VERSION;

  if (stored === undefined || stored === null) return { settings: defaultSettings(), problems: [] };
  if (!isRecord(stored)) return { settings: defaultSettings(), problems: [{ kind: 'unreadable' }] };

  const version = stored.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return salvage(stored, [{ kind: 'unknown-version', version }]);
  }
  if (version > currentVersion) {
    return salvage(stored, [{ kind: 'newer-version', version }]);
  }

  let current: Record<string, unknown> = stored;
  for (let from = version; from < currentVersion; from++) {
    const step = migrations.find((migration) => migration.from === from);
    if (!step) {
      return salvage(current, [
        { kind: 'migration-failed', from, detail: 'no migration registered' },
      ]);
    }
    try {
      const next = step.migrate(structuredClone(current));
      if (!isRecord(next)) throw new Error('the migration returned no object');
      current = { ...next, version: from + 1 };
    } catch (error) {
      return salvage(current, [{ kind: 'migration-failed', from, detail: messageOf(error) }]);
    }
  }

  const parsed = settingsSchema.safeParse({ ...current, version: CURRENT_SETTINGS_VERSION });
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return salvage(current, []);
}

/** Keeps each field that passes its own schema; reports each one that does not. */
function salvage(stored: Record<string, unknown>, problems: SettingsProblem[]): MigratedSettings {
  const settings = defaultSettings();
  const found: SettingsProblem[] = [...problems];
  for (const field of Object.keys(settingsFields) as SettingsField[]) {
    if (field === 'autoScanOrigins') continue;
    const parsed = settingsFields[field].safeParse(stored[field]);
    if (parsed.success) (settings as Record<SettingsField, unknown>)[field] = parsed.data;
    else found.push({ kind: 'invalid-field', field });
  }

  const sites = stored.autoScanOrigins;
  if (Array.isArray(sites)) {
    const siteSchema = settingsFields.autoScanOrigins.def.element;
    for (const site of sites) {
      const parsed = siteSchema.safeParse(site);
      if (!parsed.success) found.push({ kind: 'dropped-site', value: String(site) });
      else if (!settings.autoScanOrigins.includes(parsed.data))
        settings.autoScanOrigins.push(parsed.data);
    }
  } else {
    found.push({ kind: 'invalid-field', field: 'autoScanOrigins' });
  }
  return { settings, problems: found };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
