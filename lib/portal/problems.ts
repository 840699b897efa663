// RFC 9457 problem details: every error the portal returns. The `type` URIs are the stable
// part of the contract; titles and details are for people and may change.

import * as z from 'zod/mini';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const ProblemType = {
  /** 401: no credentials, bad credentials, an expired session or a revoked token. */
  unauthenticated: 'urn:renewal-scout:problem:unauthenticated',
  /** 403: a cookie-authenticated write without the portal's or an allowed extension's Origin. */
  forbiddenOrigin: 'urn:renewal-scout:problem:forbidden-origin',
  /** 404: unknown route, unknown deployment, or one the user may not see (indistinguishable). */
  notFound: 'urn:renewal-scout:problem:not-found',
  /** 400: the body is not JSON. */
  malformedJson: 'urn:renewal-scout:problem:malformed-json',
  /** 413: the body is larger than the portal accepts. */
  payloadTooLarge: 'urn:renewal-scout:problem:payload-too-large',
  /** 415: a write whose body is not `application/json`. */
  unsupportedMediaType: 'urn:renewal-scout:problem:unsupported-media-type',
  /** 422: JSON of the wrong shape; `errors` says where. */
  validation: 'urn:renewal-scout:problem:validation',
  /** 422: fewer renewal packages than the catch-up rule requires; carries `requiredQuantity`. */
  catchUpRequired: 'urn:renewal-scout:problem:catch-up-required',
  /** 409: asking for a quote with an empty cart. */
  cartEmpty: 'urn:renewal-scout:problem:cart-empty',
  /** 429: over the per-user rate limit; `Retry-After` header and `retryAfter` say when to retry. */
  rateLimited: 'urn:renewal-scout:problem:rate-limited',
  /** 500 / 502: the portal failed; retrying a GET later is reasonable. */
  internal: 'urn:renewal-scout:problem:internal',
  unavailable: 'urn:renewal-scout:problem:unavailable',
} as const;

export type ProblemTypeUri = (typeof ProblemType)[keyof typeof ProblemType];

/** One reason a request body was rejected; `path` is a JSON Pointer into the body. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});

/**
 * Loose on purpose: RFC 9457 lets a portal add members, and the client must still read the
 * ones it knows. `type` stays a plain string so an unknown type is data, not a parse failure.
 */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** validation: every rejected field. */
  errors: z.optional(z.array(fieldErrorSchema)),
  /** catch-up-required: the least number of 1-year packages the portal accepts. */
  requiredQuantity: z.optional(z.int()),
  /** catch-up-required: the deployment's last covered day, which the quantity counts from. */
  expiresOn: z.optional(z.iso.date()),
  /** validation of a renewal quantity: the most packages one line may carry. */
  maxQuantity: z.optional(z.int()),
  /** rate-limited (and a 503-style refusal): whole seconds to wait, same as `Retry-After`. */
  retryAfter: z.optional(z.int()),
});

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type Problem = z.infer<typeof problemSchema>;
