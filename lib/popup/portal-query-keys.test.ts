import { describe, expect, test } from 'vitest';
import type { TabIdentifier } from '../messaging/results';
import { portalQueryKeys } from './portal-queries';

const deployment = (value: string): TabIdentifier => ({ kind: 'deployment', value, count: 1 });
const list = (n: number, from = 10_000_000) =>
  Array.from({ length: n }, (_, i) => deployment(String(from + i)));

describe('the support query key', () => {
  test('the same list gives the same key; another list of the same length does not', () => {
    const key = (identifiers: TabIdentifier[]) => portalQueryKeys.supportStatus(7, identifiers);
    expect(key(list(3))).toEqual(key(list(3)));
    expect(key(list(3))).not.toEqual(key(list(3, 20_000_000)));
    expect(key(list(3))).not.toEqual(key([...list(3)].reverse()));
  });

  test('tells apart every list of one long tab as it grows, without carrying the list', () => {
    const ids = list(5000);
    const keys = new Set(
      ids.map((_, i) => portalQueryKeys.supportStatus(7, ids.slice(0, i + 1))[2]),
    );
    expect(keys.size).toBe(ids.length);
    expect(portalQueryKeys.supportStatus(7, ids)[2].length).toBeLessThan(32);
  });
});
