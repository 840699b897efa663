// Settings are read-modified-written from several extension contexts at once (the options
// page, the background reacting to a revoked permission). The Web Locks API is shared by all
// pages and workers of the extension's origin, so one lock name serializes them all; where it
// is missing (unit tests in Node 20) a promise chain serializes calls within the context.
let chain: Promise<unknown> = Promise.resolve();

export function withSettingsLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request('renewal-scout:settings', task).then((result) => result);
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}
