// `add-all-expired`: one renewal line for every expired deployment found on the tab (or among
// the deployments the popup names, a batch at a time), each with its catch-up quantity.
// Deployments that already have a line keep it (the user may have chosen to buy years
// ahead); the others are put one after another, well inside the portal's rate limit; should
// a long list still hit it, the client waits as long as the portal asks when that fits each
// put's deadline, rather than giving up on the rest.
import type {
  CartLine,
  CreditsOption,
  ExpiredAdded,
  PortalResult,
  PortalServiceError,
} from '../../messaging/portal-results';
import { addRenewal, getCart } from './cart';
import { type PortalContext, type PortalOperations, withConnection } from './context';
import { lookUp } from './lookup';
import { tabSupportStatus } from './status';
import { supportView } from './support-view';

export async function addAllExpired(
  context: PortalContext,
  tabId: number,
  credits: CreditsOption,
  deploymentIds?: readonly string[],
): Promise<PortalResult<ExpiredAdded>> {
  const found = deploymentIds
    ? await expiredAmong(context, deploymentIds)
    : await expiredOnTab(context, tabId);
  if (!found.ok) return found;
  const expired = found.value;

  const before = await getCart(context);
  if (!before.ok) return before;
  let cart = before.value;
  const inCart = new Set(cart.lines.map((line) => line.deploymentId));
  const alreadyInCart = [...expired.keys()].filter((id) => inCart.has(id));
  const toAdd = [...expired].filter(([id]) => !inCart.has(id));

  const added: CartLine[] = [];
  const failed: ExpiredAdded['failed'] = [];
  for (const [index, [deploymentId, quantity]] of toAdd.entries()) {
    const put = await addRenewal(context, { deploymentId, quantity, credits });
    if (put.ok) {
      added.push(put.value.line);
      cart = put.value.cart;
      continue;
    }
    if (concernsOneDeployment(put.error)) {
      failed.push({ deploymentId, quantity, error: put.error });
      continue;
    }
    // Signed out, rate limited, portal down: the rest would fail the same way.
    if (added.length === 0) return put;
    for (const [restId, restQuantity] of toAdd.slice(index)) {
      failed.push({ deploymentId: restId, quantity: restQuantity, error: put.error });
    }
    break;
  }
  return { ok: true, value: { added, alreadyInCart, failed, cart } };
}

/** Expired deployments on the tab, with the quantity each needs. */
async function expiredOnTab(
  context: PortalContext,
  tabId: number,
): Promise<PortalResult<Map<string, number>>> {
  const status = await tabSupportStatus(context, tabId);
  if (!status.ok) return status;
  const expired = new Map<string, number>();
  for (const identifier of status.value.identifiers) {
    if (identifier.found && identifier.renewal?.status === 'expired') {
      expired.set(identifier.deployment.id, identifier.renewal.quantity);
    }
  }
  return { ok: true, value: expired };
}

/**
 * Which of the named deployments are expired (through the lookup cache, so a batch right
 * after the popup's status costs no portal request), planned against today. One that
 * renewed or vanished since the popup's answer is left out.
 */
async function expiredAmong(
  context: PortalContext,
  deploymentIds: readonly string[],
): Promise<PortalResult<Map<string, number>>> {
  return withConnection(context, async (connection) => {
    const items = deploymentIds.map((value) => ({ kind: 'deployment' as const, value }));
    const looked = await lookUp(context, connection, items);
    if (!looked.ok) return looked;
    const today = context.today();
    const expired = new Map<string, number>();
    for (const result of looked.value.results) {
      if (!result.found) continue;
      const { renewal } = supportView(result, today, connection.settings.expiringSoonDays);
      if (renewal?.status === 'expired') expired.set(result.deployment.id, renewal.quantity);
    }
    return { ok: true, value: expired };
  });
}

function concernsOneDeployment(error: PortalServiceError): boolean {
  return error.kind === 'not-found' || (error.kind === 'invalid-request' && 'status' in error);
}

export const expiredOperations = {
  'add-all-expired': (context, { tabId, credits, deploymentIds }) =>
    addAllExpired(context, tabId, credits, deploymentIds),
} satisfies Partial<PortalOperations>;
