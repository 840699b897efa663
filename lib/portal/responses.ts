// Turns one HTTP answer from the portal into a typed value or a PortalError. Pure: the
// transport has already read the body, so every rule here is testable without a server.

import type * as z from 'zod/mini';
import { messageOf } from '../result';
import { err, ok, type PortalError, type Result } from './errors';
import { type Problem, problemSchema } from './problems';
import { parseRetryAfter } from './retry';

/** What the transport read: enough to judge an answer without touching the stream again. */
export interface ReceivedResponse {
  status: number;
  headers: Headers;
  /** The final URL after redirects ("" when unknown). */
  url: string;
  body: string;
}

/** A response schema, or `null` for an endpoint that answers with no body worth reading. */
export type ResponseSchema<T> = z.ZodMiniType<T> | null;

export function interpretResponse<T>(
  response: ReceivedResponse,
  schema: ResponseSchema<T>,
  now: number,
): Result<T, PortalError> {
  const { status } = response;
  if (status >= 200 && status < 300) return interpretSuccess(response, schema);
  if (status >= 400 && status < 600) return err(interpretFailure(response, now));
  return err({
    kind: 'unexpected-response',
    status,
    detail: `HTTP ${status} is not an answer the portal API gives`,
  });
}

function interpretSuccess<T>(
  response: ReceivedResponse,
  schema: ResponseSchema<T>,
): Result<T, PortalError> {
  if (isHtml(response)) {
    // Portals answer an expired session with their sign-in page and a 200, often after a
    // redirect. Any other page where JSON belongs is a contract break, not a sign-out.
    if (looksLikeSignInPage(response)) {
      return err({
        kind: 'signed-out',
        reason: 'sign-in-page',
        status: response.status,
        detail: 'The portal answered with its sign-in page',
      });
    }
    return unexpected(response, 'an HTML page where JSON was expected');
  }
  if (schema === null) return ok(undefined as T);
  const json = parseJson(response.body);
  if (!json.ok) return unexpected(response, `malformed JSON (${json.error})`);
  const parsed = schema.safeParse(json.value);
  if (!parsed.success)
    return unexpected(response, `JSON not in the contract's shape: ${summarise(parsed.error)}`);
  return ok(parsed.data);
}

function interpretFailure(response: ReceivedResponse, now: number): PortalError {
  const { status } = response;
  const problem = readProblem(response);
  const about = { problemType: problem?.type, detail: problem?.detail ?? problem?.title };
  const retryAfter =
    parseRetryAfter(response.headers.get('retry-after'), now) ?? problem?.retryAfter;

  if (status === 401) {
    return { kind: 'signed-out', reason: 'unauthenticated', status, detail: about.detail };
  }
  if (status === 403) return { kind: 'forbidden', status, ...about };
  if (status === 404) return { kind: 'not-found', status, ...about };
  if (status === 429) {
    // Without a hint, a second is the portal's own rate window.
    const seconds = retryAfter ?? 1;
    return {
      kind: 'rate-limited',
      status,
      retryAfterSeconds: seconds,
      retryAt: now + seconds * 1000,
      detail: about.detail,
    };
  }
  if ([400, 409, 413, 415, 422].includes(status)) {
    return {
      kind: 'invalid-request',
      status,
      ...about,
      fieldErrors: problem?.errors ?? [],
      requiredQuantity: problem?.requiredQuantity,
      maxQuantity: problem?.maxQuantity,
    };
  }
  if (status === 408) return { kind: 'portal-unavailable', cause: 'timeout', status, ...about };
  if (status >= 500) {
    return {
      kind: 'portal-unavailable',
      cause: 'server-error',
      status,
      retryAfterSeconds: retryAfter,
      detail: about.detail,
    };
  }
  return unexpected(response, `HTTP ${status} is not an answer the portal API gives`).error;
}

function readProblem(response: ReceivedResponse): Problem | undefined {
  const json = parseJson(response.body);
  if (!json.ok) return undefined;
  const parsed = problemSchema.safeParse(json.value);
  return parsed.success ? parsed.data : undefined;
}

function unexpected(response: ReceivedResponse, what: string): { ok: false; error: PortalError } {
  return {
    ok: false,
    error: {
      kind: 'unexpected-response',
      status: response.status,
      detail: `HTTP ${response.status} with ${what}`,
    },
  };
}

function isHtml(response: ReceivedResponse): boolean {
  const type = response.headers.get('content-type') ?? '';
  if (/\btext\/html\b|\bapplication\/xhtml\+xml\b/i.test(type)) return true;
  return !/json/i.test(type) && /^\s*</.test(response.body);
}

const SIGN_IN_PATH = /\/(sign[-_]?in|log[-_]?in|login|auth)(\/|$|\?|\.)/i;
const PASSWORD_FIELD = /<input\b[^>]*\btype\s*=\s*["']?password\b/i;

/** A sign-in page: we were redirected to a sign-in URL, or the page asks for a password. */
export function looksLikeSignInPage(response: ReceivedResponse): boolean {
  let path = '';
  try {
    path = new URL(response.url).pathname;
  } catch {
    // No final URL to judge by (a mocked or opaque response): the page itself decides.
  }
  return SIGN_IN_PATH.test(path) || PASSWORD_FIELD.test(response.body);
}

function parseJson(text: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    return err(messageOf(error));
  }
}

function summarise(error: z.core.$ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
