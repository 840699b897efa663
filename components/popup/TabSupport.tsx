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

  // One row in full and one cart line per deployment: its ID and its serials may all be on
  // the page. The answer lists them in the popup's order, deployments first.
  const expired = new Set<string>();
  const repeats = new Set<string>();
  const seen = new Set<string>();
  for (const identifier of known?.identifiers ?? []) {
    if (!identifier.found) continue;
    const id = identifier.deployment.id;
    if (seen.has(id)) repeats.add(keyOf(identifier));
    seen.add(id);
    if (identifier.renewal?.status === 'expired') expired.add(id);
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
        isRepeat={(identifier) => repeats.has(keyOf(identifier))}
        today={known?.today}
      />
    </>
  );
}
