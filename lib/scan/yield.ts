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

export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'function') return viaMessageChannel();
  return new Promise((resume) => setTimeout(resume, 0));
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
