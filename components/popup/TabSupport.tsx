// The tab's identifiers with their support status: one lookup for all of them, a row each,
// "Add all expired to cart" when some have lapsed, and the portal's error when it fails.
import { useEffect } from 'preact/hooks';
import type { IdentifierStatus } from '@/lib/messaging/portal-results';
import type { TabIdentifier } from '@/lib/messaging/results';
import { noteRender } from '@/lib/popup/perf';
import { useRefreshSupportStatus, useSupportStatus } from '@/lib/popup/portal-queries';
import { AddAllExpired } from './AddAllExpired';
import { IdentifierGroups } from './IdentifierGroups';
import { PortalErrorNotice } from './PortalErrorNotice';
import type { RowSupport } from './SupportRow';

interface Props {
  tabId: number;
  identifiers: readonly TabIdentifier[];
  announce: (message: string) => void;
}

const keyOf = (identifier: { kind: string; value: string }) =>
  `${identifier.kind}:${identifier.value}`;

export function TabSupport({ tabId, identifiers, announce }: Props) {
  const status = useSupportStatus(tabId, identifiers);
  const refresh = useRefreshSupportStatus(tabId, identifiers);
  const answer = status.data;
  const known = answer?.ok ? answer.value : undefined;

  useEffect(() => {
    if (known) noteRender(status.dataUpdatedAt);
  }, [known, status.dataUpdatedAt]);

  const byKey = new Map<string, IdentifierStatus>(
    known?.identifiers.map((identifier) => [keyOf(identifier), identifier]),
  );
  const waiting = status.isPending || status.isPlaceholderData;
  const supportOf = (identifier: TabIdentifier): RowSupport => {
    const found = byKey.get(keyOf(identifier));
    if (found) return found.found ? found : 'not-found';
    return waiting ? 'checking' : 'unknown';
  };

  // One line per deployment: its ID and its serial may both be on the page.
  const expired = new Map<string, number>();
  for (const identifier of known?.identifiers ?? []) {
    if (identifier.found && identifier.renewal.status === 'expired') {
      expired.set(identifier.deployment.id, identifier.renewal.quantity);
    }
  }

  return (
    <>
      {answer?.ok === false && (
        <PortalErrorNotice
          error={answer.error}
          onRetry={() => refresh.mutate()}
          retrying={refresh.isPending || status.isFetching}
        />
      )}
      {known && (
        <div class="toolbar">
          <AddAllExpired tabId={tabId} expired={expired} />
          <p class="refreshing" role="status">
            {status.isFetching || refresh.isPending ? 'Updating…' : ''}
          </p>
        </div>
      )}
      <IdentifierGroups
        identifiers={identifiers}
        announce={announce}
        supportOf={supportOf}
        today={known?.today}
      />
    </>
  );
}
