import { describe, expect, test } from 'vitest';
import { ManualClock } from './testing/manual-clock';
import { Throttle } from './throttle';

describe('throttle', () => {
  test('sends the first change at once, then at most once per interval with a trailing send', () => {
    const clock = new ManualClock();
    let sent = 0;
    const throttle = new Throttle(() => sent++, 300, clock);
    throttle.afterSlice();
    expect(sent).toBe(0); // nothing changed yet
    throttle.markChanged();
    throttle.afterSlice();
    expect(sent).toBe(1);
    for (let i = 0; i < 50; i++) {
      clock.advance(5);
      throttle.markChanged();
      throttle.afterSlice();
    }
    expect(sent).toBe(1);
    clock.advance(50);
    expect(sent).toBe(2);
    expect(clock.pending).toBe(0);
  });

  test('flushes on demand and cancels a pending send', () => {
    const clock = new ManualClock();
    let sent = 0;
    const throttle = new Throttle(() => sent++, 300, clock);
    throttle.markChanged();
    throttle.afterSlice();
    throttle.markChanged();
    throttle.afterSlice();
    expect(clock.pending).toBe(1);
    throttle.flush();
    expect(sent).toBe(2);
    expect(clock.pending).toBe(0);
    throttle.markChanged();
    throttle.afterSlice();
    throttle.cancel();
    clock.advance(1000);
    expect(sent).toBe(2);
  });
});
