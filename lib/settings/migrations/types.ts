/**
 * One step from settings version `from` to `from + 1`. It receives the stored object of
 * version `from` (already known to be an object with that version) and returns the object of
 * the next version; the runner validates only the final result, so a step may leave fields it
 * does not touch as they are.
 */
export interface SettingsMigration {
  from: number;
  migrate(stored: Record<string, unknown>): Record<string, unknown>;
}
