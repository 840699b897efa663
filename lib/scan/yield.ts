// Gives the page's own tasks (input, rendering, its timers) a turn between two slices of
// scanning. Not `scheduler.yield()`: its continuations run ahead of the page's other tasks, so
// a long scan starved the page's timers (bench/README.md, "Yielding to the page").

let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

// A MessageChannel task is not clamped to 4 ms the way nested setTimeout calls are.
function viaMessageChannel(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resume) => {
    waiting.push(resume);
    channel?.port2.postMessage(null);
  });
}

/**
 * The longest the scan goes on with MessageChannel turns only. Chromium may run posted
 * messages ahead of due timers, so a scan of many slices would hold back the page's own
 * `setTimeout` and `setInterval` callbacks: every so often the turn is a timer of ours,
 * queued behind the page's.
 */
export const TIMER_TURN_MS = 48;
let lastTimerTurn = Number.NEGATIVE_INFINITY;

function viaTimer(): Promise<void> {
  return new Promise((resume) =>
    setTimeout(() => {
      lastTimerTurn = performance.now();
      resume();
    }, 0),
  );
}

export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel !== 'function') return viaTimer();
  return performance.now() - lastTimerTurn >= TIMER_TURN_MS ? viaTimer() : viaMessageChannel();
}

/** Calls back with the time from now until the next frame has rendered. */
export function timeToNextFrame(done: (ms: number) => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') return;
  const started = performance.now();
  requestAnimationFrame(() => {
    // rAF callbacks run before rendering; a task posted from one runs after it.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      done(performance.now() - started);
    };
    channel.port2.postMessage(null);
  });
}
