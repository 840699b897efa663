// Every way a portal call can fail, as a plain value with a kind the UI can explain. Plain
// objects on purpose: the background sends them to the popup through extension messaging,
// which would strip an Error subclass down to its message.

import type { FieldError } from './problems';

export type PortalErrorKind = PortalError['kind'];

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

export type Result<T, E = PortalError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Errors worth a Retry button: trying the same thing again later may work. */
export function isRetryable(error: PortalError): boolean {
  return error.kind === 'portal-unavailable' || error.kind === 'rate-limited';
}

/**
 * A sentence the user can act on. The popup may word things its own way; this is the
 * shared fallback so that no error ever reaches the user as a bare kind or status code.
 */
export function describePortalError(error: PortalError, now: number = Date.now()): string {
  switch (error.kind) {
    case 'signed-out':
      return error.reason === 'sign-in-page'
        ? 'Your portal session has expired. Sign in to the portal again.'
        : 'You are signed out of the portal. Sign in to the portal, or set a personal access token in the options.';
    case 'forbidden':
      return 'The portal refused this request. Check that the extension is allowed to change your cart, then try again.';
    case 'not-found':
      return 'The portal does not know this deployment, or it belongs to an organization you cannot see.';
    case 'invalid-request':
      if (error.requiredQuantity !== undefined) {
        return `The portal requires at least ${error.requiredQuantity} one-year packages to bring this deployment up to date.`;
      }
      return error.detail
        ? `The portal rejected the request: ${error.detail.replace(/[.\s]+$/, '')}.`
        : 'The portal rejected the request.';
    case 'rate-limited': {
      const seconds = Math.max(1, Math.ceil((error.retryAt - now) / 1000));
      return `Too many requests to the portal. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
    }
    case 'portal-unavailable':
      if (error.cause === 'timeout') return 'The portal did not answer in time. Try again.';
      if (error.cause === 'network') {
        return 'Could not reach the portal. Check your connection and the portal address, then try again.';
      }
      return 'The portal is having trouble right now. Try again in a moment.';
    case 'unexpected-response':
      return 'The portal sent an answer the extension does not understand. Try again; if it keeps happening, the portal may have changed.';
    case 'cancelled':
      return 'The request was cancelled.';
  }
}
