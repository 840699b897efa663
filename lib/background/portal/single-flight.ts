// Identical requests in flight share one call: a double click on "Add to cart" or "Save as
// quote", or two popups asking at once, reach the portal once and all get the same answer.

export interface SingleFlight {
  /** Runs `work` unless a call with the same key is still running; then joins that one. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Keys with a call in flight (for tests and diagnostics). */
  readonly size: number;
}

export function createSingleFlight(): SingleFlight {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const running = inFlight.get(key);
      if (running) return running as Promise<T>;
      const call = Promise.resolve()
        .then(work)
        .finally(() => inFlight.delete(key));
      inFlight.set(key, call);
      return call;
    },
    get size() {
      return inFlight.size;
    },
  };
}
