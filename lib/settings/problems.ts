// What can be wrong with stored settings. Loading never throws: it returns usable settings and
// the list of problems, and the options page explains them.
import type { SettingsField } from './schema';

export type SettingsProblem =
  /** The stored value is not a settings object at all. */
  | { kind: 'unreadable' }
  /** The stored object has no usable version number. */
  | { kind: 'unknown-version'; version: unknown }
  /** Written by a newer release (the extension was downgraded). */
  | { kind: 'newer-version'; version: number }
  /** No migration path, or a migration threw, from this version. */
  | { kind: 'migration-failed'; from: number; detail: string }
  /** One field was missing or invalid and is back to its default. */
  | { kind: 'invalid-field'; field: SettingsField }
  /** One entry of the automatic-scanning sites was not a valid origin and was left out. */
  | { kind: 'dropped-site'; value: string }
  /** storage.local itself failed. */
  | { kind: 'storage-failed'; detail: string };

export function describeSettingsProblem(problem: SettingsProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return 'The saved settings could not be read; the defaults are in use. A copy of the old data was kept.';
    case 'unknown-version':
      return 'The saved settings have no version number; everything still valid was kept.';
    case 'newer-version':
      return `The saved settings come from a newer version of Renewal Scout (settings version ${problem.version}); everything this version understands was kept.`;
    case 'migration-failed':
      return `The settings from version ${problem.from} could not be upgraded (${problem.detail}); everything still valid was kept.`;
    case 'invalid-field':
      return `The saved value for "${FIELD_LABELS[problem.field]}" was invalid and is back to its default.`;
    case 'dropped-site':
      return `"${problem.value}" is not a valid site and was removed from automatic scanning.`;
    case 'storage-failed':
      return `The browser's extension storage failed (${problem.detail}); the defaults are in use.`;
  }
}

const FIELD_LABELS: Record<SettingsField, string> = {
  portalBaseUrl: 'Portal address',
  signInMethod: 'Sign-in method',
  expiringSoonDays: 'Expiring soon threshold',
  creditsChoice: 'Default credits choice',
  highlights: 'Highlights',
  autoScanOrigins: 'Sites with automatic scanning',
};
