// Rule 1, inline cue: a cue word before the candidate in the same run, with only punctuation
// and connecting words between (about 30 characters at most), and a list after one cue
// counting whole. Any other word — a cue of another sort such as "ticket" or "DID" first of
// all — or any digit in between breaks the cue.

import { CONNECTING_WORDS, CUE_WORDS, LIST_WORDS, NEGATIVE_CUES } from '../cues';
import {
  type Candidate,
  DEPLOYMENT_SHAPE,
  deploymentAt,
  isAlnum,
  isDigit,
  SERIAL_SHAPE,
  serialAt,
} from '../tokens';
import type { IdentifierKind } from '../types';
import type { Finding, Rule, RunContext } from './rule';

/** The most characters between a cue and its value (spaces and dot leaders count once). */
export const MAX_CUE_GAP = 30;

const LIST_PUNCTUATION = new Set([44 /* , */, 47 /* / */, 38 /* & */]);
/** Characters that repeat as a leader ("Deployment ....... 12345678") and count once. */
const LEADERS = new Set([32, 46, 95, 183, 8230, 9, 10, 13, 12, 11, 160, 8194, 8195, 8201]);

/** Longer than any connecting or list word: a word past it is none of them. */
const LONGEST_WORD = 8;

/**
 * Where the word at `from` ends, looking no further than one character past LONGEST_WORD:
 * a word of megabytes (a line of digits) is told from a connecting word at once.
 */
function wordEnd(text: string, from: number): number {
  const stop = Math.min(text.length, from + LONGEST_WORD + 1);
  let end = from;
  while (end < stop && isAlnum(text.charCodeAt(end))) end++;
  return end;
}

/** A word of another sort: it belongs to a different number than the one a cue names. */
export function isNegativeCue(word: string): boolean {
  const lower = word.toLowerCase();
  return NEGATIVE_CUES.has(lower) || (lower.endsWith('s') && NEGATIVE_CUES.has(lower.slice(0, -1)));
}

type Step = { kind: 'candidate'; candidate: Candidate } | { kind: 'stop' };

/** The candidate of the wanted kind that starts at a position, if any. */
type CandidateAt = (position: number) => Candidate | null | undefined;

/**
 * Reads forward from `from` over what may stand between a cue and its value; stops at the
 * first candidate of the wanted shape (found) or at anything that breaks the cue.
 */
function seekValue(text: string, from: number, candidateAt: CandidateAt): Step {
  let gap = 0;
  let position = from;
  while (position < text.length && gap <= MAX_CUE_GAP) {
    const code = text.charCodeAt(position);
    if (isAlnum(code)) {
      const candidate = candidateAt(position);
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
function nextListItem(text: string, from: number, candidateAt: CandidateAt): Candidate | null {
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
      const candidate = candidateAt(position);
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
      const candidateAt = (position: number) => byStart.get(position);
      const step = seekValue(text, cue.index + cue[0].length, candidateAt);
      if (step.kind !== 'candidate') continue;
      let item: Candidate | null = step.candidate;
      while (item) {
        out.push({ kind, start: item.start, end: item.end });
        item = nextListItem(text, item.end, candidateAt);
      }
    }
  },
};

// The same rule over a long run read in windows (see run-reading.ts). A cue is taken in the
// window it starts in and its value looked for in the whole text, as above; a list that runs
// on past the window's end is carried to the next window as an open list, so one cue still
// counts a list of any length, a window at a time.

/** Where each cue's first letters can stand; every cue word starts with one of them. */
const CUE_START = /deploy|serial|s\/n|sn/gi;
/** Longest of those starts: a cue starting before a window's end is found whole. */
const CUE_START_MAX = 6;
/** The cue words matched at one position, with the lookbehind seeing the whole text. */
const CUE_AT = new RegExp(CUE_WORDS.source, 'iy');

/** A list after a cue still going at the end of a window: the next item follows `end`. */
export interface OpenList {
  kind: IdentifierKind;
  end: number;
}

function lookupFor(text: string, kind: IdentifierKind): CandidateAt {
  return kind === 'deployment'
    ? (position) => deploymentAt(text, position)
    : (position) => serialAt(text, position);
}

/** Takes a list's items while they start before `to`; the rest waits in `open`. */
function followList(
  text: string,
  kind: IdentifierKind,
  end: number,
  to: number,
  open: Map<string, OpenList>,
  out: Finding[],
): void {
  const candidateAt = lookupFor(text, kind);
  for (let item = nextListItem(text, end, candidateAt); item; ) {
    if (item.start >= to) {
      // Lists of one kind that reach the same item go on as one.
      open.set(`${kind}:${end}`, { kind, end });
      return;
    }
    out.push({ kind, start: item.start, end: item.end });
    end = item.end;
    item = nextListItem(text, end, candidateAt);
  }
}

/**
 * The inline cues of `text` that start in [from, to), and the items of lists still open from
 * earlier windows that start before `to`. `open` holds the lists that go on past `to`.
 */
export function findInlineInWindow(
  text: string,
  from: number,
  to: number,
  open: Map<string, OpenList>,
  out: Finding[],
): void {
  const carried = [...open.values()];
  open.clear();
  for (const list of carried) followList(text, list.kind, list.end, to, open, out);
  const window = text.slice(from, Math.min(text.length, to + CUE_START_MAX));
  CUE_START.lastIndex = 0;
  for (let start = CUE_START.exec(window); start; start = CUE_START.exec(window)) {
    if (start.index >= to - from) break;
    const at = from + start.index;
    CUE_AT.lastIndex = at;
    const cue = CUE_AT.exec(text);
    if (!cue) continue;
    // As the whole-run search does, the next cue is looked for after this one.
    CUE_START.lastIndex = Math.max(CUE_START.lastIndex, at + cue[0].length - from);
    const kind: IdentifierKind = cue[1] ? 'deployment' : 'serial';
    const step = seekValue(text, at + cue[0].length, lookupFor(text, kind));
    if (step.kind !== 'candidate') continue;
    const item = step.candidate;
    out.push({ kind, start: item.start, end: item.end });
    followList(text, kind, item.end, to, open, out);
  }
}
