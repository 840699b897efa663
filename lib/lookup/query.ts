// What the user typed (or selected) for a manual lookup, read the way the portal's own
// wizard reads it. Pure and dependency-free: the background decides how to ask the portal
// with it, and the popup can say in advance what it will search for.
import { DEPLOYMENT_VALUE, SERIAL_VALUE } from '../identifiers/values';
import type { ManualQueryKind } from '../messaging/portal-results';
import { MAX_SEARCH_QUERY_LENGTH } from '../portal/limits';

/** `value` is what to send: trimmed; serials upper-cased as the portal stores them. */
export type ClassifiedQuery = {
  [K in ManualQueryKind]: { kind: K; value: string };
}[ManualQueryKind];

export function classifyManualQuery(query: string): ClassifiedQuery {
  const value = query.trim();
  if (DEPLOYMENT_VALUE.test(value)) return { kind: 'deployment', value };
  const upper = value.toUpperCase();
  // A letter is required as well, so that a short run of digits stays a number prefix.
  if (SERIAL_VALUE.test(upper) && /\d/.test(upper) && /[A-Z]/.test(upper)) {
    return { kind: 'serial', value: upper };
  }
  return { kind: 'name', value };
}

/** Whitespace collapsed and trimmed, no longer than the portal takes. */
export function normalizeQuery(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_SEARCH_QUERY_LENGTH).trim();
}

/**
 * Selected text as a lookup query: punctuation that clings to a selection ("14181336," or
 * "(VS0164AB)") dropped, then normalized. Empty when nothing usable is left.
 */
export function selectionToQuery(selection: string): string {
  return normalizeQuery(
    selection
      .trim()
      .replace(/^[\s"'“”‘’([{<.,;:!?#*-]+/u, '')
      .replace(/[\s"'“”‘’)\]}>.,;:!?#*-]+$/u, ''),
  );
}

/** The popup page that looks up `query` by itself (the context menu opens it in a window). */
export function lookupPagePath(query: string): string {
  return `/popup.html?lookup=${encodeURIComponent(query)}`;
}

/** The query a popup page was opened with (`?lookup=`), or undefined. */
export function lookupQueryFromSearch(search: string): string | undefined {
  const raw = new URLSearchParams(search).get('lookup');
  if (raw === null) return undefined;
  const query = normalizeQuery(raw);
  return query === '' ? undefined : query;
}
