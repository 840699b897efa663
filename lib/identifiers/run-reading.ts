// Detection of one run, a window of text at a time, so that a run of many megabytes (a
// single text node can hold them) is read in steps the scanner can spread over its time slices.
// The answer is exactly the whole run's (detectInRun): every window looks at the whole text
// around it, a token is read across windows whole, a list after one cue is carried from
// window to window, and a match is handed out only once nothing read later can add one
// before it, so the matches come out in text order, each once.

import { detectInRun, matchesOf } from './detect-in-run';
import { RULES } from './rules';
import { findInlineInWindow, inlineCue, type OpenList } from './rules/inline-cue';
import type { Finding } from './rules/rule';
import { TokenStream } from './token-stream';
import type { Candidate } from './tokens';
import type { Match, TextRun } from './types';

/**
 * Characters one step reads: small enough that the densest text (a cue every few words)
 * is a small part of a slice. A run no longer than this is detected whole, in one step.
 */
export const WINDOW_CHARS = 1 << 12;
/**
 * Candidates one step takes at most: each may cost the rules a DOM lookup, so a window
 * dense with them (a list of IDs) ends early and the next step goes on from there.
 */
export const STEP_CANDIDATES = 128;

/** The detection of one run, step by step. */
export interface RunReading {
  /** Reads on (one window); returns the matches that are now certain, in text order. */
  step(): Match[];
  /** No more matches will come. */
  readonly done: boolean;
}

export interface RunReadingOptions {
  windowChars?: number;
  maxCandidates?: number;
  /**
   * Where reading stops (the scan's cap falls inside this run): the matches that end by it
   * are found, as the whole run's detection finds them; none after it.
   */
  limit?: number;
}

/** Rules that judge each candidate by itself and the few characters around it. */
const CANDIDATE_RULES = RULES.filter((rule) => rule !== inlineCue);

export function readRun(run: TextRun, options: RunReadingOptions = {}): RunReading {
  if (run.hasDigit === false) return new WholeReading(null);
  const windowChars = Math.max(1, options.windowChars ?? WINDOW_CHARS);
  const text = run.text;
  const limit = Math.min(options.limit ?? text.length, text.length);
  if (limit >= text.length && text.length <= windowChars) return new WholeReading(run);
  const maxCandidates = Math.max(1, options.maxCandidates ?? STEP_CANDIDATES);
  return new WindowedReading(run, text, windowChars, maxCandidates, limit);
}

/** A short run: detected whole, in its first step. */
class WholeReading implements RunReading {
  done = false;

  constructor(private readonly run: TextRun | null) {}

  step(): Match[] {
    if (this.done) return [];
    this.done = true;
    return this.run ? detectInRun(this.run) : [];
  }
}

class WindowedReading implements RunReading {
  done = false;
  private position = 0;
  /** Findings not yet handed out: something read later may still come before them. */
  private held: Finding[] = [];
  private readonly open = new Map<string, OpenList>();
  private readonly tokens = new TokenStream();

  constructor(
    private readonly run: TextRun,
    private readonly text: string,
    private readonly windowChars: number,
    private readonly maxCandidates: number,
    private readonly limit: number,
  ) {}

  step(): Match[] {
    if (this.done) return [];
    const { run, text } = this;
    const from = this.position;
    const candidates: Candidate[] = [];
    const end = Math.min(text.length, from + this.windowChars);
    const to = this.tokens.feed(text, from, end, candidates, this.maxCandidates);
    this.position = to;
    if (candidates.length > 0) {
      const context = { run, text, candidates };
      for (const rule of CANDIDATE_RULES) rule.find(context, this.held);
    }
    findInlineInWindow(text, from, to, this.open, this.held);
    // Later windows find only cues after `to`, the rest of a token still being read, and
    // the next items of open lists: nothing before the least of those can still come.
    let settled = Math.min(to, this.tokens.hold);
    for (const list of this.open.values()) settled = Math.min(settled, list.end);
    if (to >= text.length || settled >= this.limit) {
      this.done = true;
      this.open.clear();
      settled = Number.POSITIVE_INFINITY;
    }
    return this.take(settled);
  }

  /** Hands out the findings that start before `settled` and end by the limit. */
  private take(settled: number): Match[] {
    const ready: Finding[] = [];
    const later: Finding[] = [];
    for (const found of this.held) {
      if (found.start >= settled) later.push(found);
      else if (found.end <= this.limit) ready.push(found);
    }
    this.held = later;
    return ready.length > 0 ? matchesOf(this.run, this.text, ready) : [];
  }
}
