// A clock the tests move by hand: `step` ms pass on every reading, and timers fire only
// when `advance` passes their time.

import type { ThrottleClock } from '../throttle';

export class ManualClock implements ThrottleClock {
  time = 0;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private ids = 0;

  constructor(public step = 0) {}

  now = (): number => {
    this.time += this.step;
    return this.time;
  };

  setTimeout = (run: () => void, ms: number): unknown => {
    const id = ++this.ids;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  };

  clearTimeout = (id: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };

  get pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.run();
    }
    this.time = until;
  }
}
