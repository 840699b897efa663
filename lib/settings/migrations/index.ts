// The registry of settings migrations, oldest first. Version 1 is the first release, so there
// is nothing to migrate yet. To change the stored shape: bump CURRENT_SETTINGS_VERSION in
// ../schema.ts, add `vNNN-to-vMMM.ts` here exporting a SettingsMigration (importing nothing
// live: only ./types), list it below, freeze an example of the old version in ../fixtures/ and
// the step's expected output beside it as vNNN-to-vMMM.json (registry.test.ts checks them all).
import type { SettingsMigration } from './types';

export const settingsMigrations: readonly SettingsMigration[] = [];
