// A tab's results as the background stores them: one entry per frame that reported, each
// replaced whole by that frame's next report.
import type { ReportedIdentifier } from '../messaging/content-protocol';

export interface FrameResults {
  url: string;
  /** Chrome's document id, when the browser gives one: tells a fresh page from an old one. */
  documentId?: string;
  /**
   * The frame's set as parallel arrays: deployment values, serial values, and their counts
   * (deployments' first). A capped set is written and sent to every open popup whole on each
   * report; as objects it was several times larger.
   */
  deployments: string[];
  serials: string[];
  counts: number[];
  truncated: boolean;
  /** The frame had more distinct identifiers than a page may list and sent the first. */
  capped: boolean;
  /** The frame's last report could not be accepted: its set here is empty, not what it found. */
  unreadable?: true;
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

export function packIdentifiers(
  identifiers: readonly ReportedIdentifier[],
): Pick<FrameResults, 'deployments' | 'serials' | 'counts'> {
  const deployments: string[] = [];
  const serials: string[] = [];
  const deploymentCounts: number[] = [];
  const serialCounts: number[] = [];
  for (const { kind, value, count } of identifiers) {
    if (kind === 'deployment') {
      deployments.push(value);
      deploymentCounts.push(count);
    } else {
      serials.push(value);
      serialCounts.push(count);
    }
  }
  return { deployments, serials, counts: deploymentCounts.concat(serialCounts) };
}

/** The frame's identifiers, deployments first, each kind in the order the frame found them. */
export function* unpackIdentifiers(frame: FrameResults): Generator<ReportedIdentifier> {
  let i = 0;
  for (const value of frame.deployments) {
    yield { kind: 'deployment', value, count: frame.counts[i++] ?? 1 };
  }
  for (const value of frame.serials) yield { kind: 'serial', value, count: frame.counts[i++] ?? 1 };
}
