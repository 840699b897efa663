// Every lapsed deployment on the page into the cart in one go, each with its catch-up
// quantity. Lines already in the cart are left as the user made them.
import type { ExpiredAdded } from '@/lib/messaging/portal-results';
import { describePortalServiceError } from '@/lib/popup/describe-portal-error';
import { useAddAllExpired, useCart } from '@/lib/popup/portal-queries';
import { useAnnounceAnswer } from './announcer';
import { CartIcon } from './icons';
import { PortalErrorNotice } from './PortalErrorNotice';
import { useRenewalContext } from './renewal-context';

interface Props {
  tabId: number;
  /** Ids of the expired deployments on the tab (the background plans each one's quantity). */
  expired: ReadonlySet<string>;
}

export function AddAllExpired({ tabId, expired }: Props) {
  const { credits, announce } = useRenewalContext();
  const cart = useCart();
  const addAll = useAddAllExpired(tabId);
  const answer = addAll.data;
  useAnnounceAnswer(
    answer,
    (result) => (result.ok ? addedSentence(result.value) : undefined),
    announce,
  );
  if (expired.size === 0) return null;

  const inCart = new Set(cart.data?.ok ? cart.data.value.lines.map((l) => l.deploymentId) : []);
  const missing = [...expired].filter((id) => !inCart.has(id)).length;

  return (
    <div class="add-all">
      <button
        type="button"
        class="button button-primary"
        disabled={missing === 0 || addAll.isPending}
        aria-describedby="add-all-hint"
        onClick={() => {
          if (addAll.isPending) return;
          addAll.mutate(credits);
        }}
      >
        <CartIcon />
        {addAll.isPending ? 'Adding…' : 'Add all expired to cart'}
      </button>
      <span id="add-all-hint" class="muted">
        {missing === 0
          ? 'Every expired deployment is in the cart'
          : `${missing} expired, not in the cart yet`}
      </span>
      {answer?.ok === false && (
        <PortalErrorNotice
          error={answer.error}
          onRetry={() => addAll.mutate(credits)}
          retrying={addAll.isPending}
        />
      )}
      {answer?.ok && answer.value.failed.length > 0 && (
        <div class="notice notice-warning" role="alert" data-testid="add-all-failed">
          <div class="notice-body">
            <p class="notice-title">Some could not be added</p>
            <ul class="failures">
              {answer.value.failed.map(({ deploymentId, error }) => (
                <li key={deploymentId}>
                  <span class="mono">{deploymentId}</span>:{' '}
                  {describePortalServiceError(error).title}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}

function addedSentence({ added, failed }: ExpiredAdded): string {
  const lines = `${added.length} renewal${added.length === 1 ? '' : 's'}`;
  return failed.length === 0
    ? `Added ${lines} to the cart`
    : `Added ${lines} to the cart; ${failed.length} could not be added`;
}
