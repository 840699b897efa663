// "Add to cart" for one deployment's renewal plan, or, once the cart has its line,
// "In cart (N years)" with Remove. The cart query is the truth: a line added elsewhere
// (Add all expired, another window) shows here too.

import { useIsMutating } from '@tanstack/preact-query';
import type {
  PortalResult,
  PortalServiceError,
  RenewalPlan,
  SupportView,
} from '@/lib/messaging/portal-results';
import {
  addRenewalKey,
  useAddRenewal,
  useCart,
  useRemoveCartLine,
} from '@/lib/popup/portal-queries';
import { inCartWords, MAX_YEARS_PER_RENEWAL, yearsWords } from '@/lib/popup/support-wording';
import { useAnnounceAnswer } from './announcer';
import { CartIcon, CheckIcon } from './icons';
import { PortalErrorNotice } from './PortalErrorNotice';
import { useRenewalContext } from './renewal-context';

export function RenewalControls({ view, plan }: { view: SupportView; plan: RenewalPlan }) {
  const deploymentId = view.deployment.id;
  const { credits, announce } = useRenewalContext();
  const cart = useCart({ reader: true });
  const adding = useAddRenewal(deploymentId);
  // Another row may show the same deployment (its ID and its serial): pending is shared.
  const pending = useIsMutating({ mutationKey: addRenewalKey(deploymentId) }) > 0;
  const remove = useRemoveCartLine();
  const line = cart.data?.ok
    ? cart.data.value.lines.find((candidate) => candidate.deploymentId === deploymentId)
    : undefined;
  // Once the cart has been read after a write the portal did not confirm, the row already
  // follows the cart; what is left to say is why the write did not happen.
  const cartReadAt = cart.data?.ok ? cart.dataUpdatedAt : 0;
  const addError = settledByCart(failure(adding.data), cartReadAt, adding.submittedAt);
  const removeError = settledByCart(failure(remove.data), cartReadAt, remove.submittedAt);

  useAnnounceAnswer(
    adding.data,
    (answer) =>
      answer.ok
        ? `Added deployment ${deploymentId} to the cart (${yearsWords(answer.value.line.quantity)})`
        : `Could not add deployment ${deploymentId} to the cart`,
    announce,
  );
  useAnnounceAnswer(
    remove.data,
    (answer) => (answer.ok ? `Removed deployment ${deploymentId} from the cart` : undefined),
    announce,
  );

  const add = (quantity = plan.quantity) => {
    if (adding.add(quantity, credits)) announce(`Adding deployment ${deploymentId} to the cart…`);
  };

  if (plan.quantity > MAX_YEARS_PER_RENEWAL) {
    return (
      <p class="renewal renewal-too-long" data-testid="too-long">
        {`Needs ${yearsWords(plan.quantity)} of support, more than one renewal can carry (${MAX_YEARS_PER_RENEWAL}). Ask the portal’s staff to renew this deployment.`}
      </p>
    );
  }

  if (line) {
    return (
      <div class="renewal in-cart" data-testid="in-cart">
        <span class="in-cart-label">
          <CheckIcon />
          {inCartWords(line.quantity)}
        </span>
        <button
          type="button"
          class="button button-quiet"
          aria-label={`Remove deployment ${deploymentId} from the cart`}
          disabled={remove.isPending}
          onClick={() => remove.mutate(line.id)}
        >
          {remove.isPending ? 'Removing…' : 'Remove'}
        </button>
        {removeError && (
          <PortalErrorNotice
            inline
            error={removeError}
            onRetry={() => remove.mutate(line.id)}
            retrying={remove.isPending}
          />
        )}
      </div>
    );
  }

  // The portal's calendar may be a day ahead of the user's: it says how many it needs.
  const required = requiredQuantityOf(addError);
  return (
    <div class="renewal">
      <button
        type="button"
        // Lapsed and expiring rows are what to act on; an active one's button stays quiet.
        class={view.standing === 'active' ? 'button' : 'button button-primary'}
        aria-label={`Add deployment ${deploymentId} to cart`}
        disabled={pending}
        aria-busy={pending}
        onClick={() => add()}
      >
        <CartIcon />
        {pending ? 'Adding…' : 'Add to cart'}
      </button>
      {addError && !pending && (
        <PortalErrorNotice inline error={addError} onRetry={() => add(required ?? plan.quantity)} />
      )}
      {required !== undefined && !pending && (
        <button type="button" class="button" onClick={() => add(required)}>
          Add {required} years instead
        </button>
      )}
    </div>
  );
}

function failure<T>(answer: PortalResult<T> | undefined) {
  return answer?.ok === false ? answer.error : undefined;
}

function settledByCart(
  error: PortalServiceError | undefined,
  cartReadAt: number,
  writtenAt: number,
): PortalServiceError | undefined {
  if (error?.kind !== 'outcome-unknown' || cartReadAt <= writtenAt) return error;
  return error.cause;
}

function requiredQuantityOf(error: PortalServiceError | undefined): number | undefined {
  if (error?.kind !== 'invalid-request' || !('requiredQuantity' in error)) return undefined;
  return typeof error.requiredQuantity === 'number' ? error.requiredQuantity : undefined;
}
