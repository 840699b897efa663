import { RULES } from './rules';
import type { Finding } from './rules/rule';
import { findCandidates } from './tokens';
import type { Match, TextRun } from './types';

const ANY_DIGIT = /[0-9]/;

/** The index of the node holding text offset `offset` (the last node starting before it). */
function nodeIndex(starts: number[], offset: number, endExclusive: boolean): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = starts[mid] ?? 0;
    if (endExclusive ? start < offset : start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Every identifier in one run, in text order, each with its DOM position. Runs without a
 * digit (most of them) cost one regex test; rules only see runs that hold a candidate.
 */
export function detectInRun(run: TextRun): Match[] {
  if (run.hasDigit === false) return [];
  const text = run.text;
  // A walker that already told (hasDigit true) saves scanning the text again.
  if (run.hasDigit === undefined && !ANY_DIGIT.test(text)) return [];
  const candidates = findCandidates(text);
  if (candidates.length === 0) return [];
  const findings: Finding[] = [];
  const context = { run, text, candidates };
  for (const rule of RULES) rule.find(context, findings);
  if (findings.length === 0) return [];
  return matchesOf(run, text, findings);
}

/** Findings as matches: in text order, each span and kind once, with its DOM position. */
export function matchesOf(run: TextRun, text: string, findings: Finding[]): Match[] {
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : 1));
  const matches: Match[] = [];
  let previous: Finding | null = null;
  for (const found of findings) {
    if (
      previous &&
      previous.start === found.start &&
      previous.end === found.end &&
      previous.kind === found.kind
    ) {
      continue;
    }
    previous = found;
    const first = nodeIndex(run.starts, found.start, false);
    const last = nodeIndex(run.starts, found.end, true);
    const startContainer = run.nodes[first];
    const endContainer = run.nodes[last];
    if (!startContainer || !endContainer) continue;
    const raw = text.slice(found.start, found.end);
    matches.push({
      kind: found.kind,
      value: found.kind === 'serial' ? raw.toUpperCase() : raw,
      startContainer,
      startOffset: found.start - (run.starts[first] ?? 0),
      endContainer,
      endOffset: found.end - (run.starts[last] ?? 0),
    });
  }
  return matches;
}
