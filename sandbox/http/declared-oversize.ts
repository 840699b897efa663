// The server's own answer to a request whose Content-Length is over the limit, given from the
// headers alone: before the app runs, and before Node would send `100 Continue` to a client
// that asked with `Expect: 100-continue`, so such a client never sends the body at all.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { limitExceededByDeclaredLength } from './body-limit';
import { problems } from './problem';

// A client that did not ask first is already sending: its body is read and dropped so it
// gets to read the 413 (closing on unread bytes makes the kernel reset the connection, and
// the client loses the answer). Past these bounds the connection is cut instead.
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;
const MAX_DISCARD_MS = 10_000;

/** True when it answered 413 itself; the request must then go no further. */
export function refuseDeclaredOversize(
  request: IncomingMessage,
  response: ServerResponse,
  { askedToContinue }: { askedToContinue: boolean },
): boolean {
  const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
  const limit = limitExceededByDeclaredLength(path, request.headers['content-length']);
  if (limit === undefined) return false;

  const problem = problems.payloadTooLarge(limit);
  const body = problem.body();
  response.writeHead(problem.status, {
    ...problem.headers,
    'Content-Type': problem.contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // It will not send the body, so the connection cannot carry another request.
    ...(askedToContinue ? { Connection: 'close' } : {}),
  });
  response.end(body);
  if (!askedToContinue) discardBody(request);
  return true;
}

function discardBody(request: IncomingMessage): void {
  let discarded = 0;
  const cut = () => request.socket.destroy();
  const timer = setTimeout(cut, MAX_DISCARD_MS);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > MAX_DISCARDED_BYTES) cut();
  });
  request.once('close', () => clearTimeout(timer));
}
