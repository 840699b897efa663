// The background's view of every message it accepts: each is parsed with one of these before
// any handler sees it. zod/mini, not zod: the full library triples the background bundle and
// trips Firefox's linter. Only the background imports this file (extension pages and the
// content script use the types alone).
import { z } from 'zod/mini';
import { DEPLOYMENT_VALUE, SERIAL_VALUE } from '../identifiers/values';
import { MAX_LOOKUP_ITEMS, MAX_RENEWAL_QUANTITY, MAX_SEARCH_QUERY_LENGTH } from '../portal/limits';
import { MAX_EXPIRED_BATCH } from './portal-results';
import { MAX_REPORT_PAGES, REPORT_PAGE_SIZE } from './report-limits';

/** Occurrences per identifier are counted, not listed; anything above this is nonsense. */
export const MAX_OCCURRENCE_COUNT = 1_000_000;

const count = z.number().check(z.int(), z.minimum(1), z.maximum(MAX_OCCURRENCE_COUNT));

const reportedDeployment = z.object({
  kind: z.literal('deployment'),
  value: z.string().check(z.regex(DEPLOYMENT_VALUE)),
  count,
});

const reportedSerial = z.object({
  kind: z.literal('serial'),
  value: z.string().check(z.regex(SERIAL_VALUE), z.regex(/\d/)),
  count,
});

export const reportedIdentifierSchema = z.discriminatedUnion('kind', [
  reportedDeployment,
  reportedSerial,
]);

/** Any key that tells identifiers apart across kinds. */
export const identifierKey = (item: { kind: string; value: string }): string =>
  `${item.kind}:${item.value}`;

// One page of a report (see ./content-protocol.ts). Whether the pages of a report add up
// (none repeated across pages, at most MAX_DISTINCT_IDENTIFIERS) is checked as they are
// assembled (lib/background/report-assembly.ts); each page on its own is checked here.
export const detectionsReportSchema = z
  .object({
    type: z.literal('detections'),
    report: z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
    page: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_REPORT_PAGES - 1)),
    pages: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_REPORT_PAGES)),
    identifiers: z.array(reportedIdentifierSchema).check(
      z.maxLength(REPORT_PAGE_SIZE),
      z.refine(
        (list) => new Set(list.map(identifierKey)).size === list.length,
        'each identifier is reported once',
      ),
    ),
    truncated: z.boolean(),
    capped: z.boolean(),
    highlightsHeld: z.optional(z.boolean()),
  })
  .check(
    z.refine((report) => report.page < report.pages, 'the page is past the last one'),
    z.refine(
      // Every page but the last is full, so a report has no more pages than its set needs.
      (report) =>
        report.page === report.pages - 1 || report.identifiers.length === REPORT_PAGE_SIZE,
      'only the last page may be short',
    ),
  );

const tabId = z.number().check(z.int(), z.nonnegative());

export const getTabResultsSchema = z.object({ type: z.literal('get-tab-results'), tabId });
export const scanTabSchema = z.object({ type: z.literal('scan-tab'), tabId });
export const getHighlightsSchema = z.object({ type: z.literal('get-highlights') });
export const setHighlightsSchema = z.object({
  type: z.literal('set-highlights'),
  enabled: z.boolean(),
});
export const showHeldHighlightsSchema = z.object({
  type: z.literal('show-held-highlights'),
  tabId,
});

// ---- Portal messages (extension pages only) ---------------------------------------------
// Limits mirror the portal contract (lib/portal/schemas.ts) so a request the portal would
// refuse is refused here, before any network call.

const credits = z.enum(['organization', 'card']);

/** Which of a tab's identifiers to answer for: a page of them (one portal request's worth). */
const askedItems = z
  .array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('deployment'),
        value: z.string().check(z.regex(DEPLOYMENT_VALUE)),
      }),
      z.object({ kind: z.literal('serial'), value: z.string().check(z.regex(SERIAL_VALUE)) }),
    ]),
  )
  .check(z.minLength(1), z.maxLength(MAX_LOOKUP_ITEMS));

export const supportStatusSchema = z.object({
  type: z.literal('support-status'),
  tabId,
  /** Ignore cached answers (the popup's Retry / refresh). */
  refresh: z.optional(z.boolean()),
  /** Only these of the tab's identifiers, in this order; absent: all of them. */
  items: z.optional(askedItems),
});

export const lookupManualSchema = z.object({
  type: z.literal('lookup-manual'),
  query: z.string().check(
    z.maxLength(MAX_SEARCH_QUERY_LENGTH),
    z.refine((query) => query.trim() !== '', 'the query is empty'),
  ),
});

export const getCartSchema = z.object({ type: z.literal('get-cart') });

export const addRenewalSchema = z.object({
  type: z.literal('add-renewal'),
  deploymentId: z.string().check(z.regex(DEPLOYMENT_VALUE)),
  quantity: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_RENEWAL_QUANTITY)),
  credits,
});

export const removeCartLineSchema = z.object({
  type: z.literal('remove-cart-line'),
  lineId: z.string().check(z.minLength(1), z.maxLength(100)),
});

export const addAllExpiredSchema = z.object({
  type: z.literal('add-all-expired'),
  tabId,
  credits,
  /** Only these deployments (those still expired); absent: every expired one on the tab. */
  deploymentIds: z.optional(
    z
      .array(z.string().check(z.regex(DEPLOYMENT_VALUE)))
      .check(z.minLength(1), z.maxLength(MAX_EXPIRED_BATCH)),
  ),
});

export const saveQuoteSchema = z.object({ type: z.literal('save-quote') });

export const openPortalSchema = z.object({
  type: z.literal('open-portal'),
  page: z.enum(['signin', 'cart', 'quotes']),
});

export const getAccountSchema = z.object({ type: z.literal('get-account') });

export const getSettingsSchema = z.object({ type: z.literal('get-settings') });
