// Host access for single origins. The manifest asks for no host permission; each site the
// user grants for automatic scanning, and the portal's origin, is requested on its own.
import { browser } from 'wxt/browser';
import { matchPatternFor } from './origin';

export async function hasSiteAccess(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [matchPatternFor(origin)] });
}

/**
 * Must be the first call in a click handler, before any `await`: browsers grant permission
 * requests only while they are handling the user's gesture (Firefox strictly so).
 */
export function requestSiteAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [matchPatternFor(origin)] });
}

/**
 * Gives up access to `origin` unless one of `stillNeeded` maps to the same pattern (in
 * Firefox, patterns have no port, so two origins on one host share one). Returns whether the
 * access is gone; a permission the manifest itself grants (the e2e build) cannot be removed.
 */
export async function releaseSiteAccess(origin: string, stillNeeded: string[]): Promise<boolean> {
  const pattern = matchPatternFor(origin);
  if (stillNeeded.some((other) => matchPatternFor(other) === pattern)) return false;
  try {
    return await browser.permissions.remove({ origins: [pattern] });
  } catch {
    return false;
  }
}
