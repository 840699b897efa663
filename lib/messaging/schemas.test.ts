import { describe, expect, test } from 'vitest';
import { z } from 'zod/mini';
import type { DetectionsReport } from './content-protocol';
import { MAX_DISTINCT_IDENTIFIERS, MAX_REPORT_PAGES, REPORT_PAGE_SIZE } from './report-limits';
import {
  addAllExpiredSchema,
  detectionsReportSchema,
  scanTabSchema,
  setHighlightsSchema,
  showHeldHighlightsSchema,
  supportStatusSchema,
} from './schemas';

const report = (identifiers: unknown, truncated: unknown = false) => ({
  type: 'detections',
  report: 1,
  page: 0,
  pages: 1,
  identifiers,
  truncated,
  capped: false,
});

const list = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'deployment',
    value: String(10_000_000 + from + i),
    count: 1,
  }));

const accepts = (value: unknown) => z.safeParse(detectionsReportSchema, value).success;

describe('detections report', () => {
  test('accepts a well-formed report, typed as the content protocol says', () => {
    const parsed = z.safeParse(
      detectionsReportSchema,
      report([
        { kind: 'deployment', value: '14181336', count: 2 },
        { kind: 'serial', value: 'VS0164AB', count: 1 },
        { kind: 'serial', value: 'FX-2209-0041', count: 3 },
      ]),
    );
    expect(parsed.success).toBe(true);
    const typed: DetectionsReport | undefined = parsed.data;
    expect(typed?.identifiers).toHaveLength(3);
  });

  test('accepts an empty set: the frame has none (or no longer has any)', () => {
    expect(accepts(report([]))).toBe(true);
  });

  test('may say the frame holds its highlights back, as a boolean', () => {
    expect(accepts({ ...report([]), highlightsHeld: true })).toBe(true);
    expect(accepts({ ...report([]), highlightsHeld: 'yes' })).toBe(false);
  });

  test.each([
    ['seven digits', { kind: 'deployment', value: '1418133', count: 1 }],
    ['nine digits', { kind: 'deployment', value: '141813361', count: 1 }],
    ['letters in a deployment', { kind: 'deployment', value: '1418133A', count: 1 }],
    ['a lower-case serial', { kind: 'serial', value: 'vs0164ab', count: 1 }],
    ['a serial without a digit', { kind: 'serial', value: 'ABCDEFGH', count: 1 }],
    ['a five-character serial', { kind: 'serial', value: 'AB12C', count: 1 }],
    ['a 25-character serial', { kind: 'serial', value: `A${'1'.repeat(24)}`, count: 1 }],
    ['a serial ending in a hyphen', { kind: 'serial', value: 'VS0164AB-', count: 1 }],
    ['markup in a value', { kind: 'serial', value: '<img src=x>', count: 1 }],
    ['an unknown kind', { kind: 'mac', value: '001122334455', count: 1 }],
    ['a zero count', { kind: 'deployment', value: '14181336', count: 0 }],
    ['a fractional count', { kind: 'deployment', value: '14181336', count: 1.5 }],
    ['a count as text', { kind: 'deployment', value: '14181336', count: '1' }],
    ['a missing count', { kind: 'deployment', value: '14181336' }],
  ])('rejects %s', (_name, identifier) => {
    expect(accepts(report([identifier]))).toBe(false);
  });

  test('rejects a page over the page size, accepts one at it', () => {
    expect(accepts(report(list(REPORT_PAGE_SIZE)))).toBe(true);
    expect(accepts(report(list(REPORT_PAGE_SIZE + 1)))).toBe(false);
  });

  test('the pages of a report can carry a whole capped set, and no more', () => {
    expect(MAX_DISTINCT_IDENTIFIERS).toBeGreaterThanOrEqual(10_000);
    expect(MAX_REPORT_PAGES * REPORT_PAGE_SIZE).toBeGreaterThanOrEqual(MAX_DISTINCT_IDENTIFIERS);
    expect((MAX_REPORT_PAGES - 1) * REPORT_PAGE_SIZE).toBeLessThan(MAX_DISTINCT_IDENTIFIERS);
    const last = MAX_REPORT_PAGES - 1;
    const page = (at: number, pages: number, identifiers: unknown) => ({
      ...report(identifiers),
      page: at,
      pages,
    });
    expect(accepts(page(last, MAX_REPORT_PAGES, list(1)))).toBe(true);
    expect(accepts(page(last + 1, MAX_REPORT_PAGES + 1, list(1)))).toBe(false);
    expect(accepts(page(0, MAX_REPORT_PAGES + 1, list(REPORT_PAGE_SIZE)))).toBe(false);
  });

  test.each([
    ['a page past the last', { page: 2, pages: 2 }],
    ['no pages', { page: 0, pages: 0 }],
    ['a negative page', { page: -1, pages: 2 }],
    ['a fractional page', { page: 0.5, pages: 2 }],
    ['a negative report number', { report: -1 }],
    ['a report number as text', { report: '1' }],
    ['a missing report number', { report: undefined }],
    ['capped as text', { capped: 'no' }],
    ['a missing capped', { capped: undefined }],
  ])('rejects %s', (_name, fields) => {
    expect(accepts({ ...report(list(1)), ...fields })).toBe(false);
  });

  test('only the last page of a report may be short: a report has no needless pages', () => {
    const first = { ...report(list(REPORT_PAGE_SIZE - 1)), pages: 2 };
    expect(accepts(first)).toBe(false);
    expect(accepts({ ...first, identifiers: list(REPORT_PAGE_SIZE) })).toBe(true);
    expect(accepts({ ...first, page: 1, identifiers: list(3) })).toBe(true);
  });

  test('rejects the same identifier twice in one report', () => {
    const twice = { kind: 'deployment', value: '14181336', count: 1 };
    expect(accepts(report([twice, twice]))).toBe(false);
  });

  test.each([
    ['no list', { ...report([]), identifiers: undefined }],
    ['a list that is not an array', report({ 0: 'x' })],
    ['truncated as text', report([], 'yes')],
    ['another type', { ...report([]), type: 'detection' }],
    ['null', null],
    ['a string', 'detections'],
  ])('rejects %s', (_name, value) => {
    expect(accepts(value)).toBe(false);
  });

  test('drops keys it does not know rather than passing them on', () => {
    const parsed = z.safeParse(detectionsReportSchema, { ...report([]), tabId: 99, frameId: 3 });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(report([]));
  });
});

