import { describe, expect, test } from 'vitest';
import { z } from 'zod/mini';
import type { DetectionsReport } from './content-protocol';
import {
  detectionsReportSchema,
  MAX_REPORTED_IDENTIFIERS,
  scanTabSchema,
  setHighlightsSchema,
  showHeldHighlightsSchema,
} from './schemas';

const report = (identifiers: unknown, truncated: unknown = false) => ({
  type: 'detections',
  identifiers,
  truncated,
});

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

  test('rejects a list over the cap, accepts one at it', () => {
    const list = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        kind: 'deployment',
        value: String(10_000_000 + i),
        count: 1,
      }));
    expect(accepts(report(list(MAX_REPORTED_IDENTIFIERS)))).toBe(true);
    expect(accepts(report(list(MAX_REPORTED_IDENTIFIERS + 1)))).toBe(false);
  });

  test('rejects the same identifier twice in one report', () => {
    const twice = { kind: 'deployment', value: '14181336', count: 1 };
    expect(accepts(report([twice, twice]))).toBe(false);
  });

  test.each([
    ['no list', { type: 'detections', truncated: false }],
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
    expect(parsed.data).toEqual({ type: 'detections', identifiers: [], truncated: false });
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
