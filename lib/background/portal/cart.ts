// The cart operations. Each portal call goes through the in-flight table (and the service
// joins identical requests before they get here), so a double click reaches the portal once.
// Only the renewal PUT is idempotent at the portal; removing a line and saving a quote are
// not, which is exactly why joining matters for them.
import type {
  Cart,
  CreditsOption,
  PortalResult,
  QuoteSaved,
  RenewalAdded,
} from '../../messaging/portal-results';
import type { PortalContext } from './context';
import { portalCall } from './context';

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
  return portalCall(context, connection, `renewal|${deploymentId}|${quantity}|${credits}`, () =>
    connection.client.putRenewal(deploymentId, { quantity, credits }),
  );
}

export async function removeCartLine(
  context: PortalContext,
  lineId: string,
): Promise<PortalResult<Cart>> {
  const connected = await context.connect();
  if (!connected.ok) return connected;
  const connection = connected.value;
  return portalCall(context, connection, `remove|${lineId}`, () =>
    connection.client.deleteCartLine(lineId),
  );
}

export async function saveQuote(context: PortalContext): Promise<PortalResult<QuoteSaved>> {
  const connected = await context.connect();
  if (!connected.ok) return connected;
  const connection = connected.value;
  return portalCall(context, connection, 'quote', () => connection.client.saveQuote());
}
