// The programmatic entry point, used by tests, the demo and sandbox/main.ts:
// startSandbox() opens (and if needed seeds) the data, listens on 127.0.0.1 and mints a
// fresh personal access token for the reseller.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { en } from 'zod/locales';
import { config } from 'zod/mini';
import { type IsoDate, isIsoDate, localToday } from '../lib/renewal';
import { createPortalApp } from './app';
import { mintAccessToken } from './auth/sessions';
import {
  DEFAULT_SIGN_IN_THROTTLE,
  SignInThrottle,
  type SignInThrottleOptions,
} from './auth/sign-in-throttle';
import { openDatabase } from './db/open';
import { FaultInjector } from './faults';
import { admitRequestBody } from './http/body-gate';
import type { Portal } from './http/env';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './http/rate-limit';
import { DEMO_PASSWORD, users } from './seed/demo-data';
import { DEFAULT_SEED_SIZE, seedIfEmpty } from './seed/seed';

// The sandbox answers in English; zod/mini ships without messages.
config(en());

export interface SandboxOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** SQLite file; ':memory:' (the default here) for a throwaway portal. */
  dataFile?: string;
  /** Delete the data file first and seed afresh. */
  reset?: boolean;
  /** Pin the portal's calendar date (YYYY-MM-DD); default: the process's local date. */
  today?: string;
  /** Deployments in the reseller's tree when seeding (default 50). */
  seedSize?: number;
  /** Enables /__sandbox/faults. Never on unless asked for. */
  faults?: boolean;
  /** Extension origins allowed to write with a session cookie, e.g. chrome-extension://ID. */
  extensionOrigins?: string[];
  rateLimit?: RateLimitOptions;
  /** Failed sign-ins allowed per account and per address (default 10 in 15 min, 15 min lockout). */
  signInThrottle?: Partial<SignInThrottleOptions>;
  /** Milliseconds since the epoch for the sign-in throttle; tests pass a fake clock. */
  clock?: () => number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  /** A personal access token for reseller@example.test, minted for this run. */
  token: string;
  /** The portal's today at start. */
  today: IsoDate;
  /** The today the data was seeded relative to (differs after a restart on a later day). */
  seededFor: IsoDate;
  seedSize: number;
  signIns: { email: string; password: string }[];
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const pinnedToday = options.today;
  if (pinnedToday !== undefined && !isIsoDate(pinnedToday)) {
    throw new RangeError(
      `today must be an ISO calendar date (YYYY-MM-DD), got ${JSON.stringify(pinnedToday)}`,
    );
  }
  const seedSize = options.seedSize ?? DEFAULT_SEED_SIZE;
  if (!Number.isSafeInteger(seedSize) || seedSize < 0) {
    throw new RangeError(`seedSize must be a whole number ≥ 0, got ${seedSize}`);
  }
  const today = () => pinnedToday ?? localToday();

  const db = openDatabase(options.dataFile ?? ':memory:', options.reset ?? false);
  const facts = seedIfEmpty(db, today(), seedSize);
  const resellerId = users[0].id;
  const token = mintAccessToken(db, resellerId, `sandbox start ${new Date().toISOString()}`);

  const faults = options.faults ? new FaultInjector() : undefined;
  const portal: Portal = {
    db,
    today,
    trustedOrigins: new Set(options.extensionOrigins ?? []),
    rateLimiter: new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    signInThrottle: new SignInThrottle(
      { ...DEFAULT_SIGN_IN_THROTTLE, ...options.signInThrottle },
      options.clock,
    ),
    faults,
  };
  const app = createPortalApp(portal);

  // Node's own server around Hono's listener, so every body is admitted (or refused with 413)
  // before the app runs, and a client sending `Expect: 100-continue` with a declared body
  // over the limit hears 413 instead of 100. The gate reads each body whole, so nothing is
  // left for the listener to drain.
  const listener = getRequestListener(app.fetch, {
    hostname: '127.0.0.1',
    autoCleanupIncoming: false,
  });
  const admitThenServe =
    (askedToContinue: boolean) => async (request: IncomingMessage, response: ServerResponse) => {
      if (await admitRequestBody(request, response, { askedToContinue })) {
        await listener(request, response);
      }
    };
  const server = createServer(admitThenServe(false));
  server.on('checkContinue', admitThenServe(true));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  portal.trustedOrigins.add(url);
  portal.trustedOrigins.add(`http://localhost:${port}`);

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    token,
    today: today(),
    seededFor: facts.today,
    seedSize: facts.seedSize,
    signIns: users.map((user) => ({ email: user.email, password: DEMO_PASSWORD })),
    close() {
      closed ??= new Promise<void>((resolve) => {
        faults?.releaseAll();
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
