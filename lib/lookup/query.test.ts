import { describe, expect, test } from 'vitest';
import {
  classifyManualQuery,
  lookupPagePath,
  lookupQueryFromSearch,
  selectionToQuery,
} from './query';

describe('classifyManualQuery, like the portal wizard', () => {
  test.each([
    ['14181336', { kind: 'deployment', value: '14181336' }],
    ['  00001234 ', { kind: 'deployment', value: '00001234' }],
    ['vs0164ab', { kind: 'serial', value: 'VS0164AB' }],
    ['SVX-2F9K-77QA', { kind: 'serial', value: 'SVX-2F9K-77QA' }],
    // Digits only but not 8 of them: a deployment number prefix, searched like a name.
    ['1418', { kind: 'name', value: '1418' }],
    ['123456789', { kind: 'name', value: '123456789' }],
    // Letters only: a name.
    ['Lakeshore', { kind: 'name', value: 'Lakeshore' }],
    ['Lakeshore Dental, main office', { kind: 'name', value: 'Lakeshore Dental, main office' }],
    // Too short or too long for a serial.
    ['AB12', { kind: 'name', value: 'AB12' }],
    ['A1234567890123456789012345', { kind: 'name', value: 'A1234567890123456789012345' }],
    ['-VS0164AB', { kind: 'name', value: '-VS0164AB' }],
  ])('%j → %j', (query, expected) => {
    expect(classifyManualQuery(query)).toEqual(expected);
  });
});

describe('selectionToQuery', () => {
  test.each([
    ['  14181336, ', '14181336'],
    ['(VS0164AB)', 'VS0164AB'],
    ['“Lakeshore Dental”.', 'Lakeshore Dental'],
    ['Lakeshore\n\n  Dental', 'Lakeshore Dental'],
    ['#14181336:', '14181336'],
    ['...', ''],
    ['', ''],
  ])('%j → %j', (selection, expected) => {
    expect(selectionToQuery(selection)).toBe(expected);
  });

  test('a long selection is cut to 100 characters', () => {
    const query = selectionToQuery(`${'word '.repeat(60)}end`);
    expect(query.length).toBeLessThanOrEqual(100);
    expect(query.startsWith('word word')).toBe(true);
  });
});

describe('the lookup page address', () => {
  test('round-trips any text', () => {
    for (const text of ['14181336', 'Lakeshore & Sons / #2?', 'Zoë’s café = 100%']) {
      const path = lookupPagePath(text);
      expect(path.startsWith('/popup.html?lookup=')).toBe(true);
      expect(lookupQueryFromSearch(path.slice(path.indexOf('?')))).toBe(text);
    }
  });

  test('no or an empty lookup parameter means no lookup', () => {
    expect(lookupQueryFromSearch('?tabId=4')).toBeUndefined();
    expect(lookupQueryFromSearch('?lookup=%20%20')).toBeUndefined();
  });
});
