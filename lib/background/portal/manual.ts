// `lookup-manual`: what the user typed or selected, read like the portal's wizard.
import { classifyManualQuery } from '../../lookup/query';
import type { ManualLookup, PortalResult, SupportView } from '../../messaging/portal-results';
import type { SupportRecord } from '../../portal/schemas';
import type { PortalConnection } from './connection';
import {
  flightKey,
  type PortalContext,
  type PortalOperations,
  portalCall,
  withConnection,
} from './context';
import { lookUp } from './lookup';
import { supportView } from './support-view';

/** Matches shown for a name search; one more is asked for to know whether there are more. */
export const MANUAL_SEARCH_LIMIT = 20;

export function lookupManual(
  context: PortalContext,
  query: string,
): Promise<PortalResult<ManualLookup>> {
  return withConnection(context, (connection) => lookupFor(context, connection, query));
}

async function lookupFor(
  context: PortalContext,
  connection: PortalConnection,
  query: string,
): Promise<PortalResult<ManualLookup>> {
  const classified = classifyManualQuery(query);
  const typed = query.trim();

  const answer = (
    searchedAs: ManualLookup['searchedAs'],
    records: SupportRecord[],
    more = false,
  ) => {
    const today = context.today();
    const { expiringSoonDays } = connection.settings;
    const matches: SupportView[] = records.map((record) =>
      supportView(record, today, expiringSoonDays),
    );
    return {
      ok: true as const,
      value: {
        // Serials as the portal spells them; a name as the user typed it.
        query: searchedAs === 'name' ? typed : classified.value,
        searchedAs,
        matches,
        more,
        portal: connection.portal,
        today,
        expiringSoonDays,
      },
    };
  };

  if (classified.kind !== 'name') {
    const looked = await lookUp(context, connection, [classified]);
    if (!looked.ok) return looked;
    const [result] = looked.value.results;
    if (result?.found) return answer(classified.kind, [result]);
    // An unknown deployment number is simply not found; a serial-shaped word may still be
    // part of a deployment's name ("Office2B"), so the wizard goes on to a name search.
    if (classified.kind === 'deployment') return answer('deployment', []);
  }

  const found = await searchByName(context, connection, typed);
  if (!found.ok) return found;
  return answer(
    'name',
    found.value.slice(0, MANUAL_SEARCH_LIMIT),
    found.value.length > MANUAL_SEARCH_LIMIT,
  );
}

function searchByName(context: PortalContext, connection: PortalConnection, query: string) {
  return portalCall(context, connection, flightKey('search', { query }), () =>
    connection.client.searchDeployments({ query, limit: MANUAL_SEARCH_LIMIT + 1 }),
  );
}

export const manualOperations = {
  'lookup-manual': (context, { query }) => lookupManual(context, query),
} satisfies Partial<PortalOperations>;
