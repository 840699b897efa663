// The portal base URL the user configures. The background builds API paths under it, so it is
// kept without query, fragment or trailing slash; a path prefix (a portal under /partners) is
// allowed.
import { err, ok, type Result } from '../result';

export type PortalUrlError =
  | { kind: 'empty' }
  | { kind: 'invalid'; input: string }
  | { kind: 'unsupported-scheme'; scheme: string }
  | { kind: 'credentials' };

export type PortalUrlResult = Result<string, PortalUrlError>;

export const SANDBOX_PORTAL_URL = 'http://127.0.0.1:8787';

export function parsePortalBaseUrl(input: string): PortalUrlResult {
  const text = input.trim();
  if (text === '') return err({ kind: 'empty' });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err({ kind: 'invalid', input: text });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err({ kind: 'unsupported-scheme', scheme: url.protocol.slice(0, -1) });
  }
  if (url.username !== '' || url.password !== '') return err({ kind: 'credentials' });
  const path = url.pathname.replace(/\/+$/, '');
  return ok(`${url.origin}${path}`);
}

export function isCanonicalPortalUrl(value: string): boolean {
  const parsed = parsePortalBaseUrl(value);
  return parsed.ok && parsed.value === value;
}

/** The origin whose host permission the portal client needs. */
export function portalOrigin(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

export function describePortalUrlError(error: PortalUrlError): string {
  switch (error.kind) {
    case 'empty':
      return 'Enter the portal address, for example https://partners.example.com.';
    case 'invalid':
      return `"${error.input}" is not a web address. Include http:// or https://.`;
    case 'unsupported-scheme':
      return `The portal address must start with http:// or https://, not "${error.scheme}:".`;
    case 'credentials':
      return 'Leave the user name and password out of the portal address.';
  }
}
