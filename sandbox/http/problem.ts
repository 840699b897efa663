// Every error the sandbox answers is RFC 9457 problem details with a stable type. Handlers
// throw a PortalProblem; the app's error handler turns it (or anything unexpected, as a
// 500 that leaks nothing) into the response.

import {
  type FieldError,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  ProblemType,
  type ProblemTypeUri,
} from '../../lib/portal/problems';

type Extensions = Omit<Problem, 'type' | 'title' | 'status'>;

export class PortalProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: ProblemTypeUri,
    readonly title: string,
    readonly extensions: Extensions = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${title}`);
  }

  readonly contentType = PROBLEM_CONTENT_TYPE;

  body(): string {
    const problem: Problem = {
      type: this.type,
      title: this.title,
      status: this.status,
      ...this.extensions,
    };
    return JSON.stringify(problem);
  }

  toResponse(): Response {
    return new Response(this.body(), {
      status: this.status,
      headers: { 'Content-Type': this.contentType, ...this.headers },
    });
  }
}

export const problems = {
  unauthenticated: (detail = 'Sign in, or send a valid personal access token.') =>
    new PortalProblem(
      401,
      ProblemType.unauthenticated,
      'Not signed in',
      { detail },
      { 'WWW-Authenticate': 'Bearer realm="renewal-scout-sandbox"' },
    ),
  forbiddenOrigin: (origin: string | undefined) =>
    new PortalProblem(403, ProblemType.forbiddenOrigin, 'Write from an untrusted origin', {
      detail: origin
        ? `Writes with a session cookie are not accepted from ${origin}.`
        : 'Writes with a session cookie must carry an Origin header.',
    }),
  notFound: (detail = 'There is nothing here.') =>
    new PortalProblem(404, ProblemType.notFound, 'Not found', { detail }),
  malformedJson: () =>
    new PortalProblem(400, ProblemType.malformedJson, 'Malformed JSON', {
      detail: 'The request body is not valid JSON.',
    }),
  // No `Connection: close`: closing on a body still arriving resets the connection and the
  // client loses this answer. The server reads the rest and drops it instead.
  payloadTooLarge: (limit: number) =>
    new PortalProblem(413, ProblemType.payloadTooLarge, 'Request body too large', {
      detail: `Request bodies may be at most ${limit} bytes.`,
    }),
  unsupportedMediaType: () =>
    new PortalProblem(415, ProblemType.unsupportedMediaType, 'Unsupported media type', {
      detail: 'Send the request body as application/json.',
    }),
  validation: (errors: FieldError[], extra: Extensions = {}) =>
    new PortalProblem(422, ProblemType.validation, 'Invalid request', {
      detail: errors.map((error) => `${error.path || '/'}: ${error.message}`).join('; '),
      errors,
      ...extra,
    }),
  catchUpRequired: (requiredQuantity: number, expiresOn: string, detail: string) =>
    new PortalProblem(422, ProblemType.catchUpRequired, 'Catch-up years required', {
      detail,
      requiredQuantity,
      expiresOn,
    }),
  cartEmpty: () =>
    new PortalProblem(409, ProblemType.cartEmpty, 'The cart is empty', {
      detail: 'Add a renewal before saving the cart as a quote.',
    }),
  rateLimited: (retryAfter: number) =>
    new PortalProblem(
      429,
      ProblemType.rateLimited,
      'Too many requests',
      { detail: `Slow down; retry in ${retryAfter} s.`, retryAfter },
      { 'Retry-After': String(retryAfter) },
    ),
  // The same type as the request rate limit, so clients that honour Retry-After need nothing
  // new; the detail says why, since waiting is the only thing that helps.
  signInLocked: (retryAfter: number) =>
    new PortalProblem(
      429,
      ProblemType.rateLimited,
      'Too many failed sign-ins',
      {
        detail: `Too many failed sign-ins for this account or from this address; try again in ${retryAfter} s.`,
        retryAfter,
      },
      { 'Retry-After': String(retryAfter) },
    ),
  internal: () =>
    new PortalProblem(500, ProblemType.internal, 'Internal error', {
      detail: 'The portal failed to answer. Try again later.',
    }),
};
