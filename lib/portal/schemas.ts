// The portal API contract (docs/portal-api.md) as zod/mini schemas. The extension's client
// parses every response with these and the sandbox portal validates every request with them,
// so the two cannot drift apart. zod/mini only: this file ships in the extension.
//
// Request bodies are strict (an unknown field is a mistake worth a 422); response bodies
// are not (a portal may add fields without breaking older clients).

import * as z from 'zod/mini';
import { DEPLOYMENT_VALUE } from '../identifiers/values';
import { MAX_IDENTIFIER_LENGTH, MAX_LOOKUP_ITEMS, MAX_RENEWAL_QUANTITY } from './limits';

export * from './limits';

const isoDate = z.iso.date();
const nonEmpty = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const deploymentIdSchema = z.string().check(z.regex(DEPLOYMENT_VALUE));

/** An amount in minor units (cents) of an ISO 4217 currency: never a float. */
export const moneySchema = z.object({
  amount: z.int().check(z.nonnegative()),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});

export const organizationRefSchema = z.object({
  id: z.string(),
  name: z.string(),
});

// ---- Auth -------------------------------------------------------------------------------

export const sessionRequestSchema = z.strictObject({
  email: nonEmpty(254),
  password: nonEmpty(1024),
});

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
  }),
  organization: organizationRefSchema,
});

// ---- Support lookup and deployment search -----------------------------------------------

export const identifierKindSchema = z.enum(['deployment', 'serial']);

export const lookupItemSchema = z.strictObject({
  kind: identifierKindSchema,
  value: nonEmpty(MAX_IDENTIFIER_LENGTH),
});

export const lookupRequestSchema = z.strictObject({
  items: z.array(lookupItemSchema).check(z.minLength(1), z.maxLength(MAX_LOOKUP_ITEMS)),
});

export const deploymentSchema = z.object({
  id: deploymentIdSchema,
  name: z.string(),
  registeredOn: isoDate,
  organization: organizationRefSchema,
});

export const productSchema = z.object({
  sku: z.string(),
  name: z.string(),
});

export const supportSchema = z.object({
  /** The last covered day (ISO date); feed it to planRenewal with the portal's today. */
  expiresOn: isoDate,
  plan: z.object({ sku: z.string(), name: z.string() }),
  /** The price of one 1-year package of `plan`. */
  unitPrice: moneySchema,
});

/** Everything the portal knows about one visible deployment's support. */
export const supportRecordSchema = z.object({
  deployment: deploymentSchema,
  product: productSchema,
  /** Upper-case, as the portal stores them. */
  serials: z.array(z.string()),
  support: supportSchema,
});

const lookupNotFoundSchema = z.object({
  kind: identifierKindSchema,
  value: z.string(),
  found: z.literal(false),
});

const lookupFoundSchema = z.extend(supportRecordSchema, {
  kind: identifierKindSchema,
  value: z.string(),
  found: z.literal(true),
});

/** `value` echoes the request item as sent; `found: false` also covers invisible deployments. */
export const lookupResultSchema = z.discriminatedUnion('found', [
  lookupFoundSchema,
  lookupNotFoundSchema,
]);

export const lookupResponseSchema = z.object({
  /** One result per request item, in the same order. */
  results: z.array(lookupResultSchema),
});

export const deploymentSearchResponseSchema = z.object({
  /** Ordered by deployment id. */
  deployments: z.array(supportRecordSchema),
});

// ---- Cart and quotes --------------------------------------------------------------------

export const creditsOptionSchema = z.enum(['organization', 'card']);

export const renewalQuantitySchema = z.int().check(z.minimum(1), z.maximum(MAX_RENEWAL_QUANTITY));

/** Body of PUT /api/v1/cart/renewals/{deploymentId}. */
export const renewalRequestSchema = z.strictObject({
  quantity: renewalQuantitySchema,
  credits: creditsOptionSchema,
});

export const cartLineSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  deploymentId: deploymentIdSchema,
  /** Number of 1-year packages, catch-up years included. */
  quantity: z.int().check(z.minimum(1)),
  unitPrice: moneySchema,
  credits: creditsOptionSchema,
});

export const cartSchema = z.object({
  lines: z.array(cartLineSchema),
  total: moneySchema,
  /** Increases on every change to the cart; equal versions mean equal carts. */
  version: z.int().check(z.nonnegative()),
});

/** Answer to PUT renewal: the line as stored and the whole cart after the change. */
export const renewalResponseSchema = z.object({
  line: cartLineSchema,
  cart: cartSchema,
});

export const quoteSchema = z.object({
  number: z.string(),
  lines: z.array(cartLineSchema),
  total: moneySchema,
  /** ISO 8601 date-time, UTC. */
  createdAt: z.iso.datetime({ offset: true }),
});

export const quotesResponseSchema = z.object({
  /** Newest first. */
  quotes: z.array(quoteSchema),
});

// ---- Types ------------------------------------------------------------------------------

export type Money = z.infer<typeof moneySchema>;
export type SessionRequest = z.infer<typeof sessionRequestSchema>;
export type Me = z.infer<typeof meSchema>;
export type LookupItem = z.infer<typeof lookupItemSchema>;
export type Deployment = z.infer<typeof deploymentSchema>;
export type Product = z.infer<typeof productSchema>;
export type Support = z.infer<typeof supportSchema>;
export type SupportRecord = z.infer<typeof supportRecordSchema>;
export type LookupResult = z.infer<typeof lookupResultSchema>;
export type CreditsOption = z.infer<typeof creditsOptionSchema>;
export type RenewalRequest = z.infer<typeof renewalRequestSchema>;
export type CartLine = z.infer<typeof cartLineSchema>;
export type Cart = z.infer<typeof cartSchema>;
export type RenewalResponse = z.infer<typeof renewalResponseSchema>;
export type Quote = z.infer<typeof quoteSchema>;

export {
  type FieldError,
  fieldErrorSchema,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  ProblemType,
  type ProblemTypeUri,
  problemSchema,
} from './problems';
