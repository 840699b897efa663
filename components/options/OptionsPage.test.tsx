import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { updateSettings } from '@/lib/settings';
import corruptV001 from '@/lib/settings/fixtures/corrupt-v001.json';
import { installSiteApiFake, type SiteApiFake } from '@/lib/sites/site-apis.fake';
import { OptionsPage } from './OptionsPage';

let root: HTMLElement;
let apis: SiteApiFake;
beforeEach(() => {
  fakeBrowser.reset();
  apis = installSiteApiFake();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount() {
  await act(() => render(<OptionsPage />, root));
  await vi.waitFor(() => expect(root.querySelector('h2')).not.toBeNull());
}

const input = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;

describe('OptionsPage', () => {
  test('explains settings it could not read, naming what was reset and kept', async () => {
    await fakeBrowser.storage.local.set({ settings: corruptV001 });
    await mount();
    const problems = root.querySelector('[data-testid="settings-problems"]');
    expect(problems?.getAttribute('role')).toBe('alert');
    expect(problems?.textContent).toContain(
      'The saved value for "Expiring soon threshold" was invalid and is back to its default.',
    );
    expect(problems?.textContent).toContain(
      '"*://*.example.com" is not a valid site and was removed from automatic scanning.',
    );
    expect(root.querySelector('.sites')?.textContent).toContain('https://tickets.example.org');
  });

  test('follows a change saved elsewhere while the form is untouched', async () => {
    await mount();
    expect(input('expiring-days').value).toBe('30');
    await act(async () => {
      await updateSettings({ expiringSoonDays: 14 });
    });
    await vi.waitFor(() => expect(input('expiring-days').value).toBe('14'));
  });

  test('keeps what the user is typing when a change is saved elsewhere', async () => {
    await mount();
    const days = input('expiring-days');
    await act(() => {
      days.value = '90';
      days.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      await updateSettings({ highlights: false });
    });
    await vi.waitFor(() => expect(input('expiring-days').value).toBe('90'));
  });

  test('choosing token sign-in, before saving, shows the token form', async () => {
    await mount();
    const token = root.querySelector<HTMLInputElement>('input[name="sign-in"][value="token"]');
    expect(token?.checked).toBe(false);
    expect(root.querySelector('#portal-token')).toBeNull();
    await act(() => {
      token?.click();
    });
    expect(token?.checked).toBe(true);
    expect(root.querySelector('#portal-token')).not.toBeNull();
  });

  test('never shows a saved token', async () => {
    await updateSettings({ signInMethod: 'token' });
    await fakeBrowser.storage.local.set({
      portalToken: { version: 1, iv: 'AAAA', ciphertext: 'BBBB' },
    });
    await mount();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="token-state"]')?.textContent).toBe(
        'A token is saved.',
      ),
    );
    expect(input('portal-token').value).toBe('');
    expect(input('portal-token').type).toBe('password');
  });

  test('says when the portal cannot be reached yet, and not once access is granted', async () => {
    await mount();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="portal-access-missing"]')?.textContent).toBe(
        'Renewal Scout cannot reach http://127.0.0.1:8787 yet: save to give it access.',
      ),
    );
    render(null, root);
    apis.granted.add('http://127.0.0.1:8787/*');
    await mount();
    await new Promise((done) => setTimeout(done, 20));
    expect(root.querySelector('[data-testid="portal-access-missing"]')).toBeNull();
  });
});
