// The background's answer to every message type in lib/messaging/protocol.ts.
import type { MessageHandlers } from '../messaging/router';
import { aggregateTab } from './aggregate';
import { recordDetections } from './detections';
import { highlightsEnabled, setHighlights, showHeldHighlights } from './highlights';
import { portalHandlers } from './portal/handlers';
import { defaultPortalService } from './portal/service';
import { scanTab } from './scan-tab';
import { readTab } from './tab-store';

export const backgroundHandlers: MessageHandlers = {
  detections: (report, frame) => recordDetections(report, frame),
  'get-tab-results': async ({ tabId }) => ({
    ok: true,
    value: aggregateTab(tabId, await readTab(tabId)),
  }),
  'scan-tab': ({ tabId }) => scanTab(tabId),
  'get-highlights': async () => ({ ok: true, value: { enabled: await highlightsEnabled() } }),
  'set-highlights': ({ enabled }) => setHighlights(enabled),
  'show-held-highlights': ({ tabId }) => showHeldHighlights(tabId),
  ...portalHandlers(defaultPortalService),
};
