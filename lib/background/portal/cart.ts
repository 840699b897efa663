// The cart operations. Each portal call goes through the in-flight table (and the service
// joins identical requests before they get here), so a double click reaches the portal once.
// Only the renewal PUT is idempotent at the portal; removing a line and saving a quote are
// not, which is exactly why joining matters for them. A write whose answer cannot be read
// is checked against the cart inside the same deadline (./reconcile.ts).
import type {
  Cart,
  CreditsOption,
  PortalResult,
  QuoteSaved,
  RenewalAdded,
} from '../../messaging/portal-results';
import type { PortalConnection } from './connection';
import {
  flightKey,
  type PortalContext,
  type PortalOperations,
  portalCall,
  withConnection,
} from './context';
import { reconcileReserveMs } from './patience';
import { answerUnreadable, reconcileRemoval, reconcileRenewal } from './reconcile';

export function getCart(context: PortalContext): Promise<PortalResult<Cart>> {
  return withConnection(context, (connection) =>
    portalCall(context, connection, flightKey('get-cart'), () => connection.client.getCart()),
  );
}

export interface RenewalOrder {
  deploymentId: string;
  quantity: number;
  credits: CreditsOption;
}

export function addRenewal(
  context: PortalContext,
  { deploymentId, quantity, credits }: RenewalOrder,
): Promise<PortalResult<RenewalAdded>> {
  const key = flightKey('add-renewal', { deploymentId, quantity, credits });
  return withConnection(context, (connection) =>
    portalCall(context, connection, key, async () => {
      const { client } = connection;
      const { writeBy, checkBy } = writeDeadlines(context, connection);
      const put = await client.putRenewal(
        deploymentId,
        { quantity, credits },
        { deadline: writeBy },
      );
      if (put.ok || !answerUnreadable(put.error)) return put;
      // The PUT replaces the deployment's one line, so checking never risks a duplicate.
      const cart = await client.getCart({ deadline: checkBy });
      return reconcileRenewal({ deploymentId, quantity, credits }, put.error, cart);
    }),
  );
}

export function removeCartLine(
  context: PortalContext,
  lineId: string,
): Promise<PortalResult<Cart>> {
  return withConnection(context, (connection) =>
    portalCall(context, connection, flightKey('remove-cart-line', { lineId }), async () => {
      const { client } = connection;
      const { writeBy, checkBy } = writeDeadlines(context, connection);
      const removed = await client.deleteCartLine(lineId, { deadline: writeBy });
      if (removed.ok || !answerUnreadable(removed.error)) return removed;
      const cart = await client.getCart({ deadline: checkBy });
      return reconcileRemoval(lineId, removed.error, cart);
    }),
  );
}

/** One action's deadline, split: the write first, then what is kept to check the cart. */
function writeDeadlines(context: PortalContext, connection: PortalConnection) {
  const checkBy = connection.client.now() + context.actionDeadlineMs;
  return { writeBy: checkBy - reconcileReserveMs(context.actionDeadlineMs), checkBy };
}

export function saveQuote(context: PortalContext): Promise<PortalResult<QuoteSaved>> {
  return withConnection(context, (connection) =>
    portalCall(context, connection, flightKey('save-quote'), () => connection.client.saveQuote()),
  );
}

export const cartOperations = {
  'get-cart': (context) => getCart(context),
  'add-renewal': (context, order) => addRenewal(context, order),
  'remove-cart-line': (context, { lineId }) => removeCartLine(context, lineId),
  'save-quote': (context) => saveQuote(context),
} satisfies Partial<PortalOperations>;
