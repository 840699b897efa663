// The tab's identifiers with their support status: one lookup for all of them, a row each in
// urgency order, "Add all expired to cart" when some have lapsed, and the portal's error
// when it fails. A long list gets status chips and a filter box, and renders a page of rows
// at a time (more as the user scrolls), so thousands of identifiers stay responsive.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IdentifierStatus } from '@/lib/messaging/portal-results';
import type { TabIdentifier } from '@/lib/messaging/results';
import { identifierKey } from '@/lib/messaging/schemas';
import { formatCount } from '@/lib/popup/format';
import { groupByKind } from '@/lib/popup/group';
import { noteRender, noteSupportRows } from '@/lib/popup/perf';
import { useSupportStatus } from '@/lib/popup/portal-queries';
import type { StatusProgress } from '@/lib/popup/support-pages';
import {
  byUrgency,
  countByUrgency,
  matchesFilter,
  type RowSupport,
  urgencyOf,
} from '@/lib/popup/urgency';
import { AddAllExpired } from './AddAllExpired';
import { IdentifierGroups } from './IdentifierGroups';
import { PortalErrorNotice } from './PortalErrorNotice';
import { type Chip, RowFilters } from './RowFilters';

interface Props {
  tabId: number;
  identifiers: readonly TabIdentifier[];
  announce: (message: string) => void;
}

/** Rows rendered at once, and added by each "Show more". */
export const ROWS_PER_PAGE = 100;
/**
 * Rows added when scrolling nears the end: a quarter page per step keeps each frame's
 * mounting short, and the next step follows while the end is still near.
 */
const ROWS_PER_SCROLL_STEP = 25;
/**
 * Rows rendered when the first answer arrives: they are painted first, and the rest of the
 * page follows after that paint, so the first rows do not wait for a hundred.
 */
const FIRST_ROWS = 25;
/** Shorter lists need no chips or filter box. */
const FILTERS_FROM = 10;

