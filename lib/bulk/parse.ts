// A pasted list or a CSV file's text → the deployment IDs and serials to look up, in the
// order first seen, and what could not be read with the reason, for the renewals page's
// bulk lookup. Each token is read as the manual lookup reads a query, so both agree.
import { classifyManualQuery, selectionToQuery } from '../lookup/query';
import { identifierKey } from '../messaging/schemas';
import { csvRecords, guessDelimiter } from './csv-records';

/** The most identifiers one bulk lookup takes. */
export const MAX_BULK_IDENTIFIERS = 5000;

/** How many unreadable tokens are listed; the rest are only counted. */
export const MAX_LISTED_UNREADABLE = 500;

export interface BulkIdentifier {
  kind: 'deployment' | 'serial';
  /** Deployment IDs as 8 digits; serials upper-cased, as the portal stores them. */
  value: string;
}

/**
 * - `not-8-digits`: only digits, but a deployment ID has exactly 8.
 * - `not-serial-shape`: letters, digits and hyphens, but not a serial (6–24 characters,
 *   at least one letter and one digit, no hyphen at either end).
 * - `unexpected-characters`: something no identifier holds (`@`, `/`, `.`, accents, …).
 */
export type UnreadableReason = 'not-8-digits' | 'not-serial-shape' | 'unexpected-characters';

export interface UnreadableToken {
  /** As found, cut to 64 characters for display. */
  token: string;
  reason: UnreadableReason;
}

export type BulkParse =
  | {
      ok: true;
      identifiers: BulkIdentifier[];
      /** The first MAX_LISTED_UNREADABLE, in order, each token once. */
      unreadable: UnreadableToken[];
      /** All unreadable tokens, each counted once. */
      unreadableCount: number;
      /** The header cells whose column was read, when the text was a CSV file with one. */
      columns?: string[];
    }
  | {
      ok: false;
      error: 'too-many';
      /** Distinct identifiers found: more than `limit`. */
      count: number;
      limit: number;
    };

// Commas, semicolons, pipes and any whitespace (tabs, line breaks) separate tokens.
const SEPARATORS = /[\s,;|]+/u;
// A header cell naming a column of deployment IDs or of serials, and nothing more (one
// word before is allowed: "Appliance serial"), so that a free list's first line ("Serials
// from the ticket, see below") is not taken for a header.
const COLUMN_NAME =
  /^\W*(\p{L}+\s+)?(deployment|serial|s\/n|sn)s?(\s*(id|ids|number|numbers|no\.?|#))?\W*$/iu;

type Read = { ok: true; identifier: BulkIdentifier } | { ok: false; reason: UnreadableReason };

function readToken(token: string): Read | undefined {
  const cleaned = selectionToQuery(token);
  // Punctuation on its own ("#", "-", "*") is a separator a list happened to use.
  if (cleaned === '') return undefined;
  const classified = classifyManualQuery(cleaned);
  if (classified.kind !== 'name') return { ok: true, identifier: classified };
  const reason: UnreadableReason = /^\d+$/.test(classified.value)
    ? 'not-8-digits'
    : /^[A-Za-z0-9-]+$/.test(classified.value)
      ? 'not-serial-shape'
      : 'unexpected-characters';
  return { ok: false, reason };
}

/** The cells to read: the identifier columns of a CSV with such a header, else everything. */
function fieldsToRead(text: string): { fields: Iterable<string>; columns?: string[] } {
  const delimiter = guessDelimiter(text);
  const firstLine = text.slice(0, text.search(/[\r\n]|$/));
  const header = csvRecords(firstLine, delimiter)[0] ?? [];
  const wanted = header.flatMap((cell, i) => (COLUMN_NAME.test(cell) ? [i] : []));
  const isHeader =
    wanted.length > 0 &&
    header.every((cell) => cell.split(SEPARATORS).every((token) => !readToken(token)?.ok));
  if (!isHeader) return { fields: [text] };
  const records = csvRecords(text, delimiter).slice(1);
  return {
    fields: records.flatMap((record) => wanted.map((i) => record[i] ?? '')),
    columns: wanted.map((i) => header[i]?.trim() ?? ''),
  };
}

export function parseBulkList(text: string): BulkParse {
  const { fields, columns } = fieldsToRead(text);
  const seen = new Set<string>();
  const identifiers: BulkIdentifier[] = [];
  const seenUnreadable = new Set<string>();
  const unreadable: UnreadableToken[] = [];
  for (const field of fields) {
    for (const token of field.split(SEPARATORS)) {
      if (token === '') continue;
      const read = readToken(token);
      if (!read) continue;
      if (read.ok) {
        const key = identifierKey(read.identifier);
        if (!seen.has(key)) {
          seen.add(key);
          identifiers.push(read.identifier);
        }
      } else if (!seenUnreadable.has(token)) {
        seenUnreadable.add(token);
        if (unreadable.length < MAX_LISTED_UNREADABLE) {
          unreadable.push({ token: token.slice(0, 64), reason: read.reason });
        }
      }
    }
  }
  if (identifiers.length > MAX_BULK_IDENTIFIERS) {
    return { ok: false, error: 'too-many', count: identifiers.length, limit: MAX_BULK_IDENTIFIERS };
  }
  return {
    ok: true,
    identifiers,
    unreadable,
    unreadableCount: seenUnreadable.size,
    ...(columns ? { columns } : {}),
  };
}
