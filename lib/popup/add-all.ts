// "Add all expired" on hundreds of deployments: sent to the background a batch at a time, so
// the popup can say how far it got ("Adding 40 of 300…") and end with what was added and
// what failed (Retry then sends only those). Each batch's PUTs are idempotent at the portal
// and the background skips deployments already in the cart, so nothing is ever doubled.
import {
  type Cart,
  type CartLine,
  type ExpiredAdded,
  MAX_EXPIRED_BATCH,
  type PortalResult,
  type PortalServiceError,
} from '../messaging/portal-results';

export interface AddAllOutcome {
  added: CartLine[];
  alreadyInCart: string[];
  failed: { deploymentId: string; error: PortalServiceError }[];
  /** The cart after the last batch that answered. */
  cart?: Cart;
}

export interface AddAllProgress {
  /** Deployments sent so far, the batch in flight included. */
  sending: number;
  total: number;
}

export async function addExpiredInBatches({
  deploymentIds,
  ask,
  onBatch,
  batchSize = MAX_EXPIRED_BATCH,
}: {
  deploymentIds: readonly string[];
  ask: (batch: string[]) => Promise<PortalResult<ExpiredAdded>>;
  /** Before each batch (how far), and after it (the cart so far). */
  onBatch?: (progress: AddAllProgress, cart?: Cart) => void;
  batchSize?: number;
}): Promise<AddAllOutcome> {
  const outcome: AddAllOutcome = { added: [], alreadyInCart: [], failed: [] };
  const total = deploymentIds.length;
  for (let start = 0; start < total; start += batchSize) {
    const batch = deploymentIds.slice(start, start + batchSize);
    const progress = { sending: start + batch.length, total };
    onBatch?.(progress);
    const answer = await ask(batch);
    if (!answer.ok) {
      // Signed out, portal down, rate limited past the deadline: the rest would fail the
      // same way, so they are listed with this error (Retry sends them again).
      for (const deploymentId of deploymentIds.slice(start)) {
        outcome.failed.push({ deploymentId, error: answer.error });
      }
      break;
    }
    const { added, alreadyInCart, failed, cart } = answer.value;
    outcome.added.push(...added);
    outcome.alreadyInCart.push(...alreadyInCart);
    for (const { deploymentId, error } of failed) outcome.failed.push({ deploymentId, error });
    outcome.cart = cart;
    onBatch?.(progress, cart);
  }
  return outcome;
}
