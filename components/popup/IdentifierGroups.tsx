import type { TabIdentifier } from '@/lib/messaging/results';
import { groupByKind } from '@/lib/popup/group';
import { CopyButton } from './CopyButton';

interface Props {
  identifiers: readonly TabIdentifier[];
  announce: (message: string) => void;
}

export function IdentifierGroups({ identifiers, announce }: Props) {
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
                <span class="identifier-value" data-testid="identifier">
                  {item.value}
                </span>
                {item.count > 1 && (
                  <span class="identifier-occurrences" title={`${item.count} places on the page`}>
                    ×{item.count}
                    <span class="visually-hidden"> on the page</span>
                  </span>
                )}
                <CopyButton value={item.value} label={group.itemLabel} announce={announce} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
