// A frame's whole set as one report page, the way a content script sends a small set.
import type { DetectionsReport, ReportedIdentifier } from '../content-protocol';

let reports = 0;

export function wholeReport(
  identifiers: ReportedIdentifier[],
  {
    truncated = false,
    capped = false,
    highlightsHeld = false,
  }: { truncated?: boolean; capped?: boolean; highlightsHeld?: boolean } = {},
): DetectionsReport {
  return {
    type: 'detections',
    report: ++reports,
    page: 0,
    pages: 1,
    identifiers,
    truncated,
    capped,
    ...(highlightsHeld ? { highlightsHeld } : {}),
  };
}
