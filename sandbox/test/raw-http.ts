// Requests through node:http, for what fetch cannot do: pick the client's own loopback
// address (127.0.0.N, so one machine plays many clients), send `Expect: 100-continue`, or
// declare a length and stream the body by hand.

import { type Agent, request } from 'node:http';
import type { RunningSandbox } from '../server';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on answers field by field
  body: any;
  /** Whether the server said `100 Continue` before its answer. */
  continued: boolean;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent at once, or, with `Expect: 100-continue`, only once the server says continue. */
  body?: string | Buffer;
  /** The client's address on the loopback network, e.g. 127.0.0.7. */
  from?: string;
  agent?: Agent;
}

export function rawRequest(sandbox: RunningSandbox, init: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const expectsContinue = /100-continue/i.test(init.headers?.Expect ?? '');
    const outgoing = request(`${sandbox.url}${init.path}`, {
      method: init.method ?? 'POST',
      headers: init.headers,
      localAddress: init.from,
      agent: init.agent,
    });
    outgoing.on('continue', () => {
      continued = true;
      outgoing.end(init.body);
    });
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          text,
          body,
          continued,
        });
        // A client that asked to continue and was refused never sends its body.
        if (expectsContinue && !continued) outgoing.destroy();
      });
    });
    outgoing.on('error', reject);
    if (expectsContinue) outgoing.flushHeaders();
    else outgoing.end(init.body);
  });
}

/** Signs in through the API from `from`. */
export function apiSignIn(
  sandbox: RunningSandbox,
  from: string,
  email: string,
  password: string,
): Promise<RawAnswer> {
  return rawRequest(sandbox, {
    path: '/api/v1/session',
    from,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

/** Signs in through the portal's HTML form from `from`. */
export function formSignIn(
  sandbox: RunningSandbox,
  from: string,
  email: string,
  password: string,
): Promise<RawAnswer> {
  return rawRequest(sandbox, {
    path: '/sign-in',
    from,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: sandbox.url },
    body: new URLSearchParams({ email, password, next: '/cart' }).toString(),
  });
}
