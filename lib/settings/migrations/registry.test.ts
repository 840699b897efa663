// Convention test: the settings version, the migration registry, the migration files and the
// frozen fixtures must move together.
import { describe, expect, test } from 'vitest';
import { migrateSettings } from '../migrate';
import { CURRENT_SETTINGS_VERSION, settingsSchema } from '../schema';
import { settingsMigrations } from '.';

const migrationSources = import.meta.glob<string>('./v*-to-v*.ts', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const migrationFiles = Object.keys(migrationSources);
const fixtures = import.meta.glob<{ default: unknown }>('../fixtures/v[0-9][0-9][0-9].json', {
  eager: true,
});
const stepOutputs = import.meta.glob<{ default: unknown }>('../fixtures/v*-to-v*.json', {
  eager: true,
});

/**
 * A migration describes an old shape forever, so it may import only its own type: a live
 * constant (a default, a limit, the schema) would change what an old step does.
 */
function liveImportsOf(source: string): string[] {
  const specifiers = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  return specifiers.filter((specifier) => specifier !== './types');
}
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

  test('has the expected output of every step beside its input (vNNN-to-vMMM.json)', () => {
    const expected = settingsMigrations.map(
      ({ from }) => `../fixtures/v${pad(from)}-to-v${pad(from + 1)}.json`,
    );
    expect(Object.keys(stepOutputs).sort()).toEqual(expected.sort());
  });

  test.each(settingsMigrations.map((migration) => [migration.from, migration] as const))(
    'the step from version %i turns its frozen example into the expected one',
    (from, migration) => {
      const input = fixtures[`../fixtures/v${pad(from)}.json`]?.default;
      const output = stepOutputs[`../fixtures/v${pad(from)}-to-v${pad(from + 1)}.json`]?.default;
      expect(migration.migrate(structuredClone(input) as Record<string, unknown>)).toEqual(output);
    },
  );

  test('no migration file imports live code', () => {
    for (const [file, source] of Object.entries(migrationSources)) {
      expect(liveImportsOf(source), file).toEqual([]);
    }
    // The check itself: a live import is caught, the step's own type is not.
    expect(
      liveImportsOf(
        "import type { SettingsMigration } from './types';\nimport { defaultSettings } from '../schema';",
      ),
    ).toEqual(['../schema']);
  });

  test.each(Object.entries(fixtures))('%s loads in full as current settings', (_, fixture) => {
    const { settings, problems } = migrateSettings(fixture.default);
    expect(problems).toEqual([]);
    expect(settingsSchema.safeParse(settings).success).toBe(true);
  });
});
