import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import corruptV001 from './fixtures/corrupt-v001.json';
import v001 from './fixtures/v001.json';
import { migrateSettings } from './migrate';
import type { SettingsMigration } from './migrations/types';
import { defaultSettings, settingsSchema } from './schema';

describe('migrateSettings with the shipped registry', () => {
  test('nothing stored gives the defaults and no problem', () => {
    expect(migrateSettings(undefined)).toEqual({ settings: defaultSettings(), problems: [] });
    expect(migrateSettings(null)).toEqual({ settings: defaultSettings(), problems: [] });
  });

  test('the frozen version 1 example is read exactly', () => {
    expect(migrateSettings(v001)).toEqual({
      settings: {
        version: 1,
        portalBaseUrl: 'https://partners.example.com/portal',
        signInMethod: 'token',
        expiringSoonDays: 45,
        creditsChoice: 'card',
        highlights: false,
        autoScanOrigins: ['https://helpdesk.example.com', 'http://127.0.0.1:8080'],
      },
      problems: [],
    });
  });

  test.each([['a string'], [42], [[1, 2]], [true]])('%j is unreadable: defaults', (stored) => {
    expect(migrateSettings(stored)).toEqual({
      settings: defaultSettings(),
      problems: [{ kind: 'unreadable' }],
    });
  });

  test('a damaged version 1 keeps every valid field and every valid site, reports the rest', () => {
    const { settings, problems } = migrateSettings(corruptV001);
    expect(settings).toEqual({
      ...defaultSettings(),
      creditsChoice: 'organization',
      autoScanOrigins: ['https://helpdesk.example.com', 'https://tickets.example.org'],
    });
    expect(problems).toEqual([
      { kind: 'invalid-field', field: 'portalBaseUrl' },
      { kind: 'invalid-field', field: 'signInMethod' },
      { kind: 'invalid-field', field: 'expiringSoonDays' },
      { kind: 'invalid-field', field: 'highlights' },
      { kind: 'dropped-site', value: '*://*.example.com' },
      { kind: 'dropped-site', value: '42' },
    ]);
  });

  test('settings from a newer release keep what this release understands', () => {
    const stored = {
      ...v001,
      version: 7,
      portalBaseUrl: { url: 'https://x.example' },
      theme: 'dark',
    };
    const { settings, problems } = migrateSettings(stored);
    expect(settings.autoScanOrigins).toEqual(v001.autoScanOrigins);
    expect(settings.expiringSoonDays).toBe(45);
    expect(settings.portalBaseUrl).toBe(defaultSettings().portalBaseUrl);
    expect(problems).toEqual([
      { kind: 'newer-version', version: 7 },
      { kind: 'invalid-field', field: 'portalBaseUrl' },
    ]);
  });

  test.each([[undefined], ['1'], [0], [1.5], [-3]])('version %j is unknown', (version) => {
    const { settings, problems } = migrateSettings({ ...v001, version });
    expect(problems).toEqual([{ kind: 'unknown-version', version }]);
    expect(settings.autoScanOrigins).toEqual(v001.autoScanOrigins);
  });

  test('a sites list that is not a list is reported, not silently emptied', () => {
    const { problems } = migrateSettings({ ...v001, autoScanOrigins: 'https://a.example' });
    expect(problems).toEqual([{ kind: 'invalid-field', field: 'autoScanOrigins' }]);
  });

  // A hundred random stores: well past Vitest's default limit on a busy machine.
  test('never throws and always returns valid settings, whatever is stored', {
    timeout: 30_000,
  }, () => {
    const storedLike = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          version: fc.oneof(fc.constant(1), fc.integer(), fc.jsonValue()),
          portalBaseUrl: fc.oneof(fc.webUrl(), fc.string()),
          signInMethod: fc.constantFrom('session', 'token', 'other'),
          expiringSoonDays: fc.oneof(fc.integer(), fc.double()),
          creditsChoice: fc.constantFrom('organization', 'card', ''),
          highlights: fc.jsonValue(),
          autoScanOrigins: fc.oneof(fc.array(fc.oneof(fc.webUrl(), fc.string())), fc.jsonValue()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(storedLike, (stored) => {
        const { settings } = migrateSettings(stored);
        expect(settingsSchema.safeParse(settings).success).toBe(true);
      }),
    );
  });
});

// The shipped registry is empty (version 1 is the first release), so the runner's stepping is
// exercised here with a made-up history: v1 kept the portal as an object, v2 renamed a field.
describe('migrateSettings stepping through a registry', () => {
  const v1ToV2: SettingsMigration = {
    from: 1,
    migrate: ({ portal, ...rest }) => ({
      ...rest,
      portalBaseUrl: (portal as { url: string }).url,
    }),
  };
  const v2ToV3: SettingsMigration = {
    from: 2,
    migrate: ({ highlight, ...rest }) => ({ ...rest, highlights: highlight }),
  };
  const oldV1 = {
    version: 1,
    portal: { url: 'https://partners.example.com' },
    signInMethod: 'session',
    expiringSoonDays: 60,
    creditsChoice: 'card',
    highlight: false,
    autoScanOrigins: ['https://helpdesk.example.com'],
  };
  const options = { migrations: [v1ToV2, v2ToV3], currentVersion: 3 };

  test('applies each step in order', () => {
    const { settings, problems } = migrateSettings(oldV1, options);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      portalBaseUrl: 'https://partners.example.com',
      highlights: false,
      expiringSoonDays: 60,
      autoScanOrigins: ['https://helpdesk.example.com'],
    });
  });

  test('starts from the stored version', () => {
    const { portal: _portal, ...v2 } = { ...oldV1, version: 2, portalBaseUrl: 'https://b.example' };
    const { settings, problems } = migrateSettings(v2, options);
    expect(problems).toEqual([]);
    expect(settings.portalBaseUrl).toBe('https://b.example');
  });

  test('does not change the stored object', () => {
    const stored = structuredClone(oldV1);
    migrateSettings(stored, options);
    expect(stored).toEqual(oldV1);
  });

  test('a step that throws is reported and the sites survive', () => {
    const broken: SettingsMigration = {
      from: 2,
      migrate: () => {
        throw new Error('highlight missing');
      },
    };
    const { settings, problems } = migrateSettings(oldV1, {
      migrations: [v1ToV2, broken],
      currentVersion: 3,
    });
    expect(problems[0]).toEqual({ kind: 'migration-failed', from: 2, detail: 'highlight missing' });
    expect(settings.portalBaseUrl).toBe('https://partners.example.com');
    expect(settings.autoScanOrigins).toEqual(['https://helpdesk.example.com']);
  });

  test('a missing step is reported', () => {
    const { problems } = migrateSettings(oldV1, { migrations: [v1ToV2], currentVersion: 3 });
    expect(problems[0]).toEqual({
      kind: 'migration-failed',
      from: 2,
      detail: 'no migration registered',
    });
  });
});
