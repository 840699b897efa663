// One watched deployment as stored: its last known facts and where it was first seen. Every
// record read back is parsed with this schema, because the database outlives the code that
// wrote it (older versions, another device's import, a half-written record).
import * as z from 'zod/mini';
import { DEPLOYMENT_VALUE } from '../identifiers/values';
import { moneySchema } from '../portal/schemas';

/**
 * As of the last check: `unchecked` before the first one; `active` / `expired` against that
 * day's date; `not-found` when the portal knows no deployment the user may see.
 */
export const watchStatusSchema = z.enum(['unchecked', 'active', 'expired', 'not-found']);

const text = (max: number) => z.string().check(z.maxLength(max));
const epochMs = z.int().check(z.nonnegative());

export const watchRecordSchema = z.object({
  deploymentId: z.string().check(z.regex(DEPLOYMENT_VALUE)),
  status: watchStatusSchema,
  name: z.optional(text(500)),
  organization: z.optional(text(500)),
  product: z.optional(text(500)),
  /** The last covered day; absent until found (the expiry index then leaves it out). */
  expiresOn: z.optional(z.iso.date()),
  /** One 1-year package of its support plan, for the plan's price in lists and exports. */
  unitPrice: z.optional(moneySchema),
  lastCheckedAt: z.optional(epochMs),
  /** Why the last check failed (a sentence for the renewals page), absent when it worked. */
  lastCheckError: z.optional(text(1000)),
  /** Where the user first watched it; kept on this device only. */
  firstSeen: z.object({
    at: epochMs,
    title: z.optional(text(1000)),
    url: z.optional(text(4000)),
  }),
});

export type WatchStatus = z.infer<typeof watchStatusSchema>;
export type WatchRecord = z.infer<typeof watchRecordSchema>;

/** A stored value that does not parse: named by its key, with the first problem found. */
export interface CorruptRecord {
  key: string;
  problem: string;
}

export type ParsedRecord =
  | { ok: true; record: WatchRecord }
  | { ok: false; corrupt: CorruptRecord };

export function parseRecord(key: IDBValidKey, value: unknown): ParsedRecord {
  const parsed = watchRecordSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  return { ok: false, corrupt: { key: String(key), problem: firstProblem(parsed.error) } };
}

/** "expiresOn: Invalid ISO date": the first issue, where it is, in one line. */
export function firstProblem(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? 'invalid'}`;
}
