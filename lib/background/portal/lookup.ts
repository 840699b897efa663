// Support lookups through the cache: answers younger than the TTL are reused, the rest are
// asked in one client call (the client sends at most 100 items a request).
import type { PortalServiceError } from '../../messaging/portal-results';
import type { Result } from '../../messaging/results';
import type { LookupItem, LookupResult } from '../../portal/schemas';
import type { PortalConnection } from './connection';
import { flightKey, type PortalContext, portalCall } from './context';
import { itemKey } from './lookup-cache';

export interface LookedUp {
  /** One per item, in order. */
  results: LookupResult[];
  /** Epoch ms of the oldest answer used. */
  fetchedAt: number;
}

export async function lookUp(
  context: PortalContext,
  connection: PortalConnection,
  items: readonly LookupItem[],
  { refresh = false }: { refresh?: boolean } = {},
): Promise<Result<LookedUp, PortalServiceError>> {
  const unique = uniqueItems(items);
  const cached = refresh ? new Map() : await context.cache.read(connection.identity, unique);
  const missing = unique.filter((item) => !cached.has(itemKey(item)));

  const answers = new Map<string, { at: number; result: LookupResult }>(cached);
  if (missing.length > 0) {
    const at = context.now();
    const fetched = await portalCall(
      context,
      connection,
      flightKey('lookup', { items: missing.map(itemKey).join(',') }),
      () => connection.client.lookup(missing),
    );
    if (!fetched.ok) return fetched;
    await context.cache.write(connection.identity, fetched.value, at);
    for (const result of fetched.value) answers.set(itemKey(result), { at, result });
  }

  const results: LookupResult[] = [];
  let fetchedAt = context.now();
  for (const item of items) {
    const answer = answers.get(itemKey(item));
    // The client checks that every item got its answer; a gap here would be our bug.
    if (!answer) throw new Error(`no lookup answer for ${itemKey(item)}`);
    results.push(answer.result);
    fetchedAt = Math.min(fetchedAt, answer.at);
  }
  return { ok: true, value: { results, fetchedAt } };
}

function uniqueItems(items: readonly LookupItem[]): LookupItem[] {
  const seen = new Map<string, LookupItem>();
  for (const { kind, value } of items) seen.set(itemKey({ kind, value }), { kind, value });
  return [...seen.values()];
}
