// Fault injection for client tests: chosen routes answer 500 or 502, hang, answer 429,
// answer an HTML sign-in page with 200 (what real portals do when a session expires), or
// send malformed JSON. The `acted-then-…` kinds first do the request's real work, then
// answer JSON of the wrong shape or never answer: a write that landed but whose answer was
// lost. Exists only when the sandbox is started with faults enabled; the control endpoint
// is a plain 404 otherwise.

import * as z from 'zod/mini';

export const FAULT_KINDS = [
  '500',
  '502',
  'hang',
  '429',
  'html-signin',
  'malformed-json',
  'acted-then-garbage',
  'acted-then-hang',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRequestSchema = z.strictObject({
  /** A request path; `*` matches any run of characters (`/api/v1/cart/renewals/*`). */
  route: z.string().check(z.minLength(1), z.maxLength(300)),
  method: z.optional(z.enum(['GET', 'POST', 'PUT', 'DELETE'])),
  // Status-code kinds may come as numbers too (`500` or `"500"`).
  kind: z.pipe(
    z.union([z.enum(FAULT_KINDS), z.literal([500, 502, 429])]),
    z.transform((kind) => String(kind) as FaultKind),
  ),
  /** How many matching requests to break; absent = until cleared. */
  times: z.optional(z.int().check(z.minimum(1))),
  /** For kind 429: the Retry-After seconds. */
  retryAfter: z.optional(z.int().check(z.minimum(0), z.maximum(3600))),
});

export type FaultRequest = z.output<typeof faultRequestSchema>;

interface ActiveFault extends FaultRequest {
  id: number;
  pattern: RegExp;
  hits: number;
}

/** A hang ends when the client goes away, the sandbox closes, or after this long. */
const HANG_LIMIT_MS = 5 * 60_000;

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private readonly hangs = new Set<() => void>();

  add(request: FaultRequest): ActiveFault {
    const pattern = new RegExp(`^${request.route.split('*').map(escapeRegExp).join('.*')}$`);
    const fault = { ...request, id: this.nextId++, pattern, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list() {
    return this.faults.map(({ pattern: _pattern, ...fault }) => fault);
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault to apply to this request, if any; counts it against `times`. */
  take(method: string, path: string): ActiveFault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        (!candidate.method || candidate.method === method) && candidate.pattern.test(path),
    );
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.times !== undefined && fault.hits >= fault.times) {
      this.faults = this.faults.filter((candidate) => candidate !== fault);
    }
    return fault;
  }

  /** Whether the request's real work is done before the fault answers. */
  actsFirst(fault: ActiveFault): boolean {
    return fault.kind === 'acted-then-garbage' || fault.kind === 'acted-then-hang';
  }

  async respond(fault: ActiveFault, signal: AbortSignal, signInHtml: string): Promise<Response> {
    switch (fault.kind) {
      case '500':
        return new Response(
          JSON.stringify({
            type: 'urn:renewal-scout:problem:internal',
            title: 'Internal error',
            status: 500,
          }),
          { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
        );
      case '502':
        // What a reverse proxy says when the portal behind it is down: HTML, not JSON.
        return new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
          status: 502,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        });
      case '429': {
        const retryAfter = fault.retryAfter ?? 1;
        return new Response(
          JSON.stringify({
            type: 'urn:renewal-scout:problem:rate-limited',
            title: 'Too many requests',
            status: 429,
            retryAfter,
          }),
          {
            status: 429,
            headers: {
              'Content-Type': 'application/problem+json',
              'Retry-After': String(retryAfter),
            },
          },
        );
      }
      case 'html-signin':
        return new Response(signInHtml, {
          status: 200,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        });
      case 'malformed-json':
        return new Response('{"results": [{"kind": "deployment", "value": ', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      case 'acted-then-garbage':
        // Valid JSON, but not the contract's answer for any route.
        return new Response('{"accepted": true}', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      case 'hang':
      case 'acted-then-hang':
        await this.hang(signal);
        return new Response(null, { status: 504 });
    }
  }

  private hang(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', finish);
        this.hangs.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, HANG_LIMIT_MS);
      signal.addEventListener('abort', finish);
      this.hangs.add(finish);
    });
  }

  /** Ends every hanging request (the sandbox is closing). */
  releaseAll(): void {
    for (const finish of [...this.hangs]) finish();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
