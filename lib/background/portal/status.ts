// `support-status`: every identifier detected on a tab, with what the portal knows about it.
import type {
  IdentifierStatus,
  PortalResult,
  TabSupportStatus,
} from '../../messaging/portal-results';
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
): Promise<PortalResult<TabSupportStatus>> {
  return withConnection(context, (connection) => statusOf(context, connection, tabId, refresh));
}

async function statusOf(
  context: PortalContext,
  connection: PortalConnection,
  tabId: number,
  refresh: boolean,
): Promise<PortalResult<TabSupportStatus>> {
  const { identifiers } = aggregateTab(tabId, await readTab(tabId));

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
  'support-status': (context, { tabId, refresh }) => tabSupportStatus(context, tabId, refresh),
} satisfies Partial<PortalOperations>;
