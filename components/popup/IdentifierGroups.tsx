import type { TabIdentifier } from '@/lib/messaging/results';
import { groupByKind } from '@/lib/popup/group';
import { type RowSupport, SupportRow } from './SupportRow';

interface Props {
  identifiers: readonly TabIdentifier[];
  announce: (message: string) => void;
  /** What the portal says about each identifier; `unknown` when it has not said. */
  supportOf?: (identifier: TabIdentifier) => RowSupport;
  /** Rows whose deployment already has a full row above. */
  isRepeat?: (identifier: TabIdentifier) => boolean;
  today?: string;
}

export function IdentifierGroups({ identifiers, announce, supportOf, isRepeat, today }: Props) {
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
            {group.heading} <span class="group-count">{group.items.length}</span>
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
