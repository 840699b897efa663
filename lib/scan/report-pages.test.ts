import { describe, expect, test } from 'vitest';
import type {
  DetectionsReport,
  ReportedIdentifier,
  ReportReceipt,
} from '../messaging/content-protocol';
import { paginate, ReportPager } from './report-pages';
import { EMPTY_FIRST_REPORT } from './testing/empty-report';

const set = (n: number): ReportedIdentifier[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'deployment',
    value: String(10_000_000 + i),
    count: 1,
  }));

const flags = { truncated: false, capped: false };

/** A background that answers each page with the next receipt in `script` (then `page`/`report`). */
function background(script: ReportReceipt[] = []) {
  const sent: DetectionsReport[] = [];
  const replies: boolean[] = [];
  let unreachable = 0;
  let hold: Promise<void> | undefined;
  const channel = {
    async send(page: DetectionsReport) {
      sent.push(page);
      if (hold) await hold;
      const received = script.shift() ?? (page.page === page.pages - 1 ? 'report' : 'page');
      return { highlights: true, received };
    },
    onReply: (reply: { highlights: boolean }) => void replies.push(reply.highlights),
    onUnreachable: () => void unreachable++,
  };
  return {
    channel,
    sent,
    replies,
    unreachable: () => unreachable,
    holdUntil(promise: Promise<void>) {
      hold = promise;
    },
  };
}

describe('paginate', () => {
  test('cuts a set into full pages and a short last one, each carrying the flags', () => {
    const pages = paginate(7, set(5), { truncated: true, capped: true }, 2);
    expect(pages.map((p) => [p.report, p.page, p.pages, p.identifiers.length])).toEqual([
      [7, 0, 3, 2],
      [7, 1, 3, 2],
      [7, 2, 3, 1],
    ]);
    expect(pages.every((p) => p.truncated && p.capped)).toBe(true);
    expect(pages.flatMap((p) => p.identifiers)).toEqual(set(5));
  });

  test('an empty set is one empty page', () => {
    expect(paginate(1, [], flags)).toEqual([EMPTY_FIRST_REPORT]);
  });
});

