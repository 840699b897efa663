// Cue words (spec v1, "Cues"). Case-insensitive; plurals count; `DID` is never a cue.

import type { IdentifierKind } from './types';

const DEPLOYMENT = String.raw`deployments?(?:\s+(?:ids?|numbers?|nos?\.?|#))?|deploy\s+ids?`;
const SERIAL = String.raw`serials?(?:\s+(?:numbers?|nos?\.?|#))?|s\/ns?|sns?`;

/** Finds cue words in running text; group 1 is a deployment cue, group 2 a serial cue. */
export const CUE_WORDS = new RegExp(
  `(?<![A-Za-z0-9])(?:(${DEPLOYMENT})|(${SERIAL}))(?![A-Za-z0-9])`,
  'gi',
);

/** A whole label: exactly one cue, optionally followed by `:` or `#`. */
const LABEL = new RegExp(String.raw`^(?:(${DEPLOYMENT})|(${SERIAL}))\s*[:#]?$`, 'i');

/** The kind a label names, when its whole (trimmed) text is a cue. */
export function labelCueKind(label: string | null | undefined): IdentifierKind | null {
  if (!label) return null;
  const m = LABEL.exec(label.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  return m[1] ? 'deployment' : 'serial';
}

/** Words allowed between a cue and its value ("the deployment ID of your PBX is …" is not). */
export const CONNECTING_WORDS: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'of',
  'for',
  'the',
  'our',
  'your',
  'this',
  'its',
  'my',
]);

/** Cues of another sort: a number after one of these belongs to it, not to an earlier cue. */
export const NEGATIVE_CUES: ReadonlySet<string> = new Set([
  'ticket',
  'order',
  'invoice',
  'case',
  'account',
  'phone',
  'did',
  'ext',
  'po',
]);

/** Words joining the items of a list that follows one cue. */
export const LIST_WORDS: ReadonlySet<string> = new Set(['and', 'or']);
