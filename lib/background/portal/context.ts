// What every portal operation shares: the connector, the lookup cache, the in-flight table
// and the clocks. Built once per service (tests build their own).
import type { PortalResult } from '../../messaging/portal-results';
import type { PortalMessageType, PortalRequest, ResponseOf } from '../../messaging/protocol';
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
  /** Whether a token is saved (the popup's settings; the connector reads the token itself). */
  hasToken: () => Promise<boolean>;
  /** Whether the browser gives access to an origin. */
  hasAccess: (origin: string) => Promise<boolean>;
}

/**
 * What the portal service does for each portal message of lib/messaging/protocol.ts. Each
 * operation file exports the part it implements (`satisfies Partial<PortalOperations>`) and
 * the service puts them together, so a message without its operation does not compile.
 */
export type PortalOperations = {
  [T in PortalMessageType]: (
    context: PortalContext,
    request: PortalRequest<T>,
  ) => Promise<ResponseOf<T>>;
};

/**
 * Runs one portal call for a connection; a signed-out answer drops that identity's cached
 * lookups, so signing in as someone else never shows the previous user's deployments.
 */
export async function portalCall<T>(
  context: PortalContext,
  connection: PortalConnection,
  key: string,
  call: () => Promise<PortalResult<T>>,
): Promise<PortalResult<T>> {
  const result = await context.flights.run(`${connection.identity}|${key}`, call);
  if (!result.ok && result.error.kind === 'signed-out') {
    await context.cache.forget(connection.identity);
  }
  return result;
}

/** Connects to the configured portal and runs `work`; a setup error is the answer. */
export async function withConnection<T>(
  context: PortalContext,
  work: (connection: PortalConnection) => Promise<PortalResult<T>>,
): Promise<PortalResult<T>> {
  const connected = await context.connect();
  if (!connected.ok) return connected;
  return work(connected.value);
}

/**
 * The in-flight key of a call: what it does (a message type, or the portal call several
 * messages share) and its arguments, whatever order a request's fields came in.
 */
export function flightKey(name: string, args: Record<string, unknown> = {}): string {
  const fields = Object.keys(args)
    .filter((field) => args[field] !== undefined)
    .sort()
    .map((field) => `${field}=${JSON.stringify(args[field])}`);
  return [name, ...fields].join('|');
}
