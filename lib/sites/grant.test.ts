import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, updateSettings } from '../settings';
import { grantAutoScan, revokeAutoScan } from './grant';
import { installSiteApiFake, type SiteApiFake } from './site-apis.fake';

let apis: SiteApiFake;
beforeEach(() => {
  fakeBrowser.reset();
  apis = installSiteApiFake();
});

const sites = async () => (await loadSettings()).settings.autoScanOrigins;

describe('grantAutoScan', () => {
  test('asks for the one origin, registers the content script for it and saves it', async () => {
    expect(await grantAutoScan('helpdesk.example.com')).toEqual({
      ok: true,
      value: 'https://helpdesk.example.com',
    });
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['https://helpdesk.example.com/*'],
    });
    expect([...apis.scripts.values()]).toEqual([
      {
        id: 'auto-scan:https://helpdesk.example.com',
        matches: ['https://helpdesk.example.com/*'],
        css: ['content/highlights.css'],
        js: ['content/styled.js', 'content-scripts/content.js'],
        runAt: 'document_idle',
        allFrames: true,
        persistAcrossSessions: true,
      },
    ]);
    expect(await sites()).toEqual(['https://helpdesk.example.com']);
  });

  test('asks for permission synchronously, while the click is still being handled', () => {
    const pending = grantAutoScan('https://helpdesk.example.com');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledTimes(1);
    return pending;
  });

  test('refuses bad input without asking', async () => {
    expect(await grantAutoScan('*.example.com')).toEqual({
      ok: false,
      error: { kind: 'invalid-site', reason: { kind: 'wildcard' } },
    });
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  test('a denied prompt changes nothing', async () => {
    apis.prompt = 'deny';
    expect(await grantAutoScan('helpdesk.example.com')).toEqual({
      ok: false,
      error: { kind: 'permission-denied', origin: 'https://helpdesk.example.com' },
    });
    expect(apis.scripts.size).toBe(0);
    expect(await sites()).toEqual([]);
  });

  test('a browser that will not ask is reported with its reason', async () => {
    apis.prompt = 'no-gesture';
    expect(await grantAutoScan('helpdesk.example.com')).toEqual({
      ok: false,
      error: {
        kind: 'permission-failed',
        origin: 'https://helpdesk.example.com',
        detail: 'This function must be called during a user gesture',
      },
    });
  });

  test('a failed registration gives the permission back and saves nothing', async () => {
    apis.failNextRegistration = true;
    const result = await grantAutoScan('helpdesk.example.com');
    expect(result).toMatchObject({ ok: false, error: { kind: 'registration-failed' } });
    expect(apis.granted.size).toBe(0);
    expect(await sites()).toEqual([]);
  });

  test('granting a site twice keeps one registration and one entry', async () => {
    await grantAutoScan('helpdesk.example.com');
    await grantAutoScan('https://helpdesk.example.com/tickets/9');
    expect(apis.scripts.size).toBe(1);
    expect(await sites()).toEqual(['https://helpdesk.example.com']);
  });
});

describe('revokeAutoScan', () => {
  test('unregisters, forgets the site and gives back its permission', async () => {
    await grantAutoScan('helpdesk.example.com');
    await grantAutoScan('tickets.example.org');
    expect(await revokeAutoScan('https://helpdesk.example.com')).toEqual({
      ok: true,
      value: 'https://helpdesk.example.com',
    });
    expect([...apis.scripts.keys()]).toEqual(['auto-scan:https://tickets.example.org']);
    expect(await sites()).toEqual(['https://tickets.example.org']);
    expect([...apis.granted]).toEqual(['https://tickets.example.org/*']);
  });

  test('keeps the permission the portal still needs', async () => {
    await updateSettings({ portalBaseUrl: 'https://partners.example.com/portal' });
    await grantAutoScan('partners.example.com');
    await revokeAutoScan('https://partners.example.com');
    expect(apis.scripts.size).toBe(0);
    expect(await sites()).toEqual([]);
    expect(apis.granted.has('https://partners.example.com/*')).toBe(true);
  });

  test('still stops scanning when the permission is one the manifest grants', async () => {
    apis.required.add('http://127.0.0.1/*');
    await grantAutoScan('http://127.0.0.1:4321');
    expect(await revokeAutoScan('http://127.0.0.1:4321')).toMatchObject({ ok: true });
    expect(apis.scripts.size).toBe(0);
    expect(await sites()).toEqual([]);
  });

  test('revoking a site that is not there is harmless', async () => {
    expect(await revokeAutoScan('https://nowhere.example')).toMatchObject({ ok: true });
  });
});
