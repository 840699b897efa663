// Puts a frame's paged report back together (the protocol is described in
// lib/messaging/content-protocol.ts). Pages wait here, apart from the stored results, until
// the last one arrives, so the results change once per report, whole. Kept in memory only:
// a restarted service worker has lost the pages, answers the next one `missing`, and the
// frame sends its set again from the start.
import type { DetectionsReport, ReportedIdentifier } from '../messaging/content-protocol';
import { MAX_DISTINCT_IDENTIFIERS } from '../messaging/report-limits';
import { identifierKey } from '../messaging/schemas';
import type { ContentFrame } from '../messaging/sender';

export type Assembly =
  /** Kept; the report goes on. */
  | { kind: 'page' }
  /** The page does not continue the report in progress here. */
  | { kind: 'missing' }
  /** The pages do not add up to a set we accept. */
  | { kind: 'rejected'; reason: string }
  /** The last page: the frame's whole set. */
  | {
      kind: 'complete';
      identifiers: ReportedIdentifier[];
      truncated: boolean;
      capped: boolean;
      highlightsHeld: boolean;
    };

interface ReportInProgress {
  documentId: string | undefined;
  report: number;
  pages: number;
  /** The page expected next. */
  next: number;
  identifiers: ReportedIdentifier[];
  keys: Set<string>;
}

/**
 * Reports being assembled at once, over all tabs. Each holds at most one capped set; past
 * this the oldest is dropped (its frame is told `missing` and starts over), so frames that
 * start reports and never finish them cannot grow the worker's memory.
 */
export const MAX_REPORTS_IN_PROGRESS = 32;

const inProgress = new Map<string, ReportInProgress>();

const frameKey = (frame: ContentFrame) => `${frame.tabId}:${frame.frameId}`;

export function assemblePage(frame: ContentFrame, page: DetectionsReport): Assembly {
  const key = frameKey(frame);
  let report = inProgress.get(key);
  if (page.page === 0) {
    // Page 0 starts a report afresh, abandoning any the frame had not finished.
    inProgress.delete(key);
    report = {
      documentId: frame.documentId,
      report: page.report,
      pages: page.pages,
      next: 0,
      identifiers: [],
      keys: new Set(),
    };
  } else if (
    report === undefined ||
    report.report !== page.report ||
    report.documentId !== frame.documentId ||
    report.pages !== page.pages ||
    report.next !== page.page
  ) {
    return { kind: 'missing' };
  }

  for (const identifier of page.identifiers) {
    const id = identifierKey(identifier);
    if (report.keys.has(id)) {
      inProgress.delete(key);
      return { kind: 'rejected', reason: `${id} is reported on two pages` };
    }
    report.keys.add(id);
    report.identifiers.push(identifier);
  }
  if (report.identifiers.length > MAX_DISTINCT_IDENTIFIERS) {
    inProgress.delete(key);
    return { kind: 'rejected', reason: 'more distinct identifiers than a page may list' };
  }

  if (page.page === page.pages - 1) {
    inProgress.delete(key);
    return {
      kind: 'complete',
      identifiers: report.identifiers,
      truncated: page.truncated,
      capped: page.capped,
      highlightsHeld: page.highlightsHeld === true,
    };
  }
  report.next = page.page + 1;
  // Re-inserted, so the map's order is the order of last activity.
  inProgress.delete(key);
  inProgress.set(key, report);
  while (inProgress.size > MAX_REPORTS_IN_PROGRESS) {
    const oldest = inProgress.keys().next().value as string;
    inProgress.delete(oldest);
  }
  return { kind: 'page' };
}

/** Drops the unfinished reports of a tab that closed. */
export function forgetTabReports(tabId: number): void {
  for (const key of inProgress.keys()) {
    if (key.startsWith(`${tabId}:`)) inProgress.delete(key);
  }
}

/** How many reports are waiting for pages (for tests). */
export function reportsInProgress(): number {
  return inProgress.size;
}
