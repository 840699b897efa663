// The portal messages' handlers: each hands its checked request to the portal service.
import type { MessageHandlers } from '../../messaging/router';
import type { PortalService } from './service';

export type PortalMessageType =
  | 'support-status'
  | 'lookup-manual'
  | 'get-cart'
  | 'add-renewal'
  | 'remove-cart-line'
  | 'add-all-expired'
  | 'save-quote'
  | 'open-portal'
  | 'get-account'
  | 'get-settings';

export function portalHandlers(
  service: () => PortalService,
): Pick<MessageHandlers, PortalMessageType> {
  return {
    'support-status': ({ tabId, refresh, items }) => service().supportStatus(tabId, refresh, items),
    'lookup-manual': ({ query }) => service().lookupManual(query),
    'get-cart': () => service().getCart(),
    'add-renewal': ({ deploymentId, quantity, credits }) =>
      service().addRenewal({ deploymentId, quantity, credits }),
    'remove-cart-line': ({ lineId }) => service().removeCartLine(lineId),
    'add-all-expired': ({ tabId, credits, deploymentIds }) =>
      service().addAllExpired(tabId, credits, deploymentIds),
    'save-quote': () => service().saveQuote(),
    'open-portal': ({ page }) => service().openPortal(page),
    'get-account': () => service().account(),
    'get-settings': () => service().settings(),
  };
}
