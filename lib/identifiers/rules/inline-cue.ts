// Rule 1, inline cue: a cue word before the candidate in the same run, with only punctuation
// and connecting words between (about 30 characters at most), and a list after one cue
// counting whole. Any other word — a cue of another sort such as "ticket" or "DID" first of
// all — or any digit in between breaks the cue.

import { CONNECTING_WORDS, CUE_WORDS, LIST_WORDS, NEGATIVE_CUES } from '../cues';
import { type Candidate, DEPLOYMENT_SHAPE, isAlnum, isDigit, SERIAL_SHAPE } from '../tokens';
import type { IdentifierKind } from '../types';
import type { Finding, Rule, RunContext } from './rule';

/** The most characters between a cue and its value (spaces and dot leaders count once). */
export const MAX_CUE_GAP = 30;

const LIST_PUNCTUATION = new Set([44 /* , */, 47 /* / */, 38 /* & */]);
/** Characters that repeat as a leader ("Deployment ....... 12345678") and count once. */
const LEADERS = new Set([32, 46, 95, 183, 8230, 9, 10, 13, 12, 11, 160, 8194, 8195, 8201]);

function wordEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isAlnum(text.charCodeAt(end))) end++;
  return end;
}

/** A word of another sort: it belongs to a different number than the one a cue names. */
export function isNegativeCue(word: string): boolean {
  const lower = word.toLowerCase();
  return NEGATIVE_CUES.has(lower) || (lower.endsWith('s') && NEGATIVE_CUES.has(lower.slice(0, -1)));
}

type Step = { kind: 'candidate'; candidate: Candidate } | { kind: 'stop' };

/**
 * Reads forward from `from` over what may stand between a cue and its value; stops at the
 * first candidate of the wanted shape (found) or at anything that breaks the cue.
 */
function seekValue(text: string, from: number, byStart: Map<number, Candidate>): Step {
  let gap = 0;
  let position = from;
  while (position < text.length && gap <= MAX_CUE_GAP) {
    const code = text.charCodeAt(position);
    if (isAlnum(code)) {
      const candidate = byStart.get(position);
      if (candidate) return { kind: 'candidate', candidate };
      if (isDigit(code)) return { kind: 'stop' };
      const end = wordEnd(text, position);
      const word = text.slice(position, end).toLowerCase();
      if (!CONNECTING_WORDS.has(word) || isNegativeCue(word)) return { kind: 'stop' };
      gap += end - position;
      position = end;
    } else if (LEADERS.has(code)) {
      gap++;
      while (position < text.length && LEADERS.has(text.charCodeAt(position))) position++;
    } else {
      gap++;
      position++;
    }
  }
  return { kind: 'stop' };
}

/** After one list item: the next item, when only list separators stand between. */
function nextListItem(
  text: string,
  from: number,
  byStart: Map<number, Candidate>,
): Candidate | null {
  let separated = false;
  let position = from;
  while (position < text.length && position - from <= MAX_CUE_GAP) {
    const code = text.charCodeAt(position);
    if (code <= 32 || code === 160) {
      position++;
    } else if (LIST_PUNCTUATION.has(code)) {
      separated = true;
      position++;
    } else if (isAlnum(code)) {
      const candidate = byStart.get(position);
      if (candidate) return separated ? candidate : null;
      const end = wordEnd(text, position);
      if (!LIST_WORDS.has(text.slice(position, end).toLowerCase())) return null;
      separated = true;
      position = end;
    } else {
      return null;
    }
  }
  return null;
}

/** Candidates by where they start, one map per kind (a token may start both). */
function indexByStart(candidates: Candidate[]): Record<IdentifierKind, Map<number, Candidate>> {
  const deployment = new Map<number, Candidate>();
  const serial = new Map<number, Candidate>();
  for (const candidate of candidates) {
    if (candidate.shapes & DEPLOYMENT_SHAPE) deployment.set(candidate.start, candidate);
    if (candidate.shapes & SERIAL_SHAPE) serial.set(candidate.start, candidate);
  }
  return { deployment, serial };
}

export const inlineCue: Rule = {
  name: 'inline-cue',
  find({ text, candidates }: RunContext, out: Finding[]): void {
    let byShape: Record<IdentifierKind, Map<number, Candidate>> | null = null;
    CUE_WORDS.lastIndex = 0;
    for (let cue = CUE_WORDS.exec(text); cue; cue = CUE_WORDS.exec(text)) {
      byShape ??= indexByStart(candidates);
      const kind: IdentifierKind = cue[1] ? 'deployment' : 'serial';
      const byStart = byShape[kind];
      const step = seekValue(text, cue.index + cue[0].length, byStart);
      if (step.kind !== 'candidate') continue;
      let item: Candidate | null = step.candidate;
      while (item) {
        out.push({ kind, start: item.start, end: item.end });
        item = nextListItem(text, item.end, byStart);
      }
    }
  },
};
