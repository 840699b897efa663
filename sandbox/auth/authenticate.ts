// Who is asking: a Bearer personal access token if the request carries an Authorization
// header (and then only that), else the session cookie. Anything else is a 401.

import type { Database } from 'better-sqlite3';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { statement } from '../db/statements';
import type { PortalEnv, PortalUser } from '../http/env';
import { problems } from '../http/problem';
import { digestSecret } from './credentials';

export const SESSION_COOKIE = 'rs_session';

const USER_COLUMNS = `u.id, u.email, u.name, u.organization_id AS organizationId,
  o.name AS organizationName`;

export function userByToken(db: Database, token: string): PortalUser | undefined {
  return statement(
    db,
    `SELECT ${USER_COLUMNS} FROM access_tokens t
       JOIN users u ON u.id = t.user_id JOIN organizations o ON o.id = u.organization_id
       WHERE t.token_hash = ?`,
  ).get(digestSecret(token)) as PortalUser | undefined;
}

export function userBySession(db: Database, cookie: string): PortalUser | undefined {
  return statement(
    db,
    `SELECT ${USER_COLUMNS} FROM sessions s
       JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id
       WHERE s.token_hash = ? AND s.expires_at > ?`,
  ).get(digestSecret(cookie), Date.now()) as PortalUser | undefined;
}

export function authenticate(db: Database) {
  return createMiddleware<PortalEnv>(async (c, next) => {
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      const user = token ? userByToken(db, token) : undefined;
      if (!user) throw problems.unauthenticated('The access token is not valid.');
      c.set('user', user);
      c.set('authVia', 'token');
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    const user = cookie ? userBySession(db, cookie) : undefined;
    if (!user) {
      throw problems.unauthenticated(
        cookie ? 'The session has expired; sign in again.' : undefined,
      );
    }
    c.set('user', user);
    c.set('authVia', 'cookie');
    return next();
  });
}
