// A write whose answer cannot be read may still have happened at the portal: a timeout or a
// dropped connection after the request was sent, malformed JSON, an HTML page, a body of the
// wrong shape. Before anything is reported the cart is read, so the user sees the true state.
import type {
  Cart,
  CreditsOption,
  PortalResult,
  PortalServiceError,
  RenewalAdded,
} from '../../messaging/portal-results';
import type { PortalError } from '../../portal/errors';

/**
 * Errors after which the write may have landed. A 5xx is included: a proxy's 502 or 504
 * says nothing about what the portal behind it did, and a retry may have followed a timeout.
 */
export function answerUnreadable(error: PortalServiceError): error is PortalError {
  return error.kind === 'unexpected-response' || error.kind === 'portal-unavailable';
}

export interface RenewalAsked {
  deploymentId: string;
  quantity: number;
  credits: CreditsOption;
}

/** The renewal is confirmed when the cart has the deployment's line exactly as asked. */
export function reconcileRenewal(
  asked: RenewalAsked,
  cause: PortalError,
  cart: PortalResult<Cart>,
): PortalResult<RenewalAdded> {
  if (!cart.ok) return unknown('add-renewal', cause, cart.error);
  const line = cart.value.lines.find((candidate) => candidate.deploymentId === asked.deploymentId);
  if (line && line.quantity === asked.quantity && line.credits === asked.credits) {
    return { ok: true, value: { line, cart: cart.value } };
  }
  return { ok: false, error: cause };
}

/** A removal is confirmed when the line is gone. */
export function reconcileRemoval(
  lineId: string,
  cause: PortalError,
  cart: PortalResult<Cart>,
): PortalResult<Cart> {
  if (!cart.ok) return unknown('remove-cart-line', cause, cart.error);
  if (cart.value.lines.some((line) => line.id === lineId)) return { ok: false, error: cause };
  return { ok: true, value: cart.value };
}

function unknown(
  operation: 'add-renewal' | 'remove-cart-line',
  cause: PortalError,
  check: PortalServiceError,
): { ok: false; error: PortalServiceError } {
  return { ok: false, error: { kind: 'outcome-unknown', operation, cause, check } };
}
