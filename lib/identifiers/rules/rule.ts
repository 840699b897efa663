import type { Candidate } from '../tokens';
import type { IdentifierKind, TextRun } from '../types';

/** What every rule gets for one run: its text and the candidates already found in it. */
export interface RunContext {
  run: TextRun;
  text: string;
  candidates: Candidate[];
}

/** An identifier a rule found, as a span of the run's text. */
export interface Finding {
  kind: IdentifierKind;
  start: number;
  end: number;
}

/** One way a candidate becomes an identifier (spec v1, "Cues"). */
export interface Rule {
  name: string;
  find(context: RunContext, out: Finding[]): void;
}
