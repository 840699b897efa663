// Settings and site registrations are read-modified-written from several extension contexts at
// once (the options page, the background reacting to a revoked permission). The Web Locks API
// is shared by all pages and workers of the extension's origin, so one lock name serializes
// them all; where it is missing (unit tests on Node 20) a promise chain per name serializes
// calls within the one context.
const chains = new Map<string, Promise<unknown>>();

export function withExtensionLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(`renewal-scout:${name}`, task).then((result) => result);
  const run = (chains.get(name) ?? Promise.resolve()).then(task, task);
  chains.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}
