import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { ProblemType, problemSchema } from './problems';
import {
  cartSchema,
  lookupRequestSchema,
  lookupResultSchema,
  moneySchema,
  quoteSchema,
  renewalRequestSchema,
  sessionRequestSchema,
} from './schemas';

const ok = (schema: z.ZodMiniType, value: unknown) => z.safeParse(schema, value).success;

describe('the portal contract schemas', () => {
  test('takes money only as integer minor units of a 3-letter currency', () => {
    expect(ok(moneySchema, { amount: 29900, currency: 'USD' })).toBe(true);
    expect(ok(moneySchema, { amount: 299.0001, currency: 'USD' })).toBe(false);
    expect(ok(moneySchema, { amount: -1, currency: 'USD' })).toBe(false);
    expect(ok(moneySchema, { amount: 100, currency: 'usd' })).toBe(false);
    expect(ok(moneySchema, { amount: '100', currency: 'USD' })).toBe(false);
  });

  test('keeps request bodies strict', () => {
    expect(ok(renewalRequestSchema, { quantity: 6, credits: 'card' })).toBe(true);
    expect(ok(renewalRequestSchema, { quantity: 6, credits: 'card', price: 0 })).toBe(false);
    expect(ok(renewalRequestSchema, { quantity: 26, credits: 'card' })).toBe(false);
    expect(ok(renewalRequestSchema, { quantity: 0, credits: 'organization' })).toBe(false);
    expect(ok(sessionRequestSchema, { email: 'a@b', password: 'x', remember: true })).toBe(false);
    expect(ok(lookupRequestSchema, { items: [{ kind: 'deployment', value: '1', x: 1 }] })).toBe(
      false,
    );
  });

  test('takes 1 to 100 lookup items', () => {
    const item = { kind: 'serial', value: 'VS0164AB' };
    expect(ok(lookupRequestSchema, { items: [] })).toBe(false);
    expect(ok(lookupRequestSchema, { items: Array(100).fill(item) })).toBe(true);
    expect(ok(lookupRequestSchema, { items: Array(101).fill(item) })).toBe(false);
  });

  test('tells found and not-found lookup results apart, and requires the record when found', () => {
    const notFound = { kind: 'deployment', value: '30000007', found: false };
    expect(z.parse(lookupResultSchema, notFound)).toEqual(notFound);
    expect(ok(lookupResultSchema, { ...notFound, found: true })).toBe(false);
    const found = {
      kind: 'serial',
      value: 'vs0164ab',
      found: true,
      deployment: {
        id: '14181336',
        name: 'Lakeshore Dental, main office',
        registeredOn: '2020-09-07',
        organization: { id: 'org-lakeshore', name: 'Lakeshore Dental Group' },
      },
      product: { sku: 'PBXACT-60', name: 'PBXact 60' },
      serials: ['VS0164AB'],
      support: {
        expiresOn: '2021-09-07',
        plan: { sku: 'PBXACT-60-STD', name: 'PBXact 60 Standard Support, 1 year' },
        unitPrice: { amount: 29900, currency: 'USD' },
      },
    };
    expect(ok(lookupResultSchema, found)).toBe(true);
    expect(
      ok(lookupResultSchema, { ...found, deployment: { ...found.deployment, id: '1418133' } }),
    ).toBe(false);
    expect(
      ok(lookupResultSchema, { ...found, support: { ...found.support, expiresOn: '2021-02-30' } }),
    ).toBe(false);
  });

  test('lets responses grow: unknown fields in a response are ignored, not fatal', () => {
    const cart = {
      lines: [],
      total: { amount: 0, currency: 'USD' },
      version: 0,
      currencyNote: 'x',
    };
    expect(z.parse(cartSchema, cart)).toEqual({
      lines: [],
      total: { amount: 0, currency: 'USD' },
      version: 0,
    });
    expect(
      ok(quoteSchema, {
        number: 'Q-1',
        lines: [],
        total: { amount: 0, currency: 'USD' },
        createdAt: 'yesterday',
      }),
    ).toBe(false);
  });

  test('reads problem details with their extensions, whatever the type', () => {
    const problem = z.parse(problemSchema, {
      type: ProblemType.catchUpRequired,
      title: 'Catch-up years required',
      status: 422,
      requiredQuantity: 6,
      expiresOn: '2021-09-07',
    });
    expect(problem.requiredQuantity).toBe(6);
    expect(problem.expiresOn).toBe('2021-09-07');
    expect(ok(problemSchema, { type: 'about:blank', title: 'Teapot', status: 418 })).toBe(true);
    expect(ok(problemSchema, { title: 'no type', status: 500 })).toBe(false);
  });

  test('names every problem type as a urn:renewal-scout:problem: URI', () => {
    for (const type of Object.values(ProblemType)) {
      expect(type).toMatch(/^urn:renewal-scout:problem:[a-z-]+$/);
    }
    expect(new Set(Object.values(ProblemType)).size).toBe(Object.values(ProblemType).length);
  });
});
