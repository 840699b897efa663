// Shared test plumbing: a sandbox on a random port with a pinned date, and small fetch
// helpers that speak its JSON.

import { afterAll, beforeAll } from 'vitest';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../server';

export const TODAY = '2026-11-26';

/** Starts one sandbox for the file (beforeAll) and closes it afterwards. */
export function useSandbox(options: SandboxOptions = {}): () => RunningSandbox {
  let sandbox: RunningSandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, dataFile: ':memory:', today: TODAY, ...options });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox;
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on answers field by field
  body: any;
  text: string;
}

export async function call(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  init: {
    json?: unknown;
    body?: string;
    headers?: Record<string, string>;
    auth?: string | null;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  const auth = init.auth === undefined ? sandbox.token : init.auth;
  if (auth !== null) headers.Authorization = `Bearer ${auth}`;
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(sandbox.url + path, { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Signs in with the demo password; returns the Cookie header value. */
export async function signIn(sandbox: RunningSandbox, email: string): Promise<string> {
  const answer = await call(sandbox, 'POST', '/api/v1/session', {
    auth: null,
    json: { email, password: 'renewal-scout-demo' },
  });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${answer.text}`);
  const cookie = answer.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** A token for other@example.test: sign in, then use the cookie (reads need no Origin). */
export async function otherUserCookie(sandbox: RunningSandbox): Promise<string> {
  return signIn(sandbox, 'other@example.test');
}
