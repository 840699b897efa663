import type { DetectionsReport } from '../../messaging/content-protocol';

/** A frame's first report of a page with nothing on it: one page, no identifiers. */
export const EMPTY_FIRST_REPORT: DetectionsReport = {
  type: 'detections',
  report: 1,
  page: 0,
  pages: 1,
  identifiers: [],
  truncated: false,
  capped: false,
};
