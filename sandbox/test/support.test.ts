// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { ProblemType } from '../../lib/portal/problems';
import { deploymentSearchResponseSchema, lookupResponseSchema } from '../../lib/portal/schemas';
import { call, otherUserCookie, useSandbox } from './helpers';

const sandbox = useSandbox();

const lookup = (items: unknown, init: { headers?: Record<string, string>; auth?: null } = {}) =>
  call(sandbox(), 'POST', '/api/v1/support/lookup', { json: { items }, ...init });

describe('support lookup', () => {
  test('answers one result per item, in order, echoing each value', async () => {
    const items = [
      { kind: 'deployment', value: '85922823' },
      { kind: 'deployment', value: '58602147' },
      { kind: 'serial', value: 'VS0164AB' },
      { kind: 'deployment', value: '14181336' },
    ];
    const answer = await lookup(items);
    expect(answer.status).toBe(200);
    const { results } = lookupResponseSchema.parse(answer.body);
    expect(results.map(({ kind, value, found }) => ({ kind, value, found }))).toEqual([
      { kind: 'deployment', value: '85922823', found: true },
      { kind: 'deployment', value: '58602147', found: false },
      { kind: 'serial', value: 'VS0164AB', found: true },
      { kind: 'deployment', value: '14181336', found: true },
    ]);
    const [first, , bySerial] = results;
    expect(first).toMatchObject({
      deployment: {
        id: '85922823',
        organization: { id: 'org-harbourline', name: 'Harbourline Logistics' },
      },
      product: { sku: 'FPBX-APP-100', name: 'FreePBX Appliance 100' },
      serials: ['SVX-2F9K-77QA', 'SVX-6C5A-5A62R'],
      support: { expiresOn: '2026-12-08', unitPrice: { amount: 24900, currency: 'USD' } },
    });
    expect(bySerial).toMatchObject({ deployment: { id: '14181336' } });
  });

  test('matches serials case-insensitively, whatever their format', async () => {
    const { body } = await lookup([
      { kind: 'serial', value: 'vs0164ab' },
      { kind: 'serial', value: 'Fpbx-7a21-9C03' },
      { kind: 'serial', value: 'svx-2f9k-77qa' },
      { kind: 'serial', value: 'pbxact60a1b2' },
      { kind: 'serial', value: ' fx22090041 ' },
      { kind: 'serial', value: 'fr4m3-0099' },
    ]);
    expect(body.results.map((r: { deployment?: { id: string } }) => r.deployment?.id)).toEqual([
      '14181336',
      '93081756',
      '85922823',
      '90516244',
      '14181336',
      '16081095',
    ]);
    expect(body.results[1].value).toBe('Fpbx-7a21-9C03');
  });

  test("hides another organization's deployments and serials as if they did not exist", async () => {
    const { body } = await lookup([
      { kind: 'deployment', value: '30000007' },
      { kind: 'serial', value: 'PBXACT100F2C3A1' },
      { kind: 'deployment', value: '99999999' },
    ]);
    expect(body.results).toEqual([
      { kind: 'deployment', value: '30000007', found: false },
      { kind: 'serial', value: 'PBXACT100F2C3A1', found: false },
      { kind: 'deployment', value: '99999999', found: false },
    ]);

    // …while Orchid sees its own (and its customer's) but none of the reseller's.
    const cookie = await otherUserCookie(sandbox());
    const other = await lookup(
      [
        { kind: 'deployment', value: '30000007' },
        { kind: 'serial', value: 'pbxact100f2c3a1' },
        { kind: 'deployment', value: '14181336' },
      ],
      { auth: null, headers: { Cookie: cookie, Origin: sandbox().url } },
    );
    expect(other.body.results.map((r: { found: boolean }) => r.found)).toEqual([true, true, false]);
  });

  test('takes 1 to 100 items', async () => {
    const item = { kind: 'deployment', value: '14181336' };
    expect((await lookup(Array(100).fill(item))).status).toBe(200);
    for (const items of [[], Array(101).fill(item)]) {
      const answer = await lookup(items);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ type: ProblemType.validation, status: 422 });
      expect(answer.body.errors[0].path).toBe('/items');
    }
  });

  test('rejects wrong kinds, empty values and unknown fields with JSON Pointer paths', async () => {
    const answer = await call(sandbox(), 'POST', '/api/v1/support/lookup', {
      json: {
        items: [
          { kind: 'phone', value: '1' },
          { kind: 'serial', value: '' },
          { kind: 'serial', value: 'X1', extra: 1 },
        ],
        more: true,
      },
    });
    expect(answer.status).toBe(422);
    const paths = answer.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['/items/0/kind', '/items/1/value', '/items/2/extra', '/more']);
  });
});

describe('deployment search', () => {
  const search = async (params: string) => {
    const answer = await call(sandbox(), 'GET', `/api/v1/deployments${params}`);
    return {
      ...answer,
      ids: (answer.body?.deployments ?? []).map(
        (d: { deployment: { id: string } }) => d.deployment.id,
      ) as string[],
    };
  };

  test('lists visible deployments ordered by id, 20 by default, at most 100', async () => {
    const defaults = await search('');
    expect(defaults.status).toBe(200);
    deploymentSearchResponseSchema.parse(defaults.body);
    expect(defaults.ids).toHaveLength(20);
    expect(defaults.ids).toEqual([...defaults.ids].sort());

    const all = await search('?limit=100');
    expect(all.ids).toHaveLength(50);
    expect(all.ids).not.toContain('30000007');
    expect(all.ids).not.toContain('27596340');
    expect(all.ids.slice(0, 20)).toEqual(defaults.ids);

    expect((await search('?query=&limit=3')).ids).toEqual(all.ids.slice(0, 3));
  });

  test('finds by number prefix and by name, case-insensitively', async () => {
    expect((await search('?query=1418')).ids).toEqual(['14181336']);
    const byName = await search('?query=LAKESHORE%20dental');
    expect(byName.ids).toEqual(['14181336', '54475490', '58987777', '66037476']);
    expect((await search('?query=%20%20harbourline%20warehouse%20')).ids).toEqual(['85922823']);
    expect((await search('?query=300000')).ids).toEqual([]);
    // LIKE wildcards in the query are literal.
    expect((await search('?query=%25')).ids).toEqual([]);
  });

  test('rejects a bad limit or an overlong query with 422', async () => {
    for (const params of [
      '?limit=0',
      '?limit=101',
      '?limit=ten',
      '?limit=-1',
      '?limit=2.5',
      `?query=${'x'.repeat(101)}`,
    ]) {
      const answer = await search(params);
      expect(answer.status, params).toBe(422);
      expect(answer.body.type).toBe(ProblemType.validation);
    }
  });
});
