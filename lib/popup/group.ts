// The popup lists identifiers by kind, in a fixed order with human headings.
import type { IdentifierKind } from '../identifiers/types';
import type { TabIdentifier } from '../messaging/results';

export interface IdentifierGroup {
  kind: IdentifierKind;
  heading: string;
  /** How one item is named to a screen reader, e.g. "serial number VS0164AB". */
  itemLabel: string;
  items: TabIdentifier[];
}

const KINDS: { kind: IdentifierKind; heading: string; itemLabel: string }[] = [
  { kind: 'deployment', heading: 'Deployment IDs', itemLabel: 'deployment ID' },
  { kind: 'serial', heading: 'Serial numbers', itemLabel: 'serial number' },
];

/** Non-empty groups only. */
export function groupByKind(identifiers: readonly TabIdentifier[]): IdentifierGroup[] {
  return KINDS.map(({ kind, heading, itemLabel }) => ({
    kind,
    heading,
    itemLabel,
    items: identifiers.filter((identifier) => identifier.kind === kind),
  })).filter((group) => group.items.length > 0);
}
