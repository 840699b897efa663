// The settings as stored today (version 1, the first release). Every field has its own schema
// so a stored object with one bad field keeps all the others (see ./migrate.ts).
import { z } from 'zod/mini';
import { isCanonicalSiteOrigin } from '../sites/origin';
import { isCanonicalPortalUrl, SANDBOX_PORTAL_URL } from './portal-url';

export const CURRENT_SETTINGS_VERSION = 1;

export const settingsFields = {
  /** Where the partner portal lives; the background's portal client talks only to it. */
  portalBaseUrl: z.string().check(z.refine(isCanonicalPortalUrl)),
  /** `session`: the portal's own cookie session. `token`: a personal access token (./token.ts). */
  signInMethod: z.enum(['session', 'token']),
  /** Support that ends within this many days is shown as expiring soon. */
  expiringSoonDays: z.number().check(z.int(), z.minimum(1), z.maximum(365)),
  /** Default for the popup's credits choice. */
  creditsChoice: z.enum(['organization', 'card']),
  highlights: z.boolean(),
  /** Origins where the content script is registered to run by itself (../sites). */
  autoScanOrigins: z
    .array(z.string().check(z.refine(isCanonicalSiteOrigin)))
    .check(z.refine((origins) => new Set(origins).size === origins.length)),
};

export const settingsSchema = z.object({
  version: z.literal(CURRENT_SETTINGS_VERSION),
  ...settingsFields,
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsField = keyof typeof settingsFields;
export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

/** A fresh copy of the defaults (callers may mutate it). */
export function defaultSettings(): Settings {
  return {
    version: CURRENT_SETTINGS_VERSION,
    portalBaseUrl: SANDBOX_PORTAL_URL,
    signInMethod: 'session',
    expiringSoonDays: 30,
    creditsChoice: 'organization',
    highlights: true,
    autoScanOrigins: [],
  };
}
