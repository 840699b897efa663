// A scripted portal for the service's unit tests: a fetch that answers the contract's routes
// from a few records, records every request, and lets a test hold answers back (to catch
// calls in flight) or replace them (to produce each kind of error).

import type { Cart, CartLine, SupportRecord } from '../../../portal/schemas';
import type { Fetch } from '../../../portal/transport';

export interface SeenRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Override = (request: SeenRequest) => Response | undefined;

export interface FakePortal {
  fetch: Fetch;
  requests: SeenRequest[];
  /** Answers every request it returns a Response for, instead of the fake. */
  override(answer: Override | undefined): void;
  /**
   * Does each request's work as usual, then answers with what `answer` returns instead of
   * the real answer; a throw is a connection dropped after the portal acted.
   */
  garble(answer: Override | undefined): void;
  /** Holds every answer until `release()`; resolves nothing meanwhile. */
  hold(): void;
  release(): void;
  cart: Cart;
  /** `METHOD /path` of each request so far. */
  log(): string[];
}

export function supportRecord(
  id: string,
  expiresOn: string,
  serials: string[] = [],
  name = `Deployment ${id}`,
): SupportRecord {
  return {
    deployment: {
      id,
      name,
      registeredOn: '2015-01-01',
      organization: { id: 'org-customer', name: 'Customer Ltd' },
    },
    product: { sku: 'PBXACT-60', name: 'PBXact 60' },
    serials,
    support: {
      expiresOn,
      plan: { sku: 'PBXACT-60-STD', name: 'PBXact 60 Standard Support, 1 year' },
      unitPrice: { amount: 29900, currency: 'USD' },
    },
  };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

export const problem = (status: number, type: string, extra: Record<string, unknown> = {}) =>
  json(status, { type, title: 'Problem', status, ...extra }, 'application/problem+json');

export function createFakePortal(records: SupportRecord[]): FakePortal {
  const requests: SeenRequest[] = [];
  let override: Override | undefined;
  let garble: Override | undefined;
  let held: (() => void)[] | undefined;
  let nextLine = 1;
  const cart: Cart = { lines: [], total: { amount: 0, currency: 'USD' }, version: 0 };

  const byDeployment = (value: string) => records.find((r) => r.deployment.id === value);
  const bySerial = (value: string) =>
    records.find((r) => r.serials.includes(value.trim().toUpperCase()));
  const retotal = () => {
    cart.total = {
      amount: cart.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice.amount, 0),
      currency: 'USD',
    };
    cart.version += 1;
  };

  function answer(request: SeenRequest): Response {
    const custom = override?.(request);
    if (custom) return custom;
    const { method, path } = request;
    if (method === 'GET' && path === '/api/v1/me') {
      return json(200, {
        user: { id: 'usr-1', email: 'reseller@example.test', name: 'Robin Reyes' },
        organization: { id: 'org-reseller', name: 'Brightline' },
      });
    }
    if (method === 'POST' && path === '/api/v1/support/lookup') {
      const { items } = request.body as { items: { kind: string; value: string }[] };
      if (items.length > 100) return problem(422, 'urn:renewal-scout:problem:validation');
      return json(200, {
        results: items.map((item) => {
          const found =
            item.kind === 'deployment' ? byDeployment(item.value) : bySerial(item.value);
          return found ? { ...item, found: true, ...found } : { ...item, found: false };
        }),
      });
    }
    if (method === 'GET' && path === '/api/v1/deployments') {
      const query = (request.search.get('query') ?? '').toLowerCase();
      const limit = Number(request.search.get('limit') ?? 20);
      const matches = records.filter(
        (r) => r.deployment.id.startsWith(query) || r.deployment.name.toLowerCase().includes(query),
      );
      return json(200, { deployments: matches.slice(0, limit) });
    }
    if (method === 'GET' && path === '/api/v1/cart') return json(200, cart);
    const renewal = /^\/api\/v1\/cart\/renewals\/(\d{8})$/.exec(path);
    if (method === 'PUT' && renewal) {
      const record = byDeployment(renewal[1] as string);
      if (!record) return problem(404, 'urn:renewal-scout:problem:not-found');
      const { quantity, credits } = request.body as Pick<CartLine, 'quantity' | 'credits'>;
      let line = cart.lines.find((l) => l.deploymentId === record.deployment.id);
      if (!line) {
        line = {
          id: String(nextLine++),
          sku: record.support.plan.sku,
          name: record.support.plan.name,
          deploymentId: record.deployment.id,
          quantity,
          unitPrice: record.support.unitPrice,
          credits,
        };
        cart.lines.push(line);
      } else {
        Object.assign(line, { quantity, credits });
      }
      retotal();
      return json(200, { line, cart });
    }
    const removal = /^\/api\/v1\/cart\/lines\/(.+)$/.exec(path);
    if (method === 'DELETE' && removal) {
      const index = cart.lines.findIndex((l) => l.id === removal[1]);
      if (index === -1) return problem(404, 'urn:renewal-scout:problem:not-found');
      cart.lines.splice(index, 1);
      retotal();
      return json(200, cart);
    }
    if (method === 'POST' && path === '/api/v1/cart/quote') {
      if (cart.lines.length === 0) return problem(409, 'urn:renewal-scout:problem:cart-empty');
      const quote = {
        number: `Q-${requests.length}`,
        lines: structuredClone(cart.lines),
        total: cart.total,
        createdAt: '2026-11-26T10:00:00.000Z',
      };
      cart.lines = [];
      retotal();
      return json(201, quote);
    }
    return problem(404, 'urn:renewal-scout:problem:not-found');
  }

  const fetch: Fetch = async (input, init) => {
    const url = new URL(input);
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      // A portal under a path prefix answers the same API below it.
      path: url.pathname.replace(/^.*?(?=\/api\/v1\/)/, ''),
      search: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: { ...(init.headers as Record<string, string>) },
    };
    requests.push(request);
    if (held) await new Promise<void>((resolve) => held?.push(resolve));
    // Answered after the hold, so the answer reflects the state at that moment.
    const real = answer(request);
    return garble?.(request) ?? real;
  };

  return {
    fetch,
    requests,
    cart,
    override(next) {
      override = next;
    },
    garble(next) {
      garble = next;
    },
    hold() {
      held = [];
    },
    release() {
      const waiting = held ?? [];
      held = undefined;
      for (const resolve of waiting) resolve();
    },
    log: () => requests.map((r) => `${r.method} ${r.path}`),
  };
}
