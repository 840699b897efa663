// The server reads every request body itself, up to the limit for its path, before the app
// sees the request: a declared Content-Length over the limit is refused from the headers
// (and before Node would say `100 Continue`, so such a client never sends the body), and a
// chunked body is refused as soon as it passes the limit. The app gets the bytes as a
// Buffer, through @hono/node-server's `rawBody` hook.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyLimitFor } from './body-limit';
import { problems } from './problem';

// A refused body still arriving is read and dropped, so the client gets to read the 413:
// closing on unread bytes makes the kernel reset the connection, and the client loses the
// answer. Past these bounds the connection is cut instead.
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;
const MAX_DISCARD_MS = 10_000;

type WithRawBody = IncomingMessage & { rawBody?: Buffer };

/** Resolves true when the request may go on to the app; false when it was answered here. */
export function admitRequestBody(
  request: IncomingMessage,
  response: ServerResponse,
  { askedToContinue }: { askedToContinue: boolean },
): Promise<boolean> {
  const limit = bodyLimitFor(new URL(request.url ?? '/', 'http://sandbox').pathname);
  if (Number(request.headers['content-length'] ?? 0) > limit) {
    // A client refused before it sent anything will not send the body: the connection
    // cannot carry another request.
    refuse(response, limit, askedToContinue ? { Connection: 'close' } : {});
    if (!askedToContinue) discardRest(request);
    return Promise.resolve(false);
  }
  if (askedToContinue) response.writeContinue();

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (admitted: boolean) => {
      settled = true;
      request.off('data', onData);
      resolve(admitted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      settle(false);
      refuse(response, limit, {});
      discardRest(request);
    };
    request.on('data', onData);
    request.once('end', () => {
      if (settled) return;
      (request as WithRawBody).rawBody = Buffer.concat(chunks, size);
      settle(true);
    });
    // The client went away mid-body: nobody is left to answer.
    request.once('close', () => {
      if (!settled) settle(false);
    });
  });
}

function refuse(response: ServerResponse, limit: number, extraHeaders: Record<string, string>) {
  const problem = problems.payloadTooLarge(limit);
  const body = problem.body();
  response.writeHead(problem.status, {
    ...problem.headers,
    ...extraHeaders,
    'Content-Type': problem.contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

function discardRest(request: IncomingMessage): void {
  let discarded = 0;
  const cut = () => request.socket.destroy();
  const timer = setTimeout(cut, MAX_DISCARD_MS);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > MAX_DISCARDED_BYTES) cut();
  });
  request.once('end', () => clearTimeout(timer));
  request.once('close', () => clearTimeout(timer));
}
