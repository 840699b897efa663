// An RFC 4180 CSV writer for the renewal exports: CRLF between records, a field quoted when
// it holds a comma, quote, CR or LF, quotes doubled inside. The text is UTF-8 once encoded
// (a Blob or TextEncoder); `excel` puts a byte-order mark first, the only way Excel on Windows
// reads a CSV file as UTF-8 instead of the system's legacy code page.

/** A cell: text is written as given (neutralised if a formula); a number as its digits. */
export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  /** Start with a byte-order mark (U+FEFF) so that Excel reads the file as UTF-8. */
  excel?: boolean;
}

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
// What a spreadsheet reads as the start of a formula (and tab/CR, which some strip first).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would run as a formula gets a leading apostrophe: a portal's
 * deployment name is someone else's text, and `=HYPERLINK(…)` in it must stay text.
 * Numbers are not touched: `-12` days to expiry is a number, not a formula.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text =
    typeof cell === 'number'
      ? Number.isFinite(cell)
        ? String(cell)
        : ''
      : neutraliseFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: a header record, then one record per row, each ended by CRLF. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  options: CsvOptions = {},
): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return `${options.excel ? BOM : ''}${lines.join('\r\n')}\r\n`;
}
