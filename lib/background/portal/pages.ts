// The portal's own pages the popup sends the user to. Paths are relative to the configured
// base URL, so a portal under a path prefix (https://example.com/partners) works too.
import type { PortalPage } from '../../messaging/portal-results';

const PATHS: Record<PortalPage, string> = {
  signin: 'sign-in',
  cart: 'cart',
  quotes: 'quotes',
};

export function portalPageUrl(baseUrl: string, page: PortalPage): string {
  return new URL(PATHS[page], `${baseUrl.replace(/\/+$/, '')}/`).href;
}
