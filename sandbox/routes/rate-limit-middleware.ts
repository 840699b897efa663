import { createMiddleware } from 'hono/factory';
import type { PortalEnv } from '../http/env';
import { problems } from '../http/problem';
import type { RateLimiter } from '../http/rate-limit';

/** After authentication: one bucket per user, whichever credential they use. */
export function rateLimitPerUser(limiter: RateLimiter) {
  return createMiddleware<PortalEnv>(async (c, next) => {
    const wait = limiter.take(`user:${c.get('user').id}`);
    if (wait > 0) throw problems.rateLimited(wait);
    return next();
  });
}
