// The candidates of a long run found window by window (see run-reading.ts), exactly as
// `findCandidates` finds them in the whole text. A token may be longer than any window (a
// page-long line of digits is one token), so the token being read is carried from one window
// to the next instead of being looked for whole.

import {
  type Candidate,
  DEPLOYMENT_SHAPE,
  isAlnum,
  isDigit,
  joinedToDigit,
  SERIAL_SHAPE,
} from './tokens';

const HYPHEN = 45;
/** The longest a serial may be. */
const SERIAL_MAX = 24;

export class TokenStream {
  /** Where the token being read starts, or -1 between tokens. */
  private tokenStart = -1;
  /** Its first and (one past) its last letter or digit: the serial it may be. */
  private firstAlnum = -1;
  private alnumEnd = -1;
  private tokenDigit = false;
  /** Still short enough to be a serial. */
  private mayBeSerial = false;
  /** The word (letters and digits between hyphens) being read, or -1. */
  private wordStart = -1;
  private wordDigits = false;
  /** The token's 8-digit word found in this window: a serial of the same span joins it. */
  private lastWord: Candidate | null = null;

  /**
   * Reads `text` from `from` to `to`, pushing every candidate whose token or word ended, and
   * stops early once `out` holds `max` of them. Returns where it stopped: the next feed goes
   * on from there.
   */
  feed(text: string, from: number, to: number, out: Candidate[], max = Infinity): number {
    this.lastWord = null;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (isAlnum(code)) {
        if (this.tokenStart < 0) this.openToken(i);
        if (this.firstAlnum < 0) this.firstAlnum = i;
        if (this.wordStart < 0) {
          this.wordStart = i;
          this.wordDigits = true;
        }
        if (isDigit(code)) this.tokenDigit = true;
        else this.wordDigits = false;
        this.alnumEnd = i + 1;
        if (i - this.firstAlnum >= SERIAL_MAX) this.mayBeSerial = false;
        continue;
      }
      if (this.wordStart >= 0) this.endWord(text, i, out);
      if (code === HYPHEN) {
        if (this.tokenStart < 0) this.openToken(i);
      } else if (this.tokenStart >= 0) {
        this.endToken(out);
      }
      if (out.length >= max && i + 1 < to) return i + 1;
    }
    if (to >= text.length) {
      if (this.wordStart >= 0) this.endWord(text, text.length, out);
      if (this.tokenStart >= 0) this.endToken(out);
    }
    return to;
  }

  /** The earliest a candidate not yet pushed can start (Infinity: none is under way). */
  get hold(): number {
    if (this.tokenStart < 0) return Number.POSITIVE_INFINITY;
    if (this.mayBeSerial && this.firstAlnum >= 0) return this.firstAlnum;
    // A word past 8 characters, or with a letter, is no deployment ID however it ends.
    const word = this.wordStart;
    return word >= 0 && this.wordDigits && this.alnumEnd - word <= 8
      ? word
      : Number.POSITIVE_INFINITY;
  }

  private openToken(at: number): void {
    this.tokenStart = at;
    this.firstAlnum = -1;
    this.alnumEnd = -1;
    this.tokenDigit = false;
    this.mayBeSerial = true;
    this.lastWord = null;
  }

  private endWord(text: string, end: number, out: Candidate[]): void {
    const start = this.wordStart;
    this.wordStart = -1;
    if (!this.wordDigits || end - start !== 8) return;
    if (joinedToDigit(text, start - 1, start - 2) || joinedToDigit(text, end, end + 1)) return;
    this.lastWord = { start, end, shapes: DEPLOYMENT_SHAPE };
    out.push(this.lastWord);
  }

  private endToken(out: Candidate[]): void {
    this.tokenStart = -1;
    const start = this.firstAlnum;
    const end = this.alnumEnd;
    if (!this.tokenDigit || !this.mayBeSerial || start < 0 || end - start < 6) return;
    const word = this.lastWord;
    if (word && word.start === start && word.end === end) word.shapes |= SERIAL_SHAPE;
    else out.push({ start, end, shapes: SERIAL_SHAPE });
  }
}
