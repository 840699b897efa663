// Turns a tab's per-frame reports into what the popup and the badge show: each distinct
// identifier once, however many frames it appears in, and no more than a page may list.

import { MAX_DISTINCT_IDENTIFIERS } from '../messaging/report-limits';
import type { TabIdentifier, TabResults } from '../messaging/results';
import { type StoredTab, unpackIdentifiers } from './tab-state';

const KIND_ORDER = { deployment: 0, serial: 1 } as const;

export function aggregateTab(
  tabId: number,
  tab: StoredTab | undefined,
  maxDistinct = MAX_DISTINCT_IDENTIFIERS,
): TabResults {
  // Integer keys iterate in ascending order: the top frame's identifiers come first, so the
  // ones kept when frames together pass the cap are the top frame's.
  const frames = Object.entries(tab?.frames ?? {});
  const byKey = new Map<string, TabIdentifier>();
  let truncated = false;
  let capped = false;
  let unreadable = false;
  let highlightsHeld = false;
  let updatedAt: number | undefined;
  for (const [, frame] of frames) {
    truncated ||= frame.truncated;
    capped ||= frame.capped;
    unreadable ||= frame.unreadable === true;
    highlightsHeld ||= frame.highlightsHeld === true;
    updatedAt = Math.max(updatedAt ?? 0, frame.reportedAt);
    for (const { kind, value, count } of unpackIdentifiers(frame)) {
      const key = `${kind}:${value}`;
      const seen = byKey.get(key);
      if (seen) seen.count += count;
      else if (byKey.size < maxDistinct) byKey.set(key, { kind, value, count });
      else capped = true;
    }
  }
  const identifiers = [...byKey.values()].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.value < b.value ? -1 : 1),
  );
  const pageUrl = tab?.frames['0']?.url;
  return {
    tabId,
    scanned: frames.length > 0,
    identifiers,
    truncated,
    capped,
    unreadable,
    ...(highlightsHeld ? { highlightsHeld: true as const } : {}),
    frameCount: frames.length,
    ...(pageUrl === undefined ? {} : { pageUrl }),
    ...(updatedAt === undefined ? {} : { updatedAt }),
  };
}
