// How big a request body may be, and the 413 for one that is bigger, decided before any of
// it is read: by its declared Content-Length at once, or while a chunked body streams in.
// One limit per path, shared by the app's middleware and the server's 100-continue check.

import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_BODY_BYTES } from '../../lib/portal/schemas';
import { problems } from './problem';

/** The HTML forms carry a few short fields; nothing they post comes near this. */
export const FORM_BODY_BYTES = 8 * 1024;

export function bodyLimitFor(path: string): number {
  return path.startsWith('/api/') || path.startsWith('/__sandbox/')
    ? MAX_BODY_BYTES
    : FORM_BODY_BYTES;
}

/**
 * Every route, whether or not it reads a body: Hono's body-limit answers a declared length
 * from the header and counts a chunked body as it arrives, stopping at the limit.
 */
export function enforceBodyLimits(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const limit = bodyLimitFor(c.req.path);
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw problems.payloadTooLarge(limit);
      },
    })(c, next);
  };
}
