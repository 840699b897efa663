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
import type { PortalContext } from './context';
import { portalCall } from './context';
import { reconcileReserveMs } from './patience';
import { answerUnreadable, reconcileRemoval, reconcileRenewal } from './reconcile';

export async function getCart(context: PortalContext): Promise<PortalResult<Cart>> {
  const connected = await context.connect();
  if (!connected.ok) return connected;
  const connection = connected.value;
  return portalCall(context, connection, 'cart', () => connection.client.getCart());
}

export interface RenewalOrder {
  deploymentId: string;
  quantity: number;
  credits: CreditsOption;
}

export async function addRenewal(
  context: PortalContext,
  { deploymentId, quantity, credits }: RenewalOrder,
): Promise<PortalResult<RenewalAdded>> {
  const connected = await context.connect();
  if (!connected.ok) return connected;
  const connection = connected.value;
  return portalCall(
    context,
    connection,
    `renewal|${deploymentId}|${quantity}|${credits}`,
    async () => {
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
    },
  );
}

export async function removeCartLine(
  context: PortalContext,
  lineId: string,
): Promise<PortalResult<Cart>> {
  const connected = await context.connect();
  if (!connected.ok) return connected;
  const connection = connected.value;
  return portalCall(context, connection, `remove|${lineId}`, async () => {
    const { client } = connection;
    const { writeBy, checkBy } = writeDeadlines(context, connection);
    const removed = await client.deleteCartLine(lineId, { deadline: writeBy });
    if (removed.ok || !answerUnreadable(removed.error)) return removed;
    const cart = await client.getCart({ deadline: checkBy });
    return reconcileRemoval(lineId, removed.error, cart);
  });
}

/** One action's deadline, split: the write first, then what is kept to check the cart. */
function writeDeadlines(context: PortalContext, connection: PortalConnection) {
  const checkBy = connection.client.now() + context.actionDeadlineMs;
  return { writeBy: checkBy - reconcileReserveMs(context.actionDeadlineMs), checkBy };
}

export async function saveQuote(context: PortalContext): Promise<PortalResult<QuoteSaved>> {
  const connected = await context.connect();
  if (!connected.ok) return connected;
  const connection = connected.value;
  return portalCall(context, connection, 'quote', () => connection.client.saveQuote());
}
