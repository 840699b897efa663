// The content script registered for one granted site. Registered scripts persist across
// browser sessions, so the registration itself is the running state; settings only mirror it.
import { browser } from 'wxt/browser';
import { matchPatternFor } from './origin';

/**
 * Where WXT puts the content script built from entrypoints/content.ts (registration:
 * 'runtime', so not in the manifest); injected on demand and registered per site alike.
 */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
/**
 * The highlight colours, in the page from its first style on (public/content/highlights.css),
 * and the marker that tells the content script so (public/content/styled.js). A content
 * script injected on demand adopts the same rules itself, which restyles the whole page once.
 */
export const HIGHLIGHT_CSS_FILE = 'content/highlights.css';
export const DOCUMENT_STYLED_FILE = 'content/styled.js';
const ID_PREFIX = 'auto-scan:';

export function autoScanScriptId(origin: string): string {
  return `${ID_PREFIX}${origin}`;
}

function scriptFor(origin: string) {
  return {
    id: autoScanScriptId(origin),
    matches: [matchPatternFor(origin)],
    css: [HIGHLIGHT_CSS_FILE],
    js: [DOCUMENT_STYLED_FILE, CONTENT_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    allFrames: true,
    persistAcrossSessions: true,
  };
}

/** The origins that have a registered automatic-scanning script right now. */
export async function registeredAutoScanOrigins(): Promise<string[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return scripts.filter((s) => s.id.startsWith(ID_PREFIX)).map((s) => s.id.slice(ID_PREFIX.length));
}

/** Registers the site's script, or brings an existing registration up to date. Idempotent. */
export async function registerAutoScan(origin: string): Promise<void> {
  const script = scriptFor(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [script.id] });
  if (existing.length > 0) {
    await browser.scripting.updateContentScripts([script]);
    return;
  }
  try {
    await browser.scripting.registerContentScripts([script]);
  } catch (error) {
    // Another extension page registered it between our check and our call: that is success.
    const now = await browser.scripting.getRegisteredContentScripts({ ids: [script.id] });
    if (now.length === 0) throw error;
  }
}

/** Unregisters the site's script if there is one. Idempotent. */
export async function unregisterAutoScan(origin: string): Promise<void> {
  const id = autoScanScriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
}
