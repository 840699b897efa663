import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type BulkIdentifier, MAX_BULK_IDENTIFIERS, parseBulkList } from './parse';

const parsed = (text: string) => {
  const result = parseBulkList(text);
  if (!result.ok) throw new Error(`expected a list, got ${JSON.stringify(result)}`);
  return result;
};
const values = (text: string) => parsed(text).identifiers.map((item) => item.value);

const digit = fc.constantFrom(...'0123456789');
const letter = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ');
const deployment = fc
  .string({ unit: digit, minLength: 8, maxLength: 8 })
  .map((value): BulkIdentifier => ({ kind: 'deployment', value }));
// A serial: a letter and a digit first, 6–24 characters, maybe one inner hyphen after them.
const serial = fc
  .tuple(letter, digit, fc.string({ unit: fc.oneof(letter, digit), minLength: 4, maxLength: 20 }))
  .map(([l, d, rest]) => `${l}${d}${rest}`)
  .chain((value) =>
    fc
      .integer({ min: 1, max: value.length - 2 })
      .map((at) => (at > 1 ? `${value.slice(0, at)}-${value.slice(at + 1)}` : value)),
  )
  .map((value): BulkIdentifier => ({ kind: 'serial', value }));
const identifier = fc.oneof(deployment, serial);
const separator = fc.constantFrom(',', ';', ' ', '\n', '\r\n', '\t', '|', ', ', ' | ', '\n\n');
const garbage = fc.oneof(
  fc.string({ unit: digit, minLength: 1, maxLength: 7 }),
  fc.string({ unit: digit, minLength: 9, maxLength: 14 }),
  fc.string({ unit: letter, minLength: 1, maxLength: 10 }),
  fc.tuple(letter, digit).map(([l, d]) => `${l}${d}@x.test`),
);

const join = (tokens: string[], seps: string[]) =>
  tokens.map((token, i) => `${token}${seps[i % seps.length] ?? ' '}`).join('');

describe('parseBulkList (properties)', () => {
  test('any separators: the identifiers come back deduplicated, in first-seen order', () => {
    fc.assert(
      fc.property(
        fc.array(identifier, { maxLength: 40 }),
        fc.array(separator, { minLength: 1 }),
        fc.boolean(),
        (items, seps, lowerCase) => {
          const repeated = [...items, ...items.slice(0, 5)];
          const text = join(
            repeated.map((item) => (lowerCase ? item.value.toLowerCase() : item.value)),
            seps,
          );
          const unique = [
            ...new Map(items.map((item) => [`${item.kind}:${item.value}`, item])).values(),
          ];
          const result = parsed(text);
          expect(result.identifiers).toEqual(unique);
          expect(result.unreadableCount).toBe(0);
        },
      ),
    );
  });

  test('garbage between them is reported once per token and never read as an identifier', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            identifier.map((item) => ({ token: item.value, readable: true })),
            garbage.map((token) => ({ token, readable: false })),
          ),
          { maxLength: 40 },
        ),
        separator,
        (tokens, sep) => {
          const result = parsed(tokens.map((entry) => entry.token).join(sep));
          const of = (readable: boolean) =>
            new Set(
              tokens.filter((entry) => entry.readable === readable).map((entry) => entry.token),
            );
          expect(result.unreadable.map((entry) => entry.token)).toEqual([...of(false)]);
          expect(result.unreadableCount).toBe(of(false).size);
          expect(result.identifiers.map((item) => item.value)).toEqual([...of(true)]);
        },
      ),
    );
  });
});

describe('parseBulkList (examples)', () => {
  test('each unreadable token says why', () => {
    expect(parsed('1418133 141813360 VS01 ABCDEFGH VS-0164- ab@cd 14181336 #').unreadable).toEqual([
      { token: '1418133', reason: 'not-8-digits' },
      { token: '141813360', reason: 'not-8-digits' },
      { token: 'VS01', reason: 'not-serial-shape' },
      { token: 'ABCDEFGH', reason: 'not-serial-shape' },
      { token: 'ab@cd', reason: 'unexpected-characters' },
    ]);
  });

  test('clinging punctuation and quotes are dropped; serials are upper-cased', () => {
    expect(values('"14181336", (vs0164ab); [VS-0165-AB]. 14181336')).toEqual([
      '14181336',
      'VS0164AB',
      'VS-0165-AB',
    ]);
  });

  test('a CSV with a header: only the deployment and serial columns are read', () => {
    const csv = [
      '\uFEFFCustomer,Deployment ID,Notes,S/N',
      '"Lakeshore, Dental",14181336,"renew 12345678 too?",vs0164ab',
      'Harbour Vets,00412345,,',
      '"Multi\nline, name",14181337,x,"VS0001AA, VS0002AA"',
    ].join('\r\n');
    const result = parsed(csv);
    expect(result.columns).toEqual(['Deployment ID', 'S/N']);
    expect(result.identifiers.map((item) => item.value)).toEqual([
      '14181336',
      'VS0164AB',
      '00412345',
      '14181337',
      'VS0001AA',
      'VS0002AA',
    ]);
    expect(result.unreadableCount).toBe(0);
  });

  test('quoted fields: doubled quotes, delimiters and line breaks inside keep the columns in place', () => {
    const csv =
      'Note,Serial\r\n"He said ""see VS0999ZZ, later""\nthen left",VS0164AB\r\n"",VS0164AC';
    expect(parsed(csv).identifiers.map((item) => item.value)).toEqual(['VS0164AB', 'VS0164AC']);
  });

  test('semicolon and tab CSV files; a one-column file with its header', () => {
    expect(values('Name;Serial number\nA;VS0164AB\nB;VS0164AC')).toEqual(['VS0164AB', 'VS0164AC']);
    expect(values('deployment\tname\n14181336\tA 12345678')).toEqual(['14181336']);
    expect(values('Deployment IDs\n14181336\n00412345')).toEqual(['14181336', '00412345']);
    expect(values('Site,Appliance serial,Deployment no.\nA,VS0164AB,14181336')).toEqual([
      'VS0164AB',
      '14181336',
    ]);
  });

  test('a free list whose first line mentions serials is read whole', () => {
    expect(values('Serials from the ticket, see below: VS0164AB\nVS0164AC, 14181336')).toEqual([
      'VS0164AB',
      'VS0164AC',
      '14181336',
    ]);
    expect(values('Serials from the ticket, see below\nVS0164AB, VS0164AC')).toEqual([
      'VS0164AB',
      'VS0164AC',
    ]);
  });

  test('5,000 identifiers among garbage are accepted; one more is an error with the count', () => {
    const rows = Array.from({ length: MAX_BULK_IDENTIFIERS }, (_, i) =>
      i % 2 ? `VS${String(i).padStart(6, '0')}` : String(10_000_000 + i),
    );
    const noisy = rows.map((row, i) => (i % 7 ? row : `${row}, n/a, 123, ${row}`)).join('\n');
    // "???" is punctuation only: a separator, not a token.
    const result = parsed(`${noisy}\n???|zz|1234567`);
    expect(result.identifiers).toHaveLength(MAX_BULK_IDENTIFIERS);
    expect(result.identifiers[1]).toEqual({ kind: 'serial', value: 'VS000001' });
    expect(result.unreadable.map((entry) => entry.token)).toEqual(['n/a', '123', 'zz', '1234567']);

    expect(parseBulkList(`${noisy}\nVS999999`)).toEqual({
      ok: false,
      error: 'too-many',
      count: MAX_BULK_IDENTIFIERS + 1,
      limit: MAX_BULK_IDENTIFIERS,
    });
  });
});
