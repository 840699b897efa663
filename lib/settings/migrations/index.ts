// The registry of settings migrations, oldest first. Version 1 is the first release, so there
// is nothing to migrate yet. To change the stored shape: bump CURRENT_SETTINGS_VERSION in
// ../schema.ts, add `vNNN-to-vMMM.ts` here exporting a SettingsMigration, list it below, and
// freeze an example of the old version in ../fixtures/ (registry.test.ts checks all three).
import type { SettingsMigration } from './types';

export const settingsMigrations: readonly SettingsMigration[] = [];
