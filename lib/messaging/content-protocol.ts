// Messages between a content script and the background. Types only: the content script
// must stay dependency-free, so the background parses these with the zod/mini schemas in
// ./schemas.ts and trusts nothing else about them.
//
// A frame reports its whole current set, replacing what it reported before. A set larger
// than REPORT_PAGE_SIZE (./report-limits.ts) goes as a numbered report in pages, sent one at
// a time, each after the background acknowledged the one before:
// - the background keeps the pages of the frame's report in progress apart from its results
//   and replaces the results only when the last page arrives, so the popup never shows half
//   a set as the whole;
// - a frame finishes the report it is sending before it starts the next, whose number is
//   higher: a newer set found meanwhile waits, and only the newest waiting set is sent, so a
//   set that keeps growing still lands whole, report after report;
// - page 0 always starts a report afresh, and the background drops any unfinished one of the
//   frame (a script injected again, or one that gave up on a report);
// - a page that does not continue the report in progress (the service worker restarted and
//   lost the earlier pages, or the page belongs to a dropped report) is answered `missing`,
//   and the frame sends its current set again from page 0;
// - a page the background cannot accept (malformed, oversized, a set that does not add up)
//   is answered `rejected` and the frame's results become "could not be read" instead of
//   silently keeping the old set or showing nothing.
// A frame never has more than MAX_DISTINCT_IDENTIFIERS: past it the content script stops
// adding new ones and reports `capped`.

import type { IdentifierKind } from '../identifiers/types';

/** One distinct identifier found in a frame, with how many times it occurs there. */
export interface ReportedIdentifier {
  kind: IdentifierKind;
  value: string;
  count: number;
}

/**
 * Content script → background: one page of the frame's whole current set (the background
 * knows the tab, frame and URL from the sender).
 */
export interface DetectionsReport {
  type: 'detections';
  /** Numbers the frame's reports; every page of one report carries the same number. */
  report: number;
  /** This page's place in the report, from 0. */
  page: number;
  /** How many pages the report has (1 for a set of up to REPORT_PAGE_SIZE). */
  pages: number;
  /** This page's share of the set: at most REPORT_PAGE_SIZE, none repeated across pages. */
  identifiers: ReportedIdentifier[];
  /** The scan hit its work cap: the page has more text than was read. */
  truncated: boolean;
  /** The frame found more distinct identifiers than MAX_DISTINCT_IDENTIFIERS and kept the first. */
  capped: boolean;
  /**
   * The frame's highlights wait for the user: its document is too large to take their
   * colours without pausing the page (absent from scripts that never hold them).
   */
  highlightsHeld?: boolean;
}

/**
 * What the background did with a page:
 * `page`: kept, send the next one; `report`: the last page, the whole set is recorded;
 * `missing`: the earlier pages of this report are not there, send the set again from page 0;
 * `rejected`: the report cannot be accepted, and the frame's results say so.
 */
export type ReportReceipt = 'page' | 'report' | 'missing' | 'rejected';

/** Background → content script, in answer to a report page. */
export interface DetectionsReply {
  highlights: boolean;
  received: ReportReceipt;
}

/** Background → content script. `show-held-highlights`: the user chose to colour a large page. */
export type ContentCommand =
  | { type: 'set-highlights'; enabled: boolean }
  | { type: 'show-held-highlights' };
