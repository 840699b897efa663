// Sends a frame's whole set to the background in pages of a bounded size, one page at a time
// (the protocol is described in lib/messaging/content-protocol.ts). A report in flight is
// finished, not abandoned, when a newer set comes: a scan that keeps growing a large set
// would otherwise never let one complete. The newest set waits (only the latest is kept) and
// goes as soon as the report in flight ends, so the last set always lands.

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

interface WaitingSet {
  identifiers: ReportedIdentifier[];
  flags: ReportFlags;
  settle(outcome: ReportOutcome): void;
  fail(error: unknown): void;
}

export class ReportPager {
  private reports = 0;
  private sending = false;
  private stopped = false;
  /** The newest set not yet sent; a newer one replaces it. */
  private waiting: WaitingSet | undefined;

  constructor(
    private readonly channel: ReportChannel,
    private readonly pageSize = REPORT_PAGE_SIZE,
  ) {}

  /**
   * Sends the set after the report in flight, if any; resolves once it was recorded, refused
   * or undeliverable, replaced by a newer set before it went, or stopped.
   */
  send(identifiers: ReportedIdentifier[], flags: ReportFlags): Promise<ReportOutcome> {
    if (this.stopped) return Promise.resolve('stopped');
    return new Promise((settle, fail) => {
      this.waiting?.settle('superseded');
      this.waiting = { identifiers, flags, settle, fail };
      if (!this.sending) void this.drain();
    });
  }

  /** Sends nothing more: the page in flight is the last, and its reply is ignored. */
  stop(): void {
    this.stopped = true;
    this.waiting?.settle('stopped');
    this.waiting = undefined;
  }

  private take(): WaitingSet | undefined {
    const set = this.waiting;
    this.waiting = undefined;
    return set;
  }

  private async drain(): Promise<void> {
    this.sending = true;
    for (let set = this.take(); set; set = this.take()) {
      try {
        await this.deliver(set);
      } catch (error) {
        set.fail(error);
      }
    }
    this.sending = false;
  }

  private async deliver(first: WaitingSet): Promise<void> {
    let set = first;
    let pages = paginate(++this.reports, set.identifiers, set.flags, this.pageSize);
    let restarts = 0;
    let page = 0;
    for (;;) {
      if (this.stopped) return set.settle('stopped');
      let reply: unknown;
      try {
        reply = await this.channel.send(pages[page] as DetectionsReport);
      } catch {
        // The next report carries the whole set again.
        this.channel.onUnreachable();
        return set.settle('unreachable');
      }
      if (this.stopped) return set.settle('stopped');
      if (!isDetectionsReply(reply)) return set.settle('unreachable');
      this.channel.onReply(reply);
      switch (reply.received) {
        case 'page':
          // The background acknowledged the last page as a mere page: it did not take the report.
          if (++page === pages.length) return set.settle('unreachable');
          break;
        case 'report':
          return set.settle('recorded');
        case 'rejected':
          return set.settle('rejected');
        case 'missing': {
          if (++restarts > MAX_RESTARTS) return set.settle('unreachable');
          // Sent again from page 0 either way, so the newest set goes if one is waiting.
          const newer = this.take();
          if (newer) {
            set.settle('superseded');
            set = newer;
            pages = paginate(++this.reports, set.identifiers, set.flags, this.pageSize);
          }
          page = 0;
          break;
        }
      }
    }
  }
}

export type ReportOutcome = 'recorded' | 'rejected' | 'superseded' | 'unreachable' | 'stopped';
