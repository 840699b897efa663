// The portal base URL the user configures. The background builds API paths under it, so it is
// kept without query, fragment or trailing slash; a path prefix (a portal under /partners) is
// allowed.

export type PortalUrlError =
  | { kind: 'empty' }
  | { kind: 'invalid'; input: string }
  | { kind: 'unsupported-scheme'; scheme: string }
  | { kind: 'credentials' };

export type PortalUrlResult = { ok: true; url: string } | { ok: false; error: PortalUrlError };

export const SANDBOX_PORTAL_URL = 'http://127.0.0.1:8787';

export function parsePortalBaseUrl(input: string): PortalUrlResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: { kind: 'empty' } };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: { kind: 'invalid', input: text } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: { kind: 'unsupported-scheme', scheme: url.protocol.slice(0, -1) } };
  }
  if (url.username !== '' || url.password !== '')
    return { ok: false, error: { kind: 'credentials' } };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

export function isCanonicalPortalUrl(value: string): boolean {
  const parsed = parsePortalBaseUrl(value);
  return parsed.ok && parsed.url === value;
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
