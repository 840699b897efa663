// The portal messages' handlers, one per `portal: true` line of the protocol table: each
// hands its checked request, without its `type`, to the portal service's method of that name.
import { type PortalMessageType, portalMessageTypes } from '../../messaging/protocol';
import type { MessageHandlers } from '../../messaging/router';
import type { PortalService } from './service';

export function portalHandlers(
  service: () => PortalService,
): Pick<MessageHandlers, PortalMessageType> {
  const handlers: Partial<Record<PortalMessageType, (request: { type: string }) => unknown>> = {};
  for (const type of portalMessageTypes) {
    const method = (request: object) => (service()[type] as (body: object) => unknown)(request);
    handlers[type] = ({ type: _type, ...request }) => method(request);
  }
  return handlers as Pick<MessageHandlers, PortalMessageType>;
}
