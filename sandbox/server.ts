// The programmatic entry point, used by tests, the demo and sandbox/main.ts:
// startSandbox() opens (and if needed seeds) the data, listens on 127.0.0.1 and mints a
// fresh personal access token for the reseller.

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { en } from 'zod/locales';
import { config } from 'zod/mini';
import { type IsoDate, isIsoDate, localToday } from '../lib/renewal';
import { createPortalApp } from './app';
import { mintAccessToken } from './auth/sessions';
import { openDatabase } from './db/open';
import { FaultInjector } from './faults';
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
    faults,
  };
  const app = createPortalApp(portal);

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listening = serve(
      { fetch: app.fetch, port: options.port ?? 8787, hostname: '127.0.0.1' },
      () => resolve(listening),
    );
    listening.once('error', reject);
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
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      return closed;
    },
  };
}
