// @vitest-environment node
import { beforeEach, describe, expect, test } from 'vitest';
import { ProblemType } from '../../lib/portal/problems';
import { cartSchema, quoteSchema, renewalResponseSchema } from '../../lib/portal/schemas';
import { planRenewal } from '../../lib/renewal';
import { call, TODAY, useSandbox } from './helpers';

const sandbox = useSandbox();

const put = (deploymentId: string, json: unknown, headers?: Record<string, string>) =>
  call(sandbox(), 'PUT', `/api/v1/cart/renewals/${deploymentId}`, { json, headers });
const cart = async () => cartSchema.parse((await call(sandbox(), 'GET', '/api/v1/cart')).body);

beforeEach(async () => {
  for (const line of (await cart()).lines) {
    await call(sandbox(), 'DELETE', `/api/v1/cart/lines/${line.id}`);
  }
});

describe('PUT renewal', () => {
  test('creates a line with the plan price and the requested credits option', async () => {
    const answer = await put('85922823', { quantity: 1, credits: 'organization' });
    expect(answer.status).toBe(200);
    const { line, cart: after } = renewalResponseSchema.parse(answer.body);
    expect(line).toMatchObject({
      sku: 'FPBX-APP-100-SUP',
      name: 'FreePBX Appliance 100 Support, 1 year',
      deploymentId: '85922823',
      quantity: 1,
      unitPrice: { amount: 24900, currency: 'USD' },
      credits: 'organization',
    });
    expect(after.lines).toEqual([line]);
    expect(after.total).toEqual({ amount: 24900, currency: 'USD' });
  });

  test('is idempotent: the same request twice leaves one line and one version bump', async () => {
    const before = (await cart()).version;
    const first = await put('85922823', { quantity: 2, credits: 'card' });
    const second = await put('85922823', { quantity: 2, credits: 'card' });
    expect(second.body.line).toEqual(first.body.line);
    const after = await cart();
    expect(after.lines).toHaveLength(1);
    expect(after.version).toBe(before + 1);
  });

  test('replaces the line (same id) when the quantity or credits change', async () => {
    const first = await put('85922823', { quantity: 1, credits: 'card' });
    const second = await put('85922823', { quantity: 3, credits: 'organization' });
    expect(second.body.line.id).toBe(first.body.line.id);
    expect(second.body.cart.version).toBe(first.body.cart.version + 1);
    expect(second.body.cart.lines).toEqual([
      expect.objectContaining({ quantity: 3, credits: 'organization' }),
    ]);
    expect(second.body.cart.total.amount).toBe(3 * 24900);
  });

  test('always ends with exactly one line under 20 concurrent PUTs for one deployment', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        put('94304018', {
          quantity: 1 + (index % 5),
          credits: index % 2 ? 'card' : 'organization',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const after = await cart();
    expect(after.lines.filter((line) => line.deploymentId === '94304018')).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.line.id)).size).toBe(1);
  });

  test('enforces the catch-up rule with planRenewal and reports the required quantity', async () => {
    const lookup = await call(sandbox(), 'POST', '/api/v1/support/lookup', {
      json: { items: [{ kind: 'deployment', value: '14181336' }] },
    });
    const expiresOn = lookup.body.results[0].support.expiresOn;
    const plan = planRenewal(expiresOn, TODAY);
    expect(plan).toMatchObject({ status: 'expired', quantity: 6, catchUpYears: 5 });

    const tooFew = await put('14181336', { quantity: plan.quantity - 1, credits: 'card' });
    expect(tooFew.status).toBe(422);
    expect(tooFew.headers.get('content-type')).toBe('application/problem+json');
    expect(tooFew.body).toMatchObject({
      type: ProblemType.catchUpRequired,
      status: 422,
      requiredQuantity: 6,
      expiresOn,
    });
    expect((await cart()).lines).toEqual([]);

    expect((await put('14181336', { quantity: 6, credits: 'card' })).status).toBe(200);
    // Buying ahead is allowed up to 25.
    expect((await put('14181336', { quantity: 25, credits: 'card' })).status).toBe(200);
  });

  test('needs 2 packages a year and a bit after lapsing, and counts the Feb 29 expiry right', async () => {
    expect((await put('47310958', { quantity: 1, credits: 'card' })).body.requiredQuantity).toBe(2);
    // 2024-02-29 + 2 years is 2026-02-28, before today: 3 packages.
    expect((await put('19750628', { quantity: 2, credits: 'card' })).body.requiredQuantity).toBe(3);
    expect((await put('19750628', { quantity: 3, credits: 'card' })).status).toBe(200);
    // Last covered day is today: active, one package.
    expect((await put('64218095', { quantity: 1, credits: 'card' })).status).toBe(200);
  });

  test('rejects more than 25, zero, wrong types and unknown fields with 422 and writes nothing', async () => {
    for (const body of [
      { quantity: 26, credits: 'card' },
      { quantity: 0, credits: 'card' },
      { quantity: 2.5, credits: 'card' },
      { quantity: '2', credits: 'card' },
      { quantity: 2, credits: 'cash' },
      { quantity: 2 },
      { quantity: 2, credits: 'card', discount: 50 },
      [2, 'card'],
    ]) {
      const answer = await put('85922823', body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body).toMatchObject({ type: ProblemType.validation, maxQuantity: 25 });
      expect(answer.body.errors.length).toBeGreaterThan(0);
    }
    expect((await put('85922823', { quantity: 2, credits: 'card', x: 1 })).body.errors).toEqual([
      { path: '/x', message: 'Unknown field' },
    ]);
    expect((await cart()).lines).toEqual([]);
  });

  test('answers the same 404 for unknown, invisible and malformed deployment IDs', async () => {
    const unknown = await put('58602147', { quantity: 1, credits: 'card' });
    const invisible = await put('30000007', { quantity: 1, credits: 'card' });
    const malformed = await put('1418133', { quantity: 1, credits: 'card' });
    for (const answer of [unknown, invisible, malformed]) {
      expect(answer.status).toBe(404);
      expect(answer.body.type).toBe(ProblemType.notFound);
      expect(answer.body.title).toBe(unknown.body.title);
    }
  });

  test('answers malformed JSON with 400, a non-JSON body with 415 and an oversize one with 413', async () => {
    const malformed = await call(sandbox(), 'PUT', '/api/v1/cart/renewals/85922823', {
      body: '{"quantity": 1,',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe(ProblemType.malformedJson);

    const empty = await call(sandbox(), 'PUT', '/api/v1/cart/renewals/85922823', {
      body: '',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(empty.status).toBe(400);

    const form = await call(sandbox(), 'PUT', '/api/v1/cart/renewals/85922823', {
      body: 'quantity=1&credits=card',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.body.type).toBe(ProblemType.unsupportedMediaType);

    const huge = await call(sandbox(), 'PUT', '/api/v1/cart/renewals/85922823', {
      json: { quantity: 1, credits: 'card', padding: 'x'.repeat(70_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.type).toBe(ProblemType.payloadTooLarge);
    expect(huge.headers.get('connection')).toBe('keep-alive');
    expect((await cart()).lines).toEqual([]);
  });

  test('streams a body without Content-Length and still stops at the limit', async () => {
    const chunks = [
      `{"items": [`,
      ...Array(2000).fill('{"kind":"serial","value":"AAAAAAAAAAAAAAAAAAAA"},'),
      '{}]}',
    ];
    const stream = new ReadableStream({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const response = await fetch(`${sandbox().url}/api/v1/support/lookup`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox().token}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe('cart lines and quotes', () => {
  test('deletes a line, bumping the version, and 404s for lines not in the cart', async () => {
    const { body } = await put('85922823', { quantity: 1, credits: 'card' });
    const removed = await call(sandbox(), 'DELETE', `/api/v1/cart/lines/${body.line.id}`);
    expect(removed.status).toBe(200);
    expect(cartSchema.parse(removed.body)).toMatchObject({
      lines: [],
      version: body.cart.version + 1,
    });
    for (const id of [body.line.id, '999999', 'abc']) {
      const again = await call(sandbox(), 'DELETE', `/api/v1/cart/lines/${id}`);
      expect(again.status).toBe(404);
      expect(again.body.type).toBe(ProblemType.notFound);
    }
  });

  test("cannot delete another user's line", async () => {
    const { body } = await put('85922823', { quantity: 1, credits: 'card' });
    const signInOther = await call(sandbox(), 'POST', '/api/v1/session', {
      auth: null,
      json: { email: 'other@example.test', password: 'renewal-scout-demo' },
    });
    const cookie = signInOther.headers.get('set-cookie')?.split(';')[0] ?? '';
    const attempt = await call(sandbox(), 'DELETE', `/api/v1/cart/lines/${body.line.id}`, {
      auth: null,
      headers: { Cookie: cookie, Origin: sandbox().url },
    });
    expect(attempt.status).toBe(404);
    expect((await cart()).lines).toHaveLength(1);
  });

  test('saves the cart as a quote and empties it in one step', async () => {
    await put('85922823', { quantity: 1, credits: 'card' });
    await put('14181336', { quantity: 6, credits: 'organization' });
    const before = await cart();
    const saved = await call(sandbox(), 'POST', '/api/v1/cart/quote');
    expect(saved.status).toBe(201);
    const quote = quoteSchema.parse(saved.body);
    expect(quote.number).toMatch(/^Q-20261126-\d{4}$/);
    expect(quote.lines).toEqual(before.lines);
    expect(quote.total).toEqual({ amount: 24900 + 6 * 29900, currency: 'USD' });

    const after = await cart();
    expect(after.lines).toEqual([]);
    expect(after.version).toBe(before.version + 1);

    const { body } = await call(sandbox(), 'GET', '/api/v1/quotes');
    expect(body.quotes[0]).toEqual(quote);
  });

  test('refuses to quote an empty cart with 409', async () => {
    const answer = await call(sandbox(), 'POST', '/api/v1/cart/quote');
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe(ProblemType.cartEmpty);
  });

  test('numbers quotes in sequence, newest first', async () => {
    await put('85922823', { quantity: 1, credits: 'card' });
    const a = (await call(sandbox(), 'POST', '/api/v1/cart/quote')).body.number;
    await put('85922823', { quantity: 2, credits: 'card' });
    const b = (await call(sandbox(), 'POST', '/api/v1/cart/quote')).body.number;
    expect(b > a).toBe(true);
    const { body } = await call(sandbox(), 'GET', '/api/v1/quotes');
    expect(body.quotes.slice(0, 2).map((q: { number: string }) => q.number)).toEqual([b, a]);
  });
});
