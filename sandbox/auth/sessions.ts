// Session cookies and personal access tokens: minted here, stored only as digests.

import type { Database } from 'better-sqlite3';
import type { PortalUser } from '../http/env';
import { digestSecret, hashPassword, newSecret, verifyPassword } from './credentials';

export const SESSION_TTL_SECONDS = 12 * 60 * 60;

// Checked when the email is unknown, so a wrong email costs as long as a wrong password.
const DECOY_HASH = hashPassword('decoy password that matches nothing');

export function checkSignIn(db: Database, email: string, password: string): string | undefined {
  const row = db.prepare('SELECT id, password_hash FROM users WHERE email = ?').get(email.trim()) as
    | { id: string; password_hash: string }
    | undefined;
  const ok = verifyPassword(password, row?.password_hash ?? DECOY_HASH);
  return ok && row ? row.id : undefined;
}

/** Starts a session; returns the cookie value (the only copy of the secret). */
export function createSession(db: Database, userId: string): string {
  const secret = newSecret('rss');
  db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(Date.now());
  db.prepare('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)').run(
    digestSecret(secret),
    userId,
    Date.now() + SESSION_TTL_SECONDS * 1000,
  );
  return secret;
}

export function endSession(db: Database, cookie: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(digestSecret(cookie));
}

/**
 * Mints a personal access token. Only its digest is kept, so the sandbox mints a fresh one
 * at every start to print; earlier ones stay valid.
 */
export function mintAccessToken(db: Database, userId: string, label: string): string {
  const secret = newSecret('rspat');
  db.prepare(
    'INSERT INTO access_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)',
  ).run(digestSecret(secret), userId, label, new Date().toISOString());
  return secret;
}

export function meOf(user: PortalUser) {
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organization: { id: user.organizationId, name: user.organizationName },
  };
}
