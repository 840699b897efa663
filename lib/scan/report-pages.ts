// Sends a frame's whole set to the background in pages of a bounded size, one page at a time
// (the protocol is described in lib/messaging/content-protocol.ts). A newer set abandons the
// one still being sent, so only the newest set is ever completed.

import type {
  DetectionsReply,
  DetectionsReport,
  ReportedIdentifier,
} from '../messaging/content-protocol';
import { REPORT_PAGE_SIZE } from '../messaging/report-limits';

export interface ReportFlags {
  truncated: boolean;
  capped: boolean;
  /** The frame holds its highlights until the user asks for them. */
  highlightsHeld?: boolean;
}

export interface ReportChannel {
  /** Resolves with the background's reply (unvalidated); rejects when it is unreachable. */
  send(page: DetectionsReport): Promise<unknown>;
  /** Every valid reply, in order: it carries the highlights setting. */
  onReply(reply: DetectionsReply): void;
  /** The send failed (background restarting, or the extension gone). */
  onUnreachable(): void;
}

/** A report answered `missing` this many times in a row is left to the next report. */
const MAX_RESTARTS = 2;

export function isDetectionsReply(reply: unknown): reply is DetectionsReply {
  const r = reply as Partial<DetectionsReply> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.highlights === 'boolean' &&
    (r.received === 'page' ||
      r.received === 'report' ||
      r.received === 'missing' ||
      r.received === 'rejected')
  );
}

/** Splits a set into the pages of one report. */
export function paginate(
  report: number,
  identifiers: ReportedIdentifier[],
  flags: ReportFlags,
  pageSize = REPORT_PAGE_SIZE,
): DetectionsReport[] {
  const pages = Math.max(1, Math.ceil(identifiers.length / pageSize));
  return Array.from({ length: pages }, (_, page) => ({
    type: 'detections',
    report,
    page,
    pages,
    identifiers: identifiers.slice(page * pageSize, (page + 1) * pageSize),
    truncated: flags.truncated,
    capped: flags.capped,
    ...(flags.highlightsHeld ? { highlightsHeld: true } : {}),
  }));
}

export class ReportPager {
  private newest = 0;

  constructor(
    private readonly channel: ReportChannel,
    private readonly pageSize = REPORT_PAGE_SIZE,
  ) {}

  /** Sends the set; resolves once it was recorded, refused, abandoned or undeliverable. */
  async send(identifiers: ReportedIdentifier[], flags: ReportFlags): Promise<ReportOutcome> {
    const report = ++this.newest;
    const pages = paginate(report, identifiers, flags, this.pageSize);
    let restarts = 0;
    let page = 0;
    while (page < pages.length) {
      if (report !== this.newest) return 'abandoned';
      let reply: unknown;
      try {
        reply = await this.channel.send(pages[page] as DetectionsReport);
      } catch {
        // The next report carries the whole set again.
        this.channel.onUnreachable();
        return 'unreachable';
      }
      if (!isDetectionsReply(reply)) return 'unreachable';
      this.channel.onReply(reply);
      if (report !== this.newest) return 'abandoned';
      switch (reply.received) {
        case 'page':
          page++;
          break;
        case 'report':
          return 'recorded';
        case 'rejected':
          return 'rejected';
        case 'missing':
          if (++restarts > MAX_RESTARTS) return 'unreachable';
          page = 0;
          break;
      }
    }
    // The background acknowledged the last page as a mere page: it did not take the report.
    return 'unreachable';
  }
}

export type ReportOutcome = 'recorded' | 'rejected' | 'abandoned' | 'unreachable';
