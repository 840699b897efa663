import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { neutraliseFormula, toCsv } from './csv';

// A strict parser: a stray quote or a ragged record fails the round trip.
const parseBack = (text: string, bom = false) =>
  parse(text, { bom, record_delimiter: '\r\n', relax_quotes: false }) as string[][];

const HOSTILE = [
  'plain',
  'with, comma',
  'say "hi"',
  '"',
  '""',
  'line\nbreak',
  'carriage\rreturn',
  'crlf\r\nend',
  'Zürich Büro — 東京 📞',
  '=HYPERLINK("http://evil.test","click")',
  '+1 555 0100',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(A1:A2)',
  '\tleading tab',
  '\rleading CR',
  '',
  ' spaced ',
];

describe('toCsv', () => {
  test('records end with CRLF; only fields that need it are quoted, quotes doubled', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['plain', 'two\nlines'],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\nplain,"two\nlines"\r\n');
  });

  test('hostile cells come back from a real CSV parser as written, formulas neutralised', () => {
    const rows = HOSTILE.map((cell, i) => [String(i), cell]);
    const back = parseBack(toCsv(['n', 'cell'], rows));
    expect(back).toEqual([
      ['n', 'cell'],
      ...HOSTILE.map((cell, i) => [String(i), neutraliseFormula(cell)]),
    ]);
    expect(back.find(([n]) => n === '9')?.[1]).toBe('\'=HYPERLINK("http://evil.test","click")');
    expect(back.find(([n]) => n === '13')?.[1]).toBe("'\tleading tab");
  });

  test('every prefix a spreadsheet runs as a formula gets an apostrophe; others do not', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutraliseFormula(`${start}1`)).toBe(`'${start}1`);
    }
    for (const text of ['1-2', "'=already", 'a=b', ' =x', '']) {
      expect(neutraliseFormula(text)).toBe(text);
    }
  });

  test('numbers are written as numbers, negatives included; null, undefined and NaN as empty', () => {
    expect(toCsv(['n'], [[-12], [0], [1794], [null], [undefined], [Number.NaN]])).toBe(
      'n\r\n-12\r\n0\r\n1794\r\n\r\n\r\n\r\n',
    );
  });

  test('the Excel option starts with a byte-order mark; without it there is none', () => {
    const rows = [['Zürich', 'Ωμέγα']];
    const excel = toCsv(['city', 'name'], rows, { excel: true });
    const plain = toCsv(['city', 'name'], rows);
    expect(excel.charCodeAt(0)).toBe(0xfeff);
    expect(plain.charCodeAt(0)).toBe('c'.charCodeAt(0));
    const bytes = new TextEncoder().encode(excel);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseBack(excel, true)).toEqual(parseBack(plain));
    expect(parseBack(plain)).toEqual([
      ['city', 'name'],
      ['Zürich', 'Ωμέγα'],
    ]);
  });

  test('any text round-trips through the parser (property)', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const back = parseBack(toCsv(['a', 'b'], rows));
        expect(back).toEqual([['a', 'b'], ...rows.map((row) => row.map(neutraliseFormula))]);
      }),
    );
  });
});
