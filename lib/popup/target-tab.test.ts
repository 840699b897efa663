import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { resolveTargetTab, tabIdFromSearch } from './target-tab';

beforeEach(() => fakeBrowser.reset());

test.each([
  ['', 'absent'],
  ['?tabId=42', 42],
  ['?other=1&tabId=0', 0],
  ['?tabId=', 'invalid'],
  ['?tabId=-3', 'invalid'],
  ['?tabId=4.5', 'invalid'],
  ['?tabId=7x', 'invalid'],
  ['?tabId=12345678901', 'invalid'],
])('%s → %s', (search, expected) => {
  expect(tabIdFromSearch(search)).toBe(expected);
});

test('a named tab is shown as popped out; a bad one is an error, not the active tab', async () => {
  await expect(resolveTargetTab('?tabId=9')).resolves.toEqual({
    ok: true,
    tabId: 9,
    poppedOut: true,
  });
  await expect(resolveTargetTab('?tabId=abc')).resolves.toEqual({
    ok: false,
    reason: 'bad-tab-id',
  });
});
