// Runs in the benchmark page: bundled into in-world.ts, and handed as text to the page by
// highlight-sheet.ts, so it may use nothing but the page's own globals.

/** After the next frame has rendered: the time a change costs the page's rendering. */
export function rendered(): Promise<number> {
  const started = performance.now();
  return new Promise((done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now() - started);
      channel.port2.postMessage(null);
    }),
  );
}
