// @vitest-environment node
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { planRenewal } from '../../lib/renewal';
import { startSandbox } from '../server';
import { call, TODAY } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'renewal-scout-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const expiryOf = async (sandbox: Awaited<ReturnType<typeof startSandbox>>, id: string) => {
  const { body } = await call(sandbox, 'POST', '/api/v1/support/lookup', {
    json: { items: [{ kind: 'deployment', value: id }] },
  });
  return body.results[0].support?.expiresOn as string | undefined;
};

describe('sandbox lifecycle', () => {
  test('keeps its data in the file across restarts, and every start mints a working token', async () => {
    const dataFile = join(dir, 'persist.sqlite');
    const first = await startSandbox({ port: 0, dataFile, today: TODAY });
    await call(first, 'PUT', '/api/v1/cart/renewals/85922823', {
      json: { quantity: 2, credits: 'card' },
    });
    const firstToken = first.token;
    await first.close();

    const second = await startSandbox({ port: 0, dataFile, today: '2027-01-10' });
    try {
      expect(second.token).not.toBe(firstToken);
      expect(second.seededFor).toBe(TODAY);
      expect(second.today).toBe('2027-01-10');
      const cart = await call(second, 'GET', '/api/v1/cart');
      expect(cart.body.lines).toEqual([
        expect.objectContaining({ deploymentId: '85922823', quantity: 2 }),
      ]);
      // The old token still works; expiry dates did not move with the new today.
      expect((await call(second, 'GET', '/api/v1/me', { auth: firstToken })).status).toBe(200);
      expect(await expiryOf(second, '85922823')).toBe('2026-12-08');
      // The catch-up rule uses the portal's current today: 85922823 lapsed on 2026-12-08.
      const renewal = await call(second, 'PUT', '/api/v1/cart/renewals/85922823', {
        json: { quantity: 1, credits: 'card' },
      });
      expect(renewal.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  test('starts over with reset', async () => {
    const dataFile = join(dir, 'reset.sqlite');
    const first = await startSandbox({ port: 0, dataFile, today: TODAY });
    await call(first, 'PUT', '/api/v1/cart/renewals/85922823', {
      json: { quantity: 2, credits: 'card' },
    });
    await first.close();
    const second = await startSandbox({ port: 0, dataFile, today: '2030-06-01', reset: true });
    try {
      expect(second.seededFor).toBe('2030-06-01');
      expect((await call(second, 'GET', '/api/v1/cart')).body.lines).toEqual([]);
      expect(await expiryOf(second, '85922823')).toBe('2030-06-13');
    } finally {
      await second.close();
    }
  });

  test('seeds expiry dates relative to today, keeping every case', async () => {
    for (const today of ['2026-11-26', '2028-02-29', '2031-01-01']) {
      const sandbox = await startSandbox({ port: 0, today });
      try {
        const plan = async (id: string) =>
          planRenewal((await expiryOf(sandbox, id)) as string, today);
        expect(await plan('14181336')).toMatchObject({ status: 'expired', catchUpYears: 5 });
        expect(await plan('47310958')).toMatchObject({ status: 'expired', quantity: 2 });
        expect(await plan('85922823')).toMatchObject({ status: 'active', quantity: 1 });
        expect(await plan('64218095')).toMatchObject({ status: 'active' });
        expect(await plan('41867203')).toMatchObject({ status: 'expired', quantity: 1 });
        expect((await expiryOf(sandbox, '19750628'))?.slice(5)).toBe('02-29');
      } finally {
        await sandbox.close();
      }
    }
  });

  test('is deterministic: the same today and size give the same deployments', async () => {
    const list = async () => {
      const sandbox = await startSandbox({ port: 0, today: TODAY });
      try {
        return (await call(sandbox, 'GET', '/api/v1/deployments?limit=100')).body;
      } finally {
        await sandbox.close();
      }
    };
    expect(await list()).toEqual(await list());
  });

  test('generates the requested number of deployments with --seed-size', async () => {
    const dataFile = join(dir, 'load.sqlite');
    const sandbox = await startSandbox({ port: 0, dataFile, today: TODAY, seedSize: 2000 });
    let ids: string[];
    try {
      expect(sandbox.seedSize).toBe(2000);
      const listed = await call(sandbox, 'GET', '/api/v1/deployments?limit=100');
      expect(listed.body.deployments).toHaveLength(100);
      ids = listed.body.deployments.map((d: { deployment: { id: string } }) => d.deployment.id);
      const items = ids.map((value) => ({ kind: 'deployment', value }));
      const lookup = await call(sandbox, 'POST', '/api/v1/support/lookup', { json: { items } });
      expect(lookup.body.results.every((r: { found: boolean }) => r.found)).toBe(true);
    } finally {
      await sandbox.close();
    }
    const db = new Database(dataFile, { readonly: true });
    try {
      const count = (org: string) =>
        db
          .prepare(
            `SELECT count(*) FROM deployments WHERE organization_id IN
               (SELECT id FROM organizations WHERE id = ? OR parent_id = ?)`,
          )
          .pluck()
          .get(org, org);
      expect(count('org-brightline')).toBe(2000);
      expect(count('org-orchid')).toBe(8);
    } finally {
      db.close();
    }
  });

  test('always seeds at least the hand-written demo deployments', async () => {
    const sandbox = await startSandbox({ port: 0, today: TODAY, seedSize: 0 });
    try {
      expect(sandbox.seedSize).toBe(28);
      const listed = await call(sandbox, 'GET', '/api/v1/deployments?limit=100');
      expect(listed.body.deployments).toHaveLength(28);
    } finally {
      await sandbox.close();
    }
  });

  test('rejects a bad today', async () => {
    await expect(startSandbox({ port: 0, today: '2026-02-30' })).rejects.toThrow(RangeError);
  });
});

describe('npm run sandbox', () => {
  const run = (args: string[]) =>
    new Promise<{ output: string; code: number | null }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts', ...args], {
        cwd: join(import.meta.dirname, '../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      let stopping = false;
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (!stopping && output.includes('Ctrl+C to stop.')) {
          stopping = true;
          child.kill('SIGTERM');
        }
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve({ output, code: code ?? Number(signal) }));
    });

  test('prints its URL, the sign-ins and the token, and stops cleanly', async () => {
    const data = join(dir, 'cli.sqlite');
    const { output, code } = await run([
      '--port',
      '0',
      '--data',
      data,
      '--today',
      TODAY,
      '--reset',
      '--seed-size',
      '60',
    ]);
    expect(output).toMatch(/Sandbox partner portal: http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toContain('reseller@example.test / renewal-scout-demo');
    expect(output).toContain('other@example.test / renewal-scout-demo');
    expect(output).toMatch(/reseller access token: rspat_[\w-]{43}/);
    expect(output).toContain('data seeded for 2026-11-26 with 60 reseller deployments');
    expect(code).toBe(0);
  }, 30_000);

  test('refuses bad options with usage', async () => {
    for (const args of [
      ['--port', 'abc'],
      ['--today', '2026-13-01'],
      ['--bogus'],
      ['--extension-origin', 'https://evil.example'],
    ]) {
      const { output, code } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(output).toContain('Usage: npm run sandbox');
    }
  }, 60_000);
});
