// The watchlist as a JSON file, for moving it to another browser. The file carries its
// format's name and version so that a later release can read today's files (and refuse a
// file from a newer one plainly), and each record is checked on its own on the way in.
import * as z from 'zod/mini';
import { STORE, type WatchlistDb } from './db';
import {
  type CorruptRecord,
  firstProblem,
  parseRecord,
  type WatchRecord,
  watchRecordSchema,
} from './record';
import { watchMany } from './store';

export const WATCHLIST_FILE_FORMAT = 'renewal-scout-watchlist';
export const WATCHLIST_FILE_VERSION = 1;

/** The envelope; records are checked one by one so that one bad record rejects only itself. */
const fileSchema = z.object({
  format: z.literal(WATCHLIST_FILE_FORMAT),
  version: z.literal(WATCHLIST_FILE_VERSION),
  exportedAt: z.iso.datetime(),
  records: z.array(z.unknown()),
});

export interface WatchlistFile {
  format: typeof WATCHLIST_FILE_FORMAT;
  version: typeof WATCHLIST_FILE_VERSION;
  exportedAt: string;
  records: WatchRecord[];
}

/** Every readable record, in deployment ID order; unreadable ones are named, not exported. */
export async function exportWatchlist(
  db: WatchlistDb,
  now = Date.now(),
): Promise<{ file: WatchlistFile; corrupt: CorruptRecord[] }> {
  const [keys, values] = await Promise.all([db.getAllKeys(STORE), db.getAll(STORE)]);
  const records: WatchRecord[] = [];
  const corrupt: CorruptRecord[] = [];
  values.forEach((value, i) => {
    const parsed = parseRecord(keys[i] ?? '', value);
    if (parsed.ok) records.push(parsed.record);
    else corrupt.push(parsed.corrupt);
  });
  const file: WatchlistFile = {
    format: WATCHLIST_FILE_FORMAT,
    version: WATCHLIST_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    records,
  };
  return { file, corrupt };
}

export interface RejectedRecord {
  /** Position in the file's `records`. */
  index: number;
  deploymentId?: string;
  problem: string;
}

export type ImportOutcome =
  | { ok: true; added: number; updated: number; rejected: RejectedRecord[] }
  /** Not a watchlist file at all (or from a newer version): nothing was imported. */
  | { ok: false; problem: string };

/**
 * Imports a parsed JSON file: valid records are watched (an already watched deployment
 * takes the file's facts and keeps its own first-seen page); the rest are listed with why.
 */
export async function importWatchlist(db: WatchlistDb, json: unknown): Promise<ImportOutcome> {
  const envelope = fileSchema.safeParse(json);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return {
      ok: false,
      problem: `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const valid = new Map<string, WatchRecord>();
  const rejected: RejectedRecord[] = [];
  envelope.data.records.forEach((value, index) => {
    const parsed = watchRecordSchema.safeParse(value);
    const id = (value as { deploymentId?: unknown } | null)?.deploymentId;
    const deploymentId = typeof id === 'string' ? id.slice(0, 64) : undefined;
    if (!parsed.success) {
      rejected.push({ index, deploymentId, problem: firstProblem(parsed.error) });
    } else if (valid.has(parsed.data.deploymentId)) {
      rejected.push({ index, deploymentId, problem: 'listed twice in the file' });
    } else valid.set(parsed.data.deploymentId, parsed.data);
  });
  const { added, updated } = await watchMany(db, [...valid.values()]);
  return { ok: true, added, updated, rejected };
}
