import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, updateSettings } from '../settings';
import { grantAutoScan } from './grant';
import { installSiteApiFake, type SiteApiFake } from './site-apis.fake';
import { keepAutoScanInSync, syncAutoScan } from './sync';

let apis: SiteApiFake;
beforeEach(() => {
  fakeBrowser.reset();
  apis = installSiteApiFake();
});

const sites = async () => (await loadSettings()).settings.autoScanOrigins;
const scriptIds = () => [...apis.scripts.keys()].sort();

describe('syncAutoScan', () => {
  test('leaves a consistent state alone', async () => {
    await grantAutoScan('helpdesk.example.com');
    expect(await syncAutoScan()).toEqual({
      active: ['https://helpdesk.example.com'],
      stopped: [],
      restored: [],
      failed: [],
    });
    expect(scriptIds()).toEqual(['auto-scan:https://helpdesk.example.com']);
  });

  test('stops a site whose access was taken away while the extension was not running', async () => {
    await grantAutoScan('helpdesk.example.com');
    await grantAutoScan('tickets.example.org');
    apis.granted.delete('https://helpdesk.example.com/*');
    const report = await syncAutoScan();
    expect(report.stopped).toEqual(['https://helpdesk.example.com']);
    expect(scriptIds()).toEqual(['auto-scan:https://tickets.example.org']);
    expect(await sites()).toEqual(['https://tickets.example.org']);
  });

  test('registers a saved, granted site whose registration is missing', async () => {
    apis.granted.add('https://helpdesk.example.com/*');
    await updateSettings({ autoScanOrigins: ['https://helpdesk.example.com'] });
    await syncAutoScan();
    expect(scriptIds()).toEqual(['auto-scan:https://helpdesk.example.com']);
  });

  test('puts back a running site that the settings lost', async () => {
    await grantAutoScan('helpdesk.example.com');
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    const report = await syncAutoScan();
    expect(report.restored).toEqual(['https://helpdesk.example.com']);
    expect(await sites()).toEqual(['https://helpdesk.example.com']);
  });

  test('counts a broader grant as access (the e2e build grants http://127.0.0.1/*)', async () => {
    apis.required.add('http://127.0.0.1/*');
    await updateSettings({ autoScanOrigins: ['http://127.0.0.1:4321'] });
    expect((await syncAutoScan()).active).toEqual(['http://127.0.0.1:4321']);
  });

  test('refreshes existing registrations, so an update can change the script', async () => {
    await grantAutoScan('helpdesk.example.com');
    apis.scripts.set('auto-scan:https://helpdesk.example.com', {
      id: 'auto-scan:https://helpdesk.example.com',
      matches: ['https://helpdesk.example.com/*'],
      js: ['old-content.js'],
    });
    await syncAutoScan();
    expect(apis.scripts.get('auto-scan:https://helpdesk.example.com')).toMatchObject({
      css: ['content/highlights.css'],
      js: ['content/styled.js', 'content-scripts/content.js'],
    });
  });

  test('keeps a site whose registration failed, to retry next time', async () => {
    apis.granted.add('https://helpdesk.example.com/*');
    await updateSettings({ autoScanOrigins: ['https://helpdesk.example.com'] });
    apis.failNextRegistration = true;
    const report = await syncAutoScan();
    expect(report.failed).toEqual([
      { origin: 'https://helpdesk.example.com', detail: 'Could not load javascript' },
    ]);
    expect(await sites()).toEqual(['https://helpdesk.example.com']);
  });

  test('ignores content scripts that are not automatic-scanning registrations', async () => {
    apis.scripts.set('something-else', { id: 'something-else', js: ['x.js'] });
    await syncAutoScan();
    expect(scriptIds()).toEqual(['something-else']);
  });
});

describe('keepAutoScanInSync', () => {
  test('a permission removed in the browser UI stops scanning that site', async () => {
    keepAutoScanInSync();
    await grantAutoScan('helpdesk.example.com');
    await apis.revokeInBrowser('https://helpdesk.example.com/*');
    await vi.waitFor(async () => expect(await sites()).toEqual([]));
    expect(apis.scripts.size).toBe(0);
  });

  test('re-syncs on browser startup and on install or update', async () => {
    keepAutoScanInSync();
    apis.granted.add('https://helpdesk.example.com/*');
    await updateSettings({ autoScanOrigins: ['https://helpdesk.example.com'] });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(apis.scripts.size).toBe(1));

    apis.scripts.clear();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await vi.waitFor(() => expect(apis.scripts.size).toBe(1));
  });
});
