// Convention test: the settings version, the migration registry, the migration files and the
// frozen fixtures must move together.
import { describe, expect, test } from 'vitest';
import { migrateSettings } from '../migrate';
import { CURRENT_SETTINGS_VERSION, settingsSchema } from '../schema';
import { settingsMigrations } from '.';

const migrationFiles = Object.keys(import.meta.glob('./v*-to-v*.ts'));
const fixtures = import.meta.glob<{ default: unknown }>('../fixtures/v*.json', { eager: true });
const pad = (version: number) => String(version).padStart(3, '0');

describe('settings migration registry', () => {
  test('has exactly one step from every version before the current one, in order', () => {
    const froms = settingsMigrations.map((migration) => migration.from);
    const expected = Array.from({ length: CURRENT_SETTINGS_VERSION - 1 }, (_, i) => i + 1);
    expect(froms).toEqual(expected);
  });

  test('has one file per step, named vNNN-to-vMMM.ts', () => {
    const expected = settingsMigrations.map(
      ({ from }) => `./v${pad(from)}-to-v${pad(from + 1)}.ts`,
    );
    expect(migrationFiles.sort()).toEqual(expected.sort());
  });

  test('has a frozen example of every version up to the current one', () => {
    const expected = Array.from(
      { length: CURRENT_SETTINGS_VERSION },
      (_, i) => `../fixtures/v${pad(i + 1)}.json`,
    );
    expect(Object.keys(fixtures).sort()).toEqual(expected);
  });

  test.each(Object.entries(fixtures))('%s loads in full as current settings', (_, fixture) => {
    const { settings, problems } = migrateSettings(fixture.default);
    expect(problems).toEqual([]);
    expect(settingsSchema.safeParse(settings).success).toBe(true);
  });
});