describe('extension requests', () => {
  test('a tab id is a non-negative integer', () => {
    expect(z.safeParse(scanTabSchema, { type: 'scan-tab', tabId: 7 }).success).toBe(true);
    for (const tabId of [-1, 1.5, '7', null, undefined]) {
      expect(z.safeParse(scanTabSchema, { type: 'scan-tab', tabId }).success).toBe(false);
    }
  });

  test('highlights take a boolean', () => {
    const parse = (enabled: unknown) =>
      z.safeParse(setHighlightsSchema, { type: 'set-highlights', enabled }).success;
    expect(parse(false)).toBe(true);
    expect(parse('false')).toBe(false);
    expect(parse(undefined)).toBe(false);
  });

  test('showing held highlights names one tab', () => {
    const parse = (tabId: unknown) =>
      z.safeParse(showHeldHighlightsSchema, { type: 'show-held-highlights', tabId }).success;
    expect(parse(4)).toBe(true);
    expect(parse(-1)).toBe(false);
    expect(parse(undefined)).toBe(false);
  });
});

describe('pages of portal requests', () => {
  const items = (n: number) =>
    list(n).map(({ kind, value }) => ({ kind, value }) as { kind: string; value: string });
  const status = (value: unknown) =>
    z.safeParse(supportStatusSchema, { type: 'support-status', tabId: 3, items: value }).success;
  const expired = (value: unknown) =>
    z.safeParse(addAllExpiredSchema, {
      type: 'add-all-expired',
      tabId: 3,
      credits: 'card',
      deploymentIds: value,
    }).success;

  test('support-status names 1 to 100 well-formed identifiers, or none (the whole tab)', () => {
    expect(status(undefined)).toBe(true);
    expect(status(items(100))).toBe(true);
    expect(status([{ kind: 'serial', value: 'VS0164AB' }])).toBe(true);
    expect(status([])).toBe(false);
    expect(status(items(101))).toBe(false);
    expect(status([{ kind: 'deployment', value: '1418133' }])).toBe(false);
    expect(status([{ kind: 'serial', value: 'vs0164ab' }])).toBe(false);
  });

  test('add-all-expired names 1 to 20 deployment numbers, or none (the whole tab)', () => {
    const ids = (n: number) => items(n).map((item) => item.value);
    expect(expired(undefined)).toBe(true);
    expect(expired(ids(20))).toBe(true);
    expect(expired([])).toBe(false);
    expect(expired(ids(21))).toBe(false);
    expect(expired(['VS0164AB'])).toBe(false);
  });
});
