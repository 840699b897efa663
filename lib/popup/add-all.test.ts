import { describe, expect, test } from 'vitest';
import type {
  Cart,
  CartLine,
  ExpiredAdded,
  PortalResult,
  PortalServiceError,
} from '../messaging/portal-results';
import { type AddAllProgress, addExpiredInBatches } from './add-all';

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(10_000_000 + i));
const line = (deploymentId: string): CartLine => ({
  id: `line-${deploymentId}`,
  sku: 'SUP-1Y',
  name: '1-year support',
  deploymentId,
  quantity: 2,
  unitPrice: { amount: 29_900, currency: 'USD' },
  credits: 'organization',
});
const cartOf = (lines: CartLine[]): Cart => ({
  lines,
  total: { amount: 0, currency: 'USD' },
  version: lines.length,
});
const refused: PortalServiceError = { kind: 'not-found', status: 404 };
const down: PortalServiceError = { kind: 'portal-unavailable', cause: 'network' };

describe('add all expired in batches', () => {
  test('45 deployments go in batches of 20, 20 and 5; progress before each batch', async () => {
    const batches: string[][] = [];
    const progress: AddAllProgress[] = [];
    const carts: number[] = [];
    let lines: CartLine[] = [];
    const outcome = await addExpiredInBatches({
      deploymentIds: ids(45),
      ask: async (batch): Promise<PortalResult<ExpiredAdded>> => {
        batches.push(batch);
        const added = batch.filter((id) => id !== '10000021').map(line);
        lines = [...lines, ...added];
        return {
          ok: true,
          value: {
            added,
            alreadyInCart: batch.includes('10000003') ? ['10000003'] : [],
            failed: batch.includes('10000021')
              ? [{ deploymentId: '10000021', quantity: 2, error: refused }]
              : [],
            cart: cartOf(lines),
          },
        };
      },
      onBatch: (step, cart) => {
        if (cart) carts.push(cart.lines.length);
        else progress.push(step);
      },
    });
    expect(batches.map((batch) => batch.length)).toEqual([20, 20, 5]);
    expect(progress).toEqual([
      { sending: 20, total: 45 },
      { sending: 40, total: 45 },
      { sending: 45, total: 45 },
    ]);
    expect(carts).toEqual([20, 39, 44]);
    expect(outcome.added).toHaveLength(44);
    expect(outcome.alreadyInCart).toEqual(['10000003']);
    expect(outcome.failed).toEqual([{ deploymentId: '10000021', error: refused }]);
    expect(outcome.cart?.lines).toHaveLength(44);
  });

  test('a batch that fails as a whole: it and the rest are listed as failed, nothing more is sent', async () => {
    let asks = 0;
    const outcome = await addExpiredInBatches({
      deploymentIds: ids(50),
      ask: async (batch) => {
        asks += 1;
        return asks === 1
          ? {
              ok: true,
              value: { added: batch.map(line), alreadyInCart: [], failed: [], cart: cartOf([]) },
            }
          : { ok: false, error: down };
      },
    });
    expect(asks).toBe(2);
    expect(outcome.added).toHaveLength(20);
    expect(outcome.failed.map((f) => f.deploymentId)).toEqual(ids(50).slice(20));
    expect(outcome.failed.every((f) => f.error === down)).toBe(true);
  });
});
