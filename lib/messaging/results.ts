// What the background answers extension pages. Types only, so the popup bundles none of the
// background's code. Errors are values with a kind the popup turns into a sentence.
import type { IdentifierKind } from '../identifiers/types';

import type { Result } from '../result';

export type { Result };

/** Why the background could not look at a tab's page; each has its own wording in the popup. */
export type ScanErrorKind =
  /** chrome://, about:, edge://, view-source:, another extension's page, … */
  | 'restricted-page'
  /** The browser's add-on store: no extension may script it. */
  | 'web-store'
  /** The browser's PDF viewer shows the document; there is no page text to read. */
  | 'pdf'
  /** A file:// page while "Allow access to file URLs" is off. */
  | 'file-access'
  /** No permission for this tab: the toolbar button was not clicked on it since it loaded. */
  | 'no-access'
  | 'tab-closed'
  | 'injection-failed';

export type BackgroundErrorKind =
  | ScanErrorKind
  /** The request did not match the protocol (a bug in the sender). */
  | 'invalid-request'
  /** A handler failed; the background logged why. */
  | 'internal'
  /** The message never got an answer (background restarting, extension reloaded). */
  | 'background-unavailable';

export interface BackgroundError {
  kind: BackgroundErrorKind;
  /** The underlying message, for the console and bug reports; not shown as the sentence. */
  detail?: string;
}

/** One distinct identifier on a tab, across all its frames. */
export interface TabIdentifier {
  kind: IdentifierKind;
  value: string;
  /** Occurrences on the tab (summed over frames). */
  count: number;
}

export interface TabResults {
  tabId: number;
  /** False until some frame of the tab's current page has reported. */
  scanned: boolean;
  /** Sorted: deployments first, then serials, each by value. */
  identifiers: TabIdentifier[];
  /** Some frame hit its work cap: there is more text than was read. */
  truncated: boolean;
  /**
   * The page has more distinct identifiers than MAX_DISTINCT_IDENTIFIERS
   * (lib/messaging/report-limits.ts), in one frame or in its frames together: `identifiers`
   * are the first ones found.
   */
  capped: boolean;
  /** Some frame's report could not be accepted: what it found is missing from `identifiers`. */
  unreadable: boolean;
  /**
   * Some frame holds its highlights back: its page is too large to colour without pausing
   * it, until the user asks (`show-held-highlights`). Absent when none does.
   */
  highlightsHeld?: true;
  /** How many frames reported (the top frame and same-origin or injected subframes). */
  frameCount: number;
  /** The top frame's URL as it reported it, when it has. */
  pageUrl?: string;
  /** Epoch ms of the newest report. */
  updatedAt?: number;
}

export interface ScanStarted {
  /** Frames the content script was injected into; their reports arrive separately. */
  frames: number;
}

export interface HighlightsState {
  enabled: boolean;
}

export interface HeldHighlightsShown {
  tabId: number;
}
