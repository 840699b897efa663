// Which portal to call and as whom: the settings (base URL, sign-in method), the token from
// the encrypted token store, and the browser's host access to the portal's origin. One client
// per configuration: it is rebuilt when any of these change, and reused otherwise.

import type { PortalInfo, PortalResult } from '../../messaging/portal-results';
import {
  createPortalClient,
  type PortalClient,
  type PortalClientOptions,
} from '../../portal/client';
import type { PortalAuth } from '../../portal/transport';
import { loadSettings, type Settings } from '../../settings';
import { portalOrigin } from '../../settings/portal-url';
import type { TokenStore } from '../../settings/token';

export interface PortalConnection {
  client: PortalClient;
  portal: PortalInfo;
  settings: Settings;
  /**
   * Names the portal and the credential (a hash: no token in it). Cache entries and
   * in-flight calls are keyed by it, so one user's answers never serve another's.
   */
  identity: string;
}

export interface ConnectorOptions {
  tokens: Pick<TokenStore, 'getToken'>;
  hasAccess: (origin: string) => Promise<boolean>;
  client?: Omit<PortalClientOptions, 'baseUrl' | 'auth'>;
}

export type Connect = () => Promise<PortalResult<PortalConnection>>;

export function createConnector({ tokens, hasAccess, client }: ConnectorOptions): Connect {
  let current: { signature: string; client: PortalClient; identity: string } | undefined;

  return async () => {
    const { settings } = await loadSettings();
    const origin = portalOrigin(settings.portalBaseUrl);
    const portal = { baseUrl: settings.portalBaseUrl, origin };
    if (!(await hasAccessSafely(hasAccess, origin))) {
      return { ok: false, error: { kind: 'no-permission', origin } };
    }

    let auth: PortalAuth = { kind: 'session' };
    if (settings.signInMethod === 'token') {
      const token = await tokens.getToken();
      if (!token.ok) {
        return {
          ok: false,
          error: { kind: 'not-configured', reason: 'token-unreadable', detail: token.error.kind },
        };
      }
      if (token.value === undefined) {
        return { ok: false, error: { kind: 'not-configured', reason: 'no-token' } };
      }
      auth = { kind: 'token', token: token.value };
    }

    const signature = JSON.stringify([settings.portalBaseUrl, auth]);
    if (current?.signature !== signature) {
      current = {
        signature,
        client: createPortalClient({ ...client, baseUrl: settings.portalBaseUrl, auth }),
        identity: await fingerprint(signature),
      };
    }
    return {
      ok: true,
      value: { client: current.client, portal, settings, identity: current.identity },
    };
  };
}

async function hasAccessSafely(
  hasAccess: (origin: string) => Promise<boolean>,
  origin: string,
): Promise<boolean> {
  try {
    return await hasAccess(origin);
  } catch {
    return false;
  }
}

/** 16 hex digits of SHA-256: enough to tell configurations apart, useless to recover a token. */
async function fingerprint(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 8)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}
