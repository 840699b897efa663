// Every way a portal call can fail, as a plain value with a kind the UI can explain. Plain
// objects on purpose: the background sends them to the popup through extension messaging,
// which would strip an Error subclass down to its message.

import type { FieldError } from './problems';

export type PortalError =
  | {
      kind: 'signed-out';
      /** 401 from the API, or a sign-in page where JSON was expected (an expired session). */
      reason: 'unauthenticated' | 'sign-in-page';
      /** 401, 200 for a sign-in page, 0 for a token the client could not even send. */
      status: number;
      detail?: string;
    }
  | { kind: 'forbidden'; status: 403; problemType?: string; detail?: string }
  | { kind: 'not-found'; status: 404; problemType?: string; detail?: string }
  | {
      kind: 'invalid-request';
      /** 400, 409, 413, 415 or 422 from the portal; 0 when the client refused to send it. */
      status: number;
      problemType?: string;
      detail?: string;
      /** Where the body was wrong, as JSON Pointers into it. */
      fieldErrors: FieldError[];
      /** Catch-up rule: the least number of 1-year packages the portal accepts. */
      requiredQuantity?: number;
      /** The most packages one renewal line may carry. */
      maxQuantity?: number;
    }
  | {
      kind: 'rate-limited';
      status: 429;
      /** Whole seconds to wait, from `Retry-After` (or the problem's `retryAfter`). */
      retryAfterSeconds: number;
      /** When retrying makes sense again, in epoch milliseconds. */
      retryAt: number;
      detail?: string;
    }
  | {
      kind: 'portal-unavailable';
      /** server-error: a 5xx; network: no answer at all; timeout: no answer in time. */
      cause: 'server-error' | 'network' | 'timeout';
      /** The HTTP status for a server error. */
      status?: number;
      /** Seconds the portal asked us to wait, when it said (503 with Retry-After). */
      retryAfterSeconds?: number;
      detail?: string;
    }
  | {
      kind: 'unexpected-response';
      /** The HTTP status of the answer that broke the contract. */
      status: number;
      /** What was wrong with it, for logs and bug reports. */
      detail: string;
    }
  | {
      /** The caller aborted (e.g. the popup closed). Nothing to show the user. */
      kind: 'cancelled';
    };

export { err, ok, type Result } from '../result';
