// The portal as the popup shows it around the lookups and the cart: who the user is, the
// settings it reads, and the portal's own pages it opens.
import { browser } from 'wxt/browser';
import type {
  PopupSettings,
  PortalAccount,
  PortalPage,
  PortalPageOpened,
  PortalResult,
} from '../../messaging/portal-results';
import { loadSettings } from '../../settings';
import { portalOrigin } from '../../settings/portal-url';
import {
  flightKey,
  type PortalContext,
  type PortalOperations,
  portalCall,
  withConnection,
} from './context';
import { portalPageUrl } from './pages';

export const accountOperations = {
  'open-portal': (context, { page }) => openPortal(context, page),
  'get-account': (context) => account(context),
  'get-settings': (context) => popupSettings(context),
} satisfies Partial<PortalOperations>;

async function openPortal(
  context: PortalContext,
  page: PortalPage,
): Promise<PortalResult<PortalPageOpened>> {
  // No connection needed: the sign-in page is exactly what a signed-out user wants.
  const { settings } = await loadSettings();
  // Session answers are cached per portal, not per user (the cookie is the browser's);
  // whoever signs in next must not see the previous user's deployments.
  if (page === 'signin') await context.cache.forgetAll();
  const url = portalPageUrl(settings.portalBaseUrl, page);
  const tab = await browser.tabs.create({ url });
  return { ok: true, value: tab.id === undefined ? { url } : { url, tabId: tab.id } };
}

function account(context: PortalContext): Promise<PortalResult<PortalAccount>> {
  return withConnection(context, async (connection) => {
    const { client, portal, settings } = connection;
    const me = await portalCall(context, connection, flightKey('get-account'), () => client.me());
    if (!me.ok) return me;
    return { ok: true, value: { portal, signInMethod: settings.signInMethod, me: me.value } };
  });
}

async function popupSettings({
  hasToken,
  hasAccess,
}: PortalContext): Promise<PortalResult<PopupSettings>> {
  const { settings } = await loadSettings();
  const origin = portalOrigin(settings.portalBaseUrl);
  const [saved, access] = await Promise.all([hasToken(), hasAccess(origin).catch(() => false)]);
  return {
    ok: true,
    value: {
      portal: { baseUrl: settings.portalBaseUrl, origin },
      signInMethod: settings.signInMethod,
      hasToken: saved,
      portalAccess: access,
      creditsChoice: settings.creditsChoice,
      expiringSoonDays: settings.expiringSoonDays,
      highlights: settings.highlights,
    },
  };
}
