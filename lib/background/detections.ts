// A frame's report replaces what that frame said before, once its last page is in; the badge
// follows the tab's total. A report that cannot be accepted replaces it too, with "could not
// be read", so the popup never shows an old or empty set as the page's answer.
import type {
  DetectionsReply,
  DetectionsReport,
  ReportedIdentifier,
  ReportReceipt,
} from '../messaging/content-protocol';
import type { ContentFrame } from '../messaging/sender';
import { aggregateTab } from './aggregate';
import { showIdentifierCount } from './badge';
import { highlightsEnabled } from './highlights';
import { pruneDepartedFrames } from './navigation';
import { assemblePage } from './report-assembly';
import { type FrameResults, packIdentifiers } from './tab-state';
import { updateTab } from './tab-store';

export async function recordDetections(
  page: DetectionsReport,
  frame: ContentFrame,
): Promise<DetectionsReply> {
  const assembly = assemblePage(frame, page);
  switch (assembly.kind) {
    case 'page':
    case 'missing':
      return reply(assembly.kind);
    case 'rejected':
      return recordUnreadable(frame, assembly.reason);
    case 'complete': {
      const { identifiers, truncated, capped, highlightsHeld } = assembly;
      await recordFrame(frame, { identifiers, truncated, capped, highlightsHeld });
      return reply('report');
    }
  }
}

/**
 * The frame sent a report the background cannot accept (the router calls this for a page
 * that fails its schema, and assembly for pages that do not add up). The frame may only
 * spoil its own results: the sender, not the message, says which frame it is.
 */
export async function recordUnreadable(
  frame: ContentFrame,
  reason: string,
): Promise<DetectionsReply> {
  console.warn(`Renewal Scout: frame ${frame.frameId} of tab ${frame.tabId}: ${reason}`);
  await recordFrame(frame, { identifiers: [], truncated: false, capped: false, unreadable: true });
  return reply('rejected');
}

interface FrameSet {
  identifiers: ReportedIdentifier[];
  truncated: boolean;
  capped: boolean;
  unreadable?: true;
  highlightsHeld?: boolean;
}

async function recordFrame(frame: ContentFrame, set: FrameSet): Promise<void> {
  let newTopDocument = false;
  const tab = await updateTab(frame.tabId, (current) => {
    const previousTop = current.frames['0'];
    newTopDocument =
      frame.frameId === 0 &&
      previousTop?.documentId !== undefined &&
      frame.documentId !== undefined &&
      previousTop.documentId !== frame.documentId;
    const results: FrameResults = {
      url: frame.url,
      ...(frame.documentId === undefined ? {} : { documentId: frame.documentId }),
      ...packIdentifiers(set.identifiers),
      truncated: set.truncated,
      capped: set.capped,
      ...(set.unreadable ? { unreadable: true } : {}),
      ...(set.highlightsHeld ? { highlightsHeld: true } : {}),
      reportedAt: Date.now(),
    };
    return { frames: { ...current.frames, [frame.frameId]: results } };
  });
  const shown = aggregateTab(frame.tabId, tab);
  await showIdentifierCount(frame.tabId, shown.identifiers.length, shown.capped);
  // The top frame is a new document: the old page's subframes are gone with it.
  if (newTopDocument) void pruneDepartedFrames(frame.tabId);
}

async function reply(received: ReportReceipt): Promise<DetectionsReply> {
  return { highlights: await highlightsEnabled(), received };
}