describe('the report pager', () => {
  test('sends the pages in order, one after the other, until the report is recorded', async () => {
    const bg = background();
    const pager = new ReportPager(bg.channel, 2);
    await expect(pager.send(set(5), flags)).resolves.toBe('recorded');
    expect(bg.sent.map((p) => p.page)).toEqual([0, 1, 2]);
    expect(bg.replies).toEqual([true, true, true]);
  });

  test('starts again from page 0 when the background lost the earlier pages', async () => {
    const bg = background(['page', 'missing']);
    const pager = new ReportPager(bg.channel, 2);
    await expect(pager.send(set(5), flags)).resolves.toBe('recorded');
    expect(bg.sent.map((p) => p.page)).toEqual([0, 1, 0, 1, 2]);
    expect(new Set(bg.sent.map((p) => p.report)).size).toBe(1);
  });

  test('gives up after a few restarts in a row, leaving it to the next report', async () => {
    const bg = background(['missing', 'missing', 'missing', 'missing']);
    const pager = new ReportPager(bg.channel, 2);
    await expect(pager.send(set(5), flags)).resolves.toBe('unreachable');
    expect(bg.sent).toHaveLength(3);
  });

  test('stops at a refusal', async () => {
    const bg = background(['rejected']);
    const pager = new ReportPager(bg.channel, 2);
    await expect(pager.send(set(5), flags)).resolves.toBe('rejected');
    expect(bg.sent).toHaveLength(1);
  });

  test('a newer set waits for the report in flight, and only the newest waiting set follows it', async () => {
    const bg = background();
    let release = () => {};
    bg.holdUntil(new Promise((done) => (release = done)));
    const pager = new ReportPager(bg.channel, 2);
    const inFlight = pager.send(set(5), flags);
    const older = pager.send(set(6), flags);
    const old = pager.send(set(7), flags);
    const newest = pager.send(set(3), flags);
    // Replaced while waiting: those never go.
    await expect(older).resolves.toBe('superseded');
    await expect(old).resolves.toBe('superseded');
    release();
    await expect(inFlight).resolves.toBe('recorded');
    await expect(newest).resolves.toBe('recorded');
    expect(bg.sent.map((p) => [p.report, p.page, p.identifiers.length])).toEqual([
      [1, 0, 2],
      [1, 1, 2],
      [1, 2, 1],
      [2, 0, 2],
      [2, 1, 1],
    ]);
  });

  test('a set sent when nothing is in flight goes at once, each under a higher number', async () => {
    const bg = background();
    const pager = new ReportPager(bg.channel, 2);
    await expect(pager.send(set(3), flags)).resolves.toBe('recorded');
    await expect(pager.send(set(1), flags)).resolves.toBe('recorded');
    expect(bg.sent.map((p) => [p.report, p.page])).toEqual([
      [1, 0],
      [1, 1],
      [2, 0],
    ]);
  });

  test('when the background lost the pages and a newer set waits, the newer set starts from page 0', async () => {
    const bg = background(['page', 'missing']);
    let release = () => {};
    bg.holdUntil(new Promise((done) => (release = done)));
    const pager = new ReportPager(bg.channel, 2);
    const inFlight = pager.send(set(5), flags);
    const newer = pager.send(set(3), flags);
    release();
    await expect(inFlight).resolves.toBe('superseded');
    await expect(newer).resolves.toBe('recorded');
    expect(bg.sent.map((p) => [p.report, p.page])).toEqual([
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
  });

  test('restarts count across a set replaced on a restart, and the next set still goes', async () => {
    const bg = background(['missing', 'missing', 'missing']);
    let release = () => {};
    bg.holdUntil(new Promise((done) => (release = done)));
    const pager = new ReportPager(bg.channel, 2);
    const first = pager.send(set(5), flags);
    const second = pager.send(set(5), flags);
    release();
    await expect(first).resolves.toBe('superseded');
    await expect(second).resolves.toBe('unreachable');
    await expect(pager.send(set(1), flags)).resolves.toBe('recorded');
    expect(bg.sent.map((p) => [p.report, p.page])).toEqual([
      [1, 0],
      [2, 0],
      [2, 0],
      [3, 0],
    ]);
  });

  test('a set waiting behind an undeliverable report is still sent', async () => {
    let calls = 0;
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    const sent: DetectionsReport[] = [];
    const pager = new ReportPager({
      async send(page) {
        sent.push(page);
        if (++calls === 1) {
          await held;
          throw new Error('Could not establish connection');
        }
        return { highlights: true, received: 'report' };
      },
      onReply: () => {},
      onUnreachable: () => {},
    });
    const first = pager.send(set(1), flags);
    const second = pager.send(set(1), flags);
    release();
    await expect(first).resolves.toBe('unreachable');
    await expect(second).resolves.toBe('recorded');
    expect(sent.map((p) => p.report)).toEqual([1, 2]);
  });

  test('stopped mid-report: sends nothing more, drops the waiting set and ignores the late reply', async () => {
    const bg = background();
    let release = () => {};
    bg.holdUntil(new Promise((done) => (release = done)));
    const pager = new ReportPager(bg.channel, 2);
    const inFlight = pager.send(set(5), flags);
    const waiting = pager.send(set(3), flags);
    pager.stop();
    await expect(waiting).resolves.toBe('stopped');
    release();
    await expect(inFlight).resolves.toBe('stopped');
    await expect(pager.send(set(1), flags)).resolves.toBe('stopped');
    expect(bg.sent.map((p) => [p.report, p.page])).toEqual([[1, 0]]);
    expect(bg.replies).toEqual([]);
  });

  test('a failed send is reported as unreachable', async () => {
    let unreachable = 0;
    const pager = new ReportPager({
      send: async () => {
        throw new Error('Could not establish connection');
      },
      onReply: () => {},
      onUnreachable: () => void unreachable++,
    });
    await expect(pager.send(set(1), flags)).resolves.toBe('unreachable');
    expect(unreachable).toBe(1);
  });

  test('an answer that is not a reply ends the report without trusting it', async () => {
    const replies: unknown[] = [];
    const pager = new ReportPager({
      send: async () => ({ highlights: 'yes', received: 'report' }),
      onReply: (reply) => void replies.push(reply),
      onUnreachable: () => {},
    });
    await expect(pager.send(set(1), flags)).resolves.toBe('unreachable');
    expect(replies).toEqual([]);
  });
});
