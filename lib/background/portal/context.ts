// What every portal operation shares: the connector, the lookup cache, the in-flight table
// and the clocks. Built once per service (tests build their own).
import type { PortalServiceError } from '../../messaging/portal-results';
import type { Result } from '../../messaging/results';
import type { IsoDate } from '../../renewal';
import type { Connect, PortalConnection } from './connection';
import type { LookupCache } from './lookup-cache';
import type { SingleFlight } from './single-flight';

export interface PortalContext {
  connect: Connect;
  cache: LookupCache;
  flights: SingleFlight;
  now: () => number;
  /** What one user action may take, on the portal client's clock (see ./patience.ts). */
  actionDeadlineMs: number;
  /** The user's local calendar date. */
  today: () => IsoDate;
}

/**
 * Runs one portal call for a connection; a signed-out answer drops that identity's cached
 * lookups, so signing in as someone else never shows the previous user's deployments.
 */
export async function portalCall<T>(
  context: PortalContext,
  connection: PortalConnection,
  key: string,
  call: () => Promise<Result<T, PortalServiceError>>,
): Promise<Result<T, PortalServiceError>> {
  const result = await context.flights.run(`${connection.identity}|${key}`, call);
  if (!result.ok && result.error.kind === 'signed-out') {
    await context.cache.forget(connection.identity);
  }
  return result;
}
