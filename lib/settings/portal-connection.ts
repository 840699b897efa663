// Saving where the portal is and how to sign in to it. The background's portal client calls
// the portal from the extension's origin: with host access to the portal's origin the browser
// lets those calls through without CORS and with the portal's own session cookie. So saving a
// portal address asks for access to that one origin, and gives up access to the previous one
// unless a scanned site still needs it.
import { err, messageOf, ok, type Result } from '../result';
import { hasSiteAccess, releaseSiteAccess, requestSiteAccess } from '../sites/access';
import {
  describePortalUrlError,
  type PortalUrlError,
  parsePortalBaseUrl,
  portalOrigin,
} from './portal-url';
import type { Settings } from './schema';
import { updateSettings } from './store';

export type PortalConnectionError =
  | { kind: 'invalid-url'; reason: PortalUrlError }
  | { kind: 'permission-denied'; origin: string }
  | { kind: 'permission-failed'; origin: string; detail: string }
  | { kind: 'settings-failed'; detail: string };

export type PortalConnectionResult = Result<Settings, PortalConnectionError>;

/**
 * Whether the extension may call the portal at `baseUrl`. False for the default sandbox
 * address until the user saves it once on the options page (the e2e build's manifest grants
 * 127.0.0.1, so there it is true from the start).
 */
export function hasPortalAccess(baseUrl: string): Promise<boolean> {
  return hasSiteAccess(portalOrigin(baseUrl));
}

/**
 * Call straight from the submit handler: the address is checked and access requested before
 * anything is awaited, while the browser still sees the user's gesture.
 */
export function savePortalConnection(input: {
  baseUrl: string;
  signInMethod: Settings['signInMethod'];
}): Promise<PortalConnectionResult> {
  const parsed = parsePortalBaseUrl(input.baseUrl);
  if (!parsed.ok) {
    return Promise.resolve(err({ kind: 'invalid-url', reason: parsed.error }));
  }
  const origin = portalOrigin(parsed.value);
  let asked: Promise<boolean>;
  try {
    asked = requestSiteAccess(origin);
  } catch (error) {
    asked = Promise.reject(error);
  }
  return finish(parsed.value, origin, input.signInMethod, asked);
}

async function finish(
  baseUrl: string,
  origin: string,
  signInMethod: Settings['signInMethod'],
  asked: Promise<boolean>,
): Promise<PortalConnectionResult> {
  try {
    if (!(await asked)) return err({ kind: 'permission-denied', origin });
  } catch (error) {
    return err({ kind: 'permission-failed', origin, detail: messageOf(error) });
  }
  let previous: string | undefined;
  const saved = await updateSettings((current) => {
    previous = current.portalBaseUrl;
    return { portalBaseUrl: baseUrl, signInMethod };
  });
  if (!saved.ok) {
    const detail = saved.error.kind === 'storage-failed' ? saved.error.detail : 'rejected';
    return err({ kind: 'settings-failed', detail });
  }
  if (previous !== undefined && portalOrigin(previous) !== origin) {
    await releaseSiteAccess(portalOrigin(previous), [...saved.value.autoScanOrigins, origin]);
  }
  return ok(saved.value);
}

export function describePortalConnectionError(error: PortalConnectionError): string {
  switch (error.kind) {
    case 'invalid-url':
      return describePortalUrlError(error.reason);
    case 'permission-denied':
      return `Not saved: Renewal Scout needs access to ${error.origin} to look up support status and fill your cart there. Save again and choose Allow.`;
    case 'permission-failed':
      return `Not saved: the browser would not ask for access to ${error.origin} (${error.detail}).`;
    case 'settings-failed':
      return `Not saved: the browser's extension storage failed (${error.detail}).`;
  }
}
