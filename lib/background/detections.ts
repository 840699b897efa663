// A frame's report replaces what that frame said before; the badge follows the tab's total.
import type { DetectionsReply, DetectionsReport } from '../messaging/content-protocol';
import type { ContentFrame } from '../messaging/sender';
import { aggregateTab } from './aggregate';
import { showIdentifierCount } from './badge';
import { highlightsEnabled } from './highlights';
import { pruneDepartedFrames } from './navigation';
import { updateTab } from './tab-store';

export async function recordDetections(
  report: DetectionsReport,
  frame: ContentFrame,
): Promise<DetectionsReply> {
  let newTopDocument = false;
  const tab = await updateTab(frame.tabId, (current) => {
    const previousTop = current.frames['0'];
    newTopDocument =
      frame.frameId === 0 &&
      previousTop?.documentId !== undefined &&
      frame.documentId !== undefined &&
      previousTop.documentId !== frame.documentId;
    return {
      frames: {
        ...current.frames,
        [frame.frameId]: {
          url: frame.url,
          ...(frame.documentId === undefined ? {} : { documentId: frame.documentId }),
          identifiers: report.identifiers,
          truncated: report.truncated,
          ...(report.highlightsHeld ? { highlightsHeld: true } : {}),
          reportedAt: Date.now(),
        },
      },
    };
  });
  await showIdentifierCount(frame.tabId, aggregateTab(frame.tabId, tab).identifiers.length);
  // The top frame is a new document: the old page's subframes are gone with it.
  if (newTopDocument) void pruneDepartedFrames(frame.tabId);
  return { highlights: await highlightsEnabled() };
}
