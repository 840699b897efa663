// One scanner per frame. The content script is injected on demand each time the popup
// opens, and may also be registered for the site: a repeat injection in the same frame (the
// same isolated world, so the same globals) asks the running scanner for a fresh report
// instead of starting a second one.

export interface RunningScout {
  /** False once the extension that started it was reloaded or removed. */
  alive(): boolean;
  /** Sends the frame's whole current set again. */
  refresh(): void;
  stop(): void;
}

const SLOT = Symbol.for('renewal-scout.frame-scout');

type Slot = { [SLOT]?: RunningScout };

export function claimFrame(start: () => RunningScout, scope: object = globalThis): RunningScout {
  const slot = scope as Slot;
  const running = slot[SLOT];
  if (running?.alive()) {
    running.refresh();
    return running;
  }
  // An orphan of a reloaded extension can share the world: retire it before taking over.
  running?.stop();
  const scout = start();
  slot[SLOT] = scout;
  return scout;
}
