// A tab's results as the background stores them: one entry per frame that reported, each
// replaced whole by that frame's next report.
import type { ReportedIdentifier } from '../messaging/content-protocol';

export interface FrameResults {
  url: string;
  /** Chrome's document id, when the browser gives one: tells a fresh page from an old one. */
  documentId?: string;
  identifiers: ReportedIdentifier[];
  truncated: boolean;
  /** The frame holds its highlights until the user asks for them (see TabResults). */
  highlightsHeld?: boolean;
  reportedAt: number;
}

export interface StoredTab {
  /** By frameId (0 is the top frame). Object keys, because storage holds JSON. */
  frames: Record<string, FrameResults>;
}

export const emptyTab = (): StoredTab => ({ frames: {} });

const KEY_PREFIX = 'tab-results:';

/** The `storage.session` key of a tab's results; extension pages watch it for live updates. */
export const tabResultsKey = (tabId: number): string => `${KEY_PREFIX}${tabId}`;

export function tabIdOfKey(key: string): number | undefined {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const id = Number(key.slice(KEY_PREFIX.length));
  return Number.isInteger(id) ? id : undefined;
}
