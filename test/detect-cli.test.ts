// @vitest-environment node
// The detect CLI as the corpus scorer runs it: a real process, real files.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');
let dir = '';

function detect(...files: string[]) {
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/detect.ts', ...files],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  const lines = run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { file: string; identifiers: unknown[] });
  return { status: run.status, lines, stderr: run.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'detect-cli-'));
  writeFileSync(
    join(dir, 'ticket.html'),
    `<!doctype html><html><head><title>Ticket 4410</title>
    <script>document.body.innerHTML = '<p>Deployment 99999999</p>';</script></head>
    <body><h1>Ticket #10311234</h1>
    <p>Our deployment ID is 14181336; spare S/N: vs0164ab. Deployment <b>1418</b>1336 again.</p>
    <table><tr><th>Serial Number</th><td>FPBX-100-00A3C9</td></tr></table>
    <template><p>Deployment 85922823</p></template><div hidden>Serial VS0232CD</div>
    <img src="https://example.invalid/x.png" alt="Deployment 30000007">
    </body></html>`,
  );
  writeFileSync(join(dir, 'empty.html'), '<p>Call 5551234567 about order 12345678.</p>');
  writeFileSync(join(dir, 'locked.html'), '<p>Deployment 14181336</p>');
  chmodSync(join(dir, 'locked.html'), 0o000);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Each test starts a real process (tsx + happy-dom), which takes seconds on a loaded machine.
describe('npm run detect', { timeout: 90_000 }, () => {
  test('prints one JSON line per file with its distinct identifiers, page scripts not run', () => {
    const file = join(dir, 'ticket.html');
    const { status, lines, stderr } = detect(file);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(lines).toEqual([
      {
        file,
        identifiers: [
          { kind: 'deployment', value: '14181336' },
          { kind: 'serial', value: 'VS0164AB' },
          { kind: 'serial', value: 'FPBX-100-00A3C9' },
        ],
      },
    ]);
  });

  test('names the file it cannot read, goes on with the others and exits with 2', () => {
    const missing = join(dir, 'missing.html');
    const empty = join(dir, 'empty.html');
    const { status, lines, stderr } = detect(missing, empty, dir);
    expect(status).toBe(2);
    expect(lines).toEqual([{ file: empty, identifiers: [] }]);
    expect(stderr).toContain(`cannot read ${missing}: no such file`);
    expect(stderr).toContain(`cannot read ${dir}: is a directory`);
  });

  test.skipIf(process.getuid?.() === 0)('reports a file it has no permission to read', () => {
    const locked = join(dir, 'locked.html');
    const { status, stderr } = detect(locked);
    expect(status).toBe(2);
    expect(stderr).toContain(`cannot read ${locked}: permission denied`);
  });

  test('says how to use it when given no file', () => {
    const { status, stderr, lines } = detect();
    expect(status).toBe(2);
    expect(lines).toEqual([]);
    expect(stderr).toContain('usage:');
  });
});
