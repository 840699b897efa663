// The background's single `runtime.onMessage` listener: a map from message type to handler.
// Unknown types and messages from the wrong kind of sender are ignored (no answer, a console
// warning); bodies that fail their schema never reach a handler (an extension page gets
// `invalid-request`, a content script whatever its type's `malformed` handler answers, if
// any); every handler's failure is caught, logged and turned into an error value.
import { z } from 'zod/mini';
import { messageOf } from '../result';
import {
  type AudienceOf,
  type ContentMessageType,
  type ExtensionMessageType,
  type MessageType,
  messageProtocol,
  type RequestOf,
  type ResponseOf,
} from './protocol';
import type { BackgroundError, Result } from './results';
import {
  type ContentFrame,
  classifySender,
  type ExtensionIdentity,
  type MessageSender,
  type SenderRole,
} from './sender';

/** What a handler knows about its sender, by audience. */
export type HandlerContext<T extends MessageType> =
  AudienceOf<T> extends 'content' ? ContentFrame : { pageUrl: string };

export type MessageHandlers = {
  [T in MessageType]: (request: RequestOf<T>, context: HandlerContext<T>) => Promise<ResponseOf<T>>;
};

/**
 * For a content script's message that fails its schema: records what the frame's results
 * should say instead and answers it. Only the sender's own frame is given, never the message.
 */
export type MalformedHandlers = {
  [T in ContentMessageType]?: (frame: ContentFrame, detail: string) => Promise<ResponseOf<T>>;
};

export interface RouterOptions {
  /** Who "we" are; read lazily so tests can change the fake runtime's id. */
  self: () => ExtensionIdentity;
  malformed?: MalformedHandlers;
  log?: Pick<Console, 'warn' | 'error'>;
}

export type MessageListener = (
  message: unknown,
  sender: MessageSender,
) => Promise<unknown> | undefined;

export function createMessageRouter(
  handlers: MessageHandlers,
  { self, malformed = {}, log = console }: RouterOptions,
): MessageListener {
  return (message, sender) => {
    const type = messageType(message);
    if (type === undefined) return undefined;
    const { from, schema } = messageProtocol[type];
    const who = classifySender(sender, self());

    const context = contextFor(from, who);
    if (context === undefined) {
      const reason = who.role === 'rejected' ? who.reason : `a ${who.role}`;
      log.warn(`Renewal Scout: ignored "${type}" from ${reason} (${sender.url ?? 'no URL'})`);
      return undefined;
    }

    const parsed = z.safeParse(schema, message);
    if (!parsed.success) {
      const detail = z.prettifyError(parsed.error);
      log.warn(`Renewal Scout: malformed "${type}" message`, detail);
      if (from === 'extension') {
        return Promise.resolve(failure({ kind: 'invalid-request', detail: parsed.error.message }));
      }
      const onMalformed = malformed[type as ContentMessageType];
      if (onMalformed === undefined) return undefined;
      return Promise.resolve()
        .then(() => onMalformed(context as ContentFrame, `malformed "${type}": ${detail}`))
        .catch((error: unknown) => {
          log.error(`Renewal Scout: recording a malformed "${type}" failed`, error);
          return undefined;
        });
    }

    const handler = handlers[type] as (request: unknown, context: unknown) => Promise<unknown>;
    return Promise.resolve()
      .then(() => handler(parsed.data, context))
      .catch((error: unknown) => {
        log.error(`Renewal Scout: the "${type}" handler failed`, error);
        // A content script gets no answer; an extension page gets an error it can show.
        return from === 'extension'
          ? failure({ kind: 'internal', detail: messageOf(error) })
          : undefined;
      });
  };
}

function messageType(message: unknown): MessageType | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(messageProtocol, type)
    ? (type as MessageType)
    : undefined;
}

/** The handler's context when this kind of sender may send this message, else undefined. */
function contextFor(
  from: 'content' | 'extension',
  who: SenderRole,
): ContentFrame | { pageUrl: string } | undefined {
  if (from === 'content' && who.role === 'content') {
    // classifySender already built the frame (documentId only when the browser gave one).
    const { role: _role, ...frame } = who;
    return frame;
  }
  if (from === 'extension' && who.role === 'extension-page') return { pageUrl: who.url };
  return undefined;
}

function failure(error: BackgroundError): Result<never, BackgroundError> {
  return { ok: false, error };
}

export type { ContentMessageType, ExtensionMessageType };
