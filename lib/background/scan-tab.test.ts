import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CONTENT_SCRIPT_FILE } from '../sites/registration';
import { scanTab } from './scan-tab';

beforeEach(() => fakeBrowser.reset());

function stubInjection(impl: (injection: { files?: string[] }) => unknown) {
  return vi
    .spyOn(fakeBrowser.scripting, 'executeScript')
    .mockImplementation(
      async (injection: unknown) => impl(injection as { files?: string[] }) as never,
    );
}

test('injects the content script into every frame of the tab', async () => {
  const executeScript = stubInjection((injection) =>
    injection.files
      ? [
          { frameId: 0, result: undefined },
          { frameId: 4, result: undefined },
        ]
      : [{ frameId: 0, result: 'text/html' }],
  );
  await expect(scanTab(7)).resolves.toEqual({ ok: true, value: { frames: 2 } });
  expect(executeScript).toHaveBeenLastCalledWith({
    target: { tabId: 7, allFrames: true },
    files: [`/${CONTENT_SCRIPT_FILE}`],
  });
});

test('the PDF viewer is reported as such, and nothing is injected', async () => {
  const executeScript = stubInjection(() => [{ frameId: 0, result: 'application/pdf' }]);
  await expect(scanTab(7)).resolves.toMatchObject({ ok: false, error: { kind: 'pdf' } });
  expect(executeScript).toHaveBeenCalledOnce();
});

test('a refused injection becomes an error value with a kind', async () => {
  stubInjection(() => {
    throw new Error('Cannot access a chrome:// URL');
  });
  await expect(scanTab(7)).resolves.toEqual({
    ok: false,
    error: { kind: 'restricted-page', detail: 'Cannot access a chrome:// URL' },
  });
});
