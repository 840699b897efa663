// The order a reseller works through a page in: lapsed deployments first (the longest
// lapsed on top), then those expiring soon, then active ones, then what the portal does not
// know, and last what it has not answered yet. Dependency-free so it is cheap to test.
import type { SupportView } from '../messaging/portal-results';

/** What a row shows: `unknown` when the portal has not said (not asked, or it failed). */
export type RowSupport = 'unknown' | 'checking' | 'not-found' | SupportView;

/** The filter chips, in the order they are shown. */
export const URGENCIES = ['expired', 'expiring', 'active', 'not-found', 'checking'] as const;
export type Urgency = (typeof URGENCIES)[number];

export function urgencyOf(support: RowSupport): Urgency | undefined {
  if (support === 'checking') return 'checking';
  if (support === 'not-found') return 'not-found';
  if (support === 'unknown') return undefined;
  return support.standing === 'expiring-soon' ? 'expiring' : support.standing;
}

// `unknown` (the portal failed) sorts after everything it could place.
const RANK: Record<Urgency | 'unknown', number> = {
  expired: 0,
  expiring: 1,
  active: 2,
  'not-found': 3,
  checking: 4,
  unknown: 5,
};

/**
 * `items` in urgency order; within a standing the fewest days left first (for expired
 * ones: the longest lapsed), and equal ones keep the order they came in.
 */
export function byUrgency<T>(items: readonly T[], supportOf: (item: T) => RowSupport): T[] {
  const keyed = items.map((item, index) => {
    const support = supportOf(item);
    const rank = RANK[urgencyOf(support) ?? 'unknown'];
    const days = typeof support === 'object' ? support.daysLeft : 0;
    return { item, index, rank, days };
  });
  keyed.sort((a, b) => a.rank - b.rank || a.days - b.days || a.index - b.index);
  return keyed.map(({ item }) => item);
}

/** How many rows each chip would show. */
export function countByUrgency<T>(
  items: readonly T[],
  supportOf: (item: T) => RowSupport,
): Record<Urgency, number> {
  const counts: Record<Urgency, number> = {
    expired: 0,
    expiring: 0,
    active: 0,
    'not-found': 0,
    checking: 0,
  };
  for (const item of items) {
    const urgency = urgencyOf(supportOf(item));
    if (urgency) counts[urgency] += 1;
  }
  return counts;
}

/**
 * True when the filter text is part of the identifier, its deployment's number, a serial,
 * the deployment's name or its organization's (case and surrounding spaces ignored).
 */
export function matchesFilter(value: string, support: RowSupport, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  if (value.toLowerCase().includes(needle)) return true;
  if (typeof support !== 'object') return false;
  const { deployment, serials } = support;
  return (
    deployment.id.includes(needle) ||
    deployment.name.toLowerCase().includes(needle) ||
    deployment.organization.name.toLowerCase().includes(needle) ||
    serials.some((serial) => serial.toLowerCase().includes(needle))
  );
}
