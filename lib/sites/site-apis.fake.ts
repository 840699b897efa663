// WXT's fakeBrowser implements storage and runtime but throws "not implemented" for
// `permissions` and `scripting`. The sites tests replace exactly those calls (vi.spyOn on
// fakeBrowser) with this small in-memory model of what Chrome does: granted patterns with
// Chrome's port rule, a prompt the test decides, required permissions that cannot be removed,
// and registered scripts keyed by id with Chrome's duplicate-id error.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

type Script = { id: string; matches?: string[]; js?: string[]; [key: string]: unknown };

export interface SiteApiFake {
  granted: Set<string>;
  /** Patterns the manifest grants: permissions.remove refuses them, as Chrome does. */
  required: Set<string>;
  scripts: Map<string, Script>;
  /** What the permission prompt answers. */
  prompt: 'allow' | 'deny' | 'no-gesture';
  /** Makes the next registerContentScripts call fail. */
  failNextRegistration: boolean;
  /** What the user does in the browser's own UI: remove access and fire onRemoved. */
  revokeInBrowser(pattern: string): Promise<void>;
}

/** A pattern without a port covers every port of its host; with one, only that port. */
function covers(granted: string, wanted: string): boolean {
  const g = /^(\w+):\/\/([^/:]+)(:\d+)?\/\*$/.exec(granted);
  const w = /^(\w+):\/\/([^/:]+)(:\d+)?\/\*$/.exec(wanted);
  if (!g || !w) return granted === wanted;
  return g[1] === w[1] && g[2] === w[2] && (g[3] === undefined || g[3] === w[3]);
}

export function installSiteApiFake(): SiteApiFake {
  const removedListeners: ((permissions: { origins?: string[] }) => void)[] = [];
  const fake: SiteApiFake = {
    granted: new Set(),
    required: new Set(),
    scripts: new Map(),
    prompt: 'allow',
    failNextRegistration: false,
    async revokeInBrowser(pattern) {
      fake.granted.delete(pattern);
      for (const listener of removedListeners) listener({ origins: [pattern] });
    },
  };
  const isGranted = (pattern: string) =>
    [...fake.granted, ...fake.required].some((granted) => covers(granted, pattern));

  const { permissions, scripting } = fakeBrowser;
  vi.spyOn(permissions, 'contains').mockImplementation(async ({ origins = [] }) =>
    origins.every(isGranted),
  );
  vi.spyOn(permissions, 'request').mockImplementation(({ origins = [] }) => {
    if (fake.prompt === 'no-gesture') {
      return Promise.reject(new Error('This function must be called during a user gesture'));
    }
    if (fake.prompt === 'deny') return Promise.resolve(false);
    for (const origin of origins) fake.granted.add(origin);
    return Promise.resolve(true);
  });
  vi.spyOn(permissions, 'remove').mockImplementation(async ({ origins = [] }) => {
    if (origins.some((origin) => fake.required.has(origin))) {
      throw new Error('You cannot remove required permissions.');
    }
    const removed = origins.filter((origin) => fake.granted.delete(origin));
    if (removed.length > 0) {
      for (const listener of removedListeners) listener({ origins: removed });
    }
    return removed.length > 0;
  });
  vi.spyOn(permissions.onRemoved, 'addListener').mockImplementation((listener) => {
    removedListeners.push(listener);
  });

  vi.spyOn(scripting, 'getRegisteredContentScripts').mockImplementation((async (filter?: {
    ids?: string[];
  }) =>
    [...fake.scripts.values()]
      .filter((script) => !filter?.ids || filter.ids.includes(script.id))
      .map((script) => structuredClone(script))) as never);
  vi.spyOn(scripting, 'registerContentScripts').mockImplementation((async (scripts: Script[]) => {
    if (fake.failNextRegistration) {
      fake.failNextRegistration = false;
      throw new Error('Could not load javascript');
    }
    for (const script of scripts) {
      if (fake.scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
    }
    for (const script of scripts) fake.scripts.set(script.id, structuredClone(script));
  }) as never);
  vi.spyOn(scripting, 'updateContentScripts').mockImplementation((async (scripts: Script[]) => {
    for (const script of scripts) {
      const existing = fake.scripts.get(script.id);
      if (!existing) throw new Error(`Nonexistent script ID '${script.id}'`);
      fake.scripts.set(script.id, { ...existing, ...structuredClone(script) });
    }
  }) as never);
  vi.spyOn(scripting, 'unregisterContentScripts').mockImplementation((async (filter?: {
    ids?: string[];
  }) => {
    for (const id of filter?.ids ?? [...fake.scripts.keys()]) {
      if (!fake.scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    }
  }) as never);
  return fake;
}
