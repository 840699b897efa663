// Every lapsed deployment on the page into the cart in one go, each with its catch-up
// quantity, sent a batch at a time with how far it got; it ends with what was added and what
// failed, and Retry sends the failed ones only. Lines already in the cart are left as the
// user made them.

import type { AddAllOutcome } from '@/lib/popup/add-all';
import { describePortalServiceError } from '@/lib/popup/describe-portal-error';
import { formatCount } from '@/lib/popup/format';
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

/** Failures listed by name; beyond this many, the rest are counted. */
const FAILURES_LISTED = 10;

export function AddAllExpired({ tabId, expired }: Props) {
  const { credits, announce } = useRenewalContext();
  const cart = useCart();
  const addAll = useAddAllExpired(tabId);
  const outcome = addAll.data;
  useAnnounceAnswer(outcome, summaryWords, announce);
  if (expired.size === 0 && !outcome) return null;

  const inCart = new Set(cart.data?.ok ? cart.data.value.lines.map((l) => l.deploymentId) : []);
  const missing = [...expired].filter((id) => !inCart.has(id));
  const run = (deploymentIds: string[]) => {
    if (addAll.isPending || deploymentIds.length === 0) return;
    addAll.mutate({ deploymentIds, credits });
  };
  const { progress } = addAll;

  return (
    <div class="add-all">
      <button
        type="button"
        class="button button-primary"
        disabled={missing.length === 0 || addAll.isPending}
        aria-describedby="add-all-hint"
        onClick={() => run(missing)}
      >
        <CartIcon />
        {addAll.isPending ? 'Adding…' : 'Add all expired to cart'}
      </button>
      <span id="add-all-hint" class="muted" role="status" data-testid="add-all-progress">
        {addAll.isPending && progress
          ? `Adding ${formatCount(progress.sending)} of ${formatCount(progress.total)}…`
          : missing.length === 0
            ? 'Every expired deployment is in the cart'
            : `${formatCount(missing.length)} expired, not in the cart yet`}
      </span>
      {outcome && !addAll.isPending && (
        <AddAllSummary
          outcome={outcome}
          onRetry={() => run(outcome.failed.map((f) => f.deploymentId))}
        />
      )}
    </div>
  );
}

function AddAllSummary({ outcome, onRetry }: { outcome: AddAllOutcome; onRetry: () => void }) {
  const { failed } = outcome;
  // Nothing went in and every one failed the same way (signed out, portal down): the
  // portal's error with what helps (Sign in, Try again) says it better than a list.
  const [first] = failed;
  if (first && outcome.added.length === 0 && failed.every((f) => f.error === first.error)) {
    return <PortalErrorNotice error={first.error} onRetry={onRetry} />;
  }
  if (failed.length === 0) {
    return (
      <p class="add-all-summary" data-testid="add-all-summary">
        {summaryWords(outcome)}
      </p>
    );
  }
  return (
    <div class="notice notice-warning" role="alert" data-testid="add-all-failed">
      <div class="notice-body">
        <p class="notice-title" data-testid="add-all-summary">
          {summaryWords(outcome)}
        </p>
        <ul class="failures">
          {failed.slice(0, FAILURES_LISTED).map(({ deploymentId, error }) => (
            <li key={deploymentId}>
              <span class="mono">{deploymentId}</span>: {describePortalServiceError(error).title}
            </li>
          ))}
          {failed.length > FAILURES_LISTED && (
            <li>and {formatCount(failed.length - FAILURES_LISTED)} more</li>
          )}
        </ul>
        <div class="notice-actions">
          <button type="button" class="button" onClick={onRetry}>
            Retry the {failed.length === 1 ? 'failed one' : `${formatCount(failed.length)} failed`}
          </button>
        </div>
      </div>
    </div>
  );
}

/** "Added 297. 3 failed." with the lines that were already there, when some were. */
function summaryWords({ added, alreadyInCart, failed }: AddAllOutcome): string {
  const parts = [`Added ${formatCount(added.length)}.`];
  if (alreadyInCart.length > 0)
    parts.push(`${formatCount(alreadyInCart.length)} already in the cart.`);
  if (failed.length > 0) parts.push(`${formatCount(failed.length)} failed:`);
  return parts.join(' ');
}