export function TabSupport({ tabId, identifiers, announce }: Props) {
  const { status, refresh, progress } = useSupportStatus(tabId, identifiers);
  const answer = status.data;
  const known = answer?.ok ? answer.value : undefined;

  useEffect(() => {
    if (known) noteRender(status.dataUpdatedAt);
  }, [known, status.dataUpdatedAt]);
  // Layout effect: runs once the rows are in the DOM, before the browser paints them.
  useLayoutEffect(() => {
    if (known) noteSupportRows();
  }, [known]);

  const byKey = useMemo(
    () =>
      new Map<string, IdentifierStatus>(
        known?.identifiers.map((identifier) => [identifierKey(identifier), identifier]),
      ),
    [known],
  );
  const checking = progress !== undefined && progress.checked < progress.total;
  const waiting = status.isPending || status.isPlaceholderData || (checking && status.isFetching);
  const supportOf = useCallback(
    (identifier: TabIdentifier): RowSupport => {
      const found = byKey.get(identifierKey(identifier));
      if (found) return found.found ? found : 'not-found';
      return waiting ? 'checking' : 'unknown';
    },
    [byKey, waiting],
  );

  // One row in full and one cart line per deployment: its ID and its serials may all be on
  // the page. The answer lists them in the popup's order, deployments first.
  const { expired, repeats } = useMemo(() => {
    const expired = new Set<string>();
    const repeats = new Set<string>();
    const seen = new Set<string>();
    for (const identifier of known?.identifiers ?? []) {
      if (!identifier.found) continue;
      const id = identifier.deployment.id;
      if (seen.has(id)) repeats.add(identifierKey(identifier));
      seen.add(id);
      if (identifier.renewal?.status === 'expired') expired.add(id);
    }
    return { expired, repeats };
  }, [known]);
  const isRepeat = useCallback(
    (identifier: TabIdentifier) => repeats.has(identifierKey(identifier)),
    [repeats],
  );

  const [chip, setChip] = useState<Chip>('all');
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(ROWS_PER_PAGE);

  // Kinds stay grouped (deployments first); within a kind, the most urgent first.
  const ordered = useMemo(
    () => groupByKind(identifiers).flatMap((group) => byUrgency(group.items, supportOf)),
    [identifiers, supportOf],
  );
  const counts = useMemo(
    () => ({ all: identifiers.length, ...countByUrgency(identifiers, supportOf) }),
    [identifiers, supportOf],
  );
  const matching = useMemo(
    () =>
      chip === 'all' && filter.trim() === ''
        ? ordered
        : ordered.filter((identifier) => {
            const support = supportOf(identifier);
            return (
              (chip === 'all' || urgencyOf(support) === chip) &&
              matchesFilter(identifier.value, support, filter)
            );
          }),
    [ordered, supportOf, chip, filter],
  );
  const [warm, setWarm] = useState(false);
  const firstAnswer = known !== undefined && !warm;
  useEffect(() => {
    if (!firstAnswer) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame, then a task: the first rows are painted before the rest are rendered.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setWarm(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [firstAnswer]);
  const limit = firstAnswer ? Math.min(shown, FIRST_ROWS) : shown;
  const visible = useMemo(() => matching.slice(0, limit), [matching, limit]);
  const totals = useMemo(() => {
    const totals: Partial<Record<TabIdentifier['kind'], number>> = {};
    for (const { kind } of matching) totals[kind] = (totals[kind] ?? 0) + 1;
    return totals;
  }, [matching]);
  const showMore = useCallback(() => setShown((count) => count + ROWS_PER_PAGE), []);
  const scrollMore = useCallback(() => setShown((count) => count + ROWS_PER_SCROLL_STEP), []);

  return (
    <>
      {answer?.ok === false && (
        <PortalErrorNotice
          error={answer.error}
          onRetry={() => refresh.mutate()}
          retrying={refresh.isPending || status.isFetching}
        />
      )}
      {(known || checking) && (
        <div class="toolbar">
          {known && <AddAllExpired tabId={tabId} expired={expired} />}
          <p class="refreshing" role="status" data-testid="status-progress">
            {checking && (status.isFetching || refresh.isPending)
              ? progressWords(progress)
              : status.isFetching || refresh.isPending
                ? 'Updating…'
                : ''}
          </p>
        </div>
      )}
      {identifiers.length >= FILTERS_FROM && (
        <RowFilters
          chip={chip}
          counts={counts}
          onChip={(next) => {
            setChip(next);
            setShown(ROWS_PER_PAGE);
          }}
          filter={filter}
          onFilter={(next) => {
            setFilter(next);
            setShown(ROWS_PER_PAGE);
          }}
        />
      )}
      <IdentifierGroups
        identifiers={visible}
        totals={totals}
        announce={announce}
        supportOf={supportOf}
        isRepeat={isRepeat}
        today={known?.today}
      />
      {matching.length === 0 && (
        <p class="muted no-match" data-testid="no-match">
          No identifier on this page matches.
        </p>
      )}
      {matching.length > visible.length && (
        <MoreRows
          shown={visible.length}
          total={matching.length}
          onMore={showMore}
          onNear={scrollMore}
        />
      )}
    </>
  );
}

function progressWords({ checked, total, waitingSeconds }: StatusProgress): string {
  const words = `Checked ${formatCount(checked)} of ${formatCount(total)}`;
  return waitingSeconds === undefined
    ? words
    : `${words}; the portal asked to wait ${waitingSeconds} s`;
}

/**
 * "Show 100 more", pressed by hand; scrolling near it adds rows too (an IntersectionObserver
 * on the button), a few at a time, before the user reaches the end.
 */
function MoreRows({
  shown,
  total,
  onMore,
  onNear,
}: {
  shown: number;
  total: number;
  onMore: () => void;
  onNear: () => void;
}) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const target = button.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onNear();
      },
      { root: target.closest('.content'), rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [onNear, shown]);
  const next = Math.min(ROWS_PER_PAGE, total - shown);
  return (
    <div class="more-rows">
      <button ref={button} type="button" class="button" onClick={onMore}>
        Show {formatCount(next)} more
      </button>
      <span class="muted" data-testid="rows-shown">
        Showing {formatCount(shown)} of {formatCount(total)}
      </span>
    </div>
  );
}
