// `support-status`: every identifier detected on a tab (or a page of them the popup names),
// with what the portal knows about it.
import type {
  IdentifierStatus,
  PortalResult,
  TabSupportStatus,
} from '../../messaging/portal-results';
import { identifierKey } from '../../messaging/schemas';
import { aggregateTab } from '../aggregate';
import { readTab } from '../tab-store';
import type { PortalConnection } from './connection';
import { type PortalContext, type PortalOperations, withConnection } from './context';
import { lookUp } from './lookup';
import { supportView } from './support-view';

export function tabSupportStatus(
  context: PortalContext,
  tabId: number,
  refresh = false,
  items?: readonly { kind: string; value: string }[],
): Promise<PortalResult<TabSupportStatus>> {
  return withConnection(context, (connection) =>
    statusOf(context, connection, tabId, refresh, items),
  );
}

async function statusOf(
  context: PortalContext,
  connection: PortalConnection,
  tabId: number,
  refresh: boolean,
  items: readonly { kind: string; value: string }[] | undefined,
): Promise<PortalResult<TabSupportStatus>> {
  const onTab = aggregateTab(tabId, await readTab(tabId)).identifiers;
  // A page the popup asks for: those of its items still on the tab, in the popup's order.
  const identifiers = items ? pick(onTab, items) : onTab;

  const looked = await lookUp(context, connection, identifiers, { refresh });
  if (!looked.ok) return looked;

  const today = context.today();
  const { expiringSoonDays } = connection.settings;
  const statuses = identifiers.map((identifier, index): IdentifierStatus => {
    const { kind, value, count } = identifier;
    const result = looked.value.results[index];
    if (!result?.found) return { kind, value, count, found: false };
    return { kind, value, count, found: true, ...supportView(result, today, expiringSoonDays) };
  });

  return {
    ok: true,
    value: {
      tabId,
      portal: connection.portal,
      today,
      expiringSoonDays,
      identifiers: statuses,
      fetchedAt: looked.value.fetchedAt,
    },
  };
}

export const statusOperations = {
  'support-status': (context, { tabId, refresh, items }) =>
    tabSupportStatus(context, tabId, refresh, items),
} satisfies Partial<PortalOperations>;

function pick<T extends { kind: string; value: string }>(
  identifiers: readonly T[],
  items: readonly { kind: string; value: string }[],
): T[] {
  const byKey = new Map(identifiers.map((identifier) => [identifierKey(identifier), identifier]));
  return items.flatMap((item) => byKey.get(identifierKey(item)) ?? []);
}
