// Coalesces work that must not follow every slice or every mutation: reports (the background
// gets the whole set each time) and highlight repaints (each one costs the page a frame).

export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: ThrottleClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Throttle {
  private changed = false;
  private sentAt = Number.NEGATIVE_INFINITY;
  private timer: unknown;

  constructor(
    private readonly send: () => void,
    /** Least time between two sends; may change between sends. */
    public everyMs: number,
    private readonly clock: ThrottleClock = realClock,
  ) {}

  /** There is something new to send. */
  markChanged(): void {
    this.changed = true;
  }

  /**
   * After a slice of work: the first finding goes out at once, later ones at most every
   * `everyMs`, with a trailing report so the last state is never held back.
   */
  afterSlice(): void {
    if (!this.changed || this.timer !== undefined) return;
    const wait = this.sentAt + this.everyMs - this.clock.now();
    if (wait <= 0) this.flush();
    else this.timer = this.clock.setTimeout(() => this.flush(), wait);
  }

  /** Sends now, changed or not: the end of the first scan, or a repeat injection. */
  flush(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.changed = false;
    this.sentAt = this.clock.now();
    this.send();
  }

  cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
