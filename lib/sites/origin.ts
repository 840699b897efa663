// What the user types as a site ("example.com", "https://help.example.com/tickets/42") becomes
// one canonical origin ("https://help.example.com"), and each origin maps to the match pattern
// the browser understands. Pure and dependency-free: settings, the options page and the
// background all share it.
import { err, ok, type Result } from '../result';

export type SiteOriginError =
  | { kind: 'empty' }
  | { kind: 'wildcard' }
  | { kind: 'unsupported-scheme'; scheme: string }
  | { kind: 'credentials' }
  | { kind: 'invalid'; input: string };

export type SiteOriginResult = Result<string, SiteOriginError>;

/**
 * Normalizes user input to an http(s) origin. A bare host gets `https://`; a pasted URL keeps
 * only its origin. Wildcards are refused: the only patterns we grant are the ones
 * `matchPatternFor` builds from a single origin.
 */
export function parseSiteOrigin(input: string): SiteOriginResult {
  const text = input.trim();
  if (text === '') return err({ kind: 'empty' });
  if (text.includes('*')) return err({ kind: 'wildcard' });

  // "localhost:8080" looks like a scheme followed by a port; a real scheme is followed by "//"
  // or, for schemes like mailto: and javascript:, by something that is not a port number.
  const withSlashes = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const opaque = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(text);
  const scheme = (withSlashes ?? opaque)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return err({ kind: 'unsupported-scheme', scheme });
  }

  let url: URL;
  try {
    url = new URL(withSlashes ? text : `https://${text}`);
  } catch {
    return err({ kind: 'invalid', input: text });
  }
  if (url.username !== '' || url.password !== '') {
    return err({ kind: 'credentials' });
  }
  if (url.hostname === '') return err({ kind: 'invalid', input: text });
  return ok(url.origin);
}

/** True when `value` is already a canonical origin as `parseSiteOrigin` returns it. */
export function isCanonicalSiteOrigin(value: string): boolean {
  const parsed = parseSiteOrigin(value);
  return parsed.ok && parsed.value === value;
}

/**
 * The match pattern for one origin. Chrome matches ports in patterns; Firefox does not accept
 * a port in a match pattern (bug 1362809), so there the pattern covers every port of the host.
 */
export function matchPatternFor(
  origin: string,
  options: { portsInPatterns?: boolean } = {},
): string {
  const url = new URL(origin);
  const portsInPatterns = options.portsInPatterns ?? !import.meta.env.FIREFOX;
  const host = portsInPatterns ? url.host : url.hostname;
  return `${url.protocol}//${host}/*`;
}

/** A sentence the options page can show for an origin error. */
export function describeSiteOriginError(error: SiteOriginError): string {
  switch (error.kind) {
    case 'empty':
      return 'Enter a site, for example helpdesk.example.com.';
    case 'wildcard':
      return 'Wildcards are not allowed: enter one site, for example helpdesk.example.com.';
    case 'unsupported-scheme':
      return `Only http and https sites can be scanned, not "${error.scheme}:".`;
    case 'credentials':
      return 'Leave out the user name and password: enter just the site.';
    case 'invalid':
      return `"${error.input}" is not a web address.`;
  }
}
