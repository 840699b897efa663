// A CSV file's records, read the RFC 4180 way (quoted fields may hold the delimiter, quotes
// and line breaks), so that a name column with a comma in it does not shift the identifier
// columns. Lenient on purpose: a stray quote inside an unquoted field is kept as text,
// because a pasted file is read to find identifiers, not validated.

/** The delimiters a spreadsheet export uses; the header line decides which one. */
const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter used most on the first line (outside quotes), or undefined for one column. */
export function guessDelimiter(text: string): string | undefined {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [char, count] of counts) if (count > (best ? (counts.get(best) ?? 0) : 0)) best = char;
  return best;
}

/** Every record's fields; blank lines are left out. */
export function csvRecords(text: string, delimiter: string | undefined): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else field += char;
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
