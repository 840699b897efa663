import { expect, test } from 'vitest';
import { classifyScanError } from './scan-errors';

test.each([
  // Chrome's wording
  ['Cannot access a chrome:// URL', 'chrome://settings/', 'restricted-page'],
  ['Cannot access a chrome:// URL', undefined, 'restricted-page'],
  ['Cannot access a chrome-extension:// URL of different extension', undefined, 'restricted-page'],
  ['Cannot access contents of url "about:blank".', undefined, 'restricted-page'],
  ['The extensions gallery cannot be scripted.', undefined, 'web-store'],
  [
    'Cannot access contents of the page.',
    'https://chromewebstore.google.com/detail/x',
    'web-store',
  ],
  [
    'Cannot access contents of url "file:///home/me/ticket.html". Extension manifest must request permission to access this host.',
    undefined,
    'file-access',
  ],
  [
    'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    undefined,
    'no-access',
  ],
  ['No tab with id: 42.', undefined, 'tab-closed'],
  // Firefox's wording
  ['Missing host permission for the tab', 'about:addons', 'restricted-page'],
  ['Missing host permission for the tab', 'https://addons.mozilla.org/en-US/firefox/', 'web-store'],
  ['Missing host permission for the tab', 'https://example.com/manual.pdf', 'pdf'],
  ['Missing host permission for the tab', undefined, 'no-access'],
  ['Invalid tab ID: 42', undefined, 'tab-closed'],
  ['Frame crashed', 'https://example.com/', 'injection-failed'],
])('%s (%s) → %s', (message, url, kind) => {
  expect(classifyScanError(message, url)).toBe(kind);
});
