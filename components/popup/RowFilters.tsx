// Above a long list: a chip per standing with its count (one pressed at a time, "All" to
// clear) and a filter box over the deployment number, serial, name and organization.
import { formatCount } from '@/lib/popup/format';
import type { Urgency } from '@/lib/popup/urgency';

export type Chip = Urgency | 'all';

const CHIPS: { chip: Chip; label: string }[] = [
  { chip: 'all', label: 'All' },
  { chip: 'expired', label: 'Expired' },
  { chip: 'expiring', label: 'Expiring' },
  { chip: 'active', label: 'Active' },
  { chip: 'not-found', label: 'Not found' },
  { chip: 'checking', label: 'Checking' },
];

interface Props {
  chip: Chip;
  counts: Record<Chip, number>;
  onChip: (chip: Chip) => void;
  filter: string;
  onFilter: (filter: string) => void;
}

export function RowFilters({ chip, counts, onChip, filter, onFilter }: Props) {
  return (
    <div class="row-filters">
      <fieldset class="filter-chips">
        <legend class="visually-hidden">Show by status</legend>
        {CHIPS.map(({ chip: each, label }) =>
          // A standing nothing has is left out, unless it is the one chosen.
          counts[each] === 0 && each !== chip && each !== 'all' ? null : (
            <button
              key={each}
              type="button"
              class="filter-chip"
              data-chip={each}
              aria-pressed={each === chip}
              onClick={() => onChip(each)}
            >
              {label} <span class="filter-chip-count">{formatCount(counts[each])}</span>
            </button>
          ),
        )}
      </fieldset>
      <label class="filter-box">
        <span class="visually-hidden">Filter by deployment, serial, name or organization</span>
        <input
          type="search"
          value={filter}
          placeholder="Filter: deployment, serial, name, organization"
          onInput={(event) => onFilter(event.currentTarget.value)}
        />
      </label>
    </div>
  );
}
