import { describe, expect, test, vi } from 'vitest';
import { withExtensionLock } from './lock';

const tick = () => new Promise((done) => setTimeout(done, 1));

async function interleaving(): Promise<string[]> {
  const log: string[] = [];
  const task =
    (name: string, fail = false) =>
    async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
  const results = await Promise.allSettled([
    withExtensionLock('test', task('a', true)),
    withExtensionLock('test', task('b')),
    withExtensionLock('other', task('c')),
  ]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  return log;
}

describe('withExtensionLock', () => {
  test('without the Web Locks API, runs same-name tasks one at a time, even after a failure', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: undefined });
    const log = await interleaving();
    expect(log.indexOf('a end')).toBeLessThan(log.indexOf('b start'));
    // A different name does not wait.
    expect(log.indexOf('c start')).toBeLessThan(log.indexOf('a end'));
    vi.unstubAllGlobals();
  });

  test('with the Web Locks API, asks it for a lock named after the task', async () => {
    const request = vi.fn((_name: string, task: () => Promise<unknown>) => task());
    vi.stubGlobal('navigator', { ...navigator, locks: { request } });
    expect(await withExtensionLock('settings', async () => 42)).toBe(42);
    expect(request).toHaveBeenCalledWith('renewal-scout:settings', expect.any(Function));
    vi.unstubAllGlobals();
  });
});
