// Candidate tokens in a run of text, by shape only (spec v1, "Tokens"). Whether a candidate
// is an identifier is for the rules to decide.

/** Bit flags: which kinds a candidate has the shape of. */
export const DEPLOYMENT_SHAPE = 1;
export const SERIAL_SHAPE = 2;

export interface Candidate {
  start: number;
  end: number;
  /** DEPLOYMENT_SHAPE and/or SERIAL_SHAPE. */
  shapes: number;
}

const HYPHEN = 45;
const DOT = 46;

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isTokenChar(code: number): boolean {
  return isAlnum(code) || code === HYPHEN;
}

/** A digit joined to the digits at `at` by a single `.` or `-` on that side (`3.7614…`). */
export function joinedToDigit(text: string, joint: number, beyond: number): boolean {
  const c = text.charCodeAt(joint);
  return (c === DOT || c === HYPHEN) && isDigit(text.charCodeAt(beyond));
}

const ANY_DIGIT = /[0-9]/g;

/**
 * Every candidate in `text`, in order: serial-shaped tokens (a whole run of letters, digits
 * and hyphens, 6–24 long once its outer hyphens are dropped) and deployment-shaped runs of
 * exactly 8 digits. A token of exactly 8 digits has both shapes.
 */
export function findCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  const length = text.length;
  ANY_DIGIT.lastIndex = 0;
  for (let m = ANY_DIGIT.exec(text); m; m = ANY_DIGIT.exec(text)) {
    let start = m.index;
    let end = start + 1;
    while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
    while (end < length && isTokenChar(text.charCodeAt(end))) end++;
    ANY_DIGIT.lastIndex = end;

    let serialStart = start;
    let serialEnd = end;
    while (serialStart < serialEnd && text.charCodeAt(serialStart) === HYPHEN) serialStart++;
    while (serialEnd > serialStart && text.charCodeAt(serialEnd - 1) === HYPHEN) serialEnd--;
    const serialLength = serialEnd - serialStart;
    const serial =
      serialLength >= 6 && serialLength <= 24
        ? { start: serialStart, end: serialEnd, shapes: SERIAL_SHAPE }
        : null;
    if (serial) found.push(serial);

    // Deployment IDs: 8-digit words between hyphens (or the token's edges).
    let word = start;
    while (word < end) {
      let wordEnd = word;
      let digits = true;
      while (wordEnd < end && text.charCodeAt(wordEnd) !== HYPHEN) {
        if (!isDigit(text.charCodeAt(wordEnd))) digits = false;
        wordEnd++;
      }
      if (
        digits &&
        wordEnd - word === 8 &&
        !joinedToDigit(text, word - 1, word - 2) &&
        !joinedToDigit(text, wordEnd, wordEnd + 1)
      ) {
        if (serial && serial.start === word && serial.end === wordEnd) {
          serial.shapes |= DEPLOYMENT_SHAPE;
        } else {
          found.push({ start: word, end: wordEnd, shapes: DEPLOYMENT_SHAPE });
        }
      }
      word = wordEnd + 1;
    }
  }
  return found;
}

/** The shapes `value` has when it stands alone (a whole labelled value), or 0. */
export function shapesOf(value: string): number {
  if (/^[0-9]{8}$/.test(value)) return DEPLOYMENT_SHAPE | SERIAL_SHAPE;
  if (/^[A-Za-z0-9](?=[A-Za-z0-9-]*[0-9])[A-Za-z0-9-]{4,22}[A-Za-z0-9]$/.test(value)) {
    return SERIAL_SHAPE;
  }
  return 0;
}

// Candidates asked for by position, for a run read in windows: they answer exactly as
// `findCandidates` would for the whole text, from the characters around `at` alone.

/** The deployment-shaped candidate that starts at `at`, or null. */
export function deploymentAt(text: string, at: number): Candidate | null {
  // A word starts after anything but a letter or digit (a hyphen, or the token's edge).
  if (at > 0 && isAlnum(text.charCodeAt(at - 1))) return null;
  const end = at + 8;
  for (let i = at; i < end; i++) if (!isDigit(text.charCodeAt(i))) return null;
  if (isAlnum(text.charCodeAt(end))) return null;
  if (joinedToDigit(text, at - 1, at - 2) || joinedToDigit(text, end, end + 1)) return null;
  return { start: at, end, shapes: DEPLOYMENT_SHAPE };
}

/** The serial-shaped candidate that starts at `at` (its token's first letter or digit), or null. */
export function serialAt(text: string, at: number): Candidate | null {
  if (!isAlnum(text.charCodeAt(at))) return null;
  let before = at - 1;
  while (before >= 0 && text.charCodeAt(before) === HYPHEN) before--;
  if (before >= 0 && isAlnum(text.charCodeAt(before))) return null;
  let end = at;
  let digit = false;
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isAlnum(code)) {
      // A 25th letter or digit: the token is too long to be a serial, wherever it ends.
      if (i - at >= 24) return null;
      end = i + 1;
      if (isDigit(code)) digit = true;
    } else if (code !== HYPHEN) {
      break;
    }
  }
  return digit && end - at >= 6 ? { start: at, end, shapes: SERIAL_SHAPE } : null;
}
