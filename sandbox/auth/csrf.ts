// Cookies ride along on requests from any site, so a write authenticated by cookie is
// accepted only with an Origin the portal trusts: its own, or a configured extension's.
// Token writes carry their credential explicitly and need no Origin.

import { createMiddleware } from 'hono/factory';
import type { PortalEnv } from '../http/env';
import { problems } from '../http/problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isTrustedOrigin(origin: string | undefined, trusted: Set<string>): boolean {
  return origin !== undefined && trusted.has(origin);
}

export function requireTrustedOriginForCookieWrites(trusted: Set<string>) {
  return createMiddleware<PortalEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.get('authVia') !== 'cookie') return next();
    const origin = c.req.header('Origin');
    if (!isTrustedOrigin(origin, trusted)) throw problems.forbiddenOrigin(origin);
    return next();
  });
}
