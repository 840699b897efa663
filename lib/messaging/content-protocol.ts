// Messages between a content script and the background. Types only: the content script
// must stay dependency-free, so the background parses these with the zod/mini schemas in
// ./schemas.ts and trusts nothing else about them.

import type { IdentifierKind } from '../identifiers/types';

/** One distinct identifier found in a frame, with how many times it occurs there. */
export interface ReportedIdentifier {
  kind: IdentifierKind;
  value: string;
  count: number;
}

/**
 * Content script → background. The frame's whole current set, replacing what that frame
 * reported before (the background knows the tab, frame and URL from the sender).
 */
export interface DetectionsReport {
  type: 'detections';
  identifiers: ReportedIdentifier[];
  /** The scan hit its work cap: the page has more text than was read. */
  truncated: boolean;
  /**
   * The frame's highlights wait for the user: its document is too large to take their
   * colours without pausing the page (absent from scripts that never hold them).
   */
  highlightsHeld?: boolean;
}

/** Background → content script, in answer to a report. */
export interface DetectionsReply {
  highlights: boolean;
}

/** Background → content script. `show-held-highlights`: the user chose to colour a large page. */
export type ContentCommand =
  | { type: 'set-highlights'; enabled: boolean }
  | { type: 'show-held-highlights' };
