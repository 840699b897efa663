import { describe, expect, test } from 'vitest';
import { DEPLOYMENT_SHAPE, findCandidates, SERIAL_SHAPE, shapesOf } from './tokens';

function candidates(text: string): string[] {
  return findCandidates(text).map((c) => {
    const shapes = [
      c.shapes & DEPLOYMENT_SHAPE ? 'deployment' : '',
      c.shapes & SERIAL_SHAPE ? 'serial' : '',
    ]
      .filter(Boolean)
      .join('+');
    return `${text.slice(c.start, c.end)}=${shapes}`;
  });
}

describe('findCandidates', () => {
  test('gives an 8-digit token both shapes', () => {
    expect(candidates('id 14181336 here')).toEqual(['14181336=deployment+serial']);
  });

  test('finds serial-shaped tokens of 6 to 24 characters with a digit', () => {
    expect(candidates('VS0164AB SVX-2F9K-77QA A1B2C ABCDEFGH')).toEqual([
      'VS0164AB=serial',
      'SVX-2F9K-77QA=serial',
    ]);
    expect(candidates('X23456789012345678901234')).toEqual(['X23456789012345678901234=serial']);
    expect(candidates('X234567890123456789012345')).toEqual([]);
  });

  test('takes the whole hyphenated run, never a piece of it', () => {
    const long = 'AB12-CD34-EF56-GH78-IJ90-KL12';
    expect(long.length).toBe(29);
    expect(candidates(`serial ${long}`)).toEqual([]);
  });

  test('drops outer hyphens from a serial', () => {
    expect(candidates('-VS0164AB-')).toEqual(['VS0164AB=serial']);
  });

  test('rejects 8 digits touching a letter or another digit', () => {
    expect(candidates('x14181336 141813367 14181336a')).toEqual([
      'x14181336=serial',
      '141813367=serial',
      '14181336a=serial',
    ]);
  });

  test('rejects 8 digits joined to a digit by a single dot or hyphen', () => {
    // Still serial-shaped: a dot is neither letter nor digit.
    expect(candidates('3.76142931')).toEqual(['76142931=serial']);
    expect(candidates('76142931.5')).toEqual(['76142931=serial']);
    expect(candidates('76142931-01')).toEqual(['76142931-01=serial']);
    expect(candidates('01-76142931')).toEqual(['01-76142931=serial']);
  });

  test('keeps 8 digits next to a hyphen or dot that joins no digit', () => {
    expect(candidates('ab-14181336')).toEqual(['ab-14181336=serial', '14181336=deployment']);
    expect(candidates('85922823.deployments.pbxact.com')).toEqual(['85922823=deployment+serial']);
    expect(candidates('end 14181336.')).toEqual(['14181336=deployment+serial']);
  });
});

describe('shapesOf', () => {
  test('tells the shape of a whole value', () => {
    expect(shapesOf('14181336')).toBe(DEPLOYMENT_SHAPE | SERIAL_SHAPE);
    expect(shapesOf('FPBX-100-00A3C9')).toBe(SERIAL_SHAPE);
    expect(shapesOf('ABCDEFG')).toBe(0);
    expect(shapesOf('AB-12')).toBe(0);
    expect(shapesOf('-AB1234')).toBe(0);
    expect(shapesOf('AB 1234')).toBe(0);
    expect(shapesOf('1418133')).toBe(SERIAL_SHAPE);
  });
});
