// The peer address of the TCP connection. The sandbox sits behind no proxy, so headers such
// as X-Forwarded-For are never trusted: a guesser could set them to dodge the throttle.

import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export function clientAddress(c: Context): string {
  return getConnInfo(c).remote.address ?? 'unknown';
}
