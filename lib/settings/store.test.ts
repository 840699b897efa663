import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import corruptV001 from './fixtures/corrupt-v001.json';
import v001 from './fixtures/v001.json';
import { defaultSettings } from './schema';
import {
  loadSettings,
  SETTINGS_BACKUP_KEY,
  SETTINGS_KEY,
  updateSettings,
  watchSettings,
} from './store';

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

beforeEach(() => fakeBrowser.reset());

describe('loadSettings', () => {
  test('gives the defaults when nothing is stored, without writing', async () => {
    expect(await loadSettings()).toEqual({ settings: defaultSettings(), problems: [] });
    expect(await stored(SETTINGS_KEY)).toBeUndefined();
  });

  test('reads the stored settings', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v001 });
    expect((await loadSettings()).settings).toEqual(v001);
  });

  test('reports a failing storage instead of throwing', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('quota'));
    expect(await loadSettings()).toEqual({
      settings: defaultSettings(),
      problems: [{ kind: 'storage-failed', detail: 'quota' }],
    });
  });
});

describe('updateSettings', () => {
  test('saves a valid patch over the current settings', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v001 });
    const result = await updateSettings({ expiringSoonDays: 90, highlights: true });
    expect(result).toEqual({
      ok: true,
      value: { ...v001, expiringSoonDays: 90, highlights: true },
    });
    expect(await stored(SETTINGS_KEY)).toEqual({ ...v001, expiringSoonDays: 90, highlights: true });
  });

  test('refuses an invalid patch, names the fields and writes nothing', async () => {
    const result = await updateSettings({
      expiringSoonDays: 366,
      portalBaseUrl: 'javascript:alert(1)',
    });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'invalid', fields: ['portalBaseUrl', 'expiringSoonDays'] },
    });
    expect(await stored(SETTINGS_KEY)).toBeUndefined();
  });

  test('refuses a sites list with a wildcard or a duplicate', async () => {
    expect(await updateSettings({ autoScanOrigins: ['https://*.example.com'] })).toMatchObject({
      ok: false,
    });
    expect(
      await updateSettings({ autoScanOrigins: ['https://a.example', 'https://a.example'] }),
    ).toMatchObject({ ok: false });
  });

  test('keeps a copy of damaged settings before replacing them', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: corruptV001 });
    const result = await updateSettings({ highlights: false });
    expect(result.ok).toBe(true);
    expect(await stored(SETTINGS_BACKUP_KEY)).toMatchObject({ value: corruptV001 });
    expect(await stored(SETTINGS_KEY)).toMatchObject({
      highlights: false,
      autoScanOrigins: ['https://helpdesk.example.com', 'https://tickets.example.org'],
    });
  });

  test('does not make a copy when the stored settings were fine', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v001 });
    await updateSettings({ highlights: true });
    expect(await stored(SETTINGS_BACKUP_KEY)).toBeUndefined();
  });

  test('concurrent updates of the sites list both land', async () => {
    const add = (origin: string) =>
      updateSettings((current) => ({ autoScanOrigins: [...current.autoScanOrigins, origin] }));
    await Promise.all([add('https://a.example'), add('https://b.example')]);
    expect((await loadSettings()).settings.autoScanOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  test('reports a failing write', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('disk full'));
    expect(await updateSettings({ highlights: false })).toEqual({
      ok: false,
      error: { kind: 'storage-failed', detail: 'disk full' },
    });
  });
});

describe('watchSettings', () => {
  test('calls back with each saved version until unsubscribed', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings(({ settings }) => seen.push(settings.highlights));
    await updateSettings({ highlights: false });
    await updateSettings({ highlights: true });
    stop();
    await updateSettings({ highlights: false });
    expect(seen).toEqual([false, true]);
  });

  test('ignores other keys', async () => {
    const callback = vi.fn();
    watchSettings(callback);
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    expect(callback).not.toHaveBeenCalled();
  });
});
