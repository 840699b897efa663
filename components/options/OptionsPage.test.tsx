import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { updateSettings } from '@/lib/settings';
import corruptV001 from '@/lib/settings/fixtures/corrupt-v001.json';
import { installSiteApiFake, type SiteApiFake } from '@/lib/sites/site-apis.fake';
import { OptionsPage } from './OptionsPage';

let apis: SiteApiFake;
beforeEach(() => {
  fakeBrowser.reset();
  apis = installSiteApiFake();
});
afterEach(cleanup);

async function mount() {
  const view = render(<OptionsPage />);
  await screen.findByRole('heading', { name: 'Preferences' });
  return view;
}

const days = () =>
  screen.getByRole('spinbutton', { name: 'Expiring soon threshold (days)' }) as HTMLInputElement;

describe('OptionsPage', () => {
  test('explains settings it could not read, naming what was reset and kept', async () => {
    await fakeBrowser.storage.local.set({ settings: corruptV001 });
    await mount();
    const problems = screen.getByTestId('settings-problems');
    expect(problems.getAttribute('role')).toBe('alert');
    expect(problems.textContent).toContain(
      'The saved value for "Expiring soon threshold" was invalid and is back to its default.',
    );
    expect(problems.textContent).toContain(
      '"*://*.example.com" is not a valid site and was removed from automatic scanning.',
    );
    expect(document.querySelector('.sites')?.textContent).toContain('https://tickets.example.org');
  });

  test('follows a change saved elsewhere while the form is untouched', async () => {
    await mount();
    expect(days().value).toBe('30');
    await act(async () => {
      await updateSettings({ expiringSoonDays: 14 });
    });
    await waitFor(() => expect(days().value).toBe('14'));
  });

  test('keeps what the user is typing when a change is saved elsewhere', async () => {
    const user = userEvent.setup();
    await mount();
    await user.type(days(), '{Backspace}{Backspace}90');
    expect(days().value).toBe('90');
    await act(async () => {
      await updateSettings({ highlights: false });
    });
    await waitFor(() => expect(days().value).toBe('90'));
  });

  test('choosing token sign-in, before saving, shows the token form', async () => {
    const user = userEvent.setup();
    await mount();
    const token = screen.getByRole('radio', { name: 'A personal access token' });
    expect((token as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByLabelText('Token')).toBeNull();
    await user.click(token);
    expect((token as HTMLInputElement).checked).toBe(true);
    expect(screen.getByLabelText('Token')).not.toBeNull();
  });

  test('never shows a saved token', async () => {
    await updateSettings({ signInMethod: 'token' });
    await fakeBrowser.storage.local.set({
      portalToken: { version: 1, iv: 'AAAA', ciphertext: 'BBBB' },
    });
    await mount();
    await waitFor(() =>
      expect(screen.getByTestId('token-state').textContent).toBe('A token is saved.'),
    );
    const field = screen.getByLabelText('Replace the token') as HTMLInputElement;
    expect(field.value).toBe('');
    expect(field.type).toBe('password');
  });

  test('says when the portal cannot be reached yet, and not once access is granted', async () => {
    const view = await mount();
    await waitFor(() =>
      expect(screen.getByTestId('portal-access-missing').textContent).toBe(
        'Renewal Scout cannot reach http://127.0.0.1:8787 yet: save to give it access.',
      ),
    );
    view.unmount();
    apis.granted.add('http://127.0.0.1:8787/*');
    await mount();
    await new Promise((done) => setTimeout(done, 20));
    expect(screen.queryByTestId('portal-access-missing')).toBeNull();
  });
});
