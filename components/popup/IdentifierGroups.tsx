import type { TabIdentifier } from '@/lib/messaging/results';
import { formatCount } from '@/lib/popup/format';
import { groupByKind } from '@/lib/popup/group';
import type { RowSupport } from '@/lib/popup/urgency';
import { SupportRow } from './SupportRow';

interface Props {
  /** The rows to render, in the order shown (a page of them on a long list). */
  identifiers: readonly TabIdentifier[];
  /** Rows of each kind in the whole list (the heading's count), when more than are rendered. */
  totals?: Partial<Record<TabIdentifier['kind'], number>>;
  announce: (message: string) => void;
  /** What the portal says about each identifier; `unknown` when it has not said. */
  supportOf?: (identifier: TabIdentifier) => RowSupport;
  /** Rows whose deployment already has a full row above. */
  isRepeat?: (identifier: TabIdentifier) => boolean;
  today?: string;
}

export function IdentifierGroups({
  identifiers,
  totals,
  announce,
  supportOf,
  isRepeat,
  today,
}: Props) {
  return (
    <>
      {groupByKind(identifiers).map((group) => (
        <section
          class="group"
          key={group.kind}
          data-kind={group.kind}
          aria-labelledby={`group-${group.kind}`}
        >
          <h2 id={`group-${group.kind}`} class="group-heading">
            {group.heading}{' '}
            <span class="group-count">
              {formatCount(totals?.[group.kind] ?? group.items.length)}
            </span>
          </h2>
          <ul class="identifiers">
            {group.items.map((item) => (
              <li class="identifier" key={item.value}>
                <SupportRow
                  kind={item.kind}
                  value={item.value}
                  count={item.count}
                  support={supportOf?.(item) ?? 'unknown'}
                  today={today}
                  announce={announce}
                  repeat={isRepeat?.(item)}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
