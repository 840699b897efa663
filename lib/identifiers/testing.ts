// Helpers for the detector's unit tests (never imported by shipping code).

import { detectInRun } from './detect-in-run';
import { createRunWalker } from './run-walker';
import type { Match, TextRun } from './types';

/** Replaces the test document's body and returns it. */
export function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Every run under `root`, in order. */
export function runsOf(root: Node): TextRun[] {
  const runs: TextRun[] = [];
  const walker = createRunWalker(root);
  for (let run = walker.next(); run; run = walker.next()) runs.push(run);
  return runs;
}

/** The non-blank run texts under `root`, whitespace collapsed. */
export function runTexts(root: Node): string[] {
  return runsOf(root)
    .map((run) => run.text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
}

/** Every match under `root`, as `kind:value` strings in text order. */
export function matchesIn(root: Node): string[] {
  return runsOf(root)
    .flatMap((run) => detectInRun(run))
    .map((match) => `${match.kind}:${match.value}`);
}

/** The matches of a one-block snippet, as `kind:value` strings. */
export function found(html: string): string[] {
  return matchesIn(page(html));
}

/** The text a match covers, read back through a DOM Range. */
export function rangeText(match: Match): string {
  const range = document.createRange();
  range.setStart(match.startContainer, match.startOffset);
  range.setEnd(match.endContainer, match.endOffset);
  return range.toString();
}
