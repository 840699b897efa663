import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installSiteApiFake, type SiteApiFake } from '../sites/site-apis.fake';
import { hasPortalAccess, savePortalConnection } from './portal-connection';
import { parsePortalBaseUrl } from './portal-url';
import { loadSettings, updateSettings } from './store';

let apis: SiteApiFake;
beforeEach(() => {
  fakeBrowser.reset();
  apis = installSiteApiFake();
});

describe('parsePortalBaseUrl', () => {
  test.each([
    ['https://partners.example.com/', 'https://partners.example.com'],
    ['  https://partners.example.com/portal//  ', 'https://partners.example.com/portal'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://partners.example.com/portal?next=1#top', 'https://partners.example.com/portal'],
  ])('%j → %s', (input, url) => {
    expect(parsePortalBaseUrl(input)).toEqual({ ok: true, value: url });
  });

  test.each([
    ['', 'empty'],
    ['partners.example.com', 'invalid'],
    ['ftp://partners.example.com', 'unsupported-scheme'],
    ['https://me:secret@partners.example.com', 'credentials'],
  ])('%j is refused as %s', (input, kind) => {
    const result = parsePortalBaseUrl(input);
    expect(result.ok || result.error.kind).toBe(kind);
  });
});

describe('savePortalConnection', () => {
  test('asks for the portal origin only, synchronously, then saves', async () => {
    const pending = savePortalConnection({
      baseUrl: 'https://partners.example.com/portal/',
      signInMethod: 'token',
    });
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['https://partners.example.com/*'],
    });
    expect(await pending).toMatchObject({ ok: true });
    const { settings } = await loadSettings();
    expect(settings.portalBaseUrl).toBe('https://partners.example.com/portal');
    expect(settings.signInMethod).toBe('token');
  });

  test('saves nothing when access is refused', async () => {
    apis.prompt = 'deny';
    expect(
      await savePortalConnection({
        baseUrl: 'https://partners.example.com',
        signInMethod: 'session',
      }),
    ).toEqual({
      ok: false,
      error: { kind: 'permission-denied', origin: 'https://partners.example.com' },
    });
    expect((await loadSettings()).settings.portalBaseUrl).toBe('http://127.0.0.1:8787');
  });

  test('refuses an invalid address without asking', async () => {
    const result = await savePortalConnection({ baseUrl: 'partners', signInMethod: 'session' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-url' } });
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  test('gives up the old portal origin, unless a scanned site still uses it', async () => {
    await savePortalConnection({ baseUrl: 'https://old.example.com', signInMethod: 'session' });
    await savePortalConnection({ baseUrl: 'https://new.example.com', signInMethod: 'session' });
    expect([...apis.granted]).toEqual(['https://new.example.com/*']);

    apis.granted.add('https://new.example.com/*');
    await updateSettings({ autoScanOrigins: ['https://new.example.com'] });
    await savePortalConnection({ baseUrl: 'https://third.example.com', signInMethod: 'session' });
    expect(apis.granted.has('https://new.example.com/*')).toBe(true);
  });
});

describe('hasPortalAccess', () => {
  test('is false until the portal origin is granted', async () => {
    expect(await hasPortalAccess('https://partners.example.com/portal')).toBe(false);
    await savePortalConnection({
      baseUrl: 'https://partners.example.com/portal',
      signInMethod: 'session',
    });
    expect(await hasPortalAccess('https://partners.example.com/portal')).toBe(true);
  });
});
