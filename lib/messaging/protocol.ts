// The one map of every message the background accepts: its type, who may send it, and the
// schema its body must match. Adding a message means adding a line here, a response type in
// `ResponseMap`, and a handler (the router's types insist on all three).
import type { z } from 'zod/mini';
import type { DetectionsReply } from './content-protocol';
import type { HighlightsState, Result, ScanStarted, TabResults } from './results';
import {
  detectionsReportSchema,
  getHighlightsSchema,
  getTabResultsSchema,
  scanTabSchema,
  setHighlightsSchema,
} from './schemas';

/**
 * `content`: a content script, only about its own tab and frame (the sender says which).
 * `extension`: the extension's own pages (popup, options, pop-out window); privileged.
 */
export type Audience = 'content' | 'extension';

export const messageProtocol = {
  detections: { from: 'content', schema: detectionsReportSchema },
  'get-tab-results': { from: 'extension', schema: getTabResultsSchema },
  'scan-tab': { from: 'extension', schema: scanTabSchema },
  'get-highlights': { from: 'extension', schema: getHighlightsSchema },
  'set-highlights': { from: 'extension', schema: setHighlightsSchema },
} as const satisfies Record<string, { from: Audience; schema: z.ZodMiniType }>;

export interface ResponseMap {
  detections: DetectionsReply;
  'get-tab-results': Result<TabResults>;
  'scan-tab': Result<ScanStarted>;
  'get-highlights': Result<HighlightsState>;
  'set-highlights': Result<HighlightsState>;
}

type Protocol = typeof messageProtocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['schema']>;
export type ResponseOf<T extends MessageType> = ResponseMap[T];
export type AudienceOf<T extends MessageType> = Protocol[T]['from'];

export type ContentMessageType = {
  [T in MessageType]: AudienceOf<T> extends 'content' ? T : never;
}[MessageType];
export type ExtensionMessageType = Exclude<MessageType, ContentMessageType>;
/** Any request an extension page may send, e.g. `{ type: 'scan-tab', tabId: 7 }`. */
export type ExtensionRequest = { [T in ExtensionMessageType]: RequestOf<T> }[ExtensionMessageType];
