// What the scanner's and the scout's tests share: a real macrotask for the page's turn, one
// scanner (or scout) running per test and stopped after it, and the store read as text.
import { afterEach } from 'vitest';
import type { FrameScanner } from '../frame-scanner';

/** One turn of the event loop: observers deliver, the scanner's yields return. */
export const macrotask = () => new Promise<void>((done) => setTimeout(done, 0));

/**
 * Stops what a test started, and empties the page, after each test of the file that calls
 * this; the function it returns records what was started.
 */
export function stopAfterEach<T extends { stop(): void }>(): (started: T) => T {
  let running: T | undefined;
  afterEach(() => {
    running?.stop();
    running = undefined;
    document.body.innerHTML = '';
  });
  return (started) => {
    running = started;
    return started;
  };
}

/** Lets the observer deliver and the scanner finish every slice, then one more turn. */
export async function settle(scanner: FrameScanner): Promise<void> {
  await macrotask();
  await scanner.idle();
  await macrotask();
}

/** The store's identifiers as `value×count`, sorted. */
export function storeValues(scanner: FrameScanner): string[] {
  return scanner.store
    .list()
    .map((i) => `${i.value}×${i.count}`)
    .sort();
}
