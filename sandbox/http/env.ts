// What every request handler can rely on: the portal's state and, after authentication,
// who is asking and how.

import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../lib/renewal';
import type { SignInThrottle } from '../auth/sign-in-throttle';
import type { FaultInjector } from '../faults';
import type { RateLimiter } from './rate-limit';

export interface PortalUser {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
}

export interface Portal {
  db: Database;
  /** The portal's calendar date: pinned by --today, else the process's local date. */
  today(): IsoDate;
  /** Origins allowed to write with a session cookie: the portal's own and extensions'. */
  trustedOrigins: Set<string>;
  rateLimiter: RateLimiter;
  /** Failed sign-ins per account and per client address, on the API and the form alike. */
  signInThrottle: SignInThrottle;
  faults: FaultInjector | undefined;
}

export interface PortalEnv {
  Variables: {
    user: PortalUser;
    authVia: 'cookie' | 'token';
  };
}
